import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { AuthUser, OrganizationRole, requireOrganization } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { forbidden, isUuid, notFound } from '@lienket/graphql';
import { checkImage } from '../storage/image-upload';
import { FileStorage, StoredFileMissing } from '../storage/file.storage';
import { OrganizationEntity, VerificationStatus } from './organization.entity';
import { canSeePrivate, logoUrl } from './organization.service';

/**
 * An organization's logo: owners and managers upload, replace and remove it; it is public when the
 * organization is (VERIFIED), else seen only by its members and platform staff.
 */
@Injectable()
export class LogoService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FileStorage) private readonly storage: FileStorage,
  ) {}

  /** Replaces the logo: the new bytes are stored before the row points at them, the old ones removed after commit. */
  async replace(user: AuthUser, bytes: Buffer | undefined): Promise<{ logoUrl: string }> {
    const organizationId = requireLogoEditor(user);
    const image = checkImage(bytes, this.config.maxLogoBytes);
    const logoId = randomUUID();
    const key = `${organizationId}/logo/${logoId}.${image.ext}`;
    let stored = false;
    try {
      const oldKey = await inTransaction(this.ds, async (m) => {
        const org = await lockOrganization(m, organizationId);
        await this.storage.put(key, bytes!, image.type);
        stored = true;
        return setLogo(m, user, org, { logoId, logoKey: key, logoContentType: image.type });
      });
      if (oldKey) await this.storage.delete(oldKey).catch(() => undefined);
      return { logoUrl: logoUrl(logoId)! };
    } catch (e) {
      if (stored) await this.storage.delete(key).catch(() => undefined);
      throw e;
    }
  }

  /** Removing no logo is not an error: the result is the same. */
  async remove(user: AuthUser): Promise<void> {
    const organizationId = requireLogoEditor(user);
    const oldKey = await inTransaction(this.ds, async (m) => {
      const org = await lockOrganization(m, organizationId);
      return org.logoId ? setLogo(m, user, org, { logoId: null, logoKey: null, logoContentType: null }) : null;
    });
    if (oldKey) await this.storage.delete(oldKey).catch(() => undefined);
  }

  async open(viewer: AuthUser | null, logoId: string): Promise<{ contentType: string; stream: Readable; public: boolean }> {
    const org = isUuid(logoId) ? await this.ds.getRepository(OrganizationEntity).findOneBy({ logoId }) : null;
    if (!org?.logoKey) throw notFound();
    const isPublic = org.verification === VerificationStatus.VERIFIED;
    if (!isPublic && !canSeePrivate(viewer, org.id)) throw notFound();
    const stream = await this.storage.open(org.logoKey).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound() : e;
    });
    return { contentType: org.logoContentType!, stream, public: isPublic };
  }
}

function requireLogoEditor(user: AuthUser): string {
  const organizationId = requireOrganization(user);
  if (user.organizationRole === OrganizationRole.MEMBER) throw forbidden();
  return organizationId;
}

async function lockOrganization(m: EntityManager, id: string): Promise<OrganizationEntity> {
  const org = await m.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!org) throw notFound();
  return org;
}

/** Points the organization at a logo (or none), audited; answers the key of the logo it replaced. */
async function setLogo(m: EntityManager, user: AuthUser, org: OrganizationEntity, logo: Pick<OrganizationEntity, 'logoId' | 'logoKey' | 'logoContentType'>): Promise<string | null> {
  const oldKey = org.logoKey;
  await m.getRepository(OrganizationEntity).update(org.id, logo);
  await recordAudit(m, { actorId: user.id, action: logo.logoId ? 'organization.logo_replaced' : 'organization.logo_removed', subject: 'ORGANIZATION', subjectId: org.id, before: { logoId: org.logoId }, after: { logoId: logo.logoId } });
  return oldKey;
}

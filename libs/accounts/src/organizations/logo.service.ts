import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { AuthUser } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { forbidden, isUuid, notFound } from '@lienket/graphql';
import { deleteReplaced, FileStorage, LOGO_SIZES, requireUploader, storeableImage, storeThenCommit, StoredFileMissing, thumbnailKey } from '@lienket/storage';
import { requireNotSuspendedToUpload } from './upload-rights';
import { OrganizationEntity, VerificationStatus } from './organization.entity';
import { canSeePrivate, logoUrl } from './organization.service';

type LogoColumns = Pick<OrganizationEntity, 'logoId' | 'logoKey' | 'logoContentType' | 'logoThumbnailKey'>;
const NO_LOGO: LogoColumns = { logoId: null, logoKey: null, logoContentType: null, logoThumbnailKey: null };

/**
 * An organization's logo: owners and managers of an organization that is not suspended upload,
 * replace and remove it; it is public when the organization is (VERIFIED), else seen only by its
 * members and platform staff.
 */
@Injectable()
export class LogoService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FileStorage) private readonly storage: FileStorage,
  ) {}

  /**
   * Replaces the logo: the re-encoded image and its thumbnail are stored under fresh keys, then the
   * row is pointed at them in one short transaction (the row lock is never held across the storage),
   * and the replaced files are deleted after commit.
   */
  async replace(user: AuthUser, bytes: Buffer | undefined): Promise<{ logoUrl: string }> {
    const organizationId = requireUploader(user);
    const image = await storeableImage(bytes, { maxBytes: this.config.maxLogoBytes, maxPixels: this.config.uploads.maxImagePixels, ...LOGO_SIZES });
    await requireNotSuspendedToUpload(this.ds.manager, organizationId);
    const logoId = randomUUID();
    const key = `${organizationId}/logo/${logoId}.${image.ext}`;
    const thumb = thumbnailKey(key);
    const files = [{ key, bytes: image.bytes, contentType: image.type }, { key: thumb, bytes: image.thumbnail.bytes, contentType: 'image/webp' }];
    const replaced = await storeThenCommit(this.storage, files, () =>
      inTransaction(this.ds, (m) => setLogo(m, user, organizationId, { logoId, logoKey: key, logoContentType: image.type, logoThumbnailKey: thumb })),
    );
    await deleteReplaced(this.storage, [replaced.logoKey, replaced.logoThumbnailKey]);
    return { logoUrl: logoUrl(logoId)! };
  }

  /** Removing no logo is not an error: the result is the same. */
  async remove(user: AuthUser): Promise<void> {
    const organizationId = requireUploader(user);
    const replaced = await inTransaction(this.ds, (m) => setLogo(m, user, organizationId, NO_LOGO));
    await deleteReplaced(this.storage, [replaced.logoKey, replaced.logoThumbnailKey]);
  }

  /** The logo (or its thumbnail) if the viewer may see it; otherwise it does not exist. */
  async open(viewer: AuthUser | null, logoId: string, variant: 'full' | 'thumbnail' = 'full'): Promise<{ contentType: string; stream: Readable; public: boolean }> {
    const org = isUuid(logoId) ? await this.ds.getRepository(OrganizationEntity).findOneBy({ logoId }) : null;
    if (!org?.logoKey) throw notFound();
    const isPublic = org.verification === VerificationStatus.VERIFIED;
    if (!isPublic && !canSeePrivate(viewer, org.id)) throw notFound();
    const thumbnail = variant === 'thumbnail' && org.logoThumbnailKey;
    const stream = await this.storage.open(thumbnail || org.logoKey).catch((e: unknown) => {
      throw e instanceof StoredFileMissing ? notFound() : e;
    });
    return { contentType: thumbnail ? 'image/webp' : org.logoContentType!, stream, public: isPublic };
  }
}

/**
 * Points the organization at a logo (or none), audited, under the row lock (a new logo only while
 * the organization is not suspended); answers the files of the logo it replaced. An unchanged "no logo" writes nothing.
 */
async function setLogo(m: EntityManager, user: AuthUser, organizationId: string, logo: LogoColumns): Promise<LogoColumns> {
  const org = await m.getRepository(OrganizationEntity).findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
  if (!org) throw notFound();
  if (!logo.logoId && !org.logoId) return NO_LOGO;
  if (logo.logoId && org.verification === VerificationStatus.SUSPENDED) throw forbidden('uploadSuspended');
  await m.getRepository(OrganizationEntity).update(org.id, logo);
  await recordAudit(m, { actorId: user.id, action: logo.logoId ? 'organization.logo_replaced' : 'organization.logo_removed', subject: 'ORGANIZATION', subjectId: org.id, before: { logoId: org.logoId }, after: { logoId: logo.logoId } });
  return { logoId: org.logoId, logoKey: org.logoKey, logoContentType: org.logoContentType, logoThumbnailKey: org.logoThumbnailKey };
}

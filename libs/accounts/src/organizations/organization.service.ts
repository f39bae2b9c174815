import { isUuid } from '@lienket/graphql';
import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { plainRead, preparedQuery } from '@lienket/database';
import { isPlatformStaff, loader, mayAccessOrganization, RequestContext, Viewer } from '@lienket/auth';
import { findProvince, findWard, toProvince } from '@lienket/reference-data';
import { OrganizationEntity, VerificationStatus } from './organization.entity';
import { Organization } from './organization.type';

@Injectable()
export class OrganizationService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** One batched query per request for every organization a response mentions. */
  loader(ctx: RequestContext): DataLoader<string, OrganizationEntity | null> {
    return loader(ctx, 'organizations', () => new DataLoader<string, OrganizationEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      // Plain SQL: on every page that names organizations, hydration showed in the profile (decision 42).
      const { table, columns, entities } = plainRead(this.ds, OrganizationEntity, 'o');
      const rows = valid.length ? entities(await preparedQuery<object>(this.ds, `SELECT ${columns} FROM ${table} o WHERE o.id = ANY($1::uuid[])`, [valid])) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }));
  }

  /**
   * A verified organization is public; any other is visible only to its own members and platform
   * staff — to everyone else it does not exist.
   */
  async findVisible(ctx: RequestContext, id: string): Promise<OrganizationEntity | null> {
    const org = await this.loader(ctx).load(id);
    if (!org) return null;
    return org.verification === VerificationStatus.VERIFIED || canSeePrivate(ctx.user, org.id) ? org : null;
  }

  /**
   * What a reference from another subgraph (`_entities`) answers: what `findVisible` answers, and
   * also an organization suspended since it was public. A reference exists only where another
   * subgraph already showed the caller what names the organization — a contract's party, a bid's
   * supplier, a need's buyer — and a suspension must not unname a counterparty (and fail the
   * caller's whole list of contracts with it); its profile and the directory still hide it.
   * Public fields only, and `verification` says SUSPENDED (decision 139).
   */
  async findReferable(ctx: RequestContext, id: string): Promise<OrganizationEntity | null> {
    const org = await this.loader(ctx).load(id);
    if (org?.verification === VerificationStatus.SUSPENDED) return org;
    return this.findVisible(ctx, id);
  }
}

/** Members of the organization and platform staff read its private data (the shared rule in @lienket/auth). */
export const canSeePrivate = (viewer: Viewer, organizationId: string): boolean =>
  mayAccessOrganization(viewer, organizationId, 'read');

/** A new logo is a new id, so the URL of one logo never changes what it shows. */
export const logoUrl = (logoId: string | null) => (logoId ? `/api/logos/${logoId}` : null);
export const logoThumbnailUrl = (logoId: string | null, thumbnailKey: string | null) =>
  logoId && thumbnailKey ? `/api/logos/${logoId}/thumbnail` : logoUrl(logoId);

export function toOrganization(e: OrganizationEntity, ctx: Pick<RequestContext, 'user' | 'lang'>): Organization {
  const viewer = ctx.user;
  const province = findProvince(e.provinceCode);
  const privateOk = canSeePrivate(viewer, e.id);
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    taxCode: e.taxCode,
    // Province codes are validated on write, so the lookup always hits.
    province: toProvince(province!, ctx.lang),
    verification: e.verification,
    verificationNote: privateOk ? e.verificationNote : null,
    memberCount: e.memberCount,
    description: e.description,
    ward: privateOk && e.wardCode ? { code: e.wardCode, name: findWard(e.wardCode)?.name ?? e.wardCode } : null,
    foundedYear: e.foundedYear,
    logoUrl: logoUrl(e.logoId),
    logoThumbnailUrl: logoThumbnailUrl(e.logoId, e.logoThumbnailKey),
    address: privateOk ? e.address : null,
    phone: privateOk ? e.phone : null,
    createdAt: e.createdAt,
    // The console's switch shows it; whom the platform trusts is not told to anyone else.
    trustedBuyer: isPlatformStaff(viewer) ? e.trustedBuyer : null,
  };
}

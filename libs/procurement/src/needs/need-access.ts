import { EntityManager } from 'typeorm';
import { isPlatformStaff, mayAccessOrganization, Viewer } from '@lienket/auth';
import { organizationFacts } from '../events/organization-changed.handler';
import { inAudience } from './need-audience';
import { NeedEntity, NeedStatus, PUBLIC_NEED_STATUSES } from './need.entity';

/**
 * Who reads a need: its buyer's members in every status, platform staff every submitted one (they
 * review them; a draft stays inside its buyer), anyone else a public one whose buyer is verified
 * now (a suspended buyer's needs leave the market with it) — of those an INVITED need only the
 * suppliers it invites (need-audience.ts). Everyone else is answered NOT_FOUND.
 */
export async function mayReadNeed(
  em: EntityManager,
  viewer: Viewer,
  need: Pick<NeedEntity, 'buyerOrgId' | 'status' | 'visibility' | 'invitedSupplierIds'>,
): Promise<boolean> {
  if (mayAccessOrganization(viewer, need.buyerOrgId, 'read', { staff: false })) return true;
  if (need.status !== NeedStatus.DRAFT && isPlatformStaff(viewer)) return true;
  if (!PUBLIC_NEED_STATUSES.includes(need.status) || !inAudience(viewer, need)) return false;
  return (await organizationFacts(em, need.buyerOrgId))?.verification === 'VERIFIED';
}

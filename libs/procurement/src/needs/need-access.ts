import { EntityManager } from 'typeorm';
import { isPlatformStaff, mayAccessOrganization, Viewer } from '@lienket/auth';
import { organizationFacts } from '../events/organization-changed.handler';
import { NeedStatus, PUBLIC_NEED_STATUSES } from './need.entity';

/**
 * Who reads a need: its buyer's members in every status, platform staff every submitted one (they
 * review them; a draft stays inside its buyer), anyone else a public one whose buyer is verified
 * now (a suspended buyer's needs leave the market with it). Everyone else is answered NOT_FOUND.
 */
export async function mayReadNeed(em: EntityManager, viewer: Viewer, need: { buyerOrgId: string; status: NeedStatus }): Promise<boolean> {
  if (mayAccessOrganization(viewer, need.buyerOrgId, 'read', { staff: false })) return true;
  if (need.status !== NeedStatus.DRAFT && isPlatformStaff(viewer)) return true;
  if (!PUBLIC_NEED_STATUSES.includes(need.status)) return false;
  return (await organizationFacts(em, need.buyerOrgId))?.verification === 'VERIFIED';
}

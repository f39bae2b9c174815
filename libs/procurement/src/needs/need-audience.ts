import { EntityManager } from 'typeorm';
import { isPlatformStaff, Viewer } from '@lienket/auth';
import { badInput, isUuid } from '@lienket/graphql';
import { writeOutbox } from '@lienket/queue';
import { NeedEntity, NeedVisibility } from './need.entity';

/**
 * Who a need is for (decision 134). A PUBLIC need is the market's once open; an INVITED one only its
 * buyer's, platform staff's and the invited suppliers'; to anyone else it does not exist. Either kind
 * may invite suppliers, and each invited supplier is told when the need opens.
 */

/**
 * The invited suppliers as the input names them, judged against procurement's copy of catalog's
 * organizations: each a COOPERATIVE that is VERIFIED now and not the buyer itself; an INVITED need
 * names at least one. Unknown and unverified read alike: whether an organization exists and is
 * waiting for verification is not the buyer's to learn.
 */
export async function checkInvitees(em: EntityManager, buyerOrgId: string, visibility: NeedVisibility, ids: readonly string[]): Promise<void> {
  if (visibility === NeedVisibility.INVITED && ids.length === 0) throw badInput('invitedSupplierIds', 'invitedSuppliersRequired');
  const known = ids.filter(isUuid);
  const rows = known.length
    ? await em.query<{ id: string; kind: string; verification: string }[]>(
        `SELECT id, kind, verification FROM procurement.organizations WHERE id = ANY($1::uuid[])`,
        [known],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const field = `invitedSupplierIds.${i}`;
    if (id === buyerOrgId) throw badInput(field, 'invitedSupplierSelf');
    const org = isUuid(id) ? byId.get(id) : undefined;
    if (org?.verification !== 'VERIFIED') throw badInput(field, 'invitedSupplierUnavailable');
    if (org.kind !== 'COOPERATIVE') throw badInput(field, 'invitedSupplierNotCooperative');
  });
}

/** Whether the viewer may read a need that is past review: always for a PUBLIC one. */
export function inAudience(viewer: Viewer, need: Pick<NeedEntity, 'visibility' | 'buyerOrgId' | 'invitedSupplierIds'>): boolean {
  if (need.visibility !== NeedVisibility.INVITED) return true;
  const org = viewer?.organizationId;
  return isPlatformStaff(viewer) || (!!org && (org === need.buyerOrgId || need.invitedSupplierIds.includes(org)));
}

/**
 * The same rule as a condition on `procurement.needs n` for lists (`$` adds a parameter). The
 * containment test is the form the `needs_invited` GIN index answers.
 */
export function audienceSql(viewer: Viewer, $: (v: unknown) => string): string {
  if (isPlatformStaff(viewer)) return 'TRUE';
  const org = viewer?.organizationId;
  if (!org) return `n.visibility = 'PUBLIC'`;
  const p = $(org);
  return `(n.visibility = 'PUBLIC' OR n.buyer_org_id = ${p}::uuid OR n.invited_supplier_ids @> ARRAY[${p}::uuid])`;
}

/**
 * In the transaction that opens the need: `need.opened` with what the matcher scores it on, and
 * each invited supplier told (tellInvited).
 */
export async function tellOpened(em: EntityManager, need: NeedEntity): Promise<void> {
  await writeOutbox(em, 'procurement', 'need.opened', {
    needId: need.id,
    buyerOrgId: need.buyerOrgId,
    title: need.title,
    categoryCode: need.categoryCode,
    quantity: need.quantity,
    unitCode: need.unitCode,
    targetUnitPrice: need.targetUnitPrice,
    deliveryProvinceCode: need.deliveryProvinceCode,
    deliveryFrom: need.deliveryFrom,
    deliveryTo: need.deliveryTo,
    requiredCertifications: need.requiredCertifications ?? [],
    bidDeadline: need.bidDeadline.toISOString(),
    visibility: need.visibility,
  });
  await tellInvited(em, need);
}

/**
 * In the transaction that opens the need: one `need.invited` per invited supplier, told to its
 * owners and managers by the worker (once per need and supplier, however often the job runs).
 */
export async function tellInvited(em: EntityManager, need: NeedEntity): Promise<void> {
  for (const supplierId of need.invitedSupplierIds ?? []) {
    await writeOutbox(em, 'procurement', 'need.invited', {
      occurrenceId: `invited:${need.id}:${supplierId}`,
      organizationId: supplierId,
      needId: need.id,
      needTitle: need.title,
      contractId: null,
      bidDeadline: need.bidDeadline.toISOString(),
    });
  }
}

import { Viewer } from '@lienket/auth';
import { Lang, trimDecimal } from '@lienket/graphql';
import { findCategory, findProvince, findUnit, toCategory, toProvince, toUnit } from '@lienket/reference-data';
import { organizationRef } from '../shared/organization-ref.type';
import { isPastDeadline } from './need-clock';
import { NeedEntity, NeedStatus } from './need.entity';
import { ProcurementNeed } from './need.type';

/**
 * Entity → public type; reference codes were validated on write, so lookups always hit. The status
 * is the one of now (past its deadline an OPEN row reads CLOSED before the flip ran); the
 * rejection reason is for the buyer's own members.
 */
export function toNeed(e: NeedEntity, lang: Lang, viewer: Viewer): ProcurementNeed {
  const closedByDeadline = isPastDeadline(e);
  return {
    id: e.id,
    buyer: organizationRef(e.buyerOrgId),
    title: e.title,
    description: e.description,
    category: toCategory(findCategory(e.categoryCode)!, lang),
    quantity: trimDecimal(e.quantity),
    unit: toUnit(findUnit(e.unitCode)!, lang),
    targetUnitPrice: e.targetUnitPrice ? { amount: e.targetUnitPrice, currency: e.currency } : null,
    deliveryProvince: toProvince(findProvince(e.deliveryProvinceCode)!, lang),
    deliveryFrom: e.deliveryFrom,
    deliveryTo: e.deliveryTo,
    requiredCertifications: e.requiredCertifications,
    allowPartial: e.allowPartial,
    bidDeadline: e.bidDeadline,
    status: closedByDeadline ? NeedStatus.CLOSED : e.status,
    createdAt: e.createdAt,
    closedAt: closedByDeadline ? e.bidDeadline : e.closedAt,
    rejectionReason: viewer?.organizationId === e.buyerOrgId ? e.rejectionReason : null,
    cancellationReason: e.cancellationReason,
    visibility: e.visibility,
    invitesYou: !!viewer?.organizationId && (e.invitedSupplierIds ?? []).includes(viewer.organizationId),
    invitedSupplierIds: e.invitedSupplierIds ?? [],
  };
}

import { Lang, trimDecimal } from '@lienket/graphql';
import { findCategory, findProvince, findUnit, toCategory, toProvince, toUnit } from '@lienket/reference-data';
import { organizationRef } from '../shared/organization-ref.type';
import { NeedEntity } from './need.entity';
import { ProcurementNeed } from './need.type';

/** Entity → public type; reference codes were validated on write, so lookups always hit. */
export function toNeed(e: NeedEntity, lang: Lang): ProcurementNeed {
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
    status: e.status,
    createdAt: e.createdAt,
    invitedSupplierIds: e.invitedSupplierIds ?? [],
  };
}

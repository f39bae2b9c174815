import { organizationRef } from '../shared/organization-ref.type';
import { BidView } from './bid-read.service';
import { Bid } from './bid.type';

/** Service view → public type. */
export const toBid = (v: BidView): Bid => ({
  id: v.id,
  needId: v.needId,
  supplier: organizationRef(v.supplierOrgId),
  unitPrice: { amount: v.content.unitPrice, currency: v.currency },
  quantity: v.content.quantity,
  deliveryDate: v.content.deliveryDate,
  note: v.content.note,
  status: v.status,
  revision: v.revision,
  submittedAt: v.submittedAt,
});

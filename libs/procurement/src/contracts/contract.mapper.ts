import { trimDecimal } from '@lienket/graphql';
import { organizationRef } from '../shared/organization-ref.type';
import { MessageRow } from './contract-message.service';
import { ContractRow, DisputeRow, ReviewRow, ShipmentRow } from './contract-read.service';
import { Contract, ContractMessage, ContractReview, Dispute, DisputeOutcome, Shipment } from './contract.type';

/** Rows → public types. */
export const toContract = (c: ContractRow): Contract => ({
  id: c.id,
  needId: c.need_id,
  buyer: organizationRef(c.buyer_org_id),
  supplier: organizationRef(c.supplier_org_id),
  quantity: trimDecimal(c.quantity),
  unitPrice: { amount: c.unit_price, currency: c.currency },
  total: { amount: c.total, currency: c.currency },
  status: c.status,
  promisedDate: c.promised_date,
  createdAt: c.created_at,
  completedAt: c.completed_at,
});

export const toShipment = (s: ShipmentRow): Shipment => ({
  id: s.id,
  contractId: s.contract_id,
  quantity: trimDecimal(s.quantity),
  shippedAt: s.shipped_at,
  onTime: s.on_time,
  acceptedQuantity: s.accepted_quantity === null ? null : trimDecimal(s.accepted_quantity),
  receivedAt: s.received_at,
  note: s.note,
  receiptNote: s.receipt_note,
});

export const toReview = (r: ReviewRow): ContractReview => ({
  reviewer: organizationRef(r.reviewer_org_id),
  reviewee: organizationRef(r.reviewee_org_id),
  rating: r.rating,
  comment: r.comment,
  createdAt: r.created_at,
});

export const toDispute = (d: DisputeRow): Dispute => ({
  openedBy: organizationRef(d.opened_by_org_id),
  reason: d.reason,
  openedAt: d.opened_at,
  statement: d.statement,
  resolution: d.resolution,
  outcome: d.outcome as DisputeOutcome | null,
  resolvedAt: d.resolved_at,
});

export const toMessage = (m: MessageRow): ContractMessage => ({
  id: m.id,
  sender: organizationRef(m.sender_org_id),
  body: m.body,
  createdAt: m.created_at,
});

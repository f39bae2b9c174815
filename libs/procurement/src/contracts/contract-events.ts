import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { trimDecimal } from '@lienket/graphql';
import { EventName, JobPayloads, ProcurementNotice, writeOutbox } from '@lienket/queue';
import { ContractRow, ShipmentRow } from './contract-read.service';

type NoticeEvent = Exclude<EventName, 'organization.registered' | 'organization.verification_decided' | 'product.moderation_decided' | 'member.invited' | 'password.reset_requested'>;
type Extra<N extends NoticeEvent> = Omit<JobPayloads[N], keyof ProcurementNotice>;

/**
 * The outbox events of contract steps, written in the step's transaction (decision 120): each names
 * the one organization to tell; the worker writes the notices and e-mails (procurement never writes
 * matching.*). Nothing here carries a sealed bid: every event follows the opening.
 */
@Injectable()
export class ContractEvents {
  async tell<N extends NoticeEvent>(
    em: EntityManager,
    event: N,
    base: { occurrenceId: string; organizationId: string; needId: string; contractId: string | null },
    extra: Extra<N>,
  ): Promise<void> {
    const [need] = await em.query<{ title: string }[]>(`SELECT title FROM procurement.needs WHERE id = $1`, [base.needId]);
    await writeOutbox(em, 'procurement', event, { ...base, needTitle: need.title, ...extra } as JobPayloads[N]);
  }

  shipmentRecorded(em: EntityManager, c: ContractRow, s: ShipmentRow) {
    return this.tell(em, 'shipment.recorded', this.to(c, c.buyer_org_id, `shipment:${s.id}`), { quantity: trimDecimal(s.quantity) });
  }

  receiptConfirmed(em: EntityManager, c: ContractRow, s: ShipmentRow) {
    return this.tell(em, 'receipt.confirmed', this.to(c, c.supplier_org_id, `receipt:${s.id}`), { acceptedQuantity: trimDecimal(s.accepted_quantity ?? '0') });
  }

  reviewReceived(em: EntityManager, c: ContractRow, reviewee: string, rating: number) {
    return this.tell(em, 'review.received', this.to(c, reviewee, `review:${c.id}:${reviewee}`), { rating });
  }

  /** The base of an event about a contract, told to one of its parties. */
  to(c: ContractRow, organizationId: string, occurrenceId: string) {
    return { occurrenceId, organizationId, needId: c.need_id, contractId: c.id };
  }
}

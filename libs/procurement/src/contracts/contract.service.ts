import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, isUuid, notFound, trimDecimal, validateInput } from '@lienket/graphql';
import { clock, vietnamDate } from '@lienket/reference-data';
import { CONTRACT_COLUMNS, ContractRow, SHIPMENT_COLUMNS, ShipmentRow } from './contract-read.service';
import { updated } from '../shared/sql';
import { ContractStatus } from './contract.type';
import { receiptSchema, reviewSchema, shipmentSchema } from './dto/contract.schema';
import { ContractEvents } from './contract-events';

/** Most shipments one contract takes (priced in LIST_SIZES): deliveries come in lots, not in sacks. */
export const MAX_SHIPMENTS = 20;

export type Side = 'buyer' | 'supplier' | 'either';
const conflict = (key: 'shipmentNotAllowed' | 'receiptNotAllowed' | 'receiptAlreadyConfirmed' | 'contractNotCompletable' | 'reviewNotAllowed' | 'reviewAlreadyGiven') =>
  new DomainError(ErrorCode.CONFLICT, key);

/**
 * Locks the contract FOR UPDATE for a step of one side (its OWNER or MANAGER): a contract of
 * neither party is NOT_FOUND, the other party's step FORBIDDEN. Every step of a contract takes this
 * lock first, so steps on one contract run one after another and each judges the status it will change.
 */
export async function lockContract(em: EntityManager, user: AuthUser, id: string, side: Side): Promise<ContractRow & { side: 'buyer' | 'supplier' }> {
  const orgId = requireOrganizationManager(user);
  const [c] = isUuid(id)
    ? await em.query<ContractRow[]>(
        `SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c WHERE c.id = $1 AND (c.buyer_org_id = $2 OR c.supplier_org_id = $2) FOR UPDATE`,
        [id, orgId],
      )
    : [];
  if (!c) throw notFound('contract');
  const mine = c.buyer_org_id === orgId ? 'buyer' : 'supplier';
  if (side !== 'either' && side !== mine) throw new DomainError(ErrorCode.FORBIDDEN, 'contractOtherParty');
  return { ...c, side: mine };
}

/** The delivery steps of a contract: shipments, receipts, completion, reviews. */
@Injectable()
export class ContractService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly events: ContractEvents,
  ) {}

  /** The supplier ships part or all of what is left; never more than the contract's quantity. */
  async recordShipment(user: AuthUser, contractId: string, raw: unknown): Promise<ShipmentRow> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'supplier');
      const input = validateInput(shipmentSchema, raw);
      if (c.status !== ContractStatus.ACTIVE && c.status !== ContractStatus.DELIVERING) throw conflict('shipmentNotAllowed');
      const [left] = await em.query<{ fits: boolean; left: string; n: number }[]>(
        `SELECT c.quantity - coalesce(sum(s.quantity), 0) >= $2::numeric AS fits, (c.quantity - coalesce(sum(s.quantity), 0))::text AS left,
                count(s.id)::int AS n
           FROM procurement.contracts c LEFT JOIN procurement.shipments s ON s.contract_id = c.id WHERE c.id = $1 GROUP BY c.id`,
        [c.id, input.quantity],
      );
      if (left.n >= MAX_SHIPMENTS) throw new DomainError(ErrorCode.CONFLICT, 'shipmentLimit', { max: MAX_SHIPMENTS });
      if (!left.fits) throw badInput('quantity', 'shipmentAboveContract', { max: trimDecimal(left.left) });
      const now = clock.now();
      const [s] = await em.query<ShipmentRow[]>(
        `INSERT INTO procurement.shipments AS s (contract_id, quantity, note, shipped_at, shipped_by, on_time)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SHIPMENT_COLUMNS}`,
        [c.id, input.quantity, input.note, now, user.id, vietnamDate(now) <= c.promised_date],
      );
      await em.query(`UPDATE procurement.contracts SET status = 'DELIVERING' WHERE id = $1`, [c.id]);
      await this.events.shipmentRecorded(em, c, s);
      return s;
    });
  }

  /** The buyer confirms one shipment once, with what it accepted (0 up to what was shipped). */
  async confirmReceipt(user: AuthUser, shipmentId: string, raw: unknown): Promise<ShipmentRow> {
    requireOrganizationManager(user);
    return this.ds.transaction(async (em) => {
      const [ref] = isUuid(shipmentId) ? await em.query<{ contract_id: string }[]>(`SELECT contract_id FROM procurement.shipments WHERE id = $1`, [shipmentId]) : [];
      if (!ref) throw notFound('shipment');
      // Contract first, as every step does: two confirmations of one shipment queue on this lock.
      const c = await lockContract(em, user, ref.contract_id, 'buyer').catch((e: unknown) => {
        throw e instanceof DomainError && e.code === ErrorCode.NOT_FOUND ? notFound('shipment') : e;
      });
      const input = validateInput(receiptSchema, raw);
      const [s] = await em.query<(ShipmentRow & { fits: boolean })[]>(
        `SELECT ${SHIPMENT_COLUMNS}, $2::numeric <= s.quantity AS fits FROM procurement.shipments s WHERE s.id = $1`,
        [shipmentId, input.acceptedQuantity],
      );
      if (s.received_at) throw conflict('receiptAlreadyConfirmed');
      if (c.status !== ContractStatus.DELIVERING) throw conflict('receiptNotAllowed');
      if (!s.fits) throw badInput('acceptedQuantity', 'receiptAboveShipped', { max: trimDecimal(s.quantity) });
      const [done] = await updated<ShipmentRow>(em, `UPDATE procurement.shipments s SET accepted_quantity = $2, received_at = $3, received_by = $4, receipt_note = $5
          WHERE s.id = $1 AND s.received_at IS NULL RETURNING ${SHIPMENT_COLUMNS}`,
        [shipmentId, input.acceptedQuantity, clock.now(), user.id, input.note],
      );
      await this.events.receiptConfirmed(em, c, done);
      return done;
    });
  }

  /** The buyer completes a delivering contract once every shipment (at least one) is confirmed. */
  async complete(user: AuthUser, contractId: string): Promise<ContractRow> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'buyer');
      const [{ shipped, open }] = await em.query<{ shipped: number; open: number }[]>(
        `SELECT count(*)::int AS shipped, count(*) FILTER (WHERE received_at IS NULL)::int AS open FROM procurement.shipments WHERE contract_id = $1`,
        [c.id],
      );
      if (c.status !== ContractStatus.DELIVERING || shipped === 0 || open > 0) throw conflict('contractNotCompletable');
      const [done] = await updated<ContractRow>(em, `UPDATE procurement.contracts c SET status = 'COMPLETED', completed_at = $2 WHERE c.id = $1 RETURNING ${CONTRACT_COLUMNS}`,
        [c.id, clock.now()],
      );
      return done;
    });
  }

  /** Each side reviews the other once, after completion. */
  async review(user: AuthUser, contractId: string, raw: unknown): Promise<ContractRow> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'either');
      const input = validateInput(reviewSchema, raw);
      if (c.status !== ContractStatus.COMPLETED) throw conflict('reviewNotAllowed');
      const [reviewer, reviewee] = c.side === 'buyer' ? [c.buyer_org_id, c.supplier_org_id] : [c.supplier_org_id, c.buyer_org_id];
      const written = await em.query<unknown[]>(
        `INSERT INTO procurement.contract_reviews (contract_id, reviewer_org_id, reviewee_org_id, reviewed_by, rating, comment)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING contract_id`,
        [c.id, reviewer, reviewee, user.id, input.rating, input.comment],
      );
      if (!written.length) throw conflict('reviewAlreadyGiven');
      await this.events.reviewReceived(em, c, reviewee, input.rating);
      return c;
    });
  }
}

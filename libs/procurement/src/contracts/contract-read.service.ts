import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, isPlatformStaff, loader, requireOrganization, requirePlatformStaff, RequestContext, Viewer } from '@lienket/auth';
import { badInput, isUuid, notFound } from '@lienket/graphql';
import { ContractStatus } from './contract.type';

/** A contract row as every read and write of this folder sees it (amounts as exact text). */
export interface ContractRow {
  id: string;
  need_id: string;
  bid_id: string;
  buyer_org_id: string;
  supplier_org_id: string;
  quantity: string;
  unit_price: string;
  currency: string;
  total: string;
  promised_date: string;
  status: ContractStatus;
  created_at: Date;
  completed_at: Date | null;
}
export interface ShipmentRow {
  id: string;
  contract_id: string;
  quantity: string;
  note: string | null;
  shipped_at: Date;
  on_time: boolean;
  accepted_quantity: string | null;
  received_at: Date | null;
  receipt_note: string | null;
}
export interface ReviewRow {
  contract_id: string;
  reviewer_org_id: string;
  reviewee_org_id: string;
  rating: number;
  comment: string | null;
  created_at: Date;
}
export interface DisputeRow {
  contract_id: string;
  opened_by_org_id: string;
  reason: string;
  opened_at: Date;
  statement: string | null;
  resolution: string | null;
  outcome: 'RESUME' | 'CANCEL' | null;
  resolved_at: Date | null;
}

export const CONTRACT_COLUMNS = `c.id, c.need_id, c.bid_id, c.buyer_org_id, c.supplier_org_id, c.quantity::text, c.unit_price::text,
  c.currency, c.total::text, c.promised_date::text, c.status, c.created_at, c.completed_at`;
export const SHIPMENT_COLUMNS = `s.id, s.contract_id, s.quantity::text, s.note, s.shipped_at, s.on_time, s.accepted_quantity::text,
  s.received_at, s.receipt_note`;

/** The two parties' organizations (all their people) and platform staff read a contract; nobody else. */
export const mayReadContract = (viewer: Viewer, c: Pick<ContractRow, 'buyer_org_id' | 'supplier_org_id'>): boolean =>
  isPlatformStaff(viewer) || (!!viewer?.organizationId && [c.buyer_org_id, c.supplier_org_id].includes(viewer.organizationId));

/**
 * Reading contracts and what hangs off them. Another organization's contract reads as NOT_FOUND,
 * the answer an unknown id gets; lists per need or contract go through request-scoped DataLoaders,
 * one statement per page.
 */
@Injectable()
export class ContractReadService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async get(viewer: Viewer, id: string, em: EntityManager = this.ds.manager): Promise<ContractRow> {
    const [c] = isUuid(id) ? await em.query<ContractRow[]>(`SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c WHERE c.id = $1`, [id]) : [];
    if (!c || !mayReadContract(viewer, c)) throw notFound('contract');
    return c;
  }

  /**
   * `myContracts`: the caller organization's contracts on either side, newest first. `after` is the
   * id of the last contract of the previous page (the list is a plain list in the contract, so the
   * cursor a client holds is simply what it last saw).
   */
  async mine(user: AuthUser, limit: number, after?: string | null): Promise<ContractRow[]> {
    const orgId = requireOrganization(user);
    if (after && !isUuid(after)) throw badInput('after', 'invalidCursor');
    return this.ds.query<ContractRow[]>(
      `SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c
        WHERE (c.buyer_org_id = $1 OR c.supplier_org_id = $1)
          AND ($3::uuid IS NULL OR (c.created_at, c.id) < (SELECT k.created_at, k.id FROM procurement.contracts k
                                                             WHERE k.id = $3 AND (k.buyer_org_id = $1 OR k.supplier_org_id = $1)))
        ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
      [orgId, limit, after ?? null],
    );
  }

  /**
   * `disputedContracts`: platform staff's queue of contracts frozen by an open dispute, the longest
   * waiting first. `after` is the last contract's id; a contract resolved since then still places
   * the cursor by its latest dispute's opening.
   */
  async disputed(user: AuthUser, limit: number, after?: string | null): Promise<ContractRow[]> {
    requirePlatformStaff(user);
    if (after && !isUuid(after)) throw badInput('after', 'invalidCursor');
    return this.ds.query<ContractRow[]>(
      `SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c
         JOIN procurement.disputes d ON d.contract_id = c.id AND d.resolved_at IS NULL
        WHERE c.status = 'DISPUTED'
          AND ($2::uuid IS NULL OR (d.opened_at, c.id) > (SELECT max(k.opened_at), $2::uuid FROM procurement.disputes k WHERE k.contract_id = $2))
        ORDER BY d.opened_at, c.id LIMIT $1`,
      [limit, after ?? null],
    );
  }

  /** `ProcurementNeed.contracts`: the buyer's and staff see all, a supplier its own, others none. */
  async forNeed(ctx: RequestContext, needId: string): Promise<ContractRow[]> {
    const all = await this.byKey<ContractRow>(ctx, 'contractsOfNeeds', `SELECT ${CONTRACT_COLUMNS} FROM procurement.contracts c WHERE c.need_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`, 'need_id').load(needId);
    return all.filter((c) => mayReadContract(ctx.user, c));
  }

  shipments(ctx: RequestContext, contractId: string): Promise<ShipmentRow[]> {
    return this.byKey<ShipmentRow>(ctx, 'shipmentsOfContracts', `SELECT ${SHIPMENT_COLUMNS} FROM procurement.shipments s WHERE s.contract_id = ANY($1::uuid[]) ORDER BY s.shipped_at, s.id`, 'contract_id').load(contractId);
  }

  reviews(ctx: RequestContext, contractId: string): Promise<ReviewRow[]> {
    return this.byKey<ReviewRow>(ctx, 'reviewsOfContracts', `SELECT * FROM procurement.contract_reviews WHERE contract_id = ANY($1::uuid[]) ORDER BY created_at`, 'contract_id').load(contractId);
  }

  /** The contract's latest dispute, open or resolved. */
  async dispute(ctx: RequestContext, contractId: string): Promise<DisputeRow | null> {
    const rows = await this.byKey<DisputeRow>(ctx, 'disputesOfContracts', `SELECT * FROM procurement.disputes WHERE contract_id = ANY($1::uuid[]) ORDER BY opened_at`, 'contract_id').load(contractId);
    return rows[rows.length - 1] ?? null;
  }

  /** Rows grouped by a key column, one statement per request for every key asked. */
  private byKey<R extends object>(ctx: RequestContext, name: string, sql: string, column: keyof R & string): DataLoader<string, R[]> {
    return loader(ctx, name, () => new DataLoader<string, R[]>(async (ids) => {
      const rows = await this.ds.query<R[]>(sql, [ids]);
      return ids.map((id) => rows.filter((r) => r[column] === (id as unknown)));
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '@lienket/database';
import { AuthUser, loader, requireOrganization, RequestContext } from '@lienket/auth';
import { badInput, decodeCursor, isUuid, trimDecimal } from '@lienket/graphql';
import { BidOpening } from './bid-opening';
import { BidContent, BidSealer } from './bid-sealing';
import { BidStatus } from './bid.entity';
import { biddingEnded } from './bid-deadline';

/** A bid with its content and its position in a list, for its own organization or (opened) the buyer. */
export interface BidView {
  id: string;
  needId: string;
  supplierOrgId: string;
  status: BidStatus;
  revision: number;
  submittedAt: Date;
  currency: string;
  content: BidContent;
  /** created_at as PostgreSQL's microsecond text, then the id: the keyset of every bid list. */
  key: [string, string];
}

/** The need as a field resolver sees it (already visible to the caller). */
export interface NeedOfBids {
  id: string;
  buyerOrgId: string;
  status: string;
  bidDeadline: Date;
}

interface Row {
  id: string;
  need_id: string;
  supplier_org_id: string;
  status: BidStatus;
  revision: number;
  submitted_at: Date;
  currency: string;
  cursor_at: string;
}
type SealedRow = Row & { sealed: Buffer };
type OpenedRow = Row & { unit_price: string; quantity: string; delivery_date: string; note: string | null };

/** A bid's created_at as PostgreSQL's own microsecond text (decision 93), for the list's cursor. */
export const CURSOR_AT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;
const CURSOR_TIME = CURSOR_AT.replace('(created_at', '(b.created_at');
const CURSOR_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const EMPTY = { rows: [] as BidView[], total: 0 };

/**
 * What each reader may see of bids (sealed until the deadline, decision 102): an organization its own
 * bids at any time (decrypted); after the deadline the buyer every opened bid (the opening record,
 * in the clear); nobody anything else — other bidders, platform staff and anonymous callers get an
 * empty list, the same answer as a need without bids. Counts are public to whoever sees the need.
 */
@Injectable()
export class BidReadService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly sealer: BidSealer,
    private readonly opening: BidOpening,
  ) {}

  /** Live bids per need, one statement for a whole page of needs. */
  counts(ctx: RequestContext): DataLoader<string, number> {
    return loader(ctx, 'bidCounts', () => new DataLoader<string, number>(async (ids) => {
      const rows = await preparedQuery<{ need_id: string; n: number }>(
        this.ds,
        `SELECT need_id, count(*)::int AS n FROM procurement.bids WHERE need_id = ANY($1::uuid[]) AND status <> 'WITHDRAWN' GROUP BY need_id`,
        [ids],
      );
      const byNeed = new Map(rows.map((r) => [r.need_id, r.n]));
      return ids.map((id) => byNeed.get(id) ?? 0);
    }));
  }

  /** `ProcurementNeed.bids`: own bids, or after the deadline all of them for the buyer. */
  async forNeed(viewer: AuthUser | null, need: NeedOfBids, limit: number, after?: string | null): Promise<{ rows: BidView[]; total: number }> {
    const orgId = viewer?.organizationId;
    if (!orgId) return EMPTY;
    const cursor = cursorOf(after);
    if (orgId === need.buyerOrgId) {
      if (!biddingEnded(need)) return EMPTY;
      await this.opening.ensureOpened(need.id);
      return this.opened(need.id, limit, cursor);
    }
    const rows = await this.own(this.ds.manager, orgId, { needId: need.id, limit, cursor });
    return { rows, total: await this.ownCount(orgId, need.id) };
  }

  /** `ProcurementNeed.myBid`: the caller organization's live bid on the need, one statement for a page of needs. */
  async mine(ctx: RequestContext, needId: string): Promise<BidView | null> {
    const orgId = ctx.user?.organizationId;
    if (!orgId) return null;
    const bids = loader(ctx, `myBid:${orgId}`, () => new DataLoader<string, BidView | null>(async (needIds) => {
      const live = await this.own(this.ds.manager, orgId, { needIds: [...needIds], liveOnly: true });
      const byNeed = new Map(live.map((b) => [b.needId, b]));
      return needIds.map((id) => byNeed.get(id) ?? null);
    }));
    return bids.load(needId);
  }

  /** `myBids`: the caller organization's bids on every need, newest first. */
  async myBids(user: AuthUser, limit: number, after?: string | null) {
    const orgId = requireOrganization(user);
    const rows = await this.own(this.ds.manager, orgId, { limit, cursor: cursorOf(after), newestFirst: true });
    return { rows, total: await this.ownCount(orgId) };
  }

  /** The organization's own bids, decrypted: by id, on a need, or all; keyset-paginated. */
  async own(
    em: EntityManager,
    orgId: string,
    o: { bidId?: string; needId?: string; needIds?: string[]; liveOnly?: boolean; limit?: number; cursor?: [string, string] | null; newestFirst?: boolean },
  ): Promise<BidView[]> {
    const params: unknown[] = [orgId];
    const $ = (v: unknown) => `$${params.push(v)}`;
    const where = ['b.supplier_org_id = $1'];
    if (o.bidId) where.push(`b.id = ${$(o.bidId)}`);
    if (o.needId) where.push(`b.need_id = ${$(o.needId)}`);
    if (o.needIds) where.push(`b.need_id = ANY(${$(o.needIds)}::uuid[])`);
    if (o.liveOnly) where.push(`b.status <> 'WITHDRAWN'`);
    const dir = o.newestFirst ? 'DESC' : 'ASC';
    if (o.cursor) where.push(`(b.created_at, b.id) ${o.newestFirst ? '<' : '>'} (${$(o.cursor[0])}::timestamptz, ${$(o.cursor[1])}::uuid)`);
    const rows = await em.query<SealedRow[]>(
      `SELECT b.id, b.need_id, b.supplier_org_id, b.status, b.revision, b.submitted_at, n.currency, r.sealed, ${CURSOR_TIME}
         FROM procurement.bids b
         JOIN procurement.bid_revisions r ON r.bid_id = b.id AND r.revision = b.revision
         JOIN procurement.needs n ON n.id = b.need_id
        WHERE ${where.join(' AND ')}
        ORDER BY b.created_at ${dir}, b.id ${dir} ${o.limit ? `LIMIT ${$(o.limit + 1)}` : ''}`,
      params,
    );
    return rows.map((r) => view(r, this.sealer.open(r.sealed, { needId: r.need_id, supplierOrgId: r.supplier_org_id, revision: r.revision })));
  }

  /** The opening record of a need (after its deadline, for the buyer), in bidding order. */
  private async opened(needId: string, limit: number, cursor: [string, string] | null) {
    const params: unknown[] = [needId, limit + 1];
    const keyset = cursor ? `AND (b.created_at, b.id) > ($3::timestamptz, $4::uuid)` : '';
    if (cursor) params.push(...cursor);
    const rows = await this.ds.query<OpenedRow[]>(
      `SELECT b.id, b.need_id, b.supplier_org_id, b.status, l.revision_count AS revision, l.submitted_at, l.currency,
              l.unit_price::text, l.quantity::text, l.delivery_date::text, l.note, ${CURSOR_TIME}
         FROM procurement.bid_opening_lines l JOIN procurement.bids b ON b.id = l.bid_id
        WHERE l.need_id = $1 ${keyset}
        ORDER BY b.created_at, b.id LIMIT $2`,
      params,
    );
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM procurement.bid_opening_lines WHERE need_id = $1`, [needId]);
    return {
      rows: rows.map((r) => view(r, { unitPrice: r.unit_price, quantity: r.quantity, deliveryDate: r.delivery_date, note: r.note })),
      total: n,
    };
  }

  private async ownCount(orgId: string, needId?: string): Promise<number> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM procurement.bids WHERE supplier_org_id = $1 AND ($2::uuid IS NULL OR need_id = $2)`,
      [orgId, needId ?? null],
    );
    return n;
  }
}

const view = (r: Row, c: BidContent): BidView => ({
  id: r.id,
  needId: r.need_id,
  supplierOrgId: r.supplier_org_id,
  status: r.status,
  revision: r.revision,
  submittedAt: r.submitted_at,
  currency: r.currency,
  content: { ...c, quantity: trimDecimal(c.quantity) },
  key: [r.cursor_at, r.id],
});

/** A bid list's cursor: forged keys are bad input, never a cast error from the database. */
function cursorOf(after: string | null | undefined): [string, string] | null {
  const key = decodeCursor(after, 2);
  if (!key) return null;
  if (!(CURSOR_KEY.test(String(key[0])) && isUuid(String(key[1])))) throw badInput('after', 'invalidCursor');
  return [String(key[0]), String(key[1])];
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BidSealer } from './bid-sealing';
import { biddingEnded } from './bid-deadline';

interface SealedRow {
  id: string;
  supplier_org_id: string;
  revision: number;
  submitted_at: Date;
  sealed: Buffer;
}

/**
 * The bid opening (decision 100): once a need's deadline has passed, every live bid's latest
 * revision is decrypted once and written in the clear to `bid_opening_lines`, with its revision
 * count; reads after the deadline, the award and the debriefs use that record, never the key.
 * Exactly once per need: the `bid_openings` row is the claim, and the need row is locked FOR UPDATE
 * first, so a bid still in flight (it holds the need FOR SHARE) commits before the opening reads.
 */
@Injectable()
export class BidOpening {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly sealer: BidSealer,
  ) {}

  /**
   * Opens the need's bids inside the caller's transaction (the deadline's close calls it there);
   * true when this call opened them, false when the deadline has not passed or they were open already.
   */
  async open(em: EntityManager, needId: string): Promise<boolean> {
    const [need] = await em.query<{ status: string; bid_deadline: Date }[]>(
      `SELECT status, bid_deadline FROM procurement.needs WHERE id = $1 FOR UPDATE`,
      [needId],
    );
    if (!need || !biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) return false;
    const claimed = await em.query<unknown[]>(
      `INSERT INTO procurement.bid_openings (need_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING need_id`,
      [needId],
    );
    if (!claimed.length) return false;
    const rows = await em.query<SealedRow[]>(
      `SELECT b.id, b.supplier_org_id, b.revision, b.submitted_at, r.sealed
         FROM procurement.bids b JOIN procurement.bid_revisions r ON r.bid_id = b.id AND r.revision = b.revision
        WHERE b.need_id = $1 AND b.status <> 'WITHDRAWN'`,
      [needId],
    );
    if (!rows.length) return true;
    const lines = rows.map((r) => ({ r, c: this.sealer.open(r.sealed, { needId, supplierOrgId: r.supplier_org_id, revision: r.revision }) }));
    await em.query(
      `INSERT INTO procurement.bid_opening_lines
              (bid_id, need_id, supplier_org_id, unit_price, currency, quantity, delivery_date, note, revision_count, submitted_at)
       SELECT l.bid_id, $1, l.supplier_org_id, l.unit_price, n.currency, l.quantity, l.delivery_date, l.note, l.revision_count, l.submitted_at
         FROM unnest($2::uuid[], $3::uuid[], $4::numeric[], $5::numeric[], $6::date[], $7::text[], $8::int[], $9::timestamptz[])
              AS l (bid_id, supplier_org_id, unit_price, quantity, delivery_date, note, revision_count, submitted_at)
         JOIN procurement.needs n ON n.id = $1`,
      [
        needId,
        lines.map((l) => l.r.id),
        lines.map((l) => l.r.supplier_org_id),
        lines.map((l) => l.c.unitPrice),
        lines.map((l) => l.c.quantity),
        lines.map((l) => l.c.deliveryDate),
        lines.map((l) => l.c.note),
        lines.map((l) => l.r.revision),
        lines.map((l) => l.r.submitted_at),
      ],
    );
    return true;
  }

  /** The lazy path: reads after the deadline open the bids if nobody has yet (cheap when they are). */
  async ensureOpened(needId: string): Promise<void> {
    const [done] = await this.ds.query<unknown[]>(`SELECT 1 FROM procurement.bid_openings WHERE need_id = $1`, [needId]);
    if (!done) await this.ds.transaction((em) => this.open(em, needId));
  }
}

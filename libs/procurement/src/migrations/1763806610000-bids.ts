import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sealed bids (decision 99): a bid's content lives only in its revisions, encrypted with a key from
 * configuration until the opening; the opening fixes a plaintext copy of every live bid once the
 * deadline has passed. Nothing here holds a price, a quantity, a date or a note in the clear before it.
 */
export class Bids1763806610000 implements MigrationInterface {
  name = 'Bids1763806610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.bids (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES procurement.needs (id),
        supplier_org_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')),
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz NOT NULL,
        withdrawn_at timestamptz
      );
      -- One live bid per organization per need; a withdrawn one stays as history beside a new one.
      CREATE UNIQUE INDEX bids_live ON procurement.bids (need_id, supplier_org_id) WHERE status <> 'WITHDRAWN';
      CREATE INDEX bids_supplier ON procurement.bids (supplier_org_id, created_at DESC, id DESC);
      CREATE TABLE procurement.bid_revisions (
        bid_id uuid NOT NULL REFERENCES procurement.bids (id),
        revision integer NOT NULL CHECK (revision >= 1),
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        -- AES-256-GCM: 12-byte IV, 16-byte tag, then the padded content; see bid-sealing.ts.
        sealed bytea NOT NULL,
        PRIMARY KEY (bid_id, revision)
      );
      -- Fixed once per need after its deadline (openBids): the record the buyer compares.
      CREATE TABLE procurement.bid_openings (
        need_id uuid PRIMARY KEY REFERENCES procurement.needs (id),
        opened_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE procurement.bid_opening_lines (
        bid_id uuid PRIMARY KEY REFERENCES procurement.bids (id),
        need_id uuid NOT NULL REFERENCES procurement.bid_openings (need_id),
        supplier_org_id uuid NOT NULL,
        unit_price numeric(20, 0) NOT NULL,
        currency text NOT NULL,
        quantity numeric(20, 3) NOT NULL,
        delivery_date date NOT NULL,
        note text,
        revision_count integer NOT NULL,
        submitted_at timestamptz NOT NULL
      );
      CREATE INDEX bid_opening_lines_need ON procurement.bid_opening_lines (need_id, unit_price, bid_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement.bid_opening_lines, procurement.bid_openings, procurement.bid_revisions, procurement.bids`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Awards and what follows them (decisions 111–120): one award decision per need (the backstop of
 * "exactly once"), one contract per winning bid with its amounts exact in numeric, shipments with
 * their receipts, disputes as procurement's own record of who said what, reviews (one per side),
 * the parties' message thread, and the invited suppliers of a need (a reorder invites its supplier).
 */
export class Contracts1763807100000 implements MigrationInterface {
  name = 'Contracts1763807100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE procurement.needs
        ADD COLUMN invited_supplier_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN reordered_from_contract_id uuid;
      -- One row per need that was decided: awarded, or closed without award with the reason bidders see.
      CREATE TABLE procurement.awards (
        need_id uuid PRIMARY KEY REFERENCES procurement.needs (id),
        outcome text NOT NULL CHECK (outcome IN ('AWARDED', 'NO_AWARD')),
        reason text CHECK (length(reason) <= 1000),
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE procurement.contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES procurement.awards (need_id),
        bid_id uuid NOT NULL UNIQUE REFERENCES procurement.bids (id),
        buyer_org_id uuid NOT NULL,
        supplier_org_id uuid NOT NULL,
        quantity numeric(20, 3) NOT NULL CHECK (quantity > 0),
        unit_price numeric(20, 0) NOT NULL CHECK (unit_price > 0),
        currency text NOT NULL,
        -- quantity × unit price rounded half up to whole đồng: 17 + 18 digits fit.
        total numeric(40, 0) NOT NULL,
        promised_date date NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELIVERING', 'COMPLETED', 'DISPUTED', 'CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      );
      CREATE INDEX contracts_need ON procurement.contracts (need_id);
      CREATE INDEX contracts_buyer ON procurement.contracts (buyer_org_id, created_at DESC, id DESC);
      CREATE INDEX contracts_supplier ON procurement.contracts (supplier_org_id, created_at DESC, id DESC);
      CREATE TABLE procurement.shipments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES procurement.contracts (id),
        quantity numeric(20, 3) NOT NULL CHECK (quantity > 0),
        note text CHECK (length(note) <= 1000),
        shipped_at timestamptz NOT NULL,
        shipped_by uuid NOT NULL,
        -- Shipped on or before the promised date, by Vietnam's calendar.
        on_time boolean NOT NULL,
        accepted_quantity numeric(20, 3) CHECK (accepted_quantity >= 0 AND accepted_quantity <= quantity),
        received_at timestamptz,
        received_by uuid,
        receipt_note text CHECK (length(receipt_note) <= 1000),
        CHECK ((accepted_quantity IS NULL) = (received_at IS NULL))
      );
      CREATE INDEX shipments_contract ON procurement.shipments (contract_id, shipped_at, id);
      -- Procurement's own record of a dispute: the opener's reason, the other side's statement, the resolution.
      CREATE TABLE procurement.disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES procurement.contracts (id),
        opened_by_org_id uuid NOT NULL,
        opened_by uuid NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        status_before text NOT NULL CHECK (status_before IN ('ACTIVE', 'DELIVERING')),
        opened_at timestamptz NOT NULL,
        statement text CHECK (length(statement) <= 2000),
        statement_by uuid,
        statement_at timestamptz,
        resolution text CHECK (length(resolution) <= 2000),
        outcome text CHECK (outcome IN ('RESUME', 'CANCEL')),
        resolved_by uuid,
        resolved_at timestamptz
      );
      CREATE UNIQUE INDEX disputes_open ON procurement.disputes (contract_id) WHERE resolved_at IS NULL;
      CREATE TABLE procurement.contract_reviews (
        contract_id uuid NOT NULL REFERENCES procurement.contracts (id),
        reviewer_org_id uuid NOT NULL,
        reviewee_org_id uuid NOT NULL,
        reviewed_by uuid NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (length(comment) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contract_id, reviewer_org_id)
      );
      CREATE INDEX contract_reviews_reviewee ON procurement.contract_reviews (reviewee_org_id);
      CREATE TABLE procurement.contract_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES procurement.contracts (id),
        sender_org_id uuid NOT NULL,
        sender_id uuid NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX contract_messages_contract ON procurement.contract_messages (contract_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE procurement.contract_messages, procurement.contract_reviews, procurement.disputes, procurement.shipments,
                 procurement.contracts, procurement.awards;
      ALTER TABLE procurement.needs DROP COLUMN invited_supplier_ids, DROP COLUMN reordered_from_contract_id;
    `);
  }
}

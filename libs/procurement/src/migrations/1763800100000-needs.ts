import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lienket/database';

export class Needs1763800100000 implements MigrationInterface {
  name = 'Needs1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.needs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_org_id uuid NOT NULL,
        created_by uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        category_code text NOT NULL,
        quantity numeric(20, 3) NOT NULL CHECK (quantity > 0),
        unit_code text NOT NULL,
        target_unit_price numeric(20, 0) CHECK (target_unit_price > 0),
        currency text NOT NULL DEFAULT 'VND',
        delivery_province_code text NOT NULL,
        delivery_from date NOT NULL,
        delivery_to date NOT NULL CHECK (delivery_to >= delivery_from),
        required_certifications text[] NOT NULL DEFAULT '{}',
        allow_partial boolean NOT NULL DEFAULT false,
        bid_deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'OPEN', 'CLOSED', 'AWARDED', 'CANCELLED', 'REJECTED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX needs_buyer ON procurement.needs (buyer_org_id, created_at DESC, id DESC);
      CREATE INDEX needs_public ON procurement.needs (created_at DESC, id DESC) WHERE status IN ('OPEN', 'CLOSED', 'AWARDED');
      ${outboxTableSql('procurement')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement.outbox, procurement.needs`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What procurement keeps of catalog's organizations (from `organization.changed` events; a row
 * moves only to a higher version), and what a need's lifecycle records: when it was submitted
 * (the moderation queue's order), closed, why it was rejected or cancelled.
 */
export class NeedLifecycle1763806800000 implements MigrationInterface {
  name = 'NeedLifecycle1763806800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.organizations (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        verification text NOT NULL,
        trusted_buyer boolean NOT NULL DEFAULT false,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE procurement.needs
        ADD COLUMN submitted_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
        ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) BETWEEN 1 AND 500);
      CREATE INDEX needs_pending_review ON procurement.needs (submitted_at, id) WHERE status = 'PENDING_REVIEW';
      CREATE INDEX needs_open_deadline ON procurement.needs (bid_deadline) WHERE status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX procurement.needs_open_deadline, procurement.needs_pending_review;
      ALTER TABLE procurement.needs DROP COLUMN submitted_at, DROP COLUMN closed_at, DROP COLUMN rejection_reason, DROP COLUMN cancellation_reason;
      DROP TABLE procurement.organizations;
    `);
  }
}

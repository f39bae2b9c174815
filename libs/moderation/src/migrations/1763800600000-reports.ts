import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1763800600000 implements MigrationInterface {
  name = 'Reports1763800600000';

  async up(q: QueryRunner): Promise<void> {
    // One report per person and subject: reporting twice does not double the count.
    await q.query(`
      CREATE TABLE catalog.reports (
        id bigserial PRIMARY KEY,
        subject text NOT NULL CHECK (subject IN ('ORGANIZATION', 'PRODUCT', 'NEED')),
        subject_id uuid NOT NULL,
        reporter_id uuid NOT NULL REFERENCES catalog.users (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subject, subject_id, reporter_id)
      );
      CREATE INDEX reports_subject ON catalog.reports (subject_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.reports`);
  }
}

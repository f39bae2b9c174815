import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a buyer adds to an open need before its deadline (decision "Amendments"): clarifications
 * (text bidders read) and deadline extensions (the deadline before and after). The row is the
 * record of who changed what and when: procurement writes no audit log of its own.
 */
export class NeedAmendments1763807300000 implements MigrationInterface {
  name = 'NeedAmendments1763807300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.need_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES procurement.needs (id),
        kind text NOT NULL CHECK (kind IN ('CLARIFICATION', 'DEADLINE_EXTENDED')),
        text text CHECK (length(text) BETWEEN 1 AND 2000),
        previous_deadline timestamptz,
        new_deadline timestamptz,
        published_by uuid NOT NULL,
        published_at timestamptz NOT NULL,
        CHECK ((kind = 'CLARIFICATION') = (text IS NOT NULL)),
        CHECK ((kind = 'DEADLINE_EXTENDED') = (previous_deadline IS NOT NULL AND new_deadline IS NOT NULL)),
        CHECK (new_deadline > previous_deadline)
      );
      CREATE INDEX need_amendments_need ON procurement.need_amendments (need_id, published_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement.need_amendments`);
  }
}

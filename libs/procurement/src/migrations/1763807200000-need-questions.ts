import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public questions on open needs (decision "Questions on a need are anonymous"): the asking
 * organization is kept to tell it of the answer, to cap its questions and to mark its own, and is
 * never answered to anyone else. Limits as the service's: text ≤ 1,000, answer ≤ 2,000 characters.
 */
export class NeedQuestions1763807200000 implements MigrationInterface {
  name = 'NeedQuestions1763807200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.need_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES procurement.needs (id),
        asker_org_id uuid NOT NULL,
        asked_by uuid NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        asked_at timestamptz NOT NULL,
        answer text CHECK (length(answer) BETWEEN 1 AND 2000),
        answered_by uuid,
        answered_at timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
      );
      CREATE INDEX need_questions_need ON procurement.need_questions (need_id, asked_at, id);
      CREATE INDEX need_questions_asker ON procurement.need_questions (need_id, asker_org_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement.need_questions`);
  }
}

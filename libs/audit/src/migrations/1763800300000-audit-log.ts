import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1763800300000 implements MigrationInterface {
  name = 'AuditLog1763800300000';

  async up(q: QueryRunner): Promise<void> {
    // Append-only: the code has no update or delete path, and the database refuses both anyway.
    await q.query(`
      CREATE TABLE catalog.audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        subject text NOT NULL,
        subject_id text NOT NULL,
        detail jsonb
      );
      CREATE INDEX audit_log_subject ON catalog.audit_log (subject_id, id DESC);
      CREATE FUNCTION catalog.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON catalog.audit_log
        FOR EACH ROW EXECUTE FUNCTION catalog.audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.audit_log; DROP FUNCTION catalog.audit_log_append_only();`);
  }
}

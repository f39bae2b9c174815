import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRole } from '@lienket/database';

/**
 * The audit log is append-only for the catalog service's role too: no UPDATE, DELETE or TRUNCATE
 * grant, and a trigger refuses TRUNCATE even from a role that has it (row triggers do not see one).
 */
export class AuditTruncate1763805800001 implements MigrationInterface {
  name = 'AuditTruncate1763805800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE UPDATE, DELETE, TRUNCATE ON catalog.audit_log FROM ${serviceRole('catalog')};
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON catalog.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION catalog.audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON catalog.audit_log; GRANT UPDATE, DELETE ON catalog.audit_log TO ${serviceRole('catalog')};`);
  }
}

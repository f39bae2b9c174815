import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log read by actor: its actor filter, and the list of people the filter offers. */
export class AuditActor1763806400000 implements MigrationInterface {
  name = 'AuditActor1763806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_log_actor ON catalog.audit_log (actor_id, id DESC) WHERE actor_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX catalog.audit_log_actor`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxEventIdSql } from '@lienket/database';

/** Events keep their identity across a restore of the database (decision 56). */
export class ProcurementOutboxEventId1763805500000 implements MigrationInterface {
  name = 'ProcurementOutboxEventId1763805500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(outboxEventIdSql('procurement'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE procurement.outbox DROP COLUMN event_id`);
  }
}

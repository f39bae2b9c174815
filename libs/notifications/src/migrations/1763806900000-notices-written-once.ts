import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRole } from '@lienket/database';

const procurement = serviceRole('procurement');

/**
 * A notice is written once by the worker and never changed: whether its reader has read it is kept
 * by procurement in its own `notification_reads` (decision 95), which copied the old marks before
 * this runs (procurement's migrations run before the worker's). Procurement keeps reading notices,
 * column by column, and may no longer write anything here.
 */
export class NoticesWrittenOnce1763806900000 implements MigrationInterface {
  name = 'NoticesWrittenOnce1763806900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS matching.notifications_unread;
      ALTER TABLE matching.notifications DROP COLUMN read_at;
      REVOKE ALL ON matching.notifications FROM ${procurement};
      GRANT SELECT (id, user_id, kind, title, body, link, created_at) ON matching.notifications TO ${procurement};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE matching.notifications ADD COLUMN read_at timestamptz;
      CREATE INDEX notifications_unread ON matching.notifications (user_id) WHERE read_at IS NULL;
      GRANT SELECT (read_at), UPDATE (read_at) ON matching.notifications TO ${procurement};`);
  }
}

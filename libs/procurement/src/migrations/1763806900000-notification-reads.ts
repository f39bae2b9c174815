import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who has read which in-app notice is procurement's own fact (decision 95): the worker writes the
 * notices in its schema and never changes them again, procurement serves them and records reads
 * here, so neither service writes the other's tables. An installation that marked notices read in
 * `matching.notifications.read_at` keeps them read: they are copied once (that table exists only
 * where the worker's migrations ran before, so a new database has nothing to copy).
 */
export class NotificationReads1763806900000 implements MigrationInterface {
  name = 'NotificationReads1763806900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.notification_reads (
        notification_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_reads_user ON procurement.notification_reads (user_id);`);
    const old = (await q.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'matching' AND table_name = 'notifications' AND column_name = 'read_at'`)) as unknown[];
    if (old.length) {
      await q.query(`INSERT INTO procurement.notification_reads (notification_id, user_id, read_at)
                     SELECT id, user_id, read_at FROM matching.notifications WHERE read_at IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE procurement.notification_reads`);
  }
}

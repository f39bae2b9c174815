import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763800900000 implements MigrationInterface {
  name = 'Notifications1763800900000';

  async up(q: QueryRunner): Promise<void> {
    // Written by the worker (once per dedupe key), read and marked by the procurement subgraph.
    await q.query(`
      CREATE TABLE matching.notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        dedupe_key text NOT NULL UNIQUE,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notifications_user ON matching.notifications (user_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread ON matching.notifications (user_id) WHERE read_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching.notifications`);
  }
}

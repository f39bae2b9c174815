import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1763800200000 implements MigrationInterface {
  name = 'Matching1763800200000';

  async up(q: QueryRunner): Promise<void> {
    // One row per e-mail the worker has sent: a redelivered job finds its row and sends nothing.
    await q.query(`
      CREATE TABLE matching.sent_emails (
        dedupe_key text PRIMARY KEY,
        recipient text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching.sent_emails`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResets1763802350000 implements MigrationInterface {
  name = 'PasswordResets1763802350000';

  async up(q: QueryRunner): Promise<void> {
    // The link's secret is an HMAC of id and nonce under a key the database never sees (as for
    // invitations): a copy of this table cannot reset anyone's password.
    await q.query(`
      CREATE TABLE catalog.password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES catalog.users (id) ON DELETE CASCADE,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_resets_open ON catalog.password_resets (user_id) WHERE used_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.password_resets`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfilesTeams1763800700000 implements MigrationInterface {
  name = 'ProfilesTeams1763800700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalog.organizations
        ADD COLUMN description text CHECK (length(description) <= 2000),
        ADD COLUMN ward_code text,
        ADD COLUMN founded_year int CHECK (founded_year BETWEEN 1900 AND 2100);

      -- The link's secret is an HMAC of (id, nonce), never stored; a new nonce voids older links.
      CREATE TABLE catalog.invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES catalog.organizations (id),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'MEMBER')),
        nonce text NOT NULL,
        invited_by uuid NOT NULL REFERENCES catalog.users (id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX invitations_open ON catalog.invitations (organization_id, email) WHERE accepted_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.invitations;
      ALTER TABLE catalog.organizations DROP COLUMN description, DROP COLUMN ward_code, DROP COLUMN founded_year`);
  }
}

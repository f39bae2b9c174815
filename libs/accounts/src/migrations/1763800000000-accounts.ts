import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@lienket/database';

export class Accounts1763800000000 implements MigrationInterface {
  name = 'Accounts1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog.organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('COOPERATIVE', 'ENTERPRISE')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        tax_code text NOT NULL CONSTRAINT organizations_tax_code_key UNIQUE,
        province_code text NOT NULL,
        address text,
        phone text,
        member_count int CHECK (member_count > 0),
        verification text NOT NULL DEFAULT 'PENDING_VERIFICATION'
          CHECK (verification IN ('PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'SUSPENDED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX organizations_province ON catalog.organizations (province_code);
      CREATE INDEX organizations_pending ON catalog.organizations (created_at) WHERE verification = 'PENDING_VERIFICATION';

      CREATE TABLE catalog.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT users_email_key UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        full_name text NOT NULL,
        locale text NOT NULL DEFAULT 'VI' CHECK (locale IN ('VI', 'EN')),
        organization_id uuid REFERENCES catalog.organizations (id),
        organization_role text CHECK (organization_role IN ('OWNER', 'MANAGER', 'MEMBER')),
        platform_role text CHECK (platform_role IN ('ADMIN', 'MODERATOR')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((organization_id IS NULL) = (organization_role IS NULL))
      );
      CREATE INDEX users_organization ON catalog.users (organization_id);

      CREATE TABLE catalog.refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES catalog.users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_family ON catalog.refresh_tokens (family_id);
      ${outboxTableSql('catalog')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.outbox, catalog.refresh_tokens, catalog.users, catalog.organizations`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeServiceRoleSql, serviceRole, serviceRoleSql } from '@lienket/database';

const matcher = serviceRole('matching');
const procurement = serviceRole('procurement');

/**
 * What the worker and procurement read or write outside their own schemas, each an explicit grant
 * of only the columns used (decision 58):
 * - the daily certification-expiry scan reads the catalog's public listings, whether their
 *   organization is verified, and the owners' and managers' addresses (never password hashes);
 * - procurement serves the in-app notifications the worker writes, and marks them read.
 */
const CROSS_SCHEMA_GRANTS = `
  GRANT USAGE ON SCHEMA catalog TO ${matcher};
  GRANT SELECT (id, organization_id, status, approved) ON catalog.products TO ${matcher};
  GRANT SELECT (id, verification) ON catalog.organizations TO ${matcher};
  GRANT SELECT (id, email, full_name, locale, organization_id, organization_role, created_at) ON catalog.users TO ${matcher};
  GRANT USAGE ON SCHEMA matching TO ${procurement};
  GRANT SELECT (id, user_id, kind, title, body, link, read_at, created_at), UPDATE (read_at) ON matching.notifications TO ${procurement};`;

const REVOKE_CROSS_SCHEMA_GRANTS = `
  REVOKE ALL ON catalog.products, catalog.organizations, catalog.users FROM ${matcher};
  REVOKE USAGE ON SCHEMA catalog FROM ${matcher};
  REVOKE ALL ON matching.notifications FROM ${procurement};
  REVOKE USAGE ON SCHEMA matching FROM ${procurement};`;

/** The worker's own login role, its grants, and what it and procurement may touch of others'. */
export class MatchingServiceRole1763805800000 implements MigrationInterface {
  name = 'MatchingServiceRole1763805800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(serviceRoleSql('matching'));
    await q.query(CROSS_SCHEMA_GRANTS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REVOKE_CROSS_SCHEMA_GRANTS);
    await q.query(revokeServiceRoleSql('matching'));
  }
}

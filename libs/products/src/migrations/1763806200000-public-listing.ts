import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchReindex } from './search-reindex';

/**
 * The one definition of "a public listing" (decision 63): it has an approved snapshot, is not
 * ARCHIVED, and its organization is VERIFIED. SQL anywhere says it through
 * `catalog.listing_is_public(approved, status, verification)` (a SQL function the planner inlines,
 * so plans and partial indexes are as with the expression written out) or reads the view
 * `catalog.public_listings`; TypeScript through `isPublicListing` (libs/products public-listing.ts),
 * which a test holds equal to the function. Search's upkeep now asks the function too.
 */
export class PublicListing1763806200000 implements MigrationInterface {
  name = 'PublicListing1763806200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION catalog.listing_is_public(approved jsonb, status text, verification text) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN approved IS NOT NULL AND status <> 'ARCHIVED' AND verification = 'VERIFIED';

      -- The rows of public listings: what readers outside the products domain (reports, the
      -- matcher's certification scan) and per-organization counts select from.
      CREATE VIEW catalog.public_listings AS
        SELECT p.*
          FROM catalog.products p
          JOIN catalog.organizations o ON o.id = p.organization_id
         WHERE catalog.listing_is_public(p.approved, p.status, o.verification);
    `);
    await q.query(searchReindex('catalog.listing_is_public(p.approved, p.status, o.verification)'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(searchReindex(`o.verification = 'VERIFIED' AND p.approved IS NOT NULL AND p.status <> 'ARCHIVED'`));
    await q.query(`DROP VIEW catalog.public_listings; DROP FUNCTION catalog.listing_is_public(jsonb, text, text);`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRole } from '@lienket/database';

const matcher = serviceRole('matching');

/**
 * Two readers that arrived after the service roles (decision 58), each granted only what it reads:
 * - the certification-expiry scan reads public listings through `catalog.public_listings` (decision 63)
 *   rather than products and organizations (the view reads them with its owner's rights), so the
 *   column grant on products goes;
 * - the hourly orphan sweep (decision 61) asks whether a stored key is still referenced by a
 *   document, a photo or its thumbnail, or a logo or its thumbnail.
 */
export class MatcherReadGrants1763806300000 implements MigrationInterface {
  name = 'MatcherReadGrants1763806300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      GRANT SELECT ON catalog.public_listings TO ${matcher};
      REVOKE ALL ON catalog.products FROM ${matcher};
      GRANT SELECT (storage_key) ON catalog.documents TO ${matcher};
      GRANT SELECT (storage_key, thumbnail_key) ON catalog.product_photos TO ${matcher};
      GRANT SELECT (logo_key, logo_thumbnail_key) ON catalog.organizations TO ${matcher};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE ALL ON catalog.public_listings, catalog.documents, catalog.product_photos FROM ${matcher};
      GRANT SELECT (id, organization_id, status, approved) ON catalog.products TO ${matcher};
      REVOKE SELECT (logo_key, logo_thumbnail_key) ON catalog.organizations FROM ${matcher};`);
  }
}

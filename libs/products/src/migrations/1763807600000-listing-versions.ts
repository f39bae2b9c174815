import { MigrationInterface, QueryRunner } from 'typeorm';

/** The order of `listing.changed` events of one listing (issue 11): drawn under the listing's row lock. */
export class ListingVersions1763807600000 implements MigrationInterface {
  name = 'ListingVersions1763807600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE catalog.listing_versions`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE catalog.listing_versions`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin may mark a buyer trusted (its needs open without review); every change of an
 * organization that procurement copies draws a version from one sequence, under the row's lock,
 * so procurement can ignore late and repeated events (decision 103).
 */
export class TrustedBuyers1763806700000 implements MigrationInterface {
  name = 'TrustedBuyers1763806700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalog.organizations ADD COLUMN trusted_buyer boolean NOT NULL DEFAULT false;
      CREATE SEQUENCE catalog.organization_versions;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE catalog.organization_versions; ALTER TABLE catalog.organizations DROP COLUMN trusted_buyer`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A listing's prices say what they are per (issue 9): `price_unit_code`, a unit of the same kind as
 * `unit_code` (checked by the service against the shipped UN/CEFACT units). Existing listings
 * priced per their capacity unit, so they get it; their approved snapshots get it too, so the public
 * version and the latest compare alike. The column stays nullable, meaning "per `unit_code`", so
 * that bulk loaders which predate it (benchmarks, fixtures) keep working; the service always writes it.
 */
export class PriceUnit1763806610000 implements MigrationInterface {
  name = 'PriceUnit1763806610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalog.products ADD COLUMN price_unit_code text;
      UPDATE catalog.products SET price_unit_code = unit_code;
      UPDATE catalog.products
         SET approved = approved || jsonb_build_object('priceUnitCode', approved ->> 'unitCode')
       WHERE approved IS NOT NULL AND NOT approved ? 'priceUnitCode';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE catalog.products SET approved = approved - 'priceUnitCode' WHERE approved IS NOT NULL;
      ALTER TABLE catalog.products DROP COLUMN price_unit_code;
    `);
  }
}

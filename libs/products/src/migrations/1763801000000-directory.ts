import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supplier directory (DirectoryRepository): verified organizations found by name and
 * description ignoring diacritics and case, or browsed by name. Both indexes are partial over
 * VERIFIED organizations, the only ones the directory may show. They live with the products
 * migrations because they need `catalog.f_unaccent`, which the products migration creates.
 */
export class Directory1763801000000 implements MigrationInterface {
  name = 'Directory1763801000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The name weighs more than the description (weight A), so ts_rank puts name matches first.
      CREATE INDEX organizations_search ON catalog.organizations USING gin ((
        setweight(to_tsvector('simple', catalog.f_unaccent(name)), 'A')
        || to_tsvector('simple', catalog.f_unaccent(coalesce(description, '')))
      )) WHERE verification = 'VERIFIED';
      CREATE INDEX organizations_directory ON catalog.organizations (catalog.f_unaccent(name), id)
        WHERE verification = 'VERIFIED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX catalog.organizations_search; DROP INDEX catalog.organizations_directory;`);
  }
}

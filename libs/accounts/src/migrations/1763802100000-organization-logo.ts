import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationLogo1763802100000 implements MigrationInterface {
  name = 'OrganizationLogo1763802100000';

  async up(q: QueryRunner): Promise<void> {
    // The logo's bytes live in FileStorage; a replaced logo gets a new id, so its URL can be cached.
    await q.query(`
      ALTER TABLE catalog.organizations
        ADD COLUMN logo_id uuid UNIQUE,
        ADD COLUMN logo_key text,
        ADD COLUMN logo_content_type text,
        ADD CONSTRAINT organizations_logo_whole CHECK ((logo_id IS NULL) = (logo_key IS NULL) AND (logo_id IS NULL) = (logo_content_type IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE catalog.organizations DROP CONSTRAINT organizations_logo_whole, DROP COLUMN logo_id, DROP COLUMN logo_key, DROP COLUMN logo_content_type`);
  }
}

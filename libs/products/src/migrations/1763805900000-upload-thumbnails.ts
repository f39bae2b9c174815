import { MigrationInterface, QueryRunner } from 'typeorm';

export class UploadThumbnails1763805900000 implements MigrationInterface {
  name = 'UploadThumbnails1763805900000';

  async up(q: QueryRunner): Promise<void> {
    // Thumbnails for cards and lists, stored beside each image; null for images uploaded before
    // thumbnails existed (they are shown whole). Unique keys: the orphan sweep looks each key up.
    await q.query(`
      ALTER TABLE catalog.product_photos ADD COLUMN thumbnail_key text UNIQUE;
      ALTER TABLE catalog.organizations ADD COLUMN logo_thumbnail_key text UNIQUE,
        ADD CONSTRAINT organizations_logo_thumbnail CHECK (logo_thumbnail_key IS NULL OR logo_key IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalog.organizations DROP CONSTRAINT organizations_logo_thumbnail, DROP COLUMN logo_thumbnail_key;
      ALTER TABLE catalog.product_photos DROP COLUMN thumbnail_key;
    `);
  }
}

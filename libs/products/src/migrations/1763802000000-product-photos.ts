import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductPhotos1763802000000 implements MigrationInterface {
  name = 'ProductPhotos1763802000000';

  async up(q: QueryRunner): Promise<void> {
    // The bytes live in FileStorage under storage_key; the first photo (oldest) is the cover.
    await q.query(`
      CREATE TABLE catalog.product_photos (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES catalog.organizations (id),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        uploaded_by uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX product_photos_product ON catalog.product_photos (product_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.product_photos`);
  }
}

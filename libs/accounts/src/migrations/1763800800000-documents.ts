import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1763800800000 implements MigrationInterface {
  name = 'Documents1763800800000';

  async up(q: QueryRunner): Promise<void> {
    // Evidence for verification (business registration, certificates); the bytes live in storage.
    await q.query(`
      CREATE TABLE catalog.documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES catalog.organizations (id),
        kind text NOT NULL CHECK (kind IN ('BUSINESS_REGISTRATION', 'CERTIFICATE', 'OTHER')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES catalog.users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_organization ON catalog.documents (organization_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.documents`);
  }
}

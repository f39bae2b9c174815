import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRole } from '@lienket/database';

const matcher = serviceRole('matching');

/**
 * A need's attachments (a specification PDF, photos of the goods): rows here, bytes in the shared
 * file storage under `<buyer>/needs/<id>.<ext>`. The worker's hourly orphan sweep asks whether a
 * stored key is still referenced, so it may read the two key columns and nothing else of procurement.
 */
export class NeedAttachments1763807500000 implements MigrationInterface {
  name = 'NeedAttachments1763807500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procurement.need_attachments (
        id uuid PRIMARY KEY,
        need_id uuid NOT NULL REFERENCES procurement.needs (id),
        buyer_org_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        storage_key text NOT NULL UNIQUE,
        thumbnail_key text UNIQUE,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX need_attachments_need ON procurement.need_attachments (need_id, created_at, id);
      GRANT USAGE ON SCHEMA procurement TO ${matcher};
      GRANT SELECT (storage_key, thumbnail_key) ON procurement.need_attachments TO ${matcher};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE ALL ON procurement.need_attachments FROM ${matcher};
      REVOKE USAGE ON SCHEMA procurement FROM ${matcher};
      DROP TABLE procurement.need_attachments;`);
  }
}

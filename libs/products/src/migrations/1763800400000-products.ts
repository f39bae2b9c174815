import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product listings and what their search needs. A listing's public face is its `approved` snapshot
 * (an edit under review must not change what buyers find), so both search indexes are built over the
 * snapshot's name, and only over listings that are public (approved once, not archived).
 */
export class Products1763800400000 implements MigrationInterface {
  name = 'Products1763800400000';

  async up(q: QueryRunner): Promise<void> {
    // Both are trusted contrib extensions (no superuser needed since PostgreSQL 13). The database may
    // already have them in another schema, so the wrapper names whichever schema holds them.
    await q.query(
      `CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;`,
    );
    const ext = await extensionSchema(q, 'unaccent');
    const trgm = await extensionSchema(q, 'pg_trgm');
    await q.query(`
      -- unaccent() is only STABLE (its dictionary could change), so it cannot be indexed. This wrapper
      -- pins the dictionary (the two-argument form) and is declared IMMUTABLE; BEGIN ATOMIC resolves
      -- the names once, at creation, so the caller's search_path does not matter. It folds đ→d,
      -- decomposed input and case: "Cà phê ĐẮK LẮK" → "ca phe dak lak".
      CREATE FUNCTION catalog.f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      BEGIN ATOMIC
        SELECT lower(${ext}.unaccent('${ext}.unaccent'::regdictionary, $1));
      END;

      CREATE TABLE catalog.products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES catalog.organizations (id),
        category_code text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 5000),
        unit_code text NOT NULL,
        monthly_capacity numeric(20, 3) NOT NULL CHECK (monthly_capacity > 0),
        min_order_quantity numeric(20, 3) CHECK (min_order_quantity > 0 AND min_order_quantity <= monthly_capacity),
        price_min numeric(20, 0) CHECK (price_min > 0),
        price_max numeric(20, 0) CHECK (price_max > 0),
        currency text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
        harvest_months smallint[] NOT NULL DEFAULT '{}'
          CHECK (harvest_months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]),
        certifications jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(certifications) = 'array'),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED')),
        moderation_note text,
        approved jsonb,
        -- Millisecond precision: keyset cursors carry these through JavaScript Dates without loss.
        submitted_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS
          (to_tsvector('simple', catalog.f_unaccent(coalesce(approved ->> 'name', '')))) STORED,
        CHECK (price_min <= price_max),
        CHECK (status <> 'APPROVED' OR approved IS NOT NULL)
      );
      -- What the public can find: approved once and not archived (see ProductSearchRepository).
      CREATE INDEX products_search ON catalog.products USING gin (search)
        WHERE approved IS NOT NULL AND status <> 'ARCHIVED';
      CREATE INDEX products_name_trgm ON catalog.products
        USING gin (catalog.f_unaccent(approved ->> 'name') ${trgm}.gin_trgm_ops)
        WHERE approved IS NOT NULL AND status <> 'ARCHIVED';
      CREATE INDEX products_organization ON catalog.products (organization_id, created_at DESC, id DESC);
      CREATE INDEX products_pending_review ON catalog.products (submitted_at, id) WHERE status = 'PENDING_REVIEW';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extensions stay: other schemas may use them.
    await q.query(`DROP TABLE catalog.products; DROP FUNCTION catalog.f_unaccent(text);`);
  }
}

/** The schema holding an extension, quoted: the database may have it outside `public`. */
export async function extensionSchema(q: QueryRunner, extension: string): Promise<string> {
  const rows = (await q.query(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1`,
    [extension],
  )) as { schema: string }[];
  return rows[0].schema;
}

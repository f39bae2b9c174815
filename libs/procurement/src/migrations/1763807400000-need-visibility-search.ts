import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invited needs and the search of needs (decisions 134 and 135):
 *
 * - `visibility`: PUBLIC (the market reads it once open) or INVITED (only its buyer, platform staff
 *   and the suppliers in `invited_supplier_ids`); an INVITED need names at least one supplier.
 *   Reorder drafts not yet submitted become INVITED (that is what a reorder means now); needs already
 *   submitted keep the visibility they were posted with.
 * - `search`: the unaccented, lower-case words of title and description ('simple' parser), through
 *   procurement's own IMMUTABLE unaccent wrapper (catalog's is catalog's: no service reads another's
 *   schema), with a GIN index. Needs are ordered newest first, not by relevance, so a GIN filter is
 *   all the list needs; RUM's ordering inside the index (catalog's reason for it) buys nothing here.
 */
export class NeedVisibilitySearch1763807400000 implements MigrationInterface {
  name = 'NeedVisibilitySearch1763807400000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted contrib extension: a fresh database where catalog has not run first still gets it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    const [{ schema: ext }] = (await q.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    )) as { schema: string }[];
    await q.query(`
      -- unaccent() is only STABLE; pinned to its dictionary and declared IMMUTABLE it can be indexed.
      -- It folds đ→d, decomposed input and case: "Cà phê ĐẮK LẮK" → "ca phe dak lak".
      CREATE FUNCTION procurement.f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      BEGIN ATOMIC
        SELECT lower(${ext}.unaccent('${ext}.unaccent'::regdictionary, $1));
      END;

      ALTER TABLE procurement.needs
        ADD COLUMN visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'INVITED')),
        ADD COLUMN search tsvector GENERATED ALWAYS AS
          (to_tsvector('simple'::regconfig, procurement.f_unaccent(title || ' ' || coalesce(description, '')))) STORED;
      UPDATE procurement.needs SET visibility = 'INVITED'
       WHERE reordered_from_contract_id IS NOT NULL AND status = 'DRAFT' AND cardinality(invited_supplier_ids) > 0;
      ALTER TABLE procurement.needs
        ADD CONSTRAINT needs_invited_named CHECK (visibility = 'PUBLIC' OR cardinality(invited_supplier_ids) > 0);
      CREATE INDEX needs_search ON procurement.needs USING gin (search);
      -- "Needs that invite me": the supplier's id inside the array.
      CREATE INDEX needs_invited ON procurement.needs USING gin (invited_supplier_ids)
        WHERE cardinality(invited_supplier_ids) > 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: catalog uses it too.
    await q.query(`
      DROP INDEX procurement.needs_invited;
      DROP INDEX procurement.needs_search;
      ALTER TABLE procurement.needs DROP CONSTRAINT needs_invited_named, DROP COLUMN search, DROP COLUMN visibility;
      DROP FUNCTION procurement.f_unaccent(text);
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { extensionSchema } from './1763800400000-products';
import { ensureSearchIndex } from './search-index';
import { searchReindex } from './search-reindex';

/**
 * Search that stays fast at a million listings (DESIGN.md, Performance → Search; decision 32):
 *
 * - `catalog.product_search` holds one row per *searchable* listing — public (approved once, not
 *   archived) and of a VERIFIED organization — and nothing else, so no filter on status or
 *   verification is left for the heap. Its `doc` holds the unaccented words of the approved name
 *   plus the filters as tokens no word can spell (`c:09` and `c:0901` for the chapter and heading,
 *   `p:66` for the supplier's province, `cert:vietgap` per certification held).
 * - `sort_key` is the one order of results (reliability, then the latest approval), unique, with a
 *   btree to walk it and the RUM index `product_search_doc` carrying it beside every posting
 *   (`rum_tsvector_addon_ops`, `order_by_attach`), so an index scan returns a lexeme's listings in
 *   that order. ProductSearchRepository says which of the two each query uses. Without the RUM
 *   extension `product_search_doc` is a GIN index over the same `doc` (search-index.ts, decision 62).
 * - `catalog.search_vocabulary` holds each lexeme of the searchable listings once, with how many
 *   listings hold it: typed words are corrected to its words (trigram KNN, then edit distance) and
 *   queries are planned by its counts.
 * - Triggers keep both current in the transaction of the change, whoever makes it (approval,
 *   re-approval of an edit, archiving, suspension or reinstatement, a province change, a delete,
 *   or bulk SQL): `catalog.search_reindex` replaces the rows of the listings concerned and applies
 *   the difference of their lexemes to the vocabulary.
 */
export class SearchRum1763801500000 implements MigrationInterface {
  name = 'SearchRum1763801500000';

  async up(q: QueryRunner): Promise<void> {
    // fuzzystrmatch is contrib and trusted; RUM is neither contrib nor required (ensureSearchIndex).
    await q.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;`);
    const trgm = await extensionSchema(q, 'pg_trgm');
    const fuzzy = await extensionSchema(q, 'fuzzystrmatch');
    await q.query(`
      DROP INDEX catalog.products_search;
      DROP INDEX catalog.products_name_trgm;
      ALTER TABLE catalog.products DROP COLUMN search;

      -- The words search knows a name by: unaccented, lower case, as the 'simple' parser splits them.
      CREATE FUNCTION catalog.search_words(text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      BEGIN ATOMIC
        SELECT tsvector_to_array(to_tsvector('simple'::regconfig, catalog.f_unaccent($1)));
      END;

      CREATE SEQUENCE catalog.product_search_seq;
      CREATE TABLE catalog.product_search (
        product_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        doc tsvector NOT NULL,
        -- The supplier's track record, 0..1: no data yet (the matcher will write it). Search orders
        -- by it after relevance, through sort_key.
        reliability real NOT NULL DEFAULT 0 CHECK (reliability BETWEEN 0 AND 1),
        seq bigint NOT NULL DEFAULT nextval('catalog.product_search_seq'),
        -- One bigint the index can order by: reliability in thousandths, then the latest approval.
        sort_key bigint GENERATED ALWAYS AS ((round(reliability * 1000)::bigint << 40) | seq) STORED,
        capacity numeric NOT NULL,
        certifications jsonb NOT NULL
      );
      ALTER SEQUENCE catalog.product_search_seq OWNED BY catalog.product_search.seq;
      CREATE UNIQUE INDEX product_search_order ON catalog.product_search (sort_key);
      CREATE INDEX product_search_organization ON catalog.product_search (organization_id);

      -- Every lexeme of the searchable listings (the filter tokens too, which typo correction skips),
      -- with how many listings hold it: what corrections choose from and search plans by.
      CREATE TABLE catalog.search_vocabulary (
        word text PRIMARY KEY,
        listings integer NOT NULL
      );
      CREATE INDEX search_vocabulary_trgm ON catalog.search_vocabulary USING gist (word ${trgm}.gist_trgm_ops);
    `);
    await q.query(searchReindex(`o.verification = 'VERIFIED' AND p.approved IS NOT NULL AND p.status <> 'ARCHIVED'`));
    await q.query(`
      -- Inserted or deleted listings (transition table "changed"): only approved ones can be searchable.
      CREATE FUNCTION catalog.products_search_added_or_removed() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, catalog AS $fn$
      BEGIN
        PERFORM catalog.search_reindex(ARRAY(SELECT id FROM changed WHERE approved IS NOT NULL));
        RETURN NULL;
      END $fn$;
      -- Only what the public sees counts: an edit under review leaves the approved snapshot alone.
      CREATE FUNCTION catalog.products_search_updated() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, catalog AS $fn$
      BEGIN
        PERFORM catalog.search_reindex(ARRAY(
          SELECT n.id FROM changed n JOIN previous o ON o.id = n.id
           WHERE o.approved IS DISTINCT FROM n.approved
              OR (o.status = 'ARCHIVED') IS DISTINCT FROM (n.status = 'ARCHIVED')
              OR o.organization_id <> n.organization_id));
        RETURN NULL;
      END $fn$;
      -- Suspension, reinstatement, verification and a move to another province.
      CREATE FUNCTION catalog.organizations_search_updated() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, catalog AS $fn$
      BEGIN
        PERFORM catalog.search_reindex(ARRAY(
          SELECT p.id FROM changed n JOIN previous o ON o.id = n.id
            JOIN catalog.products p ON p.organization_id = n.id AND p.approved IS NOT NULL
           WHERE (o.verification, o.province_code) IS DISTINCT FROM (n.verification, n.province_code)));
        RETURN NULL;
      END $fn$;

      CREATE TRIGGER products_search_inserted AFTER INSERT ON catalog.products
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.products_search_added_or_removed();
      CREATE TRIGGER products_search_updated AFTER UPDATE ON catalog.products
        REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.products_search_updated();
      CREATE TRIGGER products_search_deleted AFTER DELETE ON catalog.products
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.products_search_added_or_removed();
      CREATE TRIGGER organizations_search_updated AFTER UPDATE ON catalog.organizations
        REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog.organizations_search_updated();

      -- A typed word (unaccented, as search_words gives it) corrected to the vocabulary: itself when
      -- listings use it; else the nearest of its trigram neighbours within a typo (one edit up to 5
      -- letters, two from 6, never for 3 letters or fewer) or an exact swap of two neighbouring
      -- letters; the word more listings use wins a tie. NULL when nothing is near.
      CREATE FUNCTION catalog.search_correct(typed text) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
      BEGIN ATOMIC
        SELECT c.word FROM (
          SELECT v.word, 0 AS cost, v.listings FROM catalog.search_vocabulary v WHERE v.word = typed
          UNION ALL
          SELECT v.word, 1, v.listings FROM catalog.search_vocabulary v
           WHERE v.word = ANY (ARRAY(SELECT overlay(typed PLACING substr(typed, i + 1, 1) || substr(typed, i, 1) FROM i FOR 2)
                                       FROM generate_series(1, length(typed) - 1) i))
             AND v.word <> typed
          UNION ALL
          SELECT n.word, ${fuzzy}.levenshtein(typed, n.word), n.listings
            FROM (SELECT v.word, v.listings FROM catalog.search_vocabulary v
                   WHERE position(':' IN v.word) = 0
                   ORDER BY v.word OPERATOR(${trgm}.<->) typed LIMIT 8) n
           WHERE length(typed) > 3
             AND ${fuzzy}.levenshtein(typed, n.word) <= CASE WHEN length(typed) <= 5 THEN 1 ELSE 2 END
        ) c
        ORDER BY c.cost, c.listings DESC, c.word
        LIMIT 1;
      END;

      -- Listings already public when this runs.
      SELECT catalog.search_reindex(ARRAY(SELECT id FROM catalog.products WHERE approved IS NOT NULL));
    `);
    // product_search_doc: RUM where PostgreSQL offers it, else GIN; migrateAll then applies SEARCH_RUM.
    await ensureSearchIndex((sql, params) => q.query(sql, params), 'auto');
    await q.query('ANALYZE catalog.product_search, catalog.search_vocabulary');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER organizations_search_updated ON catalog.organizations;
      DROP TRIGGER products_search_inserted ON catalog.products;
      DROP TRIGGER products_search_updated ON catalog.products;
      DROP TRIGGER products_search_deleted ON catalog.products;
      DROP FUNCTION catalog.search_correct(text), catalog.organizations_search_updated(),
        catalog.products_search_added_or_removed(), catalog.products_search_updated(),
        catalog.search_reindex(uuid[]);
      DROP TABLE catalog.search_vocabulary, catalog.product_search;
      DROP FUNCTION catalog.search_words(text);
      ALTER TABLE catalog.products ADD COLUMN search tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', catalog.f_unaccent(coalesce(approved ->> 'name', '')))) STORED;
      CREATE INDEX products_search ON catalog.products USING gin (search)
        WHERE approved IS NOT NULL AND status <> 'ARCHIVED';
    `);
    const trgm = await extensionSchema(q, 'pg_trgm');
    await q.query(`CREATE INDEX products_name_trgm ON catalog.products
        USING gin (catalog.f_unaccent(approved ->> 'name') ${trgm}.gin_trgm_ops)
        WHERE approved IS NOT NULL AND status <> 'ARCHIVED'`);
  }
}

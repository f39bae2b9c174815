// Not a migration: SQL that two migrations share (migrations/index.ts lists only migrations).

/**
 * `catalog.search_reindex(ids)`: replaces the search rows of these listings by what is searchable
 * now (`searchable`, a condition over `p` a catalog.products row and `o` its organization), and
 * moves the vocabulary's counts by the difference (words in a fixed order: concurrent changes lock
 * the same rows in the same order and cannot deadlock). SearchRum1763801500000 created it with the
 * rule written out; PublicListing1763806200000 gives it `catalog.listing_is_public`.
 */
export const searchReindex = (searchable: string) => `
  CREATE OR REPLACE FUNCTION catalog.search_reindex(ids uuid[]) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, catalog AS $fn$
  DECLARE
    gone text[];
  BEGIN
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    WITH d AS (DELETE FROM catalog.product_search s WHERE s.product_id = ANY (ids) RETURNING s.doc)
    SELECT coalesce(array_agg(w), '{}') INTO gone FROM d, unnest(tsvector_to_array(d.doc)) w;
    WITH came AS (
      INSERT INTO catalog.product_search (product_id, organization_id, doc, capacity, certifications)
      SELECT p.id, p.organization_id,
             array_to_tsvector(w.words || ARRAY['c:' || left(p.approved ->> 'categoryCode', 2),
                                                'c:' || (p.approved ->> 'categoryCode'),
                                                'p:' || o.province_code]
                                       || ARRAY(SELECT 'cert:' || lower(c ->> 'kind')
                                                  FROM jsonb_array_elements(coalesce(p.approved -> 'certifications', '[]')) c)),
             coalesce((p.approved ->> 'monthlyCapacityBase')::numeric, 0),
             coalesce(p.approved -> 'certifications', '[]')
        FROM unnest(ids) i (id)
        JOIN catalog.products p ON p.id = i.id
        JOIN catalog.organizations o ON o.id = p.organization_id
        CROSS JOIN LATERAL (SELECT catalog.search_words(p.approved ->> 'name') AS words) w
       WHERE ${searchable}
      RETURNING doc
    ), delta AS (
      SELECT x.w AS word, sum(x.d)::int AS d
        FROM (SELECT w, 1 AS d FROM came, unnest(tsvector_to_array(came.doc)) w
              UNION ALL SELECT w, -1 FROM unnest(gone) w) x
       GROUP BY x.w HAVING sum(x.d) <> 0
    )
    INSERT INTO catalog.search_vocabulary AS v (word, listings)
    SELECT word, d FROM delta ORDER BY word
    ON CONFLICT (word) DO UPDATE SET listings = v.listings + excluded.listings;
    IF cardinality(gone) > 0 THEN
      DELETE FROM catalog.search_vocabulary v WHERE v.word = ANY (gone) AND v.listings <= 0;
    END IF;
  END $fn$`;

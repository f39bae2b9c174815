// The SQL of `searchProducts`, pure (no NestJS, TypeORM or GraphQL): ProductSearchRepository runs
// it, and the bare reference of bench:gateway (scripts/bench/reference.ts) runs the very same.
import type { SearchIndexKind } from '../migrations/search-index';
import type { CertificationKind } from './product.entity';

export { SEARCH_INDEX_KIND_SQL, type SearchIndexKind } from '../migrations/search-index';

export const SEARCH_TOTAL_CAP = 1000;

export interface SearchCriteria {
  /** What the person typed, trimmed; null lists every public listing. */
  text: string | null;
  categoryCode: string | null;
  provinceCode: string | null;
  certification: CertificationKind | null;
  /** In base units (kg, l, piece), compared with the snapshot's monthlyCapacityBase. */
  minMonthlyCapacity: string | null;
  /** YYYY-MM-DD in Vietnam: certificates valid until an earlier day no longer count. */
  today: string;
  limit: number;
  /** `rank` is the last hit's sort key: unique, so it alone says where the next page starts. */
  after: { rank: string; id: string } | null;
}

/**
 * Counting the matches exactly (through the rarest lexeme's postings and rows) is done only while
 * it reads fewer postings and rows than this; beyond, the total is the estimate. Measured on the
 * bench: a posting read by RUM and a row checked on a walk cost about the same (0.7–0.8 µs); GIN's
 * postings and rows are taken to cost the same.
 */
const COUNT_BUDGET = 20_000;

/** What the vocabulary says about a query: its lexemes, how many listings hold each, and how many are searchable. */
export type Resolved = {
  /** Corrected words of the text (null: a typed word has nothing near it), then filter tokens. */
  words: (string | null)[];
  tokens: string[];
  listings: Record<string, number>;
  rows: number;
};

/** How one search runs: see `planSearch`. */
export interface SearchPlan {
  /** Every lexeme required, as tsquery text; null when browsing without text or filters. */
  query: string | null;
  /** The lexeme fewest listings hold: the selective path's entry into the RUM index. */
  driver: string | null;
  /** The kind of `product_search_doc`: how the selective path reads it. */
  index: SearchIndexKind;
  /**
   * Walk the order (btree) and check each row, or take the selective path: the driver's postings
   * (RUM, ordered by sort_key), or every lexeme's (GIN, matches sorted by sort_key).
   */
  walk: boolean;
  /** Listings expected to match: the rarest word's count, narrowed by each filter's share. */
  estimate: number;
  /** How the total is had when the first page does not hold everything. */
  total: { counted: true } | { counted: false; value: number };
}

/** The filters as the tokens the migration puts in `doc` (codes are validated reference data). */
function filterTokens(c: SearchCriteria): string[] {
  return [
    c.categoryCode && `c:${c.categoryCode}`,
    c.provinceCode && `p:${c.provinceCode}`,
    c.certification && `cert:${c.certification.toLowerCase()}`,
  ].filter((t): t is string => !!t);
}

/**
 * One cheap statement before the search: each typed word corrected to the vocabulary
 * (`catalog.search_correct`: itself, a swap of two letters, or one or two edits), how many listings
 * hold each word and filter token, and the planner's row count of `product_search`.
 */
export function resolveSql(c: SearchCriteria): { sql: string; params: unknown[] } {
  return {
    sql: `WITH typed AS (SELECT catalog.search_correct(t.typed) AS word, t.n
                           FROM unnest(catalog.search_words(coalesce($1::text, ''))) WITH ORDINALITY t (typed, n))
          SELECT coalesce((SELECT json_agg(word ORDER BY n) FROM typed), '[]') AS words, $2::text[] AS tokens,
                 coalesce((SELECT json_object_agg(v.word, v.listings) FROM catalog.search_vocabulary v
                            WHERE v.word IN (SELECT word FROM typed UNION SELECT unnest($2::text[]))), '{}') AS listings,
                 (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'catalog.product_search'::regclass) AS rows`,
    params: [c.text, filterTokens(c)],
  };
}

/**
 * Chooses the path from the vocabulary's counts and the kind of index; null when nothing can match
 * (a typed word with no near word, text without any word, a filter no searchable listing has). The
 * walk reads about `(limit + 1) · rows / estimate` rows; the selective path reads the driver's
 * postings, then checks about `(limit + 1) · driver / estimate` rows (RUM), or fetches and sorts
 * every match, about `estimate` rows (GIN intersects the postings of every lexeme). The cheaper wins
 * (a posting costs about a row); either gives the same page. The total: SEARCH_TOTAL_CAP when the
 * estimate reaches it; an exact count when that reads fewer than COUNT_BUDGET postings and rows;
 * else the estimate.
 */
export function planSearch(c: SearchCriteria, r: Resolved, index: SearchIndexKind): SearchPlan | null {
  const words = [...new Set(r.words)];
  if (c.text !== null && (words.length === 0 || words.includes(null))) return null;
  const lexemes = [...(words as string[]), ...r.tokens];
  const count = (l: string) => r.listings[l] ?? 0;
  if (lexemes.some((l) => count(l) === 0)) return null;
  const rows = Math.max(r.rows, ...lexemes.map(count), 1);
  const rarestWord = words.length ? Math.min(...words.map((w) => count(w!))) : rows;
  const estimate = Math.max(
    r.tokens.reduce((e, t) => (e * count(t)) / rows, rarestWord),
    1,
  );
  const driver = lexemes.length ? lexemes.reduce((a, b) => (count(b) < count(a) ? b : a)) : null;
  const driverCount = driver ? count(driver) : rows;
  const total: SearchPlan['total'] =
    estimate >= SEARCH_TOTAL_CAP
      ? { counted: false, value: SEARCH_TOTAL_CAP }
      : 2 * driverCount <= COUNT_BUDGET
        ? { counted: true }
        : { counted: false, value: Math.round(estimate) };
  if (!driver) return { query: null, driver: null, index, walk: true, estimate, total };
  const page = c.limit + 1;
  const rowsChecked = index === 'rum' ? (page * driverCount) / estimate : estimate;
  return {
    query: lexemes.map(quoteLexeme).join(' & '),
    driver: quoteLexeme(driver),
    index,
    walk: (page * rows) / estimate <= driverCount + rowsChecked,
    estimate,
    total,
  };
}

const quoteLexeme = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * One statement over `catalog.product_search` (searchable listings only: public, of a VERIFIED
 * organization; kept current by triggers, see migration SearchRum1763801500000): one keyset page
 * in `sort_key` order (reliability, then latest approval) and the total.
 *
 * Relevance: a listing matches when its approved name holds every (corrected) typed word and its
 * `doc` every filter token; all matches are equally relevant, so the order is `sort_key`.
 *
 * Plans (checked by EXPLAIN in test/integration/product-search.int-spec.ts):
 * - walk (common lexemes): the btree `product_search_order` backwards from the cursor, each row's
 *   `doc` checked, stopping at the page — about `limit · rows / estimate` rows.
 * - selective: the RUM index `product_search_doc` on the driver lexeme alone, returning its
 *   postings in `sort_key` order (`<=|`, from the cursor down); the other lexemes are checked on the
 *   row. RUM (1.3) reads a lexeme's whole posting list before the first row, which is why it is
 *   given only the rarest one.
 * - selective without RUM (decision 62): a bitmap scan of the GIN index `product_search_doc` with
 *   every lexeme (GIN intersects their postings), the matches sorted by `sort_key` (top-N). The
 *   subquery's `OFFSET 0` keeps the page's order and limit from turning it into a walk.
 * The total: the page's own size when the first page holds everything; else as `planSearch` says
 * (the cap, an exact count through the driver capped at SEARCH_TOTAL_CAP, or the estimate).
 * Only an expired certificate and a capacity are checked beyond `doc`, in the narrow search row.
 */
export function searchSql(c: SearchCriteria, plan: SearchPlan): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const $ = (v: unknown) => `$${params.push(v)}`;
  // A parameter is numbered only when the statement uses it (PostgreSQL must infer every type).
  let driverParam: string | undefined;
  const driver = () => (driverParam ??= `${$(plan.driver)}::tsquery`);
  const query = plan.query && $(plan.query);
  const heap = heapFilterSql(c, $);
  // The function behind @@, called as a function: no index can take it (the index reads only what
  // the plan says) and the planner assumes it keeps a third of the rows (so it walks the order for
  // a page instead of sorting a scan).
  const check = query ? [`ts_match_vq(s.doc, ${query}::tsquery)`] : [];
  const after = c.after ? [`s.sort_key < ${$(c.after.rank)}::bigint`] : [];
  const and = (xs: string[]) => xs.join(' AND ') || 'true';
  const select = 'SELECT s.product_id, s.sort_key FROM catalog.product_search s';
  const gin = plan.index === 'gin';
  // What the index is given: the driver alone (RUM), or every lexeme (GIN).
  const entry = () => (gin ? `s.doc @@ ${query}::tsquery` : `s.doc @@ ${driver()}`);
  const rest = gin ? [] : check;
  const page = plan.walk
    ? `${select} WHERE ${and([...check, ...heap, ...after])} ORDER BY s.sort_key DESC`
    : gin
      ? `SELECT m.product_id, m.sort_key FROM (${select} WHERE ${and([entry(), ...heap, ...after])} OFFSET 0) m
          ORDER BY m.sort_key DESC`
      : `${select} WHERE ${and([entry(), ...check, ...heap, ...after])}
          ORDER BY s.sort_key <=| ${c.after ? `${$(c.after.rank)}::bigint` : BIGINT_MAX}`;
  const counted = () =>
    plan.driver ? `${select} WHERE ${and([entry(), ...rest, ...heap])}` : `${select} WHERE ${and(heap)}`;
  const total = plan.total.counted
    ? `(SELECT count(*) FROM (${counted()} LIMIT ${SEARCH_TOTAL_CAP}) capped)`
    : `${plan.total.value}`;
  const limit = $(c.limit + 1);
  const sql = `WITH page AS MATERIALIZED (${page} LIMIT ${limit})
    SELECT t.total, m.sort_key::text AS rank, p.id, p.organization_id, p.approved, p.currency, p.status, p.created_at, p.updated_at
      FROM (SELECT CASE WHEN ${c.after ? 'false' : 'true'} AND (SELECT count(*) FROM page) < ${limit}
                        THEN (SELECT count(*) FROM page) ELSE ${total} END::int AS total) t
      LEFT JOIN page m ON true
      LEFT JOIN catalog.products p ON p.id = m.product_id
     ORDER BY m.sort_key DESC`;
  return { sql, params };
}

const BIGINT_MAX = '9223372036854775807::bigint';

/** What `doc` cannot answer: a certificate's expiry (rare) and a capacity. */
function heapFilterSql(c: SearchCriteria, $: (v: unknown) => string): string[] {
  const and: string[] = [];
  if (c.certification) {
    and.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(s.certifications) cert
                       WHERE cert ->> 'kind' = ${$(c.certification)}
                         AND coalesce(cert ->> 'validUntil', '9999-12-31') >= ${$(c.today)})`);
  }
  if (c.minMonthlyCapacity) and.push(`s.capacity >= ${$(c.minMonthlyCapacity)}::numeric`);
  return and;
}

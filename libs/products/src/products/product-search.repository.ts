import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificationKind, ListingStatus, ProductEntity, ProductSnapshot } from './product.entity';

export const SEARCH_TOTAL_CAP = 1000;
/**
 * Typo-tolerant (trigram) matches are looked for only when fewer exact-word matches than this
 * exist: a correctly typed common word ("ca phe") then costs no similarity computation at all, and
 * a typo ("ca phe robsta") still finds its listings. Being a fallback, at most SEARCH_TOTAL_CAP
 * trigram candidates are ranked: a typo in a word thousands of names share stays bounded.
 */
export const FUZZY_BELOW = 20;

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
  after: { rank: string; id: string } | null;
}

export interface SearchHit {
  product: ProductEntity;
  /** Relevance, a decimal string with 6 places: part of the keyset cursor. */
  rank: string;
}

interface Row {
  total: number;
  rank: string | null;
  id: string | null;
  organization_id: string;
  approved: ProductSnapshot;
  currency: string;
  status: ListingStatus;
  created_at: Date;
  updated_at: Date;
}

/** A listing the public can see: approved once and not archived (the partial indexes say the same). */
const PUBLIC = `p.approved IS NOT NULL AND p.status <> 'ARCHIVED'`;

/** The hot SQL of `searchProducts`, in one place so that its plan is reviewed with it. */
@Injectable()
export class ProductSearchRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async search(c: SearchCriteria): Promise<{ hits: SearchHit[]; total: number }> {
    const { sql, params } = searchSql(c);
    const rows = await this.ds.query<Row[]>(sql, params);
    const hits = rows
      .filter((r) => r.id !== null)
      .map((r) => ({ rank: r.rank!, product: toEntity(r) }));
    return { hits, total: rows[0]?.total ?? 0 };
  }
}

/**
 * One statement: the capped total and one keyset page of public listings whose *approved* name
 * matches, ranked by relevance, then id; without a query, every public listing by id.
 *
 * Plan (checked by EXPLAIN in test/integration/product-search.int-spec.ts): `exact` is a bitmap
 * scan of the GIN index `products_search` (tsvector of the unaccented approved name, 'simple'
 * config) with ts_rank over its matches; `fuzzy` is a bitmap scan of the GIN trigram index
 * `products_name_trgm` (`%>`: word similarity ≥ 0.6), and its one-time filter skips that scan
 * when `exact` already has FUZZY_BELOW rows; both join verified organizations. Browsing walks the
 * primary key backwards and stops at the page. The total stops reading at SEARCH_TOTAL_CAP rows.
 * Known tail: a correct common word ranks every exact match, and filters read the snapshot in the
 * heap after the index scans; DESIGN.md's RUM index (ordered inside the index, filters in it) is
 * the next step when `bench:search` asks for it.
 */
export function searchSql(c: SearchCriteria): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const $ = (v: unknown) => `$${params.push(v)}`;
  const from = `FROM catalog.products p
      JOIN catalog.organizations o ON o.id = p.organization_id AND o.verification = 'VERIFIED'
     WHERE ${PUBLIC}${filterSql(c, $)}`;
  const q = c.text === null ? browseSql(c, from, $) : rankedSql(c, c.text, from, $);
  const sql = `${q.with}
    SELECT t.total, m.rank::text AS rank, p.id, p.organization_id, p.approved, p.currency, p.status, p.created_at, p.updated_at
      FROM (SELECT count(*)::int AS total FROM (${q.all} LIMIT ${SEARCH_TOTAL_CAP}) capped) t
      LEFT JOIN LATERAL (${q.page} LIMIT ${$(c.limit + 1)}) m ON true
      LEFT JOIN catalog.products p ON p.id = m.id
     ORDER BY m.rank DESC, m.id DESC`;
  return { sql, params };
}

type Parts = { with: string; all: string; page: string };
type Param = (v: unknown) => string;

function rankedSql(c: SearchCriteria, text: string, from: string, $: Param): Parts {
  const folded = `catalog.f_unaccent(${$(text)})`;
  const tsq = `plainto_tsquery('simple', ${folded})`;
  const name = `catalog.f_unaccent(p.approved ->> 'name')`;
  const after = c.after
    ? `WHERE (m.rank, m.id) < (${$(c.after.rank)}::numeric, ${$(c.after.id)}::uuid)`
    : '';
  return {
    with: `WITH exact AS MATERIALIZED (
        SELECT p.id, round((1 + ts_rank(p.search, ${tsq}, 2))::numeric, 6) AS rank ${from} AND p.search @@ ${tsq}
      ), fuzzy AS MATERIALIZED (
        SELECT p.id, round(word_similarity(${folded}, ${name})::numeric, 6) AS rank ${from}
           AND ${name} %> ${folded} AND NOT p.search @@ ${tsq}
           AND (SELECT count(*) FROM (SELECT 1 FROM exact LIMIT ${FUZZY_BELOW}) e) < ${FUZZY_BELOW}
         LIMIT ${SEARCH_TOTAL_CAP}
      ), matches AS (SELECT * FROM exact UNION ALL SELECT * FROM fuzzy)`,
    all: 'SELECT 1 FROM matches',
    page: `SELECT m.* FROM matches m ${after} ORDER BY m.rank DESC, m.id DESC`,
  };
}

/** Without a query every listing ranks 0, so the order is the primary key's, read backwards. */
function browseSql(c: SearchCriteria, from: string, $: Param): Parts {
  const after = c.after ? `AND p.id < ${$(c.after.id)}::uuid` : '';
  return {
    with: '',
    all: `SELECT 1 ${from}`,
    page: `SELECT p.id, 0::numeric AS rank ${from} ${after} ORDER BY p.id DESC`,
  };
}

/** Filters on the approved snapshot (what the public sees) and on the supplier organization. */
function filterSql(c: SearchCriteria, $: (v: unknown) => string): string {
  const and: string[] = [];
  if (c.categoryCode) {
    // A 2-digit HS chapter includes its 4-digit headings.
    const code =
      c.categoryCode.length === 2
        ? `left(p.approved ->> 'categoryCode', 2)`
        : `p.approved ->> 'categoryCode'`;
    and.push(`${code} = ${$(c.categoryCode)}`);
  }
  if (c.provinceCode) and.push(`o.province_code = ${$(c.provinceCode)}`);
  if (c.certification) {
    and.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(p.approved -> 'certifications') cert
                       WHERE cert ->> 'kind' = ${$(c.certification)}
                         AND coalesce(cert ->> 'validUntil', '9999-12-31') >= ${$(c.today)})`);
  }
  if (c.minMonthlyCapacity)
    and.push(
      `(p.approved ->> 'monthlyCapacityBase')::numeric >= ${$(c.minMonthlyCapacity)}::numeric`,
    );
  return and.map((f) => `\n       AND ${f}`).join('');
}

function toEntity(r: Row): ProductEntity {
  const e = new ProductEntity();
  Object.assign(e, {
    id: r.id,
    organizationId: r.organization_id,
    approved: r.approved,
    currency: r.currency,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return e;
}

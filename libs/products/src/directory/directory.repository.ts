import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationKind } from '@lienket/accounts';
import { CertificationData, CertificationKind } from '../products/product.entity';
import { publicListingSql } from '../products/public-listing';

export const DIRECTORY_TOTAL_CAP = 1000;

export interface DirectoryCriteria {
  /** What the person typed, trimmed; null browses by name. */
  text: string | null;
  kind: OrganizationKind | null;
  provinceCode: string | null;
  categoryCode: string | null;
  certification: CertificationKind | null;
  /** YYYY-MM-DD in Vietnam: certificates valid until an earlier day no longer count. */
  today: string;
  limit: number;
  /** (relevance, id) when searching, (folded name, id) when browsing. */
  after: { key: string; id: string } | null;
}

export interface DirectoryHit {
  id: string;
  /** The first half of the keyset cursor: relevance (6 decimals) or the folded name. */
  key: string;
}

/** What a supplier card and page show of an organization's public listings. */
export interface ListingSummary {
  productCount: number;
  certifications: CertificationData[];
}

/** The indexed document of organizations_search (migration 1763801000000): keep them identical. */
const DOCUMENT = `(setweight(to_tsvector('simple', catalog.f_unaccent(o.name)), 'A')
        || to_tsvector('simple', catalog.f_unaccent(coalesce(o.description, ''))))`;
const NAME_KEY = 'catalog.f_unaccent(o.name)';
const VALID_CERT = (today: string) =>
  `coalesce(cert ->> 'validUntil', '9999-12-31') >= ${today}`;

/** The hot SQL of the supplier directory, in one place so that its plan is reviewed with it. */
@Injectable()
export class DirectoryRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async search(c: DirectoryCriteria): Promise<{ hits: DirectoryHit[]; total: number }> {
    const { sql, params } = directorySql(c);
    const rows = await this.ds.query<{ total: number; id: string | null; key: string | null }[]>(sql, params);
    const hits = rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, key: r.key! }));
    return { hits, total: rows[0]?.total ?? 0 };
  }

  /**
   * One statement for every organization on a page: how many public listings each has, and the
   * unexpired certifications on them, one per kind (the one valid longest).
   */
  async summaries(ids: readonly string[], today: string): Promise<Map<string, ListingSummary>> {
    const rows = await this.ds.query<{ id: string; products: number; certifications: CertificationData[] }[]>(
      `SELECT o.id,
              (SELECT count(*) FROM catalog.public_listings p WHERE p.organization_id = o.id)::int AS products,
              coalesce((SELECT jsonb_agg(c.cert ORDER BY c.cert ->> 'kind') FROM (
                 SELECT DISTINCT ON (cert ->> 'kind') cert
                   FROM catalog.public_listings p, jsonb_array_elements(p.approved -> 'certifications') cert
                  WHERE p.organization_id = o.id AND ${VALID_CERT('$2')}
                  ORDER BY cert ->> 'kind', coalesce(cert ->> 'validUntil', '9999-12-31') DESC) c), '[]') AS certifications
         FROM unnest($1::uuid[]) AS o(id)`,
      [ids, today],
    );
    return new Map(rows.map((r) => [r.id, { productCount: r.products, certifications: r.certifications }]));
  }
}

/**
 * One statement: the capped total and one keyset page of VERIFIED organizations.
 *
 * Plan (checked by EXPLAIN in test/integration/directory.int-spec.ts): with a query, a bitmap scan
 * of the GIN index `organizations_search` (every typed word as a prefix, so "htx ca phe ea" finds
 * "HTX Cà phê Ea Tu"), ranked by ts_rank with the name weighing more than the description; without
 * one, the b-tree `organizations_directory` walked in folded-name order from the cursor. The listing
 * filters are one EXISTS per organization through `products_organization`. The total stops reading
 * at DIRECTORY_TOTAL_CAP rows.
 */
export function directorySql(c: DirectoryCriteria): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const $ = (v: unknown) => `$${params.push(v)}`;
  const where = [`o.verification = 'VERIFIED'`, ...filters(c, $)];
  let matches: string;
  let page: string;
  if (c.text !== null) {
    const words = `regexp_split_to_table(catalog.f_unaccent(${$(c.text)}), '[^[:alnum:]]+')`;
    const tsq = `(SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & ')) FROM ${words} w WHERE w <> '')`;
    matches = `WITH q AS MATERIALIZED (SELECT ${tsq} AS tsq),
      matches AS MATERIALIZED (
        SELECT o.id, round(ts_rank(${DOCUMENT}, q.tsq)::numeric, 6) AS key
          FROM catalog.organizations o, q
         WHERE ${DOCUMENT} @@ q.tsq AND ${where.join(' AND ')})`;
    const after = c.after ? `WHERE (m.key, m.id) < (${$(c.after.key)}::numeric, ${$(c.after.id)}::uuid)` : '';
    page = `SELECT m.id, m.key::text AS key FROM matches m ${after} ORDER BY m.key DESC, m.id DESC`;
  } else {
    const after = c.after ? `AND (${NAME_KEY}, o.id) > (${$(c.after.key)}, ${$(c.after.id)}::uuid)` : '';
    matches = `WITH matches AS (SELECT o.id, ${NAME_KEY} AS key FROM catalog.organizations o WHERE ${where.join(' AND ')})`;
    page = `SELECT o.id, ${NAME_KEY} AS key FROM catalog.organizations o
       WHERE ${where.join(' AND ')} ${after} ORDER BY ${NAME_KEY}, o.id`;
  }
  const sql = `${matches}
    SELECT t.total, m.id, m.key
      FROM (SELECT count(*)::int AS total FROM (SELECT 1 FROM matches LIMIT ${DIRECTORY_TOTAL_CAP}) capped) t
      LEFT JOIN LATERAL (${page} LIMIT ${$(c.limit + 1)}) m ON true`;
  return { sql, params };
}

/** Kind and province on the organization; category and certification on one of its public listings. */
function filters(c: DirectoryCriteria, $: (v: unknown) => string): string[] {
  const and: string[] = [];
  if (c.kind) and.push(`o.kind = ${$(c.kind)}`);
  if (c.provinceCode) and.push(`o.province_code = ${$(c.provinceCode)}`);
  const listing: string[] = [];
  if (c.categoryCode) {
    // A 2-digit HS chapter includes its 4-digit headings.
    const code = c.categoryCode.length === 2 ? `left(p.approved ->> 'categoryCode', 2)` : `p.approved ->> 'categoryCode'`;
    listing.push(`${code} = ${$(c.categoryCode)}`);
  }
  if (c.certification) {
    listing.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(p.approved -> 'certifications') cert
                   WHERE cert ->> 'kind' = ${$(c.certification)} AND ${VALID_CERT($(c.today))})`);
  }
  if (listing.length > 0) {
    and.push(`EXISTS (SELECT 1 FROM catalog.products p WHERE p.organization_id = o.id AND ${publicListingSql()} AND ${listing.join(' AND ')})`);
  }
  return and;
}

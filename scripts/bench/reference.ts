// The reference of bench:gateway: a bare `node:http` + `pg` handler answering the same requests
// with the same rows from the same database — the practical limit the gateway is compared with.
// No framework, no GraphQL execution, no token check. Search runs the repository's own SQL
// (libs/products product-search.sql.ts, pure functions: resolve the words, plan, one statement);
// the needs pages are SQL COPIED from libs/procurement NeedService.list and BidReadService.counts:
// when those change, copy them again.
// Env: DATABASE_URL, PORT, BUYER_ORG (the organization whose needs `mine` lists).
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
// The file, not the lib's index (which loads GraphQL types).
import { todayInVietnam } from '../../libs/reference-data/src/calendar';
import type { CertificationKind } from '../../libs/products/src/products/product.entity';
import {
  planSearch,
  Resolved,
  resolveSql,
  SEARCH_INDEX_KIND_SQL,
  SearchCriteria,
  SearchIndexKind,
  searchSql,
} from '../../libs/products/src/products/product-search.sql';

/** The subgraphs' TypeORM pool size (libs/database data-source.ts). */
const POOL_SIZE = 10;
const TOTAL_CAP = 1000;

/**
 * NeedService.list, `mine` (the buyer's) or public: the capped total, then one keyset page with the
 * buyer's name from procurement's copy (two statements, as there); then BidReadService.counts.
 */
const NEEDS_WHERE = {
  mine: `n.buyer_org_id = $1`,
  public: `n.status = ANY($1::text[]) AND EXISTS (SELECT 1 FROM procurement.organizations o WHERE o.id = n.buyer_org_id AND o.verification = 'VERIFIED')`,
};
const PUBLIC_STATUSES = ['OPEN', 'CLOSED', 'AWARDED'];
const needsTotalSql = (w: string) => `SELECT count(*)::int AS n FROM (SELECT 1 FROM procurement.needs n WHERE ${w} LIMIT ${TOTAL_CAP}) capped`;
const needsPageSql = (w: string) => `SELECT n.id, n.buyer_org_id, n.created_by, n.title, n.description, n.category_code, n.quantity, n.unit_code,
       n.target_unit_price, n.currency, n.delivery_province_code, n.delivery_from, n.delivery_to, n.required_certifications,
       n.allow_partial, n.bid_deadline, n.status, n.created_at, n.updated_at, bo.name AS "buyerName", bo.verification AS "buyerVerification"
  FROM procurement.needs n LEFT JOIN procurement.organizations bo ON bo.id = n.buyer_org_id
 WHERE ${w} AND (n.created_at, n.id) < ($2::timestamptz, $3::uuid)
 ORDER BY n.created_at DESC, n.id DESC LIMIT $4`;
const BID_COUNTS_SQL = `SELECT need_id, count(*)::int AS n FROM procurement.bids WHERE need_id = ANY($1::uuid[]) AND status <> 'WITHDRAWN' GROUP BY need_id`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE });
const buyerOrg = process.env.BUYER_ORG ?? '';
/** RUM or the GIN fallback, read once as ProductSearchRepository does. */
const searchIndex = pool.query<{ kind: SearchIndexKind }>(SEARCH_INDEX_KIND_SQL).then((r) => r.rows[0].kind);
const PAGE = 20;

const cursor = (key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const uncursor = (after: unknown): string[] | null =>
  typeof after === 'string' ? (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as string[]) : null;

interface ProductRow {
  total: number;
  rank: string | null;
  id: string | null;
  approved: { name: string };
}


/** ProductService.search: the bench sends valid, canonical filters, so they are taken as they come. */
async function products(variables: Record<string, unknown>) {
  const after = uncursor(variables.after);
  const f = (variables.f ?? {}) as Record<string, string | undefined>;
  const c: SearchCriteria = {
    text: typeof variables.q === 'string' ? variables.q.trim() || null : null,
    categoryCode: f.categoryCode ?? null,
    provinceCode: f.provinceCode ?? null,
    certification: (f.certification as CertificationKind | undefined) ?? null,
    minMonthlyCapacity: f.minMonthlyCapacity ?? null,
    today: todayInVietnam(),
    limit: PAGE,
    after: after ? { rank: after[0], id: after[1] } : null,
  };
  const r = resolveSql(c);
  const plan = planSearch(c, (await pool.query<Resolved>(r.sql, r.params)).rows[0], await searchIndex);
  const { sql, params } = plan ? searchSql(c, plan) : { sql: 'SELECT 0 AS total WHERE false', params: [] };
  const { rows } = await pool.query<ProductRow>(sql, params);
  const hits = rows.filter((r) => r.id !== null).slice(0, PAGE);
  return {
    searchProducts: {
      totalCount: rows[0]?.total ?? 0,
      edges: hits.map((r) => ({ cursor: cursor([r.rank!, r.id!]), node: { id: r.id, name: r.approved.name } })),
    },
  };
}

interface NeedRow {
  id: string;
  buyer_org_id: string;
  title: string;
  status: string;
  created_at: Date;
  buyerName: string;
}

async function needs(variables: Record<string, unknown>, which: 'mine' | 'public') {
  const after = uncursor(variables.after) ?? ['9999-12-31T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
  const first = which === 'mine' ? buyerOrg : PUBLIC_STATUSES;
  const total = await pool.query<{ n: number }>(needsTotalSql(NEEDS_WHERE[which]), [first]);
  const page = (await pool.query<NeedRow>(needsPageSql(NEEDS_WHERE[which]), [first, after[0], after[1], PAGE + 1])).rows.slice(0, PAGE);
  const counts = page.length ? (await pool.query<{ need_id: string; n: number }>(BID_COUNTS_SQL, [page.map((n) => n.id)])).rows : [];
  const bidCount = new Map(counts.map((c) => [c.need_id, c.n]));
  return {
    needs: {
      totalCount: total.rows[0].n,
      edges: page.map((n) => ({
        cursor: cursor([n.created_at.toISOString(), n.id]),
        node: { id: n.id, title: n.title, status: n.status, bidCount: bidCount.get(n.id) ?? 0, buyer: { id: n.buyer_org_id, name: n.buyerName } },
      })),
    },
  };
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/health') return res.end('{"status":"ok"}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
  const data = query.includes('needs(') ? await needs(variables ?? {}, query.includes('mine') ? 'mine' : 'public') : await products(variables ?? {});
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ data }));
}

createServer((req, res) => {
  answer(req, res).catch((e: Error) => {
    res.statusCode = 500;
    res.end(JSON.stringify({ errors: [{ message: e.message }] }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');

// The reference of bench:gateway: a bare `node:http` + `pg` handler answering the same requests
// with the same rows from the same database — the practical limit the gateway is compared with.
// No framework, no GraphQL execution, no token check. Search runs the repository's own SQL
// (libs/products product-search.sql.ts, pure functions: resolve the words, plan, one statement);
// the needs page is SQL COPIED from libs/procurement NeedService.list and libs/accounts
// OrganizationService.loader: when those change, copy them again.
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

/** NeedService.list for `mine`: the capped total, then one keyset page (two statements, as there). */
const NEEDS_TOTAL_SQL = `SELECT count(*)::int AS n FROM (SELECT 1 FROM procurement.needs n WHERE n.buyer_org_id = $1 LIMIT ${TOTAL_CAP}) capped`;
const NEEDS_PAGE_SQL = `SELECT n.id, n.buyer_org_id, n.created_by, n.title, n.description, n.category_code, n.quantity, n.unit_code,
       n.target_unit_price, n.currency, n.delivery_province_code, n.delivery_from, n.delivery_to, n.required_certifications,
       n.allow_partial, n.bid_deadline, n.status, n.created_at, n.updated_at
  FROM procurement.needs n
 WHERE n.buyer_org_id = $1 AND (n.created_at, n.id) < ($2::timestamptz, $3::uuid)
 ORDER BY n.created_at DESC, n.id DESC LIMIT $4`;
/** OrganizationService.loader: one batched lookup of every organization the page mentions. */
const ORGANIZATIONS_SQL = `SELECT * FROM catalog.organizations WHERE id = ANY($1::uuid[])`;

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
}

async function needs(variables: Record<string, unknown>) {
  const after = uncursor(variables.after) ?? ['9999-12-31T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
  const total = await pool.query<{ n: number }>(NEEDS_TOTAL_SQL, [buyerOrg]);
  const page = (await pool.query<NeedRow>(NEEDS_PAGE_SQL, [buyerOrg, after[0], after[1], PAGE + 1])).rows.slice(0, PAGE);
  const orgIds = [...new Set(page.map((n) => n.buyer_org_id))];
  const orgs = orgIds.length ? (await pool.query<{ id: string; name: string }>(ORGANIZATIONS_SQL, [orgIds])).rows : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    needs: {
      totalCount: total.rows[0].n,
      edges: page.map((n) => ({
        cursor: cursor([n.created_at.toISOString(), n.id]),
        node: { id: n.id, title: n.title, status: n.status, buyer: { id: n.buyer_org_id, name: byId.get(n.buyer_org_id)?.name ?? null } },
      })),
    },
  };
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/health') return res.end('{"status":"ok"}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
  const data = query.includes('needs(') ? await needs(variables ?? {}) : await products(variables ?? {});
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ data }));
}

createServer((req, res) => {
  answer(req, res).catch((e: Error) => {
    res.statusCode = 500;
    res.end(JSON.stringify({ errors: [{ message: e.message }] }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');

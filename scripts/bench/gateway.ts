// npm run bench:gateway — requests per second through the gateway against a bare node:http + pg
// reference answering the same rows from the same database, in the same run (DESIGN.md "Read
// path"). Seeds its own database (cooperatives and approved listings from ./listings, a buyer with
// thousands of needs), starts the built catalog, procurement and gateway in production mode and the
// reference (./reference), and drives each with autocannon in a child process (./load): 50
// connections, a warm-up, then rounds of a fixed duration alternating reference and gateway (the
// machine is shared: alternating lets a change in its load hit both), every request a different
// page or search term, a real access token on each, CPU per request read from /proc. Appends the
// table to docs/benchmarks.md; BENCH_LABEL names the run.
import argon2 from 'argon2';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { generateSecrets } from '../../libs/config/src/secrets';
import { CATEGORIES, PROVINCES } from '../../libs/reference-data/src';
import { dropDatabases } from '../../libs/testing/src/database';
import { migrateAll } from '../migrate';
import { freePort, Stack, startStack } from '../stack';
import { backends, cpuMs } from './cpu';
import { seedOrganizations, seedProducts } from './listings';
import { LoadPlan, LoadResult, requestBody, ScenarioName } from './load';

const DIST = join(__dirname, '..', '..');
const ROOT = join(DIST, '..');
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
// Not a prefix of bench:search's `lienket_bench`, which that bench drops with everything it prefixes.
const DB_NAME = 'lienket_gwbench';
const DB = `${BASE}/${DB_NAME}`;
const COOPERATIVES = Number(process.env.BENCH_COOPERATIVES ?? 3_000);
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 3_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 15);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'products,needs').split(',') as ScenarioName[];
const LABEL = process.env.BENCH_LABEL ?? 'as committed';
/** Production unless a run measures what production mode is worth. */
const NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';
const BUYER = { email: 'thu-mua@bench.lienket.vn', password: 'bench-buyer-password', taxCode: 'E000000001' };

const DESCRIPTION: Record<ScenarioName, { query: string; target?: number }> = {
  products: { query: '`searchProducts(first: 20)`, random page (1 subgraph)', target: 0.3 },
  needs: { query: '`needs(mine, first: 20)` + buyer name, bid count, status, random page (2 subgraphs)', target: 0.25 },
  public: { query: '`needs(first: 20)` public + buyer name, bid count, status, random page (2 subgraphs)', target: 0.25 },
  search: { query: '`searchProducts(query, first: 20)`, random term of 24 (search SQL bound)' },
};

const say = (line: string) => process.stdout.write(`bench:gateway: ${line}\n`);

async function seeded(db: Client): Promise<boolean> {
  const { rows } = await db.query<{ products: number; needs: number }>(
    `SELECT (SELECT count(*)::int FROM catalog.products) AS products,
            (SELECT count(*)::int FROM procurement.needs n JOIN catalog.organizations o ON o.id = n.buyer_org_id WHERE o.tax_code = $1) AS needs`,
    [BUYER.taxCode],
  );
  return rows[0].products === LISTINGS && rows[0].needs === NEEDS;
}

/** The buyer: a verified enterprise, its owner (who signs in) and NEEDS needs, one a minute back in time. */
async function seedBuyer(db: Client) {
  const org = await db.query<{ id: string }>(
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification)
     VALUES ('ENTERPRISE', 'Công ty TNHH Thu mua Nông sản Bench', $1, $2, 'VERIFIED') RETURNING id`,
    [BUYER.taxCode, PROVINCES[0].code],
  );
  const orgId = org.rows[0].id;
  const user = await db.query<{ id: string }>(
    `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
     VALUES ($1, $2, 'Người mua Bench', $3, 'OWNER') RETURNING id`,
    [BUYER.email, await argon2.hash(BUYER.password, { type: argon2.argon2id }), orgId],
  );
  const headings = CATEGORIES.filter((c) => c.code.length === 4).map((c) => c.code);
  const provinces = PROVINCES.map((p) => p.code);
  await db.query(
    `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code,
                                    delivery_from, delivery_to, bid_deadline, status, created_at, updated_at)
     SELECT $1, $2, 'Cần mua nông sản lô ' || i, ($3::text[])[1 + i % cardinality($3::text[])], 1000 + i, 'KGM',
            ($4::text[])[1 + i % cardinality($4::text[])], current_date + 30, current_date + 60, now() + interval '20 days',
            (ARRAY['OPEN','OPEN','OPEN','DRAFT','CLOSED','AWARDED'])[1 + i % 6],
            now() - i * interval '1 minute', now() - i * interval '1 minute'
       FROM generate_series(1, $5) i`,
    [orgId, user.rows[0].id, headings, provinces, NEEDS],
  );
  // Bids on every fourth need, 1–3 each: the page's bid counts are not all zero. Only counts are
  // read here, so the bids carry no revisions.
  await db.query(
    `INSERT INTO procurement.bids (need_id, supplier_org_id, submitted_at)
     SELECT n.id, c.id, now() FROM procurement.needs n
       CROSS JOIN LATERAL (SELECT id FROM catalog.organizations WHERE kind = 'COOPERATIVE' ORDER BY tax_code LIMIT 1 + (n.quantity::int % 3)) c
      WHERE n.buyer_org_id = $1 AND n.quantity::int % 4 = 0`,
    [orgId],
  );
  await db.query('ANALYZE procurement.needs');
  await db.query('ANALYZE procurement.bids');
}

/** Procurement's copy of the organizations, as catalog's events would have made it (the buyers' names are read there). */
async function copyOrganizations(db: Client) {
  await db.query(
    `INSERT INTO procurement.organizations (id, kind, name, verification, trusted_buyer, version)
     SELECT id, kind, name, verification, false, 1 FROM catalog.organizations ON CONFLICT (id) DO NOTHING`,
  );
}

async function prepareDatabase() {
  await migrateAll(DB);
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    await copyOrganizations(db);
    if (await seeded(db)) return say(`reusing ${DB_NAME} (${LISTINGS.toLocaleString('en')} listings, ${NEEDS.toLocaleString('en')} needs)`);
  } finally {
    await db.end();
  }
  say(`fresh database ${DB_NAME}`);
  await dropDatabases(`${BASE}/postgres`, DB_NAME);
  await migrateAll(DB);
  const fresh = new Client({ connectionString: DB });
  await fresh.connect();
  try {
    await seedOrganizations(fresh, COOPERATIVES);
    await seedProducts(fresh, 0, LISTINGS, COOPERATIVES, say);
    await seedBuyer(fresh);
    await copyOrganizations(fresh);
    say(`buyer with ${NEEDS.toLocaleString('en')} needs`);
  } finally {
    await fresh.end();
  }
}

async function needsSpan(): Promise<[string, string]> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    const { rows } = await db.query<{ from: Date; to: Date }>(
      `SELECT min(n.created_at) AS from, max(n.created_at) AS to
         FROM procurement.needs n JOIN catalog.organizations o ON o.id = n.buyer_org_id WHERE o.tax_code = $1`,
      [BUYER.taxCode],
    );
    return [rows[0].from.toISOString(), rows[0].to.toISOString()];
  } finally {
    await db.end();
  }
}

/** The lowest and highest `sort_key` of the searchable listings: random `searchProducts` pages fall between. */
async function productsSpan(): Promise<[number, number]> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    const { rows } = await db.query<{ from: string; to: string }>('SELECT min(sort_key) AS from, max(sort_key) AS to FROM catalog.product_search');
    return [Number(rows[0].from), Number(rows[0].to)];
  } finally {
    await db.end();
  }
}

async function buyerOrganization(): Promise<string> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    return (await db.query<{ id: string }>('SELECT id FROM catalog.organizations WHERE tax_code = $1', [BUYER.taxCode])).rows[0].id;
  } finally {
    await db.end();
  }
}

/** The reference handler in its own process, once its /health answers. */
async function startReference(port: number): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: DB, PORT: String(port), BUYER_ORG: await buyerOrganization() };
  const child = spawn(process.execPath, [join(__dirname, 'reference.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the reference did not start');
}


async function signIn(gateway: string): Promise<string> {
  const res = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation SignIn($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      variables: { e: BUYER.email, p: BUYER.password },
    }),
  });
  const body = (await res.json()) as { data?: { signIn: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.signIn.accessToken;
}

/** Both servers must answer one and the same request with the same rows, or the ratio means nothing. */
async function sameRows(scenario: ScenarioName, spans: Pick<LoadPlan, 'needsSpan' | 'productsSpan'>, token: string, reference: string, gateway: string) {
  const body = requestBody({ scenario, ...spans }, () => 0.5);
  const ids = async (url: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const json = (await res.json()) as { data?: Record<string, { totalCount: number; edges: { node: { id: string; bidCount?: number; buyer?: { name: string } } }[] }>; errors?: unknown };
    if (!json.data) throw new Error(`${scenario} at ${url} failed: ${JSON.stringify(json.errors)}`);
    const connection = Object.values(json.data)[0];
    if (!connection.edges.length) throw new Error(`${scenario} at ${url} answered no rows: nothing to compare`);
    return JSON.stringify([connection.totalCount, connection.edges.map((e) => [e.node.id, e.node.buyer?.name, e.node.bidCount])]);
  };
  const [a, b] = [await ids(reference), await ids(gateway)];
  if (a !== b) throw new Error(`${scenario}: the reference and the gateway answer different rows:\n${a}\n${b}`);
}

async function load(plan: LoadPlan): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'load.js'), JSON.stringify(plan)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}

type Target = 'reference' | 'gateway';

/** One target's share of a scenario: the median of its rounds, and CPU per request over all of them. */
interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** Its Node processes' CPU per request (ms): the reference's one, or the gateway's and subgraphs'. */
  nodeCpu: number;
  /** PostgreSQL's CPU per request (ms), over the bench database's backends. */
  pgCpu: number;
}

interface Row {
  scenario: ScenarioName;
  reference: Measured;
  gateway: Measured;
  /** The median over rounds of gateway req/s ÷ reference req/s in the same round. */
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Alternates reference and gateway for ROUNDS rounds, so that a change in the machine's load hits both. */
async function measure(
  scenario: ScenarioName,
  plan: Omit<LoadPlan, 'url' | 'scenario'>,
  targets: Record<Target, { url: string; pids: number[] }>,
  db: Client,
): Promise<Row> {
  const runs: Record<Target, (LoadResult & { node: number; pg: number })[]> = { reference: [], gateway: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of ['reference', 'gateway'] as const) {
      const warmupSeconds = round === 1 ? WARMUP_SECONDS : 0;
      say(`${scenario} → ${target}, round ${round}/${ROUNDS}: ${warmupSeconds ? `${warmupSeconds} s warm-up, ` : ''}${SECONDS} s at ${CONNECTIONS} connections…`);
      // The warm-up (JIT, pools, plan caches) is a load of its own, outside the CPU accounting.
      if (warmupSeconds) await load({ ...plan, url: targets[target].url, scenario, seconds: warmupSeconds });
      const pgBefore = new Map((await backends(db, DB_NAME)).map((pid) => [pid, cpuMs([pid])]));
      const nodeBefore = cpuMs(targets[target].pids);
      const r = await load({ ...plan, url: targets[target].url, scenario });
      // Backends a pool opened during the run count from zero.
      const pgUsed = (await backends(db, DB_NAME)).reduce((ms, pid) => ms + cpuMs([pid]) - (pgBefore.get(pid) ?? 0), 0);
      const used = [cpuMs(targets[target].pids) - nodeBefore, pgUsed];
      runs[target].push({ ...r, node: used[0], pg: used[1] });
      say(`  ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.failures} failures of ${r.requests}; CPU ${(used[0] / r.requests).toFixed(2)} + ${(used[1] / r.requests).toFixed(2)} ms per request (node + PostgreSQL)`);
    }
  }
  const summary = (rs: (LoadResult & { node: number; pg: number })[]): Measured => {
    const requests = rs.reduce((n, r) => n + r.requests, 0);
    return {
      requestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      failures: rs.reduce((n, r) => n + r.failures, 0),
      nodeCpu: rs.reduce((n, r) => n + r.node, 0) / requests,
      pgCpu: rs.reduce((n, r) => n + r.pg, 0) / requests,
    };
  };
  const ratio = median(runs.gateway.map((g, i) => g.requestsPerSecond / runs.reference[i].requestsPerSecond));
  return { scenario, reference: summary(runs.reference), gateway: summary(runs.gateway), ratio };
}

function record(rows: Row[], loadAverage: number) {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const cpu = (m: Measured) => `${m.nodeCpu.toFixed(2)} + ${m.pgCpu.toFixed(2)}`;
  const lines = [
    ``,
    `### Gateway against the bare reference — ${LABEL} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared: the load generator, the reference, the gateway, the subgraphs and PostgreSQL run on these ${cpus().length} cores, and so do other people's jobs (load average ${loadAverage.toFixed(1)} when the run began). ` +
      `${CONNECTIONS} connections; ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} rounds of ${SECONDS} s alternating reference and gateway (medians shown); ${COOPERATIVES.toLocaleString('en')} cooperatives, ${LISTINGS.toLocaleString('en')} listings, a buyer with ${NEEDS.toLocaleString('en')} needs; NODE_ENV=${NODE_ENV}, a real access token on every request.`,
    ``,
    `| query | reference req/s | p50 | p99 | gateway req/s | p50 | p99 | ratio (target) | CPU ms/request, reference (node + pg) | gateway stack (node + pg) | failures |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map(({ scenario, reference: r, gateway: g, ratio }) => {
      const target = DESCRIPTION[scenario].target;
      return `| ${DESCRIPTION[scenario].query} | ${r.requestsPerSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${g.requestsPerSecond.toFixed(0)} | ${ms(g.p50)} | ${ms(g.p99)} | ${(100 * ratio).toFixed(0)}%${target ? ` (≥ ${target * 100}%)` : ''} | ${cpu(r)} | ${cpu(g)} | ${r.failures + g.failures} |`;
    }),
  ];
  // Latest first: before the first earlier entry of this bench.
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('### Gateway against the bare reference');
  const entry = `${lines.slice(1).join('\n')}\n\n`;
  writeFileSync(file, at < 0 ? `${text.trimEnd()}\n${lines.join('\n')}\n` : `${text.slice(0, at)}${entry}${text.slice(at)}`);
}

async function main() {
  await prepareDatabase();
  const spans = { needsSpan: await needsSpan(), productsSpan: await productsSpan() };
  const ports = { gateway: await freePort(), catalog: await freePort(), procurement: await freePort(), matcher: await freePort(), reference: await freePort() };
  say(`starting the stack (NODE_ENV=${NODE_ENV}) and the reference`);
  const stack: Stack = await startStack({
    env: {
      ...process.env,
      NODE_ENV,
      LOG_LEVEL: 'warn',
      DATABASE_URL: DB,
      QUEUE_PREFIX: 'lienket-gwbench',
      ...generateSecrets(),
      ADMIN_EMAIL: 'bench@example.vn',
      ADMIN_PASSWORD: 'bench-admin-password',
    },
    ports,
    onLine: (app, line) => say(`[${app}] ${line}`),
  });
  let reference: ChildProcess | undefined;
  const db = new Client({ connectionString: DB });
  // Ctrl-C or a kill still stops every process the bench started.
  const interrupted = () => {
    reference?.kill();
    void stack.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    reference = await startReference(ports.reference);
    await db.connect();
    const targets = {
      reference: { url: `http://127.0.0.1:${ports.reference}`, pids: [reference.pid!] },
      gateway: { url: `http://127.0.0.1:${ports.gateway}`, pids: [...stack.processes.values()].map((p) => p.pid!) },
    };
    const token = await signIn(targets.gateway.url);
    const loadAverage = loadavg()[0];
    const rows: Row[] = [];
    for (const scenario of SCENARIOS) {
      await sameRows(scenario, spans, token, targets.reference.url, targets.gateway.url);
      const row = await measure(scenario, { token, connections: CONNECTIONS, seconds: SECONDS, ...spans }, targets, db);
      say(`${scenario}: the gateway reaches ${(100 * row.ratio).toFixed(0)}% of the reference (median of ${ROUNDS} rounds)`);
      rows.push(row);
    }
    record(rows, loadAverage);
    say(`results appended to docs/benchmarks.md (${LABEL})`);
  } finally {
    await db.end();
    reference?.kill();
    await stack.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench:gateway failed: ${(e as Error).message}\n`);
  process.exit(1);
});

// npm run bench:search — seeds synthetic but realistic Vietnamese listings (100,000, then grows to
// 1,000,000), and measures searchProducts at the catalog subgraph: p50/p95 over 24 queries typed the
// way people type (no diacritics, some typos, some filters). Appends the figures to docs/benchmarks.md.
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateSecrets } from '../../libs/config/src/secrets';
import { migrateAll } from '../migrate';
import { dropDatabases } from '../../libs/testing/src/database';
import { QUERIES, seedOrganizations, seedProducts } from './listings';

const ROOT = join(__dirname, '..', '..', '..');
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const DB = `${BASE}/lienket_bench`;
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const PORT = 4091;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

const ORGANIZATIONS = 10_000;
const SEARCH = `query S($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 20) { totalCount edges { node { id name } } } }`;

const say = (line: string) => process.stdout.write(`bench:search: ${line}\n`);

async function startCatalog(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'catalog', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', ...generateSecrets(), ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-admin-password', DATABASE_URL: DB, CATALOG_PORT: String(PORT), LOG_LEVEL: 'warn', QUEUE_PREFIX: 'lienket-bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('catalog did not start');
}

type Stats = { p50: number; p95: number; max: number };
const stats = (times: number[]): Stats => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
};

async function post(body: unknown): Promise<{ errors?: unknown }> {
  const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { errors?: unknown };
}

/**
 * The searches, and between them the same subgraph answering `{ __typename }`: the floor that a
 * loaded machine puts under any request (others run tests here too), reported beside the search.
 */
async function measure(): Promise<Stats & { floor: Stats }> {
  const times: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { q, filter } of QUERIES) {
      let t = process.hrtime.bigint();
      const body = await post({ query: SEARCH, variables: { q, f: filter ?? null } });
      if (body.errors) throw new Error(`query "${q}" failed: ${JSON.stringify(body.errors)}`);
      if (round > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await post({ query: '{ __typename }' });
      if (round > 0) floor.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return { ...stats(times), floor: stats(floor) };
}

async function main() {
  say(`fresh database ${DB}`);
  await dropDatabases(`${BASE}/postgres`, 'lienket_bench');
  await migrateAll(DB);
  const db = new Client({ connectionString: DB });
  await db.connect();
  await seedOrganizations(db, ORGANIZATIONS);
  const results: ({ size: number } & Stats & { floor: Stats })[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    await seedProducts(db, seeded, size, ORGANIZATIONS, say);
    seeded = size;
    const catalog = await startCatalog();
    try {
      const r = await measure();
      results.push({ size, ...r });
      say(`${size.toLocaleString('en')} products: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (floor: { __typename } p50 ${r.floor.p50.toFixed(1)} ms, p95 ${r.floor.p95.toFixed(1)} ms)`);
    } finally {
      catalog.kill('SIGTERM');
    }
  }
  await db.end();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const pg = readFileSync('/proc/version', 'utf8').split(' ')[2] ?? '';
  const lines = [
    ``,
    `## searchProducts at the catalog subgraph — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${pg}; PostgreSQL stock settings; ${QUERIES.length} queries × ${ROUNDS - 1} measured rounds, sequential, top 20 + total capped at 1,000.`,
    ``,
    `| products | p50 | p95 | max | floor p50 | floor p95 |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...results.map((r) => `| ${r.size.toLocaleString('en')} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.floor.p50.toFixed(1)} ms | ${r.floor.p95.toFixed(1)} ms |`),
    ``,
    `Floor: the same subgraph answering \`{ __typename }\` between the searches — what the machine's load puts under any request; load average at the end ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.`,
  ];
  if (results.length > 1) lines.push(``, `Growth of p95 from the smallest to the largest size: ${(results[results.length - 1].p95 / results[0].p95).toFixed(2)}× (target ≤ 2×; p95 target ≤ 30 ms at 1,000,000).`);
  appendFileSync(join(ROOT, 'docs', 'benchmarks.md'), `${lines.join('\n')}\n`);
  say('results appended to docs/benchmarks.md');
}

main().catch((e) => {
  process.stderr.write(`bench:search failed: ${(e as Error).message}\n`);
  process.exit(1);
});

// npm run bench:search — seeds synthetic but realistic Vietnamese listings (100,000, then grows to
// 1,000,000), and measures searchProducts at the catalog subgraph: p50/p95 over 24 queries typed the
// way people type (no diacritics, some typos, some filters). Appends the figures to docs/benchmarks.md.
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrateAll } from '../migrate';
import { dropDatabases } from '../../libs/testing/src/database';

const ROOT = join(__dirname, '..', '..', '..');
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const DB = `${BASE}/lienket_bench`;
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const PORT = 4091;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

// [product words, HS heading] — what Vietnamese cooperatives really sell.
const GOODS: [string, string][] = [
  ['Cà phê Robusta', '0901'], ['Cà phê Arabica', '0901'], ['Gạo ST25', '1006'], ['Gạo Jasmine', '1006'], ['Gạo nếp cái hoa vàng', '1006'],
  ['Chè Shan tuyết', '0902'], ['Chè xanh Tân Cương', '0902'], ['Hồ tiêu đen', '0904'], ['Hồ tiêu trắng', '0904'], ['Quế vỏ', '0906'],
  ['Hoa hồi khô', '0909'], ['Hạt điều rang muối', '0801'], ['Thanh long ruột đỏ', '0810'], ['Xoài cát Hòa Lộc', '0804'], ['Vải thiều', '0810'],
  ['Sầu riêng Ri6', '0810'], ['Bưởi da xanh', '0805'], ['Chuối già Nam Mỹ', '0803'], ['Mít Thái', '0810'], ['Hạt mắc ca', '0802'],
  ['Tôm sú', '0306'], ['Cá tra phi lê', '0304'], ['Mật ong hoa nhãn', '0409'], ['Nấm hương khô', '0712'], ['Khoai lang tím', '0714'],
  ['Ca cao lên men', '1801'], ['Dừa xiêm', '0801'], ['Gừng tươi', '0910'], ['Nghệ đỏ', '0910'], ['Ớt chỉ thiên', '0904'],
];
const QUALIFIERS = ['loại 1', 'xuất khẩu', 'hữu cơ', 'sấy khô', 'VietGAP', 'đặc sản', 'tươi', 'nguyên chất', 'chọn lọc', 'vụ mới', '', '', ''];
const PLACES = ['Đắk Lắk', 'Lâm Đồng', 'Sơn La', 'An Giang', 'Sóc Trăng', 'Thái Nguyên', 'Hà Giang', 'Lào Cai', 'Bình Phước', 'Bắc Giang',
  'Tiền Giang', 'Bến Tre', 'Cà Mau', 'Gia Lai', 'Kon Tum', 'Nghệ An', 'Cần Thơ', 'Đồng Tháp', 'Vĩnh Long', 'Phú Quốc'];
const PROVINCES = ['66', '68', '14', '91', '92', '19', '08', '15', '75', '24', '82', '86', '96', '52', '51', '40', '92', '82', '86', '91'];

/** Queries as people type them: without diacritics, sometimes with a typo or a filter. */
const QUERIES: { q: string; filter?: Record<string, string> }[] = [
  { q: 'ca phe robusta' }, { q: 'ca phe' }, { q: 'gao st25' }, { q: 'che shan tuyet' }, { q: 'ho tieu den' }, { q: 'que vo' },
  { q: 'thanh long ruot do' }, { q: 'xoai cat hoa loc' }, { q: 'vai thieu' }, { q: 'sau rieng' }, { q: 'buoi da xanh' }, { q: 'mat ong' },
  { q: 'ca phe robsta' }, { q: 'thanh lonh' }, { q: 'ho tieu trnag' }, { q: 'sau rieg ri6' },
  { q: 'ca phe', filter: { provinceCode: '66' } }, { q: 'gao', filter: { categoryCode: '10' } }, { q: 'che', filter: { certification: 'VietGAP' } },
  { q: 'ho tieu', filter: { minMonthlyCapacity: '5000' } }, { q: 'dac san dak lak' }, { q: 'huu co' }, { q: 'xuat khau' }, { q: 'nam huong kho' },
];
const SEARCH = `query S($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 20) { totalCount edges { node { id name } } } }`;

const say = (line: string) => process.stdout.write(`bench:search: ${line}\n`);
const literal = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

async function seedOrganizations(db: Client, n: number) {
  await db.query(
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification)
     SELECT 'COOPERATIVE', 'HTX ' || (${literal(PLACES)})[1 + i % ${PLACES.length}] || ' số ' || i, 'B' || lpad(i::text, 9, '0'),
            (${literal(PROVINCES)})[1 + i % ${PROVINCES.length}], 'VERIFIED'
       FROM generate_series(1, $1) i`,
    [n],
  );
}

async function seedProducts(db: Client, from: number, to: number) {
  const goods = literal(GOODS.map((g) => g[0]));
  const codes = literal(GOODS.map((g) => g[1]));
  const batch = 50_000;
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    await db.query(
      `WITH g AS (
         SELECT i, 1 + (hashint4(i) & 2147483647) % ${GOODS.length} AS k, (hashint4(i * 7) & 2147483647) % 13 AS q,
                (hashint4(i * 13) & 2147483647) % ${PLACES.length} AS pl, 100 + (hashint4(i * 31) & 2147483647) % 50000 AS cap
           FROM generate_series($1::int + 1, $2::int) i)
       INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, status, approved, certifications)
       SELECT o.id, (${codes})[k], n.title, 'KGM', cap, 'APPROVED',
              jsonb_build_object('name', n.title, 'categoryCode', (${codes})[k], 'unitCode', 'KGM', 'monthlyCapacity', cap::text,
                'monthlyCapacityBase', cap::text, 'harvestMonths', '[]'::jsonb, 'approvedAt', now(),
                'certifications', CASE WHEN i % 3 = 0 THEN '[{"kind":"VietGAP","issuer":null,"validUntil":"2099-12-31"}]'::jsonb ELSE '[]'::jsonb END),
              CASE WHEN i % 3 = 0 THEN '[{"kind":"VietGAP","issuer":null,"validUntil":"2099-12-31"}]'::jsonb ELSE '[]'::jsonb END
         FROM g
         CROSS JOIN LATERAL (SELECT trim((${goods})[k] || ' ' || (${literal(QUALIFIERS)})[1 + q] || ' ' || (${literal(PLACES)})[1 + pl]) AS title) n
         JOIN catalog.organizations o ON o.tax_code = 'B' || lpad((1 + i % 10000)::text, 9, '0')`,
      [start, end],
    );
    say(`products ${end.toLocaleString('en')}/${to.toLocaleString('en')}`);
  }
  await db.query('VACUUM ANALYZE catalog.products, catalog.product_search, catalog.search_vocabulary');
}

async function startCatalog(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'catalog', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret', ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-admin-password', DATABASE_URL: DB, CATALOG_PORT: String(PORT), LOG_LEVEL: 'warn', QUEUE_PREFIX: 'lienket-bench' },
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
  await seedOrganizations(db, 10_000);
  const results: ({ size: number } & Stats & { floor: Stats })[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    await seedProducts(db, seeded, size);
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

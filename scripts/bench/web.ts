// Lighthouse 12 on the landing, search and product pages, mobile profile (its default: a Moto G
// Power class phone, simulated slow 4G, 4× CPU slowdown), against a freshly started stack with the
// demo data, in Debian's Chromium (/usr/bin/chromium or CHROME_PATH; nothing is downloaded).
// Prints the four category scores per page and adds them to docs/benchmarks.md, latest run first,
// with date, machine and load. Targets (issue 9): performance ≥ 90, accessibility ≥ 95, best
// practices ≥ 95, SEO ≥ 95. Not asserted: a shared machine's load moves the performance score.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateSecrets } from '../../libs/config/src/secrets';
import { dropDatabases } from '../../libs/testing/src/database';
import { migrateAll } from '../migrate';
import { seedDemo } from '../seed';
import { freePort, startStack } from '../stack';

const ROOT = join(__dirname, '..', '..', '..');
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const DB_NAME = 'lienket_webbench';
const DB = `${BASE}/${DB_NAME}`;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Each page is measured this many times; the median run (by performance) is reported. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGETS = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];
const MARKER = '<!-- bench:web runs, latest first -->';
/** Where to keep each run's full Lighthouse report (JSON), to see what holds a score down. */
const REPORTS = process.env.BENCH_REPORTS;
/** Some of landing,search,product (all by default); a partial run is printed, not recorded. */
const ONLY = process.env.BENCH_PAGES?.split(',');

const say = (line: string) => process.stdout.write(`bench:web: ${line}\n`);
// Lighthouse and chrome-launcher are ES modules; this file is compiled to CommonJS, whose import()
// would become require(). A function built at run time keeps the real import().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed string, no input: the one way to keep import() through SWC's CommonJS output
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

interface Result {
  page: string;
  path: string;
  scores: Record<Category, number>;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; bytes: number };
  failing: string[];
}

async function publicProductId(): Promise<{ id: string; name: string }> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; name: string }>('SELECT id, name FROM catalog.public_listings ORDER BY created_at, id LIMIT 1');
    if (!rows[0]) throw new Error('the demo data has no public listing');
    return rows[0];
  } finally {
    await db.end();
  }
}

type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: LighthouseResult } | undefined>;
interface LighthouseResult {
  /** Set when Lighthouse could not measure the page (e.g. NO_FCP, PROTOCOL_TIMEOUT): its scores are then 0. */
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string; scoreDisplayMode: string }>;
}

type Launch = (o: Record<string, unknown>) => Promise<{ port: number; kill: () => void }>;

/**
 * One Lighthouse run in a Chromium of its own: a browser reused across runs ends up failing to
 * record traces (NO_NAVSTART) and carries one run's cache and workers into the next.
 */
async function measure(lighthouse: LighthouseFn, launch: Launch, url: string, name: string): Promise<Omit<Result, 'page' | 'path'>> {
  const chrome = await launch({ chromePath: CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  let runner: Awaited<ReturnType<LighthouseFn>>;
  try {
    runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  } finally {
    chrome.kill();
  }
  if (!runner) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new LighthouseError(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  if (REPORTS) {
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(join(REPORTS, `${name}.json`), JSON.stringify(lhr));
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // What keeps a category under 100: its audits that scored below 1 and carry weight.
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && lhr.audits[r.id]?.scoreDisplayMode !== 'notApplicable' && (lhr.audits[r.id]?.score ?? 1) < 0.9)
      .map((r) => `${c}: ${r.id} (${lhr.audits[r.id]?.score})`),
  );
  return {
    scores,
    metrics: { fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'), bytes: audit('total-byte-weight') },
    failing,
  };
}

class LighthouseError extends Error {}

/** A run Lighthouse could not complete says why and is tried again (twice at most), not counted as 0. */
async function measureOrRetry(...args: Parameters<typeof measure>): Promise<Omit<Result, 'page' | 'path'>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(...args);
    } catch (e) {
      if (!(e instanceof LighthouseError) || attempt === 3) throw e;
      say(`${args[3]}: Lighthouse could not measure (${e.message}); again`);
    }
  }
}

function record(results: Result[], load: string, started: string) {
  const mark = (c: Category, v: number) => (v >= TARGETS[c] ? `${v}` : `**${v}**`);
  const lines = [
    `### ${started} UTC — ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${load} (1/5/15 min)`,
    '',
    `Lighthouse 12, mobile profile (simulated slow 4G, 4× CPU slowdown), Chromium ${CHROME}; median of ${RUNS} runs by performance. Below target in bold.`,
    '',
    '| page | performance (≥ 90) | accessibility (≥ 95) | best practices (≥ 95) | SEO (≥ 95) | FCP | LCP | TBT | CLS | bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.page} \`${r.path}\` | ${CATEGORIES.map((c) => mark(c, r.scores[c])).join(' | ')} | ${(r.metrics.fcp / 1000).toFixed(1)} s | ${(r.metrics.lcp / 1000).toFixed(1)} s | ${r.metrics.tbt.toFixed(0)} ms | ${r.metrics.cls.toFixed(3)} | ${(r.metrics.bytes / 1024).toFixed(0)} kB |`,
    ),
  ];
  const below = results.flatMap((r) => r.failing.map((f) => `${r.page}: ${f}`));
  if (below.length) lines.push('', `Audits under 0.9: ${below.join('; ')}.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const at = doc.indexOf(MARKER);
  if (at < 0) throw new Error(`docs/benchmarks.md has no "${MARKER}"`);
  const end = at + MARKER.length;
  writeFileSync(file, `${doc.slice(0, end)}\n\n${lines.join('\n')}\n${doc.slice(end)}`);
  say('results added to docs/benchmarks.md');
}

async function main() {
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  say(`fresh database ${DB_NAME} with the demo data`);
  await dropDatabases(`${BASE}/postgres`, DB_NAME);
  await migrateAll(DB);
  await seedDemo(DB);
  const ports = { gateway: await freePort(), catalog: await freePort(), procurement: await freePort(), matcher: await freePort() };
  const origin = `http://127.0.0.1:${ports.gateway}`;
  say('starting the stack');
  const stack = await startStack({
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: DB,
      QUEUE_PREFIX: 'lienket-webbench',
      PUBLIC_URL: origin,
      ...generateSecrets(),
      ADMIN_EMAIL: 'bench@example.vn',
      ADMIN_PASSWORD: 'bench-admin-password-not-the-demo',
    },
    ports,
    onLine: (app, line) => say(`[${app}] ${line}`),
  });
  const { launch } = await importEsm<{ launch: Launch }>('chrome-launcher');
  const { default: lighthouse } = await importEsm<{ default: LighthouseFn }>('lighthouse');
  const stop = () => stack.stop();
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const product = await publicProductId();
    const pages = [
      { key: 'landing', page: 'landing', path: '/' },
      { key: 'search', page: 'search', path: '/tim-kiem?q=ca+phe' },
      { key: 'product', page: `product (${product.name})`, path: `/san-pham/${product.id}/xem` },
    ].filter((p) => !ONLY || ONLY.includes(p.key));
    const results: Result[] = [];
    for (const p of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await measureOrRetry(lighthouse, launch, `${origin}${p.path}`, `${p.key}-${i + 1}`);
        say(`${p.page} run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
        runs.push(r);
      }
      runs.sort((a, b) => a.scores.performance - b.scores.performance);
      results.push({ page: p.page, path: p.path, ...runs[Math.floor(runs.length / 2)] });
    }
    if (ONLY) say('a partial run (BENCH_PAGES): not recorded');
    else record(results, load, started);
  } finally {
    await stop();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`bench:web failed: ${e.stack ?? e.message}\n`);
  process.exit(1);
});

// npm run bench:bids — 2,000 sealed bids into one need through the gateway, racing its deadline
// (DESIGN.md "Bidding": ≥ 500 accepted bids/s, none lost before the deadline, none accepted after
// it). Seeds its own database (a verified buyer with two OPEN needs, one to warm up on, and
// BENCH_BIDDERS verified cooperatives), starts the built stack in production mode, and signs each
// cooperative's access token with the run's own JWT secret (no sign-in per bidder: argon2 would be
// the bench). After the warm-up every bid is queued at once and sent through BENCH_CONNECTIONS
// connections, one in flight on each (latency is counted from when a request leaves); each
// cooperative bids, then revises. When 70% are answered the deadline is moved to a second after the
// change holds the need's row, so the rest race it. Checks: every accepted answer is a stored
// revision (none lost), nothing stored at or after the deadline, no refusal but DEADLINE_PASSED and
// none of those before the deadline. CPU per bid is read from /proc. Appends its figures to
// docs/benchmarks.md, latest first, with date, machine and load.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Pool } from 'undici';
import { OrganizationRole } from '../../libs/auth/src/roles';
import { issueAccessToken } from '../../libs/auth/src/tokens';
import { generateSecrets } from '../../libs/config/src/secrets';
import { dropDatabases } from '../../libs/testing/src/database';
import { migrateAll } from '../migrate';
import { freePort, startStack } from '../stack';
import { backends, cpuMs } from './cpu';
import { seedOrganizations } from './listings';

const ROOT = join(__dirname, '..', '..', '..');
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
// Not a prefix of another bench's database (bench:search drops everything named lienket_bench*).
const DB_NAME = 'lienket_bidbench';
const DB = `${BASE}/${DB_NAME}`;
const BIDS = Number(process.env.BENCH_BIDS ?? 2_000);
const BIDDERS = Number(process.env.BENCH_BIDDERS ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const WARMUP_BIDS = Number(process.env.BENCH_WARMUP_BIDS ?? 600);
/** When this share of the bids has been answered, the deadline is moved to a moment ahead. */
const CLOSE_AT_SHARE = 0.7;
const CLOSE_AFTER_SECONDS = 1;
const TARGET = 500;
const secrets = generateSecrets();

const say = (line: string) => process.stdout.write(`bench:bids: ${line}\n`);
const SUBMIT = `mutation B($input: BidInput!) { submitBid(input: $input) { id revision submittedAt } }`;

interface Outcome {
  ok: boolean;
  code?: string;
  revision?: number;
  sentAt: number;
  answeredAt: number;
}

async function seed(): Promise<{ buyerOrg: string; bidders: string[]; needs: [string, string] }> {
  await dropDatabases(`${BASE}/postgres`, DB_NAME);
  await migrateAll(DB);
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    await seedOrganizations(db, BIDDERS);
    const bidders = (await db.query<{ id: string }>(`SELECT id FROM catalog.organizations WHERE kind = 'COOPERATIVE' ORDER BY tax_code`)).rows.map((r) => r.id);
    const buyer = await db.query<{ id: string }>(
      `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification)
       VALUES ('ENTERPRISE', 'Công ty TNHH Thu mua Bench', 'E100000001', '79', 'VERIFIED') RETURNING id`,
    );
    const buyerOrg = buyer.rows[0].id;
    // Procurement judges bidders by its copy of the organizations, which catalog's events fill;
    // the bench seeds it in SQL as those events would have (version 1), before the stack starts.
    await db.query(
      `INSERT INTO procurement.organizations (id, kind, name, verification, trusted_buyer, version)
       SELECT id, kind, name, verification, false, 1 FROM catalog.organizations`,
    );
    // Two needs: one to warm up and measure on, one for the run; OPEN stands in for moderation.
    const needs = await db.query<{ id: string }>(
      `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code,
                                      delivery_from, delivery_to, bid_deadline, status, allow_partial)
       SELECT $1, $2, 'Cà phê Robusta nhân xô, lô ' || i, '0901', 100000, 'TNE', '66', current_date + 30, current_date + 60,
              now() + interval '1 day', 'OPEN', true
         FROM generate_series(1, 2) i RETURNING id`,
      [buyerOrg, randomUUID()],
    );
    return { buyerOrg, bidders, needs: [needs.rows[0].id, needs.rows[1].id] };
  } finally {
    await db.end();
  }
}

const tokenOf = (orgId: string) =>
  issueAccessToken({ id: randomUUID(), organizationId: orgId, organizationRole: OrganizationRole.OWNER, platformRole: null, organizationVerification: 'VERIFIED' }, secrets.JWT_SECRET, 3600);

/**
 * Every bid queued at once and taken by CONNECTIONS workers, one request in flight per connection, so
 * that a request's latency is its own (from the moment it leaves to its answer), not its wait in line.
 */
async function fire(pool: Pool, needId: string, tokens: string[], count: number, onAnswer?: (answered: number) => void): Promise<Outcome[]> {
  const deliveryDate = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const body = JSON.stringify({
        query: SUBMIT,
        variables: { input: { needId, unitPrice: { amount: String(45_000_000 + i), currency: 'VND' }, quantity: String(1 + (i % 50)), deliveryDate, note: `Lô ${i}` } },
      });
      const sentAt = Date.now();
      const res = await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` }, body });
      const json = (await res.body.json()) as { data?: { submitBid?: { revision: number } | null }; errors?: { extensions?: { code?: string } }[] };
      const error = json.errors?.[0];
      outcomes.push({
        ok: !error && !!json.data?.submitBid,
        code: error ? (error.extensions?.code ?? 'NO_CODE') : res.statusCode === 200 ? undefined : `HTTP ${res.statusCode}`,
        revision: json.data?.submitBid?.revision,
        sentAt,
        answeredAt: Date.now(),
      });
      onAnswer?.(outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTIONS, count) }, worker));
  return outcomes;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

interface Figures {
  accepted: number;
  refused: number;
  acceptedPerSecond: number;
  p50: number;
  p99: number;
  lost: number;
  late: number;
  earlyRefusals: number;
  otherErrors: string[];
  loadAverage: number;
  /** CPU per bid (ms): the stack's Node processes (gateway, subgraphs, worker), and PostgreSQL. */
  nodeCpu: number;
  /** Of which the gateway's and the procurement subgraph's. */
  gatewayCpu: number;
  procurementCpu: number;
  pgCpu: number;
  /** How long the deadline's change waited for the need row's lock under the bids' share locks. */
  waitedMs: number;
}

/** What the database holds against what the clients were told. */
async function verify(needId: string, deadline: Date, outcomes: Outcome[]) {
  const db = new Client({ connectionString: DB });
  await db.connect();
  try {
    const { rows } = await db.query<{ revisions: number; late: number; live_per_org: number }>(
      `SELECT count(*)::int AS revisions, count(*) FILTER (WHERE r.submitted_at >= $2)::int AS late,
              (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM procurement.bids WHERE need_id = $1 AND status <> 'WITHDRAWN' GROUP BY supplier_org_id) x) AS live_per_org
         FROM procurement.bid_revisions r JOIN procurement.bids b ON b.id = r.bid_id WHERE b.need_id = $1`,
      [needId, deadline],
    );
    const accepted = outcomes.filter((o) => o.ok).length;
    if (rows[0].live_per_org > 1) throw new Error(`an organization holds ${rows[0].live_per_org} live bids`);
    return { lost: accepted - rows[0].revisions, late: rows[0].late };
  } finally {
    await db.end();
  }
}

function record(f: Figures) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const entry = [
    `### Sealed bids through the gateway — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared: the client, the gateway, both subgraphs, the worker and PostgreSQL run on these ${cpus().length} cores, with other people's jobs (load average ${f.loadAverage.toFixed(1)} when the run began). ` +
      `${BIDS.toLocaleString('en')} \`submitBid\` calls into one need from ${BIDDERS} verified cooperatives (first bids, then revisions), ${CONNECTIONS} connections, NODE_ENV=production, a real access token on each; after a warm-up of ${WARMUP_BIDS} bids on another need; when ${Math.round(CLOSE_AT_SHARE * 100)}% were answered the deadline was moved to ${CLOSE_AFTER_SECONDS} s ahead of the moment its change held the need row (FOR UPDATE, as a buyer's change would: it waited ${f.waitedMs} ms for the bids' share locks).`,
    ``,
    `| accepted | accepted bids/s (target ≥ ${TARGET}) | p50 | p99 | refused (DEADLINE_PASSED) | lost (accepted, not stored) | stored at or after the deadline | refused before the deadline | CPU ms per bid: stack node (gateway, procurement) + pg | other errors |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
    `| ${f.accepted} | ${f.acceptedPerSecond.toFixed(0)} | ${f.p50} ms | ${f.p99} ms | ${f.refused} | ${f.lost} | ${f.late} | ${f.earlyRefusals} | ${f.nodeCpu.toFixed(1)} (${f.gatewayCpu.toFixed(1)}, ${f.procurementCpu.toFixed(1)}) + ${f.pgCpu.toFixed(1)} | ${f.otherErrors.length ? f.otherErrors.join(', ') : 'none'} |`,
    ``,
  ].join('\n');
  // Latest first: the new entry goes before the first earlier entry of this bench, or at the end.
  const at = text.indexOf('### Sealed bids through the gateway');
  writeFileSync(file, at < 0 ? `${text.trimEnd()}\n\n## Bidding\n\n${entry}` : `${text.slice(0, at)}${entry}\n${text.slice(at)}`);
}

async function main() {
  say('seeding a fresh database');
  const { bidders, needs } = await seed();
  const ports = { gateway: await freePort(), catalog: await freePort(), procurement: await freePort(), matcher: await freePort() };
  const stack = await startStack({
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: DB, QUEUE_PREFIX: 'lienket-bidbench', ...secrets, ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'bench-admin-password' },
    ports,
    onLine: (app, line) => say(`[${app}] ${line}`),
  });
  const interrupted = () => void stack.stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const pool = new Pool(`http://127.0.0.1:${ports.gateway}`, { connections: CONNECTIONS });
  const pids = [...stack.processes.values()].map((p) => p.pid!);
  const pidOf = (app: string) => [...stack.processes.entries()].filter(([name]) => name === app).map(([, p]) => p.pid!);
  const db = new Client({ connectionString: DB });
  try {
    await db.connect();
    const tokens = bidders.map(tokenOf);
    const loadAverage = loadavg()[0];
    say(`warm-up: ${WARMUP_BIDS} bids`);
    const warm = await fire(pool, needs[0], tokens, WARMUP_BIDS);
    if (!warm.every((o) => o.ok)) throw new Error(`warm-up bids were refused: ${warm.find((o) => !o.ok)?.code}`);
    say(`${BIDS} bids; the deadline moves to ${CLOSE_AFTER_SECONDS} s ahead once ${Math.round(CLOSE_AT_SHARE * 100)}% are answered`);
    // The deadline is moved as a buyer's change would move it: the need row locked FOR UPDATE (which
    // waits for the bids holding it FOR SHARE, and may wait long: PostgreSQL grants a compatible
    // FOR SHARE without queueing behind a waiting FOR UPDATE), then the new deadline counted from the
    // moment the lock is held, so no bid judged before it can fall after the deadline it sets.
    let closing: Promise<{ deadline: Date; waitedMs: number }> | undefined;
    const close = async () => {
      const asked = Date.now();
      await db.query('BEGIN');
      await db.query(`SELECT 1 FROM procurement.needs WHERE id = $1 FOR UPDATE`, [needs[1]]);
      const waitedMs = Date.now() - asked;
      const r = await db.query<{ d: Date }>(`UPDATE procurement.needs SET bid_deadline = clock_timestamp() + make_interval(secs => $2) WHERE id = $1 RETURNING bid_deadline AS d`, [needs[1], CLOSE_AFTER_SECONDS]);
      await db.query('COMMIT');
      return { deadline: r.rows[0].d, waitedMs };
    };
    const pgBefore = new Map((await backends(db, DB_NAME)).map((pid) => [pid, cpuMs([pid])]));
    const nodeBefore = cpuMs(pids);
    const appsBefore = { gateway: cpuMs(pidOf('gateway')), procurement: cpuMs(pidOf('procurement')) };
    const start = Date.now();
    const outcomes = await fire(pool, needs[1], tokens, BIDS, (answered) => {
      if (!closing && answered >= BIDS * CLOSE_AT_SHARE) closing = close();
    });
    const nodeCpu = (cpuMs(pids) - nodeBefore) / BIDS;
    const gatewayCpu = (cpuMs(pidOf('gateway')) - appsBefore.gateway) / BIDS;
    const procurementCpu = (cpuMs(pidOf('procurement')) - appsBefore.procurement) / BIDS;
    const pgCpu = (await backends(db, DB_NAME)).reduce((ms, pid) => ms + cpuMs([pid]) - (pgBefore.get(pid) ?? 0), 0) / BIDS;
    const { deadline, waitedMs } = await closing!;
    const accepted = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => o.code === 'DEADLINE_PASSED');
    const lastAccepted = Math.max(...accepted.map((o) => o.answeredAt));
    const { lost, late } = await verify(needs[1], deadline, outcomes);
    const figures: Figures = {
      accepted: accepted.length,
      refused: refused.length,
      acceptedPerSecond: accepted.length / ((Math.min(lastAccepted, deadline.getTime()) - start) / 1000),
      p50: percentile(outcomes.map((o) => o.answeredAt - o.sentAt), 50),
      p99: percentile(outcomes.map((o) => o.answeredAt - o.sentAt), 99),
      lost,
      late,
      earlyRefusals: refused.filter((o) => o.answeredAt < deadline.getTime()).length,
      otherErrors: [...new Set(outcomes.filter((o) => !o.ok && o.code !== 'DEADLINE_PASSED').map((o) => o.code ?? 'no answer'))],
      loadAverage,
      nodeCpu,
      gatewayCpu,
      procurementCpu,
      pgCpu,
      waitedMs,
    };
    say(JSON.stringify(figures));
    record(figures);
    say('figures appended to docs/benchmarks.md');
  } finally {
    await pool.close();
    await db.end();
    await stack.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench:bids failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

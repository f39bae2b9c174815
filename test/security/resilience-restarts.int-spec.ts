import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '@lienket/config';
import { EVENTS_QUEUE, redisConnection } from '@lienket/queue';
import { gql, queryRows, SIGN_UP, signUpInput, ThrowawayPostgres, ThrowawayRedis } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';
import type { AppName, Stack, SupervisorEvent } from '../../scripts/stack';

// The stack runs from the build, as `npm start` runs it (startStack finds the apps beside itself).
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { freePort, startStack } = require(join(__dirname, '..', '..', 'dist', 'scripts', 'stack.js')) as typeof import('../../scripts/stack');

// Faults that the shared servers must never see: the whole built stack (dist/) runs against a
// PostgreSQL and a Redis of this test's own, which the test cuts off and restarts while users sign
// up (each sign-up writes an `organization.registered` event whose handler leaves an in-app notice).
// That PostgreSQL checks passwords, so the stack also proves that each service logs in as its own
// role with the password the migrations set (decision 58).
jest.setTimeout(240_000);

let pg: ThrowawayPostgres;
let redis: ThrowawayRedis;
let stack: Stack;
let gatewayUrl: string;
let ports: Record<AppName, number>;
const supervisor: SupervisorEvent[] = [];
const logs: string[] = [];
const prefix = `lienket-resilience-${process.pid}`;
const databaseUrl = () => pg.url('lienket');
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(databaseUrl(), text, params);

/** Polls `check` until it holds or the deadline passes (then the last failure is thrown). */
async function eventually<T>(check: () => Promise<T>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

interface Attempt {
  orgId?: string;
  code?: string;
}

/** One sign-up through the gateway: the new organization's id, or the error code it answered. */
async function signUp(): Promise<Attempt> {
  try {
    const r = await gql<{ signUp: { user: { organization: { id: string } } } }>(`${gatewayUrl}/graphql`, SIGN_UP, { input: signUpInput() });
    if (r.errors?.length) return { code: String(r.errors[0]?.extensions?.code ?? 'NO_CODE') };
    if (r.data?.signUp) return { orgId: r.data.signUp.user.organization.id };
    return { code: 'NO_DATA' };
  } catch (e) {
    return { code: `TRANSPORT: ${(e as Error).message}` };
  }
}

/** Three users at a time sign up until `stop` resolves: the writes that go on during the faults. */
function load(stop: Promise<void>) {
  const attempts: Attempt[] = [];
  let done = false;
  void stop.then(() => (done = true));
  const loop = async () => {
    while (!done) attempts.push(await signUp());
  };
  return { attempts, finished: Promise.all([loop(), loop(), loop()]) };
}

beforeAll(async () => {
  pg = await ThrowawayPostgres.start(await freePort());
  redis = await ThrowawayRedis.start({ port: await freePort() });
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl(), REDIS_URL: redis.url(), QUEUE_PREFIX: prefix, SMTP_URL: '' };
  await migrateAll(databaseUrl(), undefined, undefined, loadConfig(env).database.serviceUrls);
  ports = { gateway: await freePort(), catalog: await freePort(), procurement: await freePort(), matcher: await freePort() };
  stack = await startStack({ env, ports, onLine: (app, line) => logs.push(`[${app}] ${line}`), supervise: (e) => supervisor.push(e) }).catch((e: Error) => {
    process.stderr.write(`${logs.join('\n')}\n`);
    throw e;
  });
  gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
});

afterAll(async () => {
  await stack?.stop();
  await redis?.stop();
  await pg?.stop();
});

/** Whether `user` can log in to the throwaway cluster with `password` (the SQLSTATE when refused). */
async function logIn(user: string, password: string): Promise<string> {
  const url = new URL(databaseUrl());
  url.username = user;
  url.password = password;
  const c = new Client({ connectionString: url.toString() });
  try {
    await c.connect();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? 'refused';
  } finally {
    await c.end().catch(() => undefined);
  }
}

const pids = () => new Map([...stack.processes].map(([app, child]) => [app, child.pid]));
const alive = () => [...stack.processes.values()].every((c) => c.exitCode === null && c.signalCode === null);

describe('the stack’s database logins', () => {
  it('are the services’ own roles, each admitted with its password only', async () => {
    // Each app's /health queries through its pool, so each has a connection open right after.
    await eventually(async () => {
      for (const app of ['catalog', 'procurement', 'matcher'] as const) expect((await fetch(`http://127.0.0.1:${ports[app]}/health`)).status).toBe(200);
      const roles = await sql<{ app: string; user: string }>(
        `SELECT application_name AS app, usename AS user FROM pg_stat_activity WHERE datname = 'lienket' AND application_name LIKE 'lienket-%' GROUP BY 1, 2 ORDER BY 1`,
      );
      expect(roles).toEqual([
        { app: 'lienket-catalog', user: 'lienket_catalog' },
        { app: 'lienket-matching', user: 'lienket_matcher' },
        { app: 'lienket-procurement', user: 'lienket_procurement' },
      ]);
    });
    const urls = loadConfig({ ...process.env, DATABASE_URL: databaseUrl() }).database.serviceUrls;
    expect(await logIn('lienket_catalog', decodeURIComponent(new URL(urls.catalog).password))).toBe('ok');
    expect(await logIn('lienket_catalog', decodeURIComponent(new URL(urls.procurement).password))).toBe('28P01');
    expect(await logIn('lienket_matcher', '')).not.toBe('ok');
  });
});

describe('a stack whose PostgreSQL and Redis fail under it', () => {
  it('keeps every process, recovers its requests, and hands every event to exactly one job that is handled', async () => {
    const before = pids();
    let stopLoad!: () => void;
    const run = load(new Promise<void>((r) => (stopLoad = r)));
    await eventually(async () => expect(run.attempts.filter((a) => a.orgId).length).toBeGreaterThanOrEqual(3));

    // Every backend of the stack cut off at once.
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = 'lienket'`);
    const afterTerminate = run.attempts.length;
    await eventually(async () => expect(run.attempts.slice(afterTerminate).filter((a) => a.orgId).length).toBeGreaterThanOrEqual(3));

    await pg.restart();
    const afterPostgres = run.attempts.length;
    await eventually(async () => expect(run.attempts.slice(afterPostgres).filter((a) => a.orgId).length).toBeGreaterThanOrEqual(3));

    await redis.restart();
    const afterRedis = run.attempts.length;
    await eventually(async () => expect(run.attempts.slice(afterRedis).filter((a) => a.orgId).length).toBeGreaterThanOrEqual(3));
    stopLoad();
    await run.finished;

    // No process died (none was restarted either: each recovered its own connections).
    expect(supervisor).toEqual([]);
    expect(alive()).toBe(true);
    expect(pids()).toEqual(before);
    // A request refused during a fault was refused with a code, never a hang or a bare transport error.
    for (const a of run.attempts.filter((x) => !x.orgId)) expect(a.code).toMatch(/^[A-Z_]+$/);

    // Every organization a user was told was created has its event; every event was published,
    // became exactly one job under its own id, completed, and its handler's notice exists once.
    const events = await eventually(async () => {
      const rows = await sql<{ event_id: string; org: string; published: boolean }>(
        `SELECT event_id, payload ->> 'organizationId' AS org, published_at IS NOT NULL AS published FROM catalog.outbox WHERE event_type = 'organization.registered'`,
      );
      expect(rows.every((r) => r.published)).toBe(true);
      return rows;
    });
    const signedUp = run.attempts.flatMap((a) => (a.orgId ? [a.orgId] : []));
    expect(events.map((e) => e.org)).toEqual(expect.arrayContaining(signedUp));
    expect(new Set(events.map((e) => e.org)).size).toBe(events.length);

    const queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(redis.url()), prefix });
    try {
      await eventually(async () => {
        const completed = await queue.getJobs(['completed'], 0, -1);
        const others = await queue.getJobs(['failed', 'wait', 'active', 'delayed', 'prioritized', 'waiting-children'], 0, -1);
        const registrations = completed.filter((j) => j.name === 'organization.registered');
        expect(others.filter((j) => j.name === 'organization.registered').map((j) => j.id)).toEqual([]);
        expect(registrations.map((j) => j.id).sort()).toEqual(events.map((e) => e.event_id).sort());
      });
    } finally {
      await queue.close();
    }
    const notices = await sql<{ key: string; n: number }>(
      `SELECT dedupe_key AS key, count(*)::int AS n FROM matching.notifications WHERE dedupe_key LIKE 'registration-received:%' GROUP BY dedupe_key`,
    );
    expect(notices.map((n) => n.key).sort()).toEqual(events.map((e) => `registration-received:${e.org}`).sort());
    expect(notices.every((n) => n.n === 1)).toBe(true);
  });

  it('restarts a process that crashed, with the others serving meanwhile', async () => {
    const from = supervisor.length;
    stack.processes.get('matcher')!.kill('SIGKILL');
    await eventually(async () => expect(supervisor.slice(from)).toContainEqual({ kind: 'restarted', app: 'matcher', pid: expect.any(Number) }));
    expect(supervisor[from]).toMatchObject({ kind: 'exited', app: 'matcher', signal: 'SIGKILL', restartInMs: 1000 });
    // The gateway and catalog never stopped: a sign-up succeeds, and the new worker handles its event.
    const { orgId } = await eventually(async () => {
      const a = await signUp();
      expect(a.orgId).toBeDefined();
      return a;
    });
    await eventually(async () => expect(await sql(`SELECT 1 FROM matching.notifications WHERE dedupe_key = $1`, [`registration-received:${orgId}`])).toHaveLength(1));
    expect(alive()).toBe(true);
  });
});

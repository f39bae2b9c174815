// Starts the built marketplace (dist/) against a fresh database, with a real SMTP listener whose
// mail is pushed to Redis lists so test workers can await it. Runs outside Jest's module registry,
// so it loads the compiled code from dist/ (npm test builds first).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

const dist = join(__dirname, '..', '..', 'dist');
/* eslint-disable @typescript-eslint/no-require-imports */
const { migrateAll } = require(join(dist, 'scripts', 'migrate.js')) as typeof import('../../scripts/migrate');
const { freePort, startStack } = require(join(dist, 'scripts', 'stack.js')) as typeof import('../../scripts/stack');
const { SmtpListener } = require(join(dist, 'libs', 'testing', 'src', 'smtp-listener.js')) as typeof import('../../libs/testing/src/smtp-listener');
const { dropDatabases } = require(join(dist, 'libs', 'testing', 'src', 'database.js')) as typeof import('../../libs/testing/src/database');
const { clearRedisPrefix } = require(join(dist, 'libs', 'testing', 'src', 'redis.js')) as typeof import('../../libs/testing/src/redis');

// Unique per run, so a developer's run and a CI run on one machine never share jobs or rows.
export const E2E_PREFIX = `lienket-e2e-${process.pid}`;

const base = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** Whether the run that named a database `lienket_e2e_<pid>` is still going (e.g. another checkout's). */
function runAlive(database: string): boolean {
  const pid = Number(/_(\d+)$/.exec(database)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function globalSetup() {
  // Databases of earlier runs are dropped unless a run still uses them or is still alive: a run
  // between its migrations and its stack's first connection uses nothing yet.
  await dropDatabases(`${base}/postgres`, 'lienket_e2e_', { skipInUse: true, keep: runAlive });
  const databaseUrl = `${base}/lienket_e2e_${process.pid}`;
  await migrateAll(databaseUrl);
  await clearRedisPrefix(redisUrl, E2E_PREFIX);
  const redis = new Redis(redisUrl);
  const smtp = new SmtpListener((mail) => {
    for (const to of mail.to) void redis.rpush(`${E2E_PREFIX}:mail:${to}`, JSON.stringify(mail));
  });
  const smtpUrl = await smtp.start();
  const ports = { gateway: await freePort(), catalog: await freePort(), procurement: await freePort(), matcher: await freePort() };
  const logs: string[] = [];
  // Uploaded files of this run, so tests can assert what was (not) written.
  const uploadDir = join(tmpdir(), `lienket-e2e-uploads-${process.pid}`);
  const stack = await startStack({
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: E2E_PREFIX,
      SMTP_URL: smtpUrl,
      MIN_BID_WINDOW_SECONDS: '2',
      // Each answer says how many SQL statements each subgraph ran for it (needs-page.e2e-spec.ts).
      SQL_STATEMENT_COUNT: 'true',
      // Every test client is 127.0.0.1: limits per address would count the whole suite as one
      // person. Limits per account, recipient and organization keep their defaults (and their tests).
      SIGNUP_MAX_PER_ADDRESS: '100000',
      PASSWORD_RESET_MAX_PER_ADDRESS: '100000',
      UPLOAD_DIR: uploadDir,
      ADMIN_EMAIL: 'admin@e2e.lienket.vn',
      ADMIN_PASSWORD: 'e2e-admin-password',
    },
    ports,
    onLine: (app, line) => logs.push(`[${app}] ${line}`),
  }).catch((e: Error) => {
    process.stderr.write(`${logs.join('\n')}\n`);
    throw e;
  });
  process.env.E2E_GATEWAY_URL = `http://127.0.0.1:${ports.gateway}`;
  // The subgraphs directly, for test/security (they refuse what does not come through the gateway).
  process.env.E2E_CATALOG_URL = `http://127.0.0.1:${ports.catalog}/graphql`;
  process.env.E2E_PROCUREMENT_URL = `http://127.0.0.1:${ports.procurement}/graphql`;
  process.env.E2E_MATCHER_HEALTH_PORT = String(ports.matcher);
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_PREFIX = E2E_PREFIX;
  process.env.E2E_UPLOAD_DIR = uploadDir;
  process.env.E2E_ADMIN_EMAIL = 'admin@e2e.lienket.vn';
  process.env.E2E_ADMIN_PASSWORD = 'e2e-admin-password';
  (globalThis as Record<string, unknown>).__LIENKET_E2E__ = { stack, smtp, redis, logs };
}

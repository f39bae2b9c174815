import { Client } from 'pg';
import { Redis } from 'ioredis';

/**
 * Extensions beyond PostgreSQL's contrib that the migrations require: none. RUM (Debian's
 * postgresql-15-rum) is recommended, not required: without it product search falls back to GIN and
 * `npm start` warns (decision 62).
 */
export const REQUIRED_EXTENSIONS: string[] = [];

/**
 * Checks that PostgreSQL (with the extensions the migrations need) and Redis answer; returns one
 * human message per service that does not.
 */
export async function checkServices(
  databaseUrl: string,
  redisUrl: string,
  extensions: string[] = REQUIRED_EXTENSIONS,
): Promise<string[]> {
  const problems: string[] = [];
  const pgUrl = new URL(databaseUrl);
  pgUrl.pathname = '/postgres';
  const pg = new Client({ connectionString: pgUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
    const missing = await missingExtensions(pg, extensions);
    if (missing.length)
      problems.push(
        `PostgreSQL at ${safeAddress(databaseUrl)} lacks the extension${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (product search). ` +
          `Install it: 'apt-get install -y postgresql-15-rum' (the package for your PostgreSQL version) on a local install, ` +
          `or 'docker compose build postgres' (its image installs it).`,
      );
  } catch (e) {
    problems.push(
      `PostgreSQL is not reachable at ${safeAddress(databaseUrl)} (${(e as Error).message}). ` +
        `Start it: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' on a local install, ` +
        `or 'docker compose up -d postgres redis'.`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // A refused password arrives as an 'error' event; the rejection itself says only "Connection is closed".
  let refusal: string | undefined;
  redis.on('error', (e: Error) => {
    if (/NOAUTH|WRONGPASS|NOPERM/.test(e.message)) refusal = e.message;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    problems.push(
      refusal
        ? `Redis at ${safeAddress(redisUrl)} refused the credentials in REDIS_URL (${refusal}): give the password as redis://:<password>@host:port/db, percent-encoded.`
        : `Redis is not reachable at ${safeAddress(redisUrl)} (${(e as Error).message}). ` +
            `Start it: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379' on a local install, ` +
            `or 'docker compose up -d postgres redis'.`,
    );
  } finally {
    redis.disconnect();
  }
  return problems;
}

async function missingExtensions(pg: Client, extensions: string[]): Promise<string[]> {
  const { rows } = await pg.query<{ name: string }>(
    'SELECT name FROM pg_available_extensions WHERE name = ANY ($1)',
    [extensions],
  );
  return extensions.filter((x) => !rows.some((r) => r.name === x));
}

/** host:port/db without credentials, for messages and logs. */
export function safeAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}${u.pathname}`;
}

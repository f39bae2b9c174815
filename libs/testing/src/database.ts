import { Client } from 'pg';

/** Empties every service table (not the migrations), so each test file starts from nothing. */
export async function truncateAll(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ t: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables
        WHERE schemaname IN ('catalog', 'procurement', 'matching') AND tablename <> 'migrations'`,
    );
    // Replica mode skips triggers, among them the one that refuses to truncate the audit log.
    await db.query(`SET session_replication_role = replica`);
    if (rows.length) await db.query(`TRUNCATE ${rows.map((r) => r.t).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await db.end();
  }
}

/** Runs one query against the database and returns its rows: for asserting what was (not) written. */
export async function queryRows<T extends Record<string, unknown>>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

/** Drops every database whose name starts with `prefix` (fresh migrations for a test run), but those `keep` names. */
export async function dropDatabases(adminUrl: string, prefix: string, o: { skipInUse?: boolean; keep?: (name: string) => boolean } = {}): Promise<void> {
  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE $1
          AND NOT ($2 AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname))`,
      [`${prefix}%`, !!o.skipInUse],
    );
    // IF EXISTS: another checkout's set-up may drop the same stale database at the same moment.
    for (const { datname } of rows) if (!o.keep?.(datname)) await db.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await db.end();
  }
}

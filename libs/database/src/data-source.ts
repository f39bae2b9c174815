import { DataSource, EntityManager, MixedList } from 'typeorm';
import { Client } from 'pg';

import type { ServiceSchema } from '@lienket/config';

export type { ServiceSchema };

export interface ServiceDataSourceOptions {
  url: string;
  schema: ServiceSchema;
  entities: MixedList<Function | string>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  logger?: (sql: string) => void;
}

/** One DataSource per service, bound to the service's own schema; never `synchronize`. */
export function createDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    applicationName: `lienket-${o.schema}`,
    extra: { max: o.poolSize ?? 10 },
    logging: o.logger ? ['query'] : false,
    logger: o.logger
      ? { logQuery: (q) => o.logger!(q), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined }
      : undefined,
  });
}

/** Creates the service schema when missing and applies pending migrations, each in a transaction. */
export async function migrate(ds: DataSource, schema: ServiceSchema): Promise<string[]> {
  if (!ds.isInitialized) await ds.initialize();
  await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/** Runs `work` in one transaction: all of a mutation's writes land together or not at all. */
export function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction('READ COMMITTED', work);
}

/** Creates the database named in `url` when it does not exist yet (a fresh machine). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (e) {
    // Two processes may race to create it; the loser sees "already exists", which is fine.
    if ((e as { code?: string }).code === '42P04') return false;
    throw e;
  } finally {
    await client.end();
  }
}

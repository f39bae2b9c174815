// Global setup runs outside Jest's module registry, where path aliases do not resolve.
import { dropDatabases } from '../../libs/testing/src/database';

/** Each run starts from fresh per-worker databases, so migrations are applied once per run. */
export default async function globalSetup() {
  const base = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
  await dropDatabases(`${base}/postgres`, process.env.TEST_DB_PREFIX ?? 'lienket_test_');
}

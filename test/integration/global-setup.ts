// Global setup runs outside Jest's module registry, where path aliases do not resolve.
import { dropDatabases } from '../../libs/testing/src/database';

/** Whether the run that named a database `lienket_test_<pid>_<worker>` is still going (another checkout's, say). */
function runAlive(database: string): boolean {
  const pid = Number(/^lienket_test_(\d+)_\d+$/.exec(database)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Each run starts from fresh per-worker databases of its own, so migrations are applied once per run
 * and two runs on one machine (a CI clone beside a developer's worktree) never drop each other's:
 * the names carry this run's pid (workers inherit the prefix set here), and databases of runs that
 * ended are dropped. TEST_DB_PREFIX, when given, names the databases instead (and they are reset).
 */
export default async function globalSetup() {
  const base = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
  if (process.env.TEST_DB_PREFIX) return dropDatabases(`${base}/postgres`, process.env.TEST_DB_PREFIX);
  await dropDatabases(`${base}/postgres`, 'lienket_test_', { skipInUse: true, keep: runAlive });
  process.env.TEST_DB_PREFIX = `lienket_test_${process.pid}_`;
}

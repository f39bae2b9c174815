// Per-worker isolation for integration tests: a database and a queue prefix of its own, so test
// files run in parallel against the real services without seeing each other's rows or jobs.
// E2E tests (jest project `e2e`, global LIENKET_E2E) talk to the stack that the e2e global setup
// started, which sets E2E_* variables.
const worker = process.env.JEST_WORKER_ID ?? '0';
const base = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'warn';
// Not `E2E_GATEWAY_URL`: in a run of every project the e2e global set-up sets it for all workers,
// and integration tests would then fall back to the default database (`lienket`) and empty it.
if (!(globalThis as { LIENKET_E2E?: boolean }).LIENKET_E2E) {
  // TEST_DB_PREFIX lets two checkouts (e.g. git worktrees) run their tests on one machine at once.
  const prefix = process.env.TEST_DB_PREFIX ?? 'lienket_test_';
  process.env.DATABASE_URL = `${base}/${prefix}${worker}`;
  process.env.QUEUE_PREFIX = `${prefix.replace(/_/g, '-')}${worker}`;
}
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
process.env.MIN_BID_WINDOW_SECONDS ??= '2';

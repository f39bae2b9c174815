// Per-worker isolation for integration tests: a database and a queue prefix of its own, so test
// files run in parallel against the real services without seeing each other's rows or jobs.
// Set for this project unconditionally: in one Jest run with the e2e project, the e2e global setup
// has already put E2E_* variables in every worker's environment, and deciding by those sent
// integration tests to the default database (`lienket`, the one `npm start` serves), truncating it.
const worker = process.env.JEST_WORKER_ID ?? '0';
const base = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
// The global setup names this run's databases (`lienket_test_<pid>_`), so two checkouts (a CI clone
// beside a worktree) run their tests on one machine at once without dropping each other's.
const prefix = process.env.TEST_DB_PREFIX ?? `lienket_test_${process.ppid}_`;
process.env.DATABASE_URL = `${base}/${prefix}${worker}`;
process.env.QUEUE_PREFIX = `${prefix.replace(/_/g, '-')}${worker}`;

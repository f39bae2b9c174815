// What every test process shares. Integration tests add a database and queue prefix per worker
// (test/integration/worker-database.ts); e2e tests talk to the stack that the e2e global setup
// started, which sets E2E_* variables.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'warn';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
process.env.MIN_BID_WINDOW_SECONDS ??= '2';
// Every test client is 127.0.0.1: per-address limits on sign-up and password reset would count the
// whole suite as one person. Tests of those limits set their own (test/security/accounts-limits).
process.env.SIGNUP_MAX_PER_ADDRESS ??= '100000';
process.env.PASSWORD_RESET_MAX_PER_ADDRESS ??= '100000';

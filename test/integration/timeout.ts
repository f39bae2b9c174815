// Integration tests boot Nest modules against real PostgreSQL, Redis and BullMQ: on a busy 2-core
// machine one boot alone can take longer than Jest's 5 s default (hooks included), so every test and
// hook here gets the time a loaded machine needs. Nothing is timed by it: a test still waits for
// its condition, never for a fixed time.
jest.setTimeout(30_000);

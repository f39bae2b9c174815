import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * SQL statements per request, for tests and benches (SQL_STATEMENT_COUNT=true, decision 130): a
 * subgraph runs each GraphQL request inside `countStatements`, its DataSource's logger adds every
 * statement it sends (BEGIN and COMMIT included) to the request's count, and the count goes back to
 * the gateway in the SQL_STATEMENTS_HEADER of the answer. DataLoader batches and field resolvers
 * run in the request's async context, so they count; work a request leaves behind (a deferred close)
 * counts only until the answer's headers are written.
 */
export const SQL_STATEMENTS_HEADER = 'x-lienket-sql-statements';

const requests = new AsyncLocalStorage<{ statements: number }>();

/** Runs `work` with a fresh count; `read` tells the count so far. */
export function countStatements<T>(work: (read: () => number) => T): T {
  const count = { statements: 0 };
  return requests.run(count, () => work(() => count.statements));
}

/** The DataSource logger's hook: one more statement for the request running now (none outside one). */
export function statementSent(): void {
  const count = requests.getStore();
  if (count) count.statements++;
}

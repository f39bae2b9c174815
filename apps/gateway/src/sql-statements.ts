import type { ApolloServerPlugin } from '@apollo/server';

/** Where a request's SQL statements are added up by subgraph, in its context. */
const COUNTS = Symbol('sqlStatements');
type Counted = { [COUNTS]?: Record<string, number> };

export function addStatements(context: object, subgraph: string, statements: number): void {
  const counts = ((context as Counted)[COUNTS] ??= {});
  counts[subgraph] = (counts[subgraph] ?? 0) + statements;
}

/** The request header that asks for the count (only where SQL_STATEMENT_COUNT installed the plugin). */
export const COUNT_SQL_HEADER = 'x-count-sql-statements';

/**
 * SQL_STATEMENT_COUNT (tests and benches, decision 130): an answer to a request sent with
 * `x-count-sql-statements: 1` says in `extensions.sqlStatements` how many SQL statements each
 * subgraph ran for it, e.g. `{ procurement: 3 }` (a subgraph not asked is absent). Asked for, never
 * volunteered: every other answer stays as it would be without the switch (a count that differed
 * between two calls would tell them apart). Off in every other configuration: no plugin.
 */
export function sqlStatementsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, request }) {
          if (request.http?.headers.get(COUNT_SQL_HEADER) !== '1') return;
          const counts = (contextValue as Counted)[COUNTS];
          if (response.body.kind === 'single') response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: counts ?? {} };
        },
      };
    },
  };
}

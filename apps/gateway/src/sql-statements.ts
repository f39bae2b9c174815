import type { ApolloServerPlugin } from '@apollo/server';

/** Where a request's SQL statements are added up by subgraph, in its context. */
const COUNTS = Symbol('sqlStatements');
type Counted = { [COUNTS]?: Record<string, number> };

export function addStatements(context: object, subgraph: string, statements: number): void {
  const counts = ((context as Counted)[COUNTS] ??= {});
  counts[subgraph] = (counts[subgraph] ?? 0) + statements;
}

/**
 * SQL_STATEMENT_COUNT (tests and benches, decision NN): the answer's `extensions.sqlStatements` says
 * how many SQL statements each subgraph ran for it, e.g. `{ procurement: 3 }` (a subgraph not asked
 * is absent). Off in every other configuration: the plugin is not installed.
 */
export function sqlStatementsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const counts = (contextValue as Counted)[COUNTS];
          if (response.body.kind === 'single') response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: counts ?? {} };
        },
      };
    },
  };
}

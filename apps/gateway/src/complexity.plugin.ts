import type { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, GraphQLError, GraphQLSchema, visit } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { localize, pickLang } from '@lienket/graphql';

/** Costs kept, one per (query text, operation, cost-bearing variables); the least recently used goes first. */
const COST_CACHE_SIZE = 1000;

const variablesIn = (node: ASTNode, into: Set<string>) =>
  visit(node, { Variable: (v) => void into.add(v.name.value) });

/**
 * The variables an operation's cost can depend on: those given to a `first` argument (a list
 * costs its page size) or to a directive (`@skip`/`@include` remove fields). Any other variable —
 * a cursor, a search term — leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument: (arg) => void (arg.name.value === 'first' && variablesIn(arg.value, names)),
    Directive: (directive) => void variablesIn(directive, names),
  });
  return [...names].sort();
}

/**
 * Refuses operations whose estimated cost exceeds the limit before any subgraph is called. List
 * fields cost their page size (`first`), so a deep nest of connections adds up quickly. The
 * estimate walks the whole operation against the supergraph; it is computed once per query text,
 * operation and value of the variables it depends on, and kept (decision 42).
 */
export function complexityPlugin(maximum: number): ApolloServerPlugin {
  const costs = new Map<string, number>();
  const variableNames = new WeakMap<DocumentNode, string[]>();
  let costsOf: GraphQLSchema | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, schema }) {
          // A new supergraph (a subgraph redeployed) may price the same operation differently.
          if (schema !== costsOf) {
            costs.clear();
            costsOf = schema;
          }
          let names = variableNames.get(document);
          if (!names) variableNames.set(document, (names = costVariables(document)));
          const key = request.query === undefined
            ? undefined
            : JSON.stringify([request.query, operationName ?? null, names.map((n) => (request.variables?.[n] as unknown) ?? null)]);
          let cost = key === undefined ? undefined : costs.get(key);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables,
              estimators: [
                fieldExtensionsEstimator(),
                ({ args, childComplexity }) => {
                  const first = typeof args.first === 'number' ? args.first : undefined;
                  return first === undefined ? undefined : 1 + first * Math.max(1, childComplexity);
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } else {
            costs.delete(key!); // re-inserted below: a Map iterates oldest first
          }
          if (key !== undefined) {
            costs.set(key, cost);
            if (costs.size > COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
          }
          if (cost > maximum) {
            const lang = pickLang(request.http?.headers.get('accept-language') ?? undefined);
            throw new GraphQLError(localize('queryTooComplex', lang), {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maximum, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

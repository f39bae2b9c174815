import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { localize, pickLang } from '@lienket/graphql';

/**
 * Refuses operations whose estimated cost exceeds the limit before any subgraph is called. List
 * fields cost their page size (`first`), so a deep nest of connections adds up quickly.
 */
export function complexityPlugin(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, schema }) {
          const cost = getComplexity({
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

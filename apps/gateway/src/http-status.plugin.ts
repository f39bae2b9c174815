import type { ApolloServerPlugin } from '@apollo/server';

/** Request errors: the operation was never executed, so the client sent something unusable. */
const REQUEST_ERROR_CODES = new Set(['INVALID_GRAPHQL', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'QUERY_TOO_COMPLEX']);

/**
 * The gateway answers 500 when a document names an operation it does not contain; per
 * GraphQL-over-HTTP that is the client's error (400), as long as nothing was executed.
 */
export function requestErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          const codes = (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : ''));
          if (codes.length && codes.every((c) => REQUEST_ERROR_CODES.has(c)) && (response.http.status ?? 200) >= 500) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}

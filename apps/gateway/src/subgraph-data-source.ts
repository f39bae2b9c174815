import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
interface GraphqlBody {
  errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[];
}

/**
 * A subgraph answers HTTP 400 when it refuses a request before running it, e.g. a variable its
 * Date or Decimal scalar rejects. The stock data source turns that into "400: Bad Request" with no
 * code, which clients see as an internal error; this one relays the subgraph's own error, code and field.
 */
export class SubgraphDataSource<TContext extends Record<string, unknown>> extends RemoteGraphQLDataSource<TContext> {
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: GraphqlBody } | undefined)?.body;
    const first = response.status === 400 && typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') return error;
    const { code, field } = first.extensions;
    return new GraphQLError(first.message, { extensions: typeof field === 'string' ? { code, field } : { code } });
  }
}

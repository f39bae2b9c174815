import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { localize, pickLang } from '@lienket/graphql';
import { SQL_STATEMENTS_HEADER } from '@lienket/database';
import { addStatements } from './sql-statements';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
interface GraphqlBody {
  errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[];
}

/** Marks the subgraph's own refusal, relayed as it is. */
class RelayedError extends GraphQLError {}

/**
 * A subgraph answers 4xx when it refuses a request before running it, e.g. a variable its Date or
 * Decimal scalar rejects: the stock data source turns that into "400: Bad Request" with no code,
 * which clients see as an internal error; this one relays the subgraph's own error, code and field.
 * Anything else that keeps a subgraph's answer from the gateway (connection refused or reset, a
 * timeout, a 5xx, a body that is not GraphQL) becomes SERVICE_UNAVAILABLE in the caller's language;
 * what happened (with the subgraph's address) goes to the log only, never to the client.
 */
export class SubgraphDataSource<TContext extends Record<string, unknown>> extends RemoteGraphQLDataSource<TContext> {
  private readonly logger = new Logger('SubgraphDataSource');
  /** The subgraph's name, under which its SQL statements are added up (SQL_STATEMENT_COUNT). */
  name?: string;

  /** SQL_STATEMENT_COUNT: the subgraph's count for this call, added to the request's (sql-statements.ts). */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<TContext>['didReceiveResponse']>>[0]) {
    const counted = response.http?.headers.get(SQL_STATEMENTS_HEADER);
    if (counted && this.name) addStatements(context, this.name, Number(counted));
    return response;
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof RelayedError) throw error;
      this.logger.warn(`subgraph ${this.url} failed: ${error instanceof Error ? error.message : String(error)}`);
      const header = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get('accept-language') : undefined;
      throw new GraphQLError(localize('serviceUnavailable', pickLang(header ?? undefined)), { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: GraphqlBody } | undefined)?.body;
    const first = response.status >= 400 && response.status < 500 && typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') return error;
    const { code, field } = first.extensions;
    return new RelayedError(first.message, { extensions: typeof field === 'string' ? { code, field } : { code } });
  }
}

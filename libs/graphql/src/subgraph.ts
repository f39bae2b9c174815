import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLFormattedError, GraphQLSchema, isScalarType } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { ErrorCode } from './errors';
import { Lang, localize, MessageKey, MESSAGES } from './messages';
import { DateScalar, DateTimeScalar, DecimalScalar } from './scalars';

/**
 * GraphQL options shared by every subgraph: Federation 2, the caller's context, no stack traces,
 * no inline tracing (it costs ~a quarter of throughput when a gateway asks for traces, and nobody
 * reads them here) and no cache-control hints (no type declares one, yet the plugin wraps every
 * field's resolver to look for them; see docs/benchmarks.md).
 */
export function subgraphOptions(
  context: (req: IncomingMessage) => object | Promise<object>,
): ApolloDriverConfig {
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    transformSchema: withScalarImplementations,
    // @nestjs/apollo loads @apollo/server as ESM and we load it as CommonJS: same plugins, two type identities.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), localizedScalarErrors] as unknown as NonNullable<ApolloDriverConfig['plugins']>,
    context: ({ req }: { req: IncomingMessage }) => context(req),
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => {
      // Errors without a code never left the exception filter, so they are internal: hide them.
      const code = formatted.extensions?.code;
      if (!code) {
        return { message: localize('internal', 'vi'), path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    },
  };
}

/**
 * The federation driver rebuilds the schema from printed SDL and copies back the implementation of
 * DateTime only: without this, Date and Decimal would accept any string ("2026-02-30", "1e9").
 * Only scalars the subgraph uses are patched (resolvers for absent types would fail the build).
 */
export function withScalarImplementations(schema: GraphQLSchema): GraphQLSchema {
  for (const scalar of [DateScalar, DateTimeScalar, DecimalScalar]) {
    const type = schema.getType(scalar.name);
    if (isScalarType(type) && type !== scalar) {
      Object.assign(type, { serialize: scalar.serialize, parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
    }
  }
  return schema;
}

/**
 * What a scalar refused (see scalars.ts), in the caller's language and naming the field as domain
 * errors do: graphql-js prefixes the scalar's message with where it happened, e.g.
 * `Variable "$input" got invalid value "12,5" at "input.targetUnitPrice.amount"; …`.
 */
export function localizeScalarError(error: GraphQLFormattedError, lang: Lang): GraphQLFormattedError {
  const key = error.extensions?.messageKey;
  if (typeof key !== 'string' || !(key in MESSAGES)) return error;
  const at = /at "[^".]+\.([^"]+)"/.exec(error.message)?.[1] ?? /^Variable "\$(\w+)"/.exec(error.message)?.[1];
  const { messageKey: _key, ...extensions } = error.extensions ?? {};
  return { ...error, message: localize(key as MessageKey, lang), extensions: at ? { ...extensions, field: at } : extensions };
}

const localizedScalarErrors = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ contextValue, response }: { contextValue: { lang?: Lang }; response: { body: { kind: string; singleResult?: { errors?: readonly GraphQLFormattedError[] } } } }) => {
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (result?.errors) result.errors = result.errors.map((e) => localizeScalarError(e, contextValue.lang ?? 'vi'));
        return Promise.resolve();
      },
    }),
};

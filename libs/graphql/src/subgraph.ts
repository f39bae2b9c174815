import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLFormattedError, GraphQLSchema, isScalarType } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { ErrorCode } from './errors';
import { hardenedServerOptions, ServerHardeningConfig } from './hardening';
import { localize } from './messages';
import { DateScalar, DateTimeScalar, DecimalScalar } from './scalars';

/**
 * GraphQL options shared by every subgraph: Federation 2, the caller's context, no stack traces,
 * no inline tracing (it costs ~a quarter of throughput when a gateway asks for traces, and nobody
 * reads them here) and no cache-control hints (no type declares one, yet the plugin wraps every
 * field's resolver to look for them; see docs/benchmarks.md). The gateway's limits hold here too
 * (hardening.ts: a direct call can do no more than one through the gateway; `_entities` costs its
 * number of representations), introspection is off in production, and the exception filter also
 * runs for field resolvers (`fieldResolverEnhancers`: Nest runs none for them by default).
 */
export function subgraphOptions(
  context: (req: IncomingMessage) => object | Promise<object>,
  config: ServerHardeningConfig,
): ApolloDriverConfig {
  const hardened = hardenedServerOptions(config);
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['filters'],
    transformSchema: withScalarImplementations,
    validationRules: hardened.validationRules,
    parseOptions: hardened.parseOptions,
    // @nestjs/apollo loads @apollo/server as ESM and we load it as CommonJS: same plugins, two type identities.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), ...hardened.plugins] as unknown as NonNullable<ApolloDriverConfig['plugins']>,
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

import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayHeaders } from '@lienket/auth';
import { ConfigModule, loadConfig } from '@lienket/config';
import { hardenedServerOptions } from '@lienket/graphql';
import { loggerModule, REQUEST_ID_HEADER } from '@lienket/observability';
import { GatewayHealthController } from './health.controller';
import { requestErrorStatusPlugin } from './http-status.plugin';
import { SubgraphDataSource } from './subgraph-data-source';
import { sqlStatementsPlugin } from './sql-statements';
import { undiciFetcher } from './undici-fetcher';

const config = loadConfig();
/** Composed from the subgraphs' printed SDL by `npm run schema` and committed (CI checks drift). */
export const SUPERGRAPH_FILE = join(__dirname, '..', '..', '..', '..', 'schema', 'supergraph.graphql');
const FORWARDED_HEADERS = ['authorization', 'accept-language', REQUEST_ID_HEADER] as const;
/** Depth, aliases, directives, tokens, cost, U+0000, errors in the caller's language (libs/graphql/src/hardening.ts). */
const hardened = hardenedServerOptions(config);

interface GatewayContext extends Record<string, unknown> {
  /** The client's headers the subgraphs need, and the gateway's vouching (secret, client address). */
  headers: Record<string, string>;
}

/** Subgraph URLs come from configuration, not from the URLs baked into the supergraph file. */
const subgraphUrls: Record<string, string> = {
  catalog: config.gateway.catalogUrl,
  procurement: config.gateway.procurementUrl,
};
/** One keep-alive pool per subgraph origin, shared by every request. */
const fetcher = undiciFetcher();

@Module({
  imports: [
    ConfigModule,
    loggerModule('gateway'),
    GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
      driver: ApolloGatewayDriver,
      server: {
        path: '/graphql',
        introspection: !config.production,
        hideSchemaDetailsFromClientErrors: config.production,
        includeStacktraceInErrorResponses: false,
        // Off: GraphiQL runs inline and CDN scripts that the CSP refuses (decision 45).
        graphiql: false,
        csrfPrevention: true,
        validationRules: hardened.validationRules,
        parseOptions: hardened.parseOptions,
        // Same plugin objects, two module identities (ESM inside @nestjs/apollo, CommonJS here).
        plugins: [ApolloServerPluginInlineTraceDisabled(), ...hardened.plugins, requestErrorStatusPlugin(), ...(config.countSqlStatements ? [sqlStatementsPlugin()] : [])] as never[],
        context: ({ req }: { req: Request }): GatewayContext => ({
          headers: {
            ...Object.fromEntries(
              FORWARDED_HEADERS.flatMap((h) => {
                const v = req.headers[h];
                return typeof v === 'string' ? [[h, v]] : [];
              }),
            ),
            ...gatewayHeaders(req.ip, config.internal.gatewaySecret),
          },
        }),
      },
      gateway: {
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        buildService: ({ name, url }) =>
          Object.assign(new SubgraphDataSource<GatewayContext>({
            url: subgraphUrls[name] ?? url,
            fetcher,
            willSendRequest({ request, context }) {
              const headers: GatewayContext['headers'] = (context as GatewayContext).headers ?? {};
              for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') request.http?.headers.set(k, v);
            },
          }), { name }),
      },
    }),
  ],
  controllers: [GatewayHealthController],
})
export class GatewayAppModule {}

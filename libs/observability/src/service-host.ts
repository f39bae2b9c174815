import { DynamicModule, Module, Type } from '@nestjs/common';
import { MixedList } from 'typeorm';
import { ApolloDriverConfig, ApolloFederationDriver } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { SessionRevocations, SessionRevocationsModule } from '@lienket/auth';
import { APP_CONFIG, AppConfig, ConfigModule } from '@lienket/config';
import { subgraphOptions } from '@lienket/graphql';
import { DatabaseModule, ServiceSchema } from '@lienket/database';
import { outboxRelayHost, RedisModule } from '@lienket/queue';
import { HealthModule } from './health';
import { loggerModule } from './logger.module';

@Module({})
class ServiceHostModule {}

/**
 * What every subgraph process hosts around its API: configuration, logs, its schema's DataSource,
 * Redis, `/health` and the relay of its outbox. A new service is one line, not a copied module.
 */
export function serviceHost(
  schema: ServiceSchema,
  entities: MixedList<Function>,
  migrations: MixedList<Function>,
  api: Type<unknown>,
): DynamicModule {
  return {
    module: ServiceHostModule,
    imports: [ConfigModule, loggerModule(schema), DatabaseModule.forService(schema, entities, migrations), RedisModule, HealthModule, api],
    providers: [outboxRelayHost(schema)],
  };
}

/**
 * A subgraph's GraphQL endpoint: the shared options, and a caller read from the bearer token and
 * dropped when their sessions were ended after it was issued (see SessionRevocations).
 */
export function subgraphGraphQL(): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloFederationDriver,
    imports: [SessionRevocationsModule],
    inject: [SessionRevocations, APP_CONFIG],
    useFactory: (sessions: SessionRevocations, config: AppConfig) => subgraphOptions((req) => sessions.read(req), config),
  });
}

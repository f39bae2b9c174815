import { DynamicModule, Module, Type } from '@nestjs/common';
import { MixedList } from 'typeorm';
import { ConfigModule } from '@lienket/config';
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

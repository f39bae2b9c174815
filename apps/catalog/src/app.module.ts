import { Module } from '@nestjs/common';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from '@lienket/accounts';
import { ConfigModule } from '@lienket/config';
import { DatabaseModule } from '@lienket/database';
import { HealthModule, loggerModule } from '@lienket/observability';
import { PRODUCTS_ENTITIES } from '@lienket/products';
import { outboxRelayHost, RedisModule } from '@lienket/queue';
import { CatalogApiModule } from './api.module';

@Module({
  imports: [
    ConfigModule,
    loggerModule('catalog'),
    DatabaseModule.forService('catalog', [...CATALOG_ENTITIES, ...PRODUCTS_ENTITIES], CATALOG_MIGRATIONS),
    RedisModule,
    HealthModule,
    CatalogApiModule,
  ],
  providers: [outboxRelayHost('catalog')],
})
export class CatalogAppModule {}

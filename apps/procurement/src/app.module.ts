import { Module } from '@nestjs/common';
import { ConfigModule } from '@lienket/config';
import { DatabaseModule } from '@lienket/database';
import { HealthModule, loggerModule } from '@lienket/observability';
import { PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS } from '@lienket/procurement';
import { outboxRelayHost, RedisModule } from '@lienket/queue';
import { ProcurementApiModule } from './api.module';

@Module({
  imports: [
    ConfigModule,
    loggerModule('procurement'),
    DatabaseModule.forService('procurement', PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS),
    RedisModule,
    HealthModule,
    ProcurementApiModule,
  ],
  providers: [outboxRelayHost('procurement')],
})
export class ProcurementAppModule {}

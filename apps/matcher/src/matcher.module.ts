import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from '@lienket/config';
import { DatabaseModule } from '@lienket/database';
import { OrphanSweepModule } from '@lienket/storage';
import { MATCHING_MIGRATIONS, NotificationsModule } from '@lienket/notifications';
import { loggerModule } from '@lienket/observability';
import { RedisModule, WorkerHost } from '@lienket/queue';
import { ReadModelModule } from './read-model/read-model.module';

@Module({
  imports: [
    ConfigModule,
    loggerModule('matcher'),
    // One connection per running job (a handler never holds two) and one for /health.
    DatabaseModule.forService('matching', [], MATCHING_MIGRATIONS, (config) => config.matcher.concurrency + 1),
    RedisModule,
    DiscoveryModule,
    NotificationsModule,
    // Uploads' orphan sweep: the worker runs scheduled jobs (docs/decisions.md 61).
    OrphanSweepModule,
    ReadModelModule,
  ],
  providers: [WorkerHost],
})
export class MatcherModule {}

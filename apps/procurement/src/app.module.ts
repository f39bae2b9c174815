import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { serviceHost } from '@lienket/observability';
import { PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS } from '@lienket/procurement';
import { PROCUREMENT_QUEUE, workerHost } from '@lienket/queue';
import { ProcurementApiModule } from './api.module';

/** The subgraph, and the worker of the procurement queue: catalog's organization facts, needs' deadlines. */
@Module({
  imports: [serviceHost('procurement', PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS, ProcurementApiModule), DiscoveryModule],
  providers: [workerHost(PROCUREMENT_QUEUE, () => 4)],
})
export class ProcurementAppModule {}

import { Module } from '@nestjs/common';
import { serviceHost } from '@lienket/observability';
import { PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS } from '@lienket/procurement';
import { ProcurementApiModule } from './api.module';

@Module({ imports: [serviceHost('procurement', PROCUREMENT_ENTITIES, PROCUREMENT_MIGRATIONS, ProcurementApiModule)] })
export class ProcurementAppModule {}

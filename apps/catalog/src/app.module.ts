import { Module } from '@nestjs/common';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from '@lienket/accounts';
import { serviceHost } from '@lienket/observability';
import { PRODUCTS_ENTITIES } from '@lienket/products';
import { CatalogApiModule } from './api.module';

@Module({ imports: [serviceHost('catalog', [...CATALOG_ENTITIES, ...PRODUCTS_ENTITIES], CATALOG_MIGRATIONS, CatalogApiModule)] })
export class CatalogAppModule {}

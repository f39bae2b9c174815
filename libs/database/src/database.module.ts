import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, MixedList } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { createDataSource, ServiceSchema } from './data-source';

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}
  async onApplicationShutdown() {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** Provides the service's TypeORM DataSource (its own schema), initialized at boot. */
@Global()
@Module({})
export class DatabaseModule {
  static forService(schema: ServiceSchema, entities: MixedList<Function>, migrations: MixedList<Function>): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const ds = createDataSource({ url: config.databaseUrl, schema, entities, migrations });
            return ds.initialize();
          },
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}

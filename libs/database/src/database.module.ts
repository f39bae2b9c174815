import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, MixedList } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { createDataSource, ServiceSchema } from './data-source';
import { statementSent } from './sql-count';

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
  /**
   * Connects as the service's own role (config.database.serviceUrls), never the superuser. The pool
   * holds `poolSize(config)` connections: the subgraphs' DATABASE_POOL_SIZE unless the host says
   * otherwise (the worker sizes it to its concurrency).
   */
  static forService(
    schema: ServiceSchema,
    entities: MixedList<Function>,
    migrations: MixedList<Function>,
    poolSize: (config: AppConfig) => number = (config) => config.database.poolSize,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const ds = createDataSource({
              url: config.database.serviceUrls[schema],
              schema,
              entities,
              migrations,
              poolSize: poolSize(config),
              logger: config.countSqlStatements ? statementSent : undefined,
            });
            return ds.initialize();
          },
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}

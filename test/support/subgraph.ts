import { INestApplication, Type } from '@nestjs/common';
import { loadConfig } from '@lienket/config';
import { createSubgraphApp } from '@lienket/observability';
import { clearRedisPrefix, truncateAll } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';

export interface RunningApp {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * Migrates this worker's database, empties it, and serves a subgraph module on a free port, behind
 * the same gateway check as in production (tests call it with `asGateway()` headers).
 */
export async function startSubgraph(module: Type<unknown>): Promise<RunningApp> {
  const { databaseUrl, redisUrl, queuePrefix } = loadConfig();
  await migrateAll(databaseUrl);
  await truncateAll(databaseUrl);
  await clearRedisPrefix(redisUrl, queuePrefix);
  const app = await createSubgraphApp(module);
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  return { app, url, databaseUrl, close: () => app.close() };
}

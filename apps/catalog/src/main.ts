import 'reflect-metadata';
import { AuthService } from '@lienket/accounts';
import { loadConfig } from '@lienket/config';
import { createSubgraphApp, listen } from '@lienket/observability';
import { CatalogAppModule } from './app.module';

async function main() {
  const config = loadConfig();
  const app = await createSubgraphApp(CatalogAppModule, config.internal.gatewaySecret);
  await app.get(AuthService).ensureAdmin(config.admin.email, config.admin.password);
  await listen(app, config.catalog.port, 'catalog subgraph', config.internal.host);
}
void main();

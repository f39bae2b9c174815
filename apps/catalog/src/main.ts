import 'reflect-metadata';
import { AuthService } from '@lienket/accounts';
import { loadConfig } from '@lienket/config';
import { createHttpApp, listen } from '@lienket/observability';
import { CatalogAppModule } from './app.module';

async function main() {
  const config = loadConfig();
  const app = await createHttpApp(CatalogAppModule);
  await app.get(AuthService).ensureAdmin(config.admin.email, config.admin.password);
  await listen(app, config.catalog.port, 'catalog subgraph');
}
void main();

import 'reflect-metadata';
import { loadConfig } from '@lienket/config';
import { createHttpApp, listen } from '@lienket/observability';
import { ProcurementAppModule } from './app.module';

async function main() {
  const app = await createHttpApp(ProcurementAppModule);
  await listen(app, loadConfig().procurement.port, 'procurement subgraph');
}
void main();

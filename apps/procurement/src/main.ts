import 'reflect-metadata';
import { loadConfig } from '@lienket/config';
import { createSubgraphApp, listen } from '@lienket/observability';
import { ProcurementAppModule } from './app.module';

async function main() {
  const config = loadConfig();
  const app = await createSubgraphApp(ProcurementAppModule, config.internal.gatewaySecret);
  await listen(app, config.procurement.port, 'procurement subgraph', config.internal.host);
}
void main();

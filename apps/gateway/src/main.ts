import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '@lienket/config';
import { createHttpApp, listen } from '@lienket/observability';
import { GatewayAppModule } from './app.module';
import { forwardWebhooks } from './forward';
import { serveWeb } from './web';

async function main() {
  const config = loadConfig();
  const procurement = new URL(config.gateway.procurementUrl);
  const app = await createHttpApp(GatewayAppModule, {
    beforeBody: [forwardWebhooks(new URL(procurement.origin)), serveWeb(config.webDist ?? join(__dirname, '..', '..', '..', 'web'))],
  });
  await listen(app, config.gateway.port, 'gateway');
}
void main();

import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '@lienket/config';
import { createHttpApp, listen, UPLOAD_FORM_OVERHEAD } from '@lienket/observability';
import { GatewayAppModule } from './app.module';
import { forwardPaths } from './forward';
import { securityHeaders } from './security-headers';
import { serveWeb } from './web';

async function main() {
  const config = loadConfig();
  const origin = (url: string) => new URL(new URL(url).origin);
  // Upload bodies: the file's limit (as the catalog enforces it) and room for the form around it.
  const upload = (fileBytes: number) => ({ fileBytes, bytes: fileBytes + UPLOAD_FORM_OVERHEAD });
  const app = await createHttpApp(GatewayAppModule, {
    trustProxy: config.gateway.trustProxy,
    beforeBody: [
      securityHeaders(),
      forwardPaths(
        [
          { prefix: '/webhooks/', target: origin(config.gateway.procurementUrl) },
          // A need's attachments: documents' limit (MAX_UPLOAD_BYTES), procurement's files.
          { prefix: '/api/needs/', target: origin(config.gateway.procurementUrl), maxBody: upload(config.maxUploadBytes) },
          { prefix: '/api/documents', target: origin(config.gateway.catalogUrl), maxBody: upload(config.maxUploadBytes) },
          { prefix: '/api/products/', target: origin(config.gateway.catalogUrl), maxBody: upload(config.photos.maxBytes) },
          { prefix: '/api/photos/', target: origin(config.gateway.catalogUrl) },
          { prefix: '/api/organization/logo', target: origin(config.gateway.catalogUrl), maxBody: upload(config.maxLogoBytes) },
          { prefix: '/api/logos/', target: origin(config.gateway.catalogUrl) },
          { prefix: '/api/session', target: origin(config.gateway.catalogUrl) },
          // The sitemap of public supplier and product pages: catalog knows which are public.
          { prefix: '/sitemap', target: origin(config.gateway.catalogUrl) },
        ],
        config.internal.gatewaySecret,
      ),
      serveWeb({
        dir: config.webDist ?? join(__dirname, '..', '..', '..', 'web'),
        catalogUrl: config.gateway.catalogUrl,
        procurementUrl: config.gateway.procurementUrl,
        gatewaySecret: config.internal.gatewaySecret,
        publicUrl: config.gateway.publicUrl,
      }),
    ],
  });
  await listen(app, config.gateway.port, 'gateway', config.gateway.host);
}
void main();

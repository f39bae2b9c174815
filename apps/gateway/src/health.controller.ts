import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';

/** The gateway owns no data: it is healthy when the subgraphs it routes to are. */
@Controller('health')
export class GatewayHealthController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  async check() {
    const subgraphs = { catalog: this.config.gateway.catalogUrl, procurement: this.config.gateway.procurementUrl };
    const entries = await Promise.all(
      Object.entries(subgraphs).map(async ([name, url]) => {
        try {
          const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
          return [name, { status: res.ok ? 'up' : 'down' }] as const;
        } catch {
          return [name, { status: 'down' }] as const;
        }
      }),
    );
    const info = Object.fromEntries(entries);
    const ok = entries.every(([, v]) => v.status === 'up');
    if (!ok) throw new HttpException({ status: 'error', info }, 503);
    return { status: 'ok', info };
  }
}

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateSecrets } from '@lienket/config';

export interface GatewayProcess {
  /** Its GraphQL endpoint. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The built gateway alone, in production mode, in a process of its own (it loads the committed
 * supergraph, so subgraphs need not run), with `env` on top; PORT=0 lets the OS pick a free port,
 * which the gateway logs. Loading it (Apollo, the query planner, undici) takes seconds on a busy
 * machine: give the hook that calls this 30 s.
 */
export async function startProductionGateway(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const gateway = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: '0',
      ...generateSecrets(),
      ADMIN_EMAIL: 'ops@example.vn',
      ADMIN_PASSWORD: 'not-the-demo-password',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let url: string | undefined;
  for await (const line of createInterface({ input: gateway.stdout })) {
    const port = /listening on http:\/\/localhost:(\d+)/.exec(line)?.[1];
    if (port) {
      url = `http://127.0.0.1:${port}/graphql`;
      break;
    }
  }
  gateway.stdout.resume();
  if (!url) throw new Error(`the gateway exited (code ${gateway.exitCode}) before listening`);
  return {
    url,
    stop: async () => {
      gateway.kill('SIGTERM');
      if (gateway.exitCode === null) await once(gateway, 'exit');
    },
  };
}

import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DIST = join(__dirname, '..');
export const APPS = ['catalog', 'procurement', 'matcher', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export interface Stack {
  processes: Map<AppName, ChildProcess>;
  stop(): Promise<void>;
}

export interface StackOptions {
  env: NodeJS.ProcessEnv;
  ports: { gateway: number; catalog: number; procurement: number; matcher: number };
  /** Receives every output line of every app. */
  onLine?: (app: AppName, line: string) => void;
  timeoutMs?: number;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls a health endpoint until it answers 200, the process dies, or time runs out. */
async function waitHealthy(app: AppName, url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${app} did not become healthy at ${url}`);
}

/**
 * Starts the subgraphs and the worker, then the gateway once they are healthy, each as its own
 * process from the built dist/ — the same shape as production.
 */
export async function startStack(o: StackOptions): Promise<Stack> {
  const processes = new Map<AppName, ChildProcess>();
  const env = {
    ...o.env,
    PORT: String(o.ports.gateway),
    CATALOG_PORT: String(o.ports.catalog),
    PROCUREMENT_PORT: String(o.ports.procurement),
    MATCHER_HEALTH_PORT: String(o.ports.matcher),
  };
  const launch = (app: AppName) => {
    const child = spawn(process.execPath, [join(DIST, 'apps', app, 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => o.onLine?.(app, line));
    }
    processes.set(app, child);
    return child;
  };
  const stop = async () => {
    await Promise.all(
      [...processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  };
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  try {
    const health = (port: number) => `http://127.0.0.1:${port}/health`;
    await Promise.all([
      waitHealthy('catalog', health(o.ports.catalog), launch('catalog'), deadline),
      waitHealthy('procurement', health(o.ports.procurement), launch('procurement'), deadline),
      waitHealthy('matcher', health(o.ports.matcher), launch('matcher'), deadline),
    ]);
    await waitHealthy('gateway', health(o.ports.gateway), launch('gateway'), deadline);
  } catch (e) {
    await stop();
    throw e;
  }
  return { processes, stop };
}

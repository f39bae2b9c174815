import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DIST = join(__dirname, '..');
export const APPS = ['catalog', 'procurement', 'matcher', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export interface Stack {
  /** The current process of each app (a restarted app's new one). */
  processes: Map<AppName, ChildProcess>;
  stop(): Promise<void>;
}

/** What the supervisor reports: an app that exited, and when it is started again. */
export type SupervisorEvent =
  | { kind: 'exited'; app: AppName; code: number | null; signal: NodeJS.Signals | null; restartInMs: number }
  | { kind: 'restarted'; app: AppName; pid: number };

export interface StackOptions {
  env: NodeJS.ProcessEnv;
  ports: { gateway: number; catalog: number; procurement: number; matcher: number };
  /** Receives every output line of every app. */
  onLine?: (app: AppName, line: string) => void;
  timeoutMs?: number;
  /**
   * Restart an app that exits on its own (with backoff: 1 s, 2 s, 4 s … 30 s, back to 1 s once it
   * ran a minute) instead of leaving the stack without it; each exit and restart is reported here.
   */
  supervise?: (e: SupervisorEvent) => void;
}

const RESTART_FIRST_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** An app that ran this long before exiting is restarted after the first delay again. */
const RESTART_RESET_AFTER_MS = 60_000;

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
  let stopping = false;
  const restarts = new Map<AppName, { attempts: number; timer?: NodeJS.Timeout }>();
  const env = {
    ...o.env,
    PORT: String(o.ports.gateway),
    CATALOG_PORT: String(o.ports.catalog),
    PROCUREMENT_PORT: String(o.ports.procurement),
    MATCHER_HEALTH_PORT: String(o.ports.matcher),
  };
  const launch = (app: AppName) => {
    // STACK_NODE_ARGS: extra Node flags for every process (a profile: --cpu-prof --cpu-prof-dir=…).
    const nodeArgs = process.env.STACK_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, join(DIST, 'apps', app, 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => o.onLine?.(app, line));
    }
    processes.set(app, child);
    const startedAt = Date.now();
    if (o.supervise) {
      child.once('exit', (code, signal) => {
        if (stopping) return;
        const state = restarts.get(app) ?? { attempts: 0 };
        if (Date.now() - startedAt >= RESTART_RESET_AFTER_MS) state.attempts = 0;
        const restartInMs = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** state.attempts++);
        o.supervise!({ kind: 'exited', app, code, signal, restartInMs });
        state.timer = setTimeout(() => {
          if (stopping) return;
          const next = launch(app);
          o.supervise!({ kind: 'restarted', app, pid: next.pid ?? 0 });
        }, restartInMs);
        restarts.set(app, state);
      });
    }
    return child;
  };
  const stop = async () => {
    stopping = true;
    for (const { timer } of restarts.values()) clearTimeout(timer);
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

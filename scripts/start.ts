import { Writable } from 'node:stream';
import { loadConfig } from '@lienket/config';
import { checkServices, safeAddress } from '@lienket/database';
import { migrateAll } from './migrate';
import { seedDemo } from './seed';
import { AppName, startStack } from './stack';

const say = (line: string) => process.stdout.write(`lienket: ${line}\n`);

/** Turns one JSON log line into a short readable one; other lines pass through. */
function readable(app: AppName, line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; req?: { method?: string; url?: string }; res?: { statusCode?: number } };
    const level = (entry.level ?? 30) >= 50 ? 'ERROR ' : (entry.level ?? 30) >= 40 ? 'WARN ' : '';
    const request = entry.req && entry.res ? ` ${entry.req.method} ${entry.req.url} → ${entry.res.statusCode}` : '';
    return `[${app}] ${level}${entry.msg ?? ''}${request}`;
  } catch {
    return `[${app}] ${line}`;
  }
}

async function main() {
  const config = loadConfig();
  const problems = await checkServices(config.databaseUrl, config.redisUrl);
  if (problems.length) {
    process.stderr.write(`LienKet cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  say(`PostgreSQL ${safeAddress(config.databaseUrl)} and Redis ${safeAddress(config.redisUrl)} are reachable`);
  await migrateAll(config.databaseUrl, (l) => say(`migrate ${l}`));
  if (!config.production) await seedDemo(config.databaseUrl, (l) => say(`demo data ${l}`));
  const out: Writable = process.stdout;
  const stack = await startStack({
    // A crashed app is started again with backoff; the others keep serving (their requests to it
    // answer with coded errors meanwhile).
    supervise: (e) =>
      e.kind === 'exited'
        ? process.stderr.write(`lienket: ${e.app} stopped unexpectedly (${e.signal ?? `code ${e.code}`}); restarting it in ${Math.round(e.restartInMs / 1000)} s\n`)
        : say(`${e.app} restarted (pid ${e.pid})`),
    env: process.env,
    ports: { gateway: config.gateway.port, catalog: config.catalog.port, procurement: config.procurement.port, matcher: config.matcher.healthPort },
    onLine: (app, line) => out.write(`${readable(app, line)}\n`),
    timeoutMs: 120_000,
  });
  say(`LienKet is running: web http://localhost:${config.gateway.port}/  GraphQL http://localhost:${config.gateway.port}/graphql`);
  if (!config.production) say(`demo admin: ${config.admin.email} / ${config.admin.password} — demo users: see README`);
  const shutdown = async () => {
    say('stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((e) => {
  process.stderr.write(`LienKet cannot start: ${(e as Error).message}\n`);
  process.exit(1);
});

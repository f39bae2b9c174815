import 'reflect-metadata';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lienket/config';
import { REDIS } from '@lienket/queue';
import { MatcherModule } from './matcher.module';

/** The worker has no HTTP API; a tiny /health answers whether PostgreSQL and Redis reach it. */
function serveHealth(ds: DataSource, redis: Redis, port: number, host: string) {
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const check = async (fn: () => Promise<unknown>) => fn().then(() => 'up', () => 'down');
    const [postgres, redisStatus] = await Promise.all([check(() => ds.query('SELECT 1')), check(() => redis.ping())]);
    const ok = postgres === 'up' && redisStatus === 'up';
    res.writeHead(req.url === '/health' ? (ok ? 200 : 503) : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'error', info: { postgres: { status: postgres }, redis: { status: redisStatus } } }));
  };
  return createServer((req, res) => void answer(req, res)).listen(port, host);
}

async function main() {
  const app = await NestFactory.createApplicationContext(MatcherModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = loadConfig();
  const health = serveHealth(app.get(DataSource), app.get<Redis>(REDIS), config.matcher.healthPort, config.internal.host);
  process.once('SIGTERM', () => health.close());
  process.once('SIGINT', () => health.close());
  app.get(Logger).log(`matcher worker started (health on :${config.matcher.healthPort})`);
}
main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});

import { rm } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import type { Stack } from '../../scripts/stack';
import type { SmtpListener } from '../../libs/testing/src/smtp-listener';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { clearRedisPrefix } = require('../../dist/libs/testing/src/redis.js') as typeof import('../../libs/testing/src/redis');

export default async function globalTeardown() {
  const e2e = (globalThis as Record<string, unknown>).__LIENKET_E2E__ as { stack: Stack; smtp: SmtpListener; redis: Redis; logs: string[] } | undefined;
  if (!e2e) return;
  await e2e.stack.stop();
  await e2e.smtp.stop();
  await rm(process.env.E2E_UPLOAD_DIR!, { recursive: true, force: true });
  e2e.redis.disconnect();
  await clearRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', process.env.E2E_PREFIX!);
  // Anything an app logged at warn or above during the run, for whoever reads a red CI log.
  const notable = e2e.logs.filter((l) => /"level":(40|50|60)/.test(l));
  if (notable.length) process.stdout.write(`\napp warnings during e2e:\n${notable.slice(-30).join('\n')}\n`);
}

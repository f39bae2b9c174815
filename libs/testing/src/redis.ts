import { Redis } from 'ioredis';

/**
 * Deletes every key under a prefix: throttles, queues and mail lists of an earlier run. Keys are
 * `<prefix>:…`; matching the colon keeps `lienket` from wiping `lienket-e2e-…` or another
 * checkout's `lienket-<branch>-…` keys in the middle of their runs.
 */
export async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

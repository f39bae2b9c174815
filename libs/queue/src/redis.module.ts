import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { redisRetry } from './backoff';

export const REDIS = Symbol('REDIS');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Reconnects for ever with backoff; while Redis is away a command waits for two reconnection
 * attempts and then fails, so a request answers with an error instead of hanging.
 */
function sharedRedis(url: string): Redis {
  const logger = new Logger('Redis');
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, retryStrategy: redisRetry() });
  let down = false;
  redis.on('error', (e: Error) => {
    if (!down) logger.warn(`Redis connection lost (${e.message}); reconnecting`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('reconnected to Redis');
    down = false;
  });
  return redis;
}

/** One shared ioredis client per process (rate limits, health); BullMQ opens its own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => sharedRedis(config.redisUrl),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}

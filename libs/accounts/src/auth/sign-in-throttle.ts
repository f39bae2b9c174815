import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DomainError, ErrorCode } from '@lienket/graphql';
import { REDIS } from '@lienket/queue';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per address in Redis (shared by every catalog instance).
 * Past the limit, sign-in is refused for the rest of the window even with the right password.
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const base = { storeClient: redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.perAccount = new RateLimiterRedis({ ...base, keyPrefix: `${config.queuePrefix}:signin:acct`, points: config.signInThrottle.perAccount });
    this.perAddress = new RateLimiterRedis({ ...base, keyPrefix: `${config.queuePrefix}:signin:ip`, points: config.signInThrottle.perAddress });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [acct, addr] = await Promise.all([this.perAccount.get(email), this.perAddress.get(ip)]);
    const blocked = [acct, addr].find(
      (r, i) => r && r.consumedPoints >= (i === 0 ? this.perAccount.points : this.perAddress.points),
    );
    if (blocked) throw tooMany(blocked);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.allSettled([this.perAccount.consume(email), this.perAddress.consume(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}

function tooMany(r: RateLimiterRes): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'tooManySignIns', {
    minutes: Math.max(1, Math.ceil(r.msBeforeNext / 60000)),
  });
}

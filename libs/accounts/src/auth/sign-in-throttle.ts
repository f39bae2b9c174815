import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { REDIS } from '@lienket/queue';
import { take } from './rate-limits';

const WINDOW_SECONDS = 15 * 60;

/**
 * Sign-in attempts per account and per client address in Redis (shared by every catalog instance).
 * An attempt takes its point BEFORE the password is checked, so however many arrive at once, no
 * more than the limit are checked; a success gives its points back (the account's counter starts
 * over, the address's attempt did not fail). Past the limit, sign-in is refused for the rest of the
 * window even with the right password.
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

  /**
   * Takes one attempt; throws TOO_MANY_REQUESTS (with the minutes to wait) when none is left. The
   * account is counted first: an attacker hammering one account does not use up the allowance of
   * everyone behind the same address (a refused attempt takes nothing from the address).
   */
  async attempt(email: string, ip: string): Promise<void> {
    await take([this.perAccount, email, 'tooManySignIns'], [this.perAddress, ip, 'tooManySignIns']);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.allSettled([this.perAccount.delete(email), this.perAddress.reward(ip, 1)]);
  }

  /** A password reset proves the owner: the account may sign in again at once. */
  async forget(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}

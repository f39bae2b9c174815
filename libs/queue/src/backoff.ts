/**
 * Exponential backoff with jitter for reconnecting: 100 ms, 200 ms, … up to `maxMs`, each delay
 * randomized by ±20% so that processes that lost a server together do not return in lockstep.
 */
export class Backoff {
  attempts = 0;

  constructor(
    private readonly firstMs = 100,
    private readonly maxMs = 5000,
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.firstMs * 2 ** this.attempts++);
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  reset() {
    this.attempts = 0;
  }
}

/** ioredis' retryStrategy with the same shape: never gives up, at most `maxMs` between attempts. */
export const redisRetry =
  (maxMs = 5000) =>
  (times: number): number =>
    Math.min(maxMs, 100 * 2 ** Math.min(times, 10));

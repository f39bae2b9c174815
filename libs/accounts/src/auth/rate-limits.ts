import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DomainError, ErrorCode, MessageKey } from '@lienket/graphql';
import { REDIS } from '@lienket/queue';

const HOUR = 3600;
export const RESEND_INTERVAL_SECONDS = 60;

/** One allowance taken from one limiter; `key` is what it counts (an address, an account, …). */
type Part = [limiter: RateLimiterRedis, key: string, refused: MessageKey];

/** What was taken, so a call that did not happen after all can give it back. */
export interface Taken {
  giveBack(): Promise<void>;
}

/**
 * Takes one point from each limiter, in order, atomically per limiter (Redis INCR): of N parallel
 * callers exactly `points` get through, whatever the timing. When a later limiter refuses, the
 * points already taken are given back, so a caller refused by its address's limit does not use up
 * the allowance of the account it named. Refusals carry when to retry; a Redis failure refuses too.
 */
export async function take(...parts: Part[]): Promise<Taken> {
  const done: Part[] = [];
  const giveBack = async () => {
    await Promise.allSettled(done.map(([l, k]) => l.reward(k, 1)));
  };
  for (const part of parts) {
    try {
      await part[0].consume(part[1]);
      done.push(part);
    } catch (e) {
      await giveBack();
      if (e instanceof RateLimiterRes) throw tooMany(part[2], e.msBeforeNext);
      throw e;
    }
  }
  return { giveBack };
}

export function tooMany(messageKey: MessageKey, msBeforeNext: number): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, messageKey, {
    minutes: Math.max(1, Math.ceil(msBeforeNext / 60_000)),
    hours: Math.max(1, Math.ceil(msBeforeNext / 3_600_000)),
  });
}

/**
 * Limits on what sends e-mail or creates accounts (sign-in has its own, SignInThrottle), shared by
 * every catalog instance through Redis. Each is consumed before the work it guards, never after.
 */
@Injectable()
export class AccountLimits {
  readonly signUpPerAddress: RateLimiterRedis;
  readonly resetPerAccount: RateLimiterRedis;
  readonly resetPerAddress: RateLimiterRedis;
  readonly invitationsPerOrganization: RateLimiterRedis;
  readonly invitationsPerRecipient: RateLimiterRedis;
  readonly resendPerInvitation: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const l = config.limits;
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queuePrefix}:limit:${name}`, points, duration });
    this.signUpPerAddress = limiter('signup:ip', l.signUpPerAddress, HOUR);
    this.resetPerAccount = limiter('reset:acct', l.resetPerAccount, HOUR);
    this.resetPerAddress = limiter('reset:ip', l.resetPerAddress, HOUR);
    this.invitationsPerOrganization = limiter('invite:org', l.invitationsPerOrganization, 24 * HOUR);
    this.invitationsPerRecipient = limiter('invite:to', l.invitationsPerRecipient, 24 * HOUR);
    // One re-send a minute per invitation: a double tap (or two managers at once) sends one e-mail.
    this.resendPerInvitation = limiter('invite:resend', 1, RESEND_INTERVAL_SECONDS);
  }

  signUp(ip: string): Promise<Taken> {
    return take([this.signUpPerAddress, ip, 'tooManySignUps']);
  }

  /** Asking for a reset e-mail: per client address and per e-mail address, known or not. */
  resetRequest(email: string, ip: string): Promise<Taken> {
    return take([this.resetPerAddress, ip, 'tooManyPasswordResets'], [this.resetPerAccount, email, 'tooManyPasswordResets']);
  }

  /** Presenting a reset link: per client address (given back when the link was good). */
  resetAttempt(ip: string): Promise<Taken> {
    return take([this.resetPerAddress, ip, 'tooManyPasswordResets']);
  }

  /** Per inviting organization and per invited e-mail address (whoever invites it). */
  invitation(organizationId: string, email: string): Promise<Taken> {
    return take(
      [this.invitationsPerOrganization, organizationId, 'tooManyInvitations'],
      [this.invitationsPerRecipient, email, 'tooManyInvitationsToRecipient'],
    );
  }

  /** Re-sending an invitation: at most once a minute for it, then the same daily limits as a new one. */
  invitationResend(invitationId: string, organizationId: string, email: string): Promise<Taken> {
    return take(
      [this.resendPerInvitation, invitationId, 'invitationResentRecently'],
      [this.invitationsPerOrganization, organizationId, 'tooManyInvitations'],
      [this.invitationsPerRecipient, email, 'tooManyInvitationsToRecipient'],
    );
  }
}

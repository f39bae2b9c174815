import { Inject, Injectable, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { REDIS } from '@lienket/queue';
import { buildRequestContext, RequestContext } from './context';

/** Whose access tokens to end: a person's, everyone's in an organization, or one sign-in session's. */
export type SessionsOf = { userId: string } | { organizationId: string } | { sessionId: string };

const markerKey = (prefix: string, of: SessionsOf) =>
  'userId' in of ? `${prefix}:user:${of.userId}` : 'organizationId' in of ? `${prefix}:org:${of.organizationId}` : `${prefix}:sid:${of.sessionId}`;

/**
 * Access tokens are verified without I/O, so ending sessions in the database alone (suspension,
 * removal from an organization) would take effect only when the token runs out. A marker per person
 * or organization in Redis, checked on every signed-in request by every subgraph, ends the tokens
 * issued before it at once; it lives as long as an access token can.
 */
@Injectable()
export class SessionRevocations {
  private readonly prefix: string;
  private readonly ttlSeconds: number;
  private readonly jwtSecret: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.jwtSecret = config.auth.jwtSecret;
    this.prefix = `${config.queuePrefix}:revoked`;
    this.ttlSeconds = config.auth.accessTtlSeconds + 60;
  }

  /**
   * Tokens issued up to now stop working; a fresh sign-in or refresh gets a token that works. A
   * session's marker ends every token of that session whenever issued: a revoked family issues no
   * more, and a refresh racing the sign-out must not outlive it.
   */
  async revoke(of: SessionsOf): Promise<void> {
    await this.redis.set(markerKey(this.prefix, of), 'sessionId' in of ? 'ended' : String(Date.now()), 'EX', this.ttlSeconds);
  }

  /** The caller of an HTTP request (GraphQL or REST), as its token says and no marker contradicts. */
  read(req: Parameters<typeof buildRequestContext>[0]): Promise<RequestContext> {
    return this.screen(buildRequestContext(req, this.jwtSecret));
  }

  /** The context with its caller dropped (as an expired session) when a marker is newer than the token. */
  async screen(ctx: RequestContext): Promise<RequestContext> {
    const user = ctx.user;
    if (!user) return ctx;
    // One round trip for every marker that could end this token.
    const keys = [markerKey(this.prefix, { userId: user.id })];
    if (user.organizationId) keys.push(markerKey(this.prefix, { organizationId: user.organizationId }));
    if (user.sessionId) keys.push(markerKey(this.prefix, { sessionId: user.sessionId }));
    const marks = await this.redis.mget(keys);
    const revoked = marks.some((m) => m === 'ended' || (m !== null && Number(m) >= user.issuedAt));
    return revoked ? { ...ctx, user: null, authError: 'expired' } : ctx;
  }
}

@Module({ providers: [SessionRevocations], exports: [SessionRevocations] })
export class SessionRevocationsModule {}

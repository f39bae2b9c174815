import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthUser, issueAccessToken, OrganizationVerification, SessionRevocations, SessionsOf } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { isUuid, unauthenticated } from '@lienket/graphql';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Everyone whose sessions end together (one session alone: `revokeFamily`). */
type PeopleOf = Exclude<SessionsOf, { sessionId: string }>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Access tokens are short-lived JWTs; refresh tokens are opaque `id.secret` strings that rotate on
 * every use. Presenting a token that was already used, past a short grace, revokes its whole family
 * (it was stolen or replayed), so neither the thief nor the victim can continue without signing in
 * again. The family is the session: access tokens carry its id (`sid`) so that ending it ends them.
 */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  /** A token pair carrying the organization's current verification, so other subgraphs can act on it. */
  async issue(m: EntityManager, user: Omit<AuthUser, 'issuedAt'>, familyId: string = randomUUID()): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const row = await m.getRepository(RefreshTokenEntity).save({
      familyId,
      userId: user.id,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
    });
    return {
      accessToken: issueAccessToken(
        { ...user, sessionId: familyId, organizationVerification: await this.verificationOf(m, user.organizationId) },
        this.config.auth.jwtSecret,
        this.config.auth.accessTtlSeconds,
      ),
      refreshToken: `${row.id}.${secret}`,
    };
  }

  /**
   * Marks a refresh token used and returns its row, or reports reuse. The row is locked, so two
   * concurrent refreshes with one token are served one after the other. A token rotated less than
   * the grace ago opens the same session again (two tabs refreshed at once with one cookie); used
   * again later, it was stolen or replayed.
   */
  async consume(m: EntityManager, token: string): Promise<{ row: RefreshTokenEntity } | { reused: string; revokedUserId?: string } | null> {
    const row = await this.find(m, token);
    if (!row) return null;
    // Revoked (signed out, suspended, password reset): whose it was, so the refusal can say why.
    if (row.revokedAt) return { reused: row.familyId, revokedUserId: row.userId };
    if (row.usedAt) return this.withinGrace(row.usedAt) ? { row } : { reused: row.familyId };
    if (row.expiresAt.getTime() <= Date.now()) return null;
    row.usedAt = new Date();
    await m.getRepository(RefreshTokenEntity).save(row);
    return { row };
  }

  /** The session a refresh token belongs to, whether or not it was used (signing out), or null. */
  async sessionOf(m: EntityManager, token: string): Promise<string | null> {
    return (await this.find(m, token))?.familyId ?? null;
  }

  /**
   * Ends one session: its refresh tokens are revoked, and its access tokens stop at once through a
   * marker every subgraph checks (set before commit: a failed transaction costs a re-sign-in, never
   * a session that outlives its revocation).
   */
  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await this.revocations.revoke({ sessionId: familyId });
    await m.query(`UPDATE catalog.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** The row of a well-formed token whose secret matches, locked for this transaction. */
  private async find(m: EntityManager, token: string): Promise<RefreshTokenEntity | null> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !isUuid(id)) return null;
    const row = await m.getRepository(RefreshTokenEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) return null;
    const expected = Buffer.from(row.tokenHash, 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given) ? row : null;
  }

  private withinGrace(usedAt: Date): boolean {
    return Date.now() - usedAt.getTime() < this.config.auth.refreshGraceSeconds * 1000;
  }

  private async verificationOf(m: EntityManager, organizationId: string | null): Promise<OrganizationVerification | null> {
    if (!organizationId) return null;
    const [row] = await m.query<{ verification: OrganizationVerification }[]>(`SELECT verification FROM catalog.organizations WHERE id = $1`, [organizationId]);
    return row?.verification ?? null;
  }

  /** Access tokens issued so far stop working; their refresh tokens still do, so clients refresh silently. */
  refreshSessions(of: PeopleOf): Promise<void> {
    return this.revocations.revoke(of);
  }

  /**
   * Ends every session of one person, or of everyone in an organization, at once: refresh tokens are
   * revoked in this transaction and access tokens by a marker that every subgraph checks. The marker
   * is set before commit: were the transaction to fail, the worst outcome is one silent refresh.
   */
  async revokeSessions(m: EntityManager, of: PeopleOf): Promise<void> {
    await this.revocations.revoke(of);
    const users = 'userId' in of ? '$1::uuid' : 'SELECT id FROM catalog.users WHERE organization_id = $1';
    await m.query(
      `UPDATE catalog.refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (${users})`,
      ['userId' in of ? of.userId : of.organizationId],
    );
  }
}

export const refreshInvalid = () => unauthenticated('refreshInvalid');

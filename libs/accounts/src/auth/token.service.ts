import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthUser, issueAccessToken } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { isUuid, unauthenticated } from '@lienket/graphql';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Access tokens are short-lived JWTs; refresh tokens are opaque `id.secret` strings that rotate on
 * every use. Presenting a token that was already used revokes its whole family (it was stolen or
 * replayed), so neither the thief nor the victim can continue without signing in again.
 */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async issue(m: EntityManager, user: AuthUser, familyId: string = randomUUID()): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const row = await m.getRepository(RefreshTokenEntity).save({
      familyId,
      userId: user.id,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
    });
    return {
      accessToken: issueAccessToken(user, this.config.auth.jwtSecret, this.config.auth.accessTtlSeconds),
      refreshToken: `${row.id}.${secret}`,
    };
  }

  /**
   * Marks a refresh token used and returns its row, or reports reuse. The row is locked, so two
   * concurrent refreshes with one token cannot both succeed.
   */
  async consume(m: EntityManager, token: string): Promise<{ row: RefreshTokenEntity } | { reused: string } | null> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !isUuid(id)) return null;
    const repo = m.getRepository(RefreshTokenEntity);
    const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) return null;
    const expected = Buffer.from(row.tokenHash, 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    if (row.usedAt || row.revokedAt) return { reused: row.familyId };
    if (row.expiresAt.getTime() <= Date.now()) return null;
    row.usedAt = new Date();
    await repo.save(row);
    return { row };
  }

  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE catalog.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /**
   * Ends every session of one person, or of everyone in an organization, at their next refresh
   * (access tokens are checked without I/O, so they run out within their short lifetime).
   */
  async revokeSessions(m: EntityManager, of: { userId: string } | { organizationId: string }): Promise<void> {
    const users = 'userId' in of ? '$1::uuid' : 'SELECT id FROM catalog.users WHERE organization_id = $1';
    await m.query(
      `UPDATE catalog.refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND user_id IN (${users})`,
      ['userId' in of ? of.userId : of.organizationId],
    );
  }
}

export const refreshInvalid = () => unauthenticated('refreshInvalid');

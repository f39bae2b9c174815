import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { recordAudit } from '@lienket/audit';
import { passwordResetToken, sameToken } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { DomainError, ErrorCode, isUuid, validateInput } from '@lienket/graphql';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { AccountLimits } from './rate-limits';
import { SignInThrottle } from './sign-in-throttle';
import { emailAddress, newPassword } from './sign-up.schema';
import { TokenService } from './token.service';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 3600_000;

const requestSchema = z.object({ email: emailAddress });
// A token is `<uuid>.<43 base64url characters>`; anything much longer is not one.
const resetSchema = z.object({ token: z.string().max(200, { message: 'passwordResetInvalid' }), newPassword });

interface ResetRow {
  id: string;
  user_id: string;
  nonce: string;
  expires_at: Date;
  email: string;
}

const invalid = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'passwordResetInvalid', { field: 'token' }, 'token');

/**
 * Password reset by e-mail: a one-time link valid for an hour, whose secret is never stored; using
 * it ends every session of the account. Both steps are rate-limited before any work is done.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly limits: AccountLimits,
    private readonly signIns: SignInThrottle,
  ) {}

  /**
   * E-mails a reset link when the address has an account. The answer is the same either way (and
   * the limits count unknown addresses too), so it never tells whether an address is registered;
   * the e-mail itself leaves through the outbox, so the response does not wait for SMTP.
   */
  async request(rawEmail: string, ip: string): Promise<true> {
    const { email } = validateInput(requestSchema, { email: rawEmail });
    await this.limits.resetRequest(email, ip);
    await inTransaction(this.ds, async (m) => {
      const [user] = await m.query<{ id: string; full_name: string; locale: 'VI' | 'EN' }[]>(
        `SELECT id, full_name, locale FROM catalog.users WHERE email = $1`,
        [email],
      );
      if (!user) return;
      const nonce = randomBytes(16).toString('base64url');
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO catalog.password_resets (user_id, nonce, expires_at) VALUES ($1, $2, $3) RETURNING id`,
        [user.id, nonce, new Date(Date.now() + PASSWORD_RESET_TTL_MS)],
      );
      const event: JobPayloads['password.reset_requested'] = { resetId: row.id, nonce, email, name: user.full_name, locale: user.locale };
      await writeOutbox(m, 'catalog', 'password.reset_requested', event);
    });
    return true;
  }

  /**
   * Sets the new password if the link is good, and in the same transaction uses up every open link
   * of the account and ends all its sessions (refresh tokens revoked, access tokens by the marker).
   */
  async reset(rawToken: string, rawPassword: string, ip: string): Promise<true> {
    const input = validateInput(resetSchema, { token: rawToken, newPassword: rawPassword });
    const attempt = await this.limits.resetAttempt(ip);
    const email = await inTransaction(this.ds, async (m) => {
      const row = await this.openReset(m, input.token);
      const passwordHash = await argon2.hash(input.newPassword, { type: argon2.argon2id });
      await m.query(`UPDATE catalog.users SET password_hash = $2 WHERE id = $1`, [row.user_id, passwordHash]);
      await m.query(`UPDATE catalog.password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      await this.tokens.revokeSessions(m, { userId: row.user_id });
      await recordAudit(m, { actorId: row.user_id, action: 'user.password_reset', subject: 'USER', subjectId: row.user_id });
      return row.email;
    });
    // A good link is not an attempt against the address's allowance, and proves the owner.
    await attempt.giveBack();
    await this.signIns.forget(email);
    return true;
  }

  /** The unused, unexpired reset the token names, locked; anything else is the same "invalid". */
  private async openReset(m: EntityManager, token: string): Promise<ResetRow> {
    const [id] = token.split('.');
    if (!id || !isUuid(id)) throw invalid();
    const [row] = await m.query<ResetRow[]>(
      `SELECT r.id, r.user_id, r.nonce, r.expires_at, u.email
         FROM catalog.password_resets r JOIN catalog.users u ON u.id = r.user_id
        WHERE r.id = $1 AND r.used_at IS NULL FOR UPDATE OF r`,
      [id],
    );
    if (!row || row.expires_at.getTime() <= Date.now()) throw invalid();
    if (!sameToken(token, passwordResetToken(row.id, row.nonce, this.config.auth.invitationSecret))) throw invalid();
    return row;
  }
}

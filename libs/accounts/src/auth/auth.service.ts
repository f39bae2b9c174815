import { writeOrganizationChanged } from '../organizations/organization-changed';
import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuthUser, OrganizationRole, PlatformRole } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { badInput, conflict, DomainError, ErrorCode, unauthenticated, validateInput } from '@lienket/graphql';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { findProvince, normalizeTaxCode } from '@lienket/reference-data';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { AccountLimits } from './rate-limits';
import { SignInThrottle } from './sign-in-throttle';
import { signUpSchema, MIN_PASSWORD_LENGTH } from './sign-up.schema';
import { refreshInvalid, TokenPair, TokenService } from './token.service';

export interface SignedIn extends TokenPair {
  user: UserEntity;
  /** The organization as the transaction wrote it (sign-up), so the answer needs no read after commit. */
  organization?: OrganizationEntity;
}

/** Unique constraints → the input field a person must change. */
const UNIQUE_FIELDS: Record<string, ['email' | 'organization.taxCode', 'emailTaken' | 'taxCodeTaken']> = {
  users_email_key: ['email', 'emailTaken'],
  organizations_tax_code_key: ['organization.taxCode', 'taxCodeTaken'],
};

export const toAuthUser = (u: UserEntity): Omit<AuthUser, 'issuedAt'> => ({
  id: u.id,
  organizationId: u.organizationId,
  organizationRole: u.organizationRole,
  platformRole: u.platformRole,
});

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash('lienket-timing-equalizer');

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    private readonly limits: AccountLimits,
  ) {}

  /**
   * Creates the user as OWNER of a new organization awaiting verification; all or nothing. Limited
   * per client address (taken after the input is valid, before the costly hash and the insert).
   */
  async signUp(raw: unknown, ip: string): Promise<SignedIn> {
    const input = validateInput(signUpSchema, raw);
    const taxCode = normalizeTaxCode(input.organization.taxCode);
    if (!taxCode) throw badInput('organization.taxCode', 'invalidTaxCode');
    if (!findProvince(input.organization.provinceCode)) {
      throw badInput('organization.provinceCode', 'unknownProvince', { value: input.organization.provinceCode });
    }
    await this.limits.signUp(ip);
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    try {
      return await inTransaction(this.ds, async (m) => {
        const org = await m.getRepository(OrganizationEntity).save({ ...input.organization, taxCode });
        const user = await m.getRepository(UserEntity).save({
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          locale: input.locale,
          organizationId: org.id,
          organizationRole: OrganizationRole.OWNER,
          platformRole: null,
        });
        const event: JobPayloads['organization.registered'] = {
          organizationId: org.id,
          organizationName: org.name,
          kind: org.kind,
          ownerUserId: user.id,
          ownerEmail: user.email,
          ownerName: user.fullName,
          locale: user.locale,
        };
        await writeOutbox(m, 'catalog', 'organization.registered', event);
        await writeOrganizationChanged(m, [org.id]);
        const organization = await m.getRepository(OrganizationEntity).findOneByOrFail({ id: org.id });
        return { user, organization, ...(await this.tokens.issue(m, toAuthUser(user))) };
      });
    } catch (e) {
      const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
      const hit = constraint ? UNIQUE_FIELDS[constraint] : undefined;
      if (hit) throw conflict(hit[0], hit[1]);
      throw e;
    }
  }

  /**
   * Same answer for an unknown e-mail and a wrong password. Each attempt is counted per account and
   * per address before the password is checked, so parallel attempts cannot check more than the limit.
   */
  async signIn(emailRaw: string, password: string, ip: string): Promise<SignedIn> {
    // Longer than any address: still counted, under a bounded key.
    const email = emailRaw.trim().toLowerCase().slice(0, 320);
    await this.throttle.attempt(email, ip);
    const user = email.length <= 254 ? await this.ds.getRepository(UserEntity).findOne({ where: { email } }) : null;
    const ok =
      password.length >= 1 &&
      password.length <= 200 &&
      (await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password));
    if (!user || !ok) throw unauthenticated('badCredentials');
    await this.throttle.succeeded(email, ip);
    return inTransaction(this.ds, async (m) => ({ user, ...(await this.tokens.issue(m, toAuthUser(user))) }));
  }

  async refresh(token: string): Promise<SignedIn> {
    const outcome = await inTransaction(this.ds, async (m) => {
      const used = await this.tokens.consume(m, token);
      if (!used) return null;
      if ('reused' in used) {
        await this.tokens.revokeFamily(m, used.reused);
        return used.revokedUserId ? await this.suspension(m, used.revokedUserId) : null;
      }
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id: used.row.userId });
      return { user, ...(await this.tokens.issue(m, toAuthUser(user), used.row.familyId)) };
    });
    // Thrown after commit, so the family stays revoked even though the caller gets an error.
    if (!outcome) throw refreshInvalid();
    if ('suspended' in outcome) throw outcome.suspended;
    return outcome;
  }

  /**
   * A session ended because its organization was suspended: the refusal tells the person why
   * (the moderator's reason, which its members read on the account page anyway), not a bare
   * "session no longer valid". Any other ended session answers refreshInvalid.
   */
  private async suspension(m: EntityManager, userId: string): Promise<{ suspended: DomainError } | null> {
    const [org] = await m.query<{ name: string; note: string | null }[]>(
      `SELECT o.name, o.verification_note AS note FROM catalog.users u JOIN catalog.organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND o.verification = 'SUSPENDED'`,
      [userId],
    );
    if (!org) return null;
    return { suspended: new DomainError(ErrorCode.UNAUTHENTICATED, 'sessionEndedSuspended', { organization: org.name, reason: org.note ?? '—' }) };
  }

  /** Ensures the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD exists (idempotent). */
  async ensureAdmin(email: string, password: string, manager: EntityManager = this.ds.manager): Promise<void> {
    const repo = manager.getRepository(UserEntity);
    const existing = await repo.findOne({ where: { email } });
    if (existing?.platformRole === PlatformRole.ADMIN && (await argon2.verify(existing.passwordHash, password))) return;
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await manager.query(
      `INSERT INTO catalog.users (email, password_hash, full_name, platform_role)
       VALUES ($1, $2, 'Quản trị viên LienKet', 'ADMIN')
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, platform_role = 'ADMIN'`,
      [email, passwordHash],
    );
  }
}

export { MIN_PASSWORD_LENGTH };

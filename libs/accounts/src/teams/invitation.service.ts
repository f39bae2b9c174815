import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { AuthUser, invitationToken, mayAccessOrganization, OrganizationRole, requireOrganizationManager, sameToken, Viewer } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { conflict, DomainError, ErrorCode, forbidden, isUuid, notFound, text, validateInput } from '@lienket/graphql';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { UserEntity } from '../users/user.entity';
import { emailAddress, newPassword } from '../auth/sign-up.schema';
import { toAuthUser } from '../auth/auth.service';
import { TokenService } from '../auth/token.service';
import { AccountLimits } from '../auth/rate-limits';
import { assertNotSuspended } from '../organizations/suspension';
import { Invitation } from './team.types';

const INVITATION_DAYS = 7;
const inviteSchema = z.object({ email: emailAddress });
const acceptSchema = z.object({ fullName: text(120), password: newPassword });

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: OrganizationRole;
  nonce: string;
  expires_at: Date;
}

const invalid = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'invitationInvalid', { field: 'token' }, 'token');

/** Invitations by e-mail: owners invite anyone, managers invite managers and members. */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly limits: AccountLimits,
  ) {}

  /**
   * Limited per organization and per recipient per day (taken before anything is written, given
   * back when nothing was); a suspended organization cannot invite.
   */
  async invite(user: AuthUser, rawEmail: string, role: OrganizationRole): Promise<Invitation> {
    const organizationId = requireOrganizationManager(user);
    if (role === OrganizationRole.OWNER && user.organizationRole !== OrganizationRole.OWNER) throw forbidden();
    const { email } = validateInput(inviteSchema, { email: rawEmail });
    const taken = await this.limits.invitation(organizationId, email);
    try {
      return await inTransaction(this.ds, (m) => this.write(m, user, organizationId, email, role));
    } catch (e) {
      await taken.giveBack();
      throw e;
    }
  }

  private async write(m: EntityManager, user: AuthUser, organizationId: string, email: string, role: OrganizationRole): Promise<Invitation> {
    // FOR SHARE: a suspension (which locks the row for update) lands wholly before or after this.
    await assertNotSuspended(m, organizationId, 'organizationSuspendedTeam');
    if (await m.getRepository(UserEntity).existsBy({ email })) throw conflict('email', 'alreadyMember');
    const nonce = randomBytes(16).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
    // Inviting the same address again replaces the open invitation (and voids its link).
    const [row] = await m.query<InvitationRow[]>(
      `INSERT INTO catalog.invitations (organization_id, email, role, nonce, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, email) WHERE accepted_at IS NULL
       DO UPDATE SET role = EXCLUDED.role, nonce = EXCLUDED.nonce, invited_by = EXCLUDED.invited_by, expires_at = EXCLUDED.expires_at
       RETURNING id, organization_id, email, role, nonce, expires_at`,
      [organizationId, email, role, nonce, user.id, expiresAt],
    );
    await recordAudit(m, { actorId: user.id, action: 'organization.member_invited', subject: 'ORGANIZATION', subjectId: organizationId, after: { email, role } });
    await writeOutbox(m, 'catalog', 'member.invited', await this.event(m, row, user.id));
    return { id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at };
  }

  /**
   * A new link for an open invitation (the old one stops working) and a new 7 days, e-mailed again.
   * Another organization's invitation reads as not found; managers may not touch an owner's
   * invitation, as they may not send one. Limited to once a minute per invitation, before anything
   * is written, so of two re-sends at once exactly one goes out.
   */
  async resend(user: AuthUser, invitationId: string): Promise<Invitation> {
    const organizationId = requireOrganizationManager(user);
    const found = await this.findManageable(this.ds.manager, user, organizationId, invitationId);
    const taken = await this.limits.invitationResend(found.id, organizationId, found.email);
    try {
      return await inTransaction(this.ds, async (m) => {
        await assertNotSuspended(m, organizationId, 'organizationSuspendedTeam');
        // Locked and checked again: it may have been accepted or revoked since the first look.
        const current = await this.findManageable(m, user, organizationId, invitationId, true);
        const nonce = randomBytes(16).toString('base64url');
        // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
        const [[row]] = await m.query<[InvitationRow[], number]>(
          `UPDATE catalog.invitations SET nonce = $2, expires_at = $3, invited_by = $4 WHERE id = $1
           RETURNING id, organization_id, email, role, nonce, expires_at`,
          [current.id, nonce, new Date(Date.now() + INVITATION_DAYS * 86400_000), user.id],
        );
        await recordAudit(m, { actorId: user.id, action: 'organization.invitation_resent', subject: 'ORGANIZATION', subjectId: organizationId, after: { email: row.email, role: row.role } });
        await writeOutbox(m, 'catalog', 'member.invited', await this.event(m, row, user.id));
        return { id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at };
      });
    } catch (e) {
      await taken.giveBack();
      throw e;
    }
  }

  /** Withdraws an open invitation: its link stops working at once. Same rights as re-sending. */
  async revoke(user: AuthUser, invitationId: string): Promise<boolean> {
    const organizationId = requireOrganizationManager(user);
    return inTransaction(this.ds, async (m) => {
      const row = await this.findManageable(m, user, organizationId, invitationId, true);
      await m.query(`DELETE FROM catalog.invitations WHERE id = $1`, [row.id]);
      await recordAudit(m, { actorId: user.id, action: 'organization.invitation_revoked', subject: 'ORGANIZATION', subjectId: organizationId, before: { email: row.email, role: row.role } });
      return true;
    });
  }

  /** An open (not accepted) invitation of the caller's organization that the caller may manage. */
  private async findManageable(m: EntityManager, user: AuthUser, organizationId: string, id: string, lock = false): Promise<InvitationRow> {
    if (!isUuid(id)) throw notFound('invitation');
    const [row] = await m.query<InvitationRow[]>(
      `SELECT id, organization_id, email, role, nonce, expires_at FROM catalog.invitations
       WHERE id = $1 AND organization_id = $2 AND accepted_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [id, organizationId],
    );
    if (!row) throw notFound('invitation');
    if (row.role === OrganizationRole.OWNER && user.organizationRole !== OrganizationRole.OWNER) throw forbidden();
    return row;
  }

  /** Accepts and signs the new member in, in one transaction. */
  acceptAndSignIn(token: string, raw: { fullName: string; password: string }) {
    return inTransaction(this.ds, async (m) => {
      const user = await this.accept(token, raw, m);
      return { user, ...(await this.tokens.issue(m, toAuthUser(user))) };
    });
  }

  /** Creates the invited person's account inside the organization; the link works once. */
  private async accept(token: string, raw: { fullName: string; password: string }, m: EntityManager): Promise<UserEntity> {
    const input = validateInput(acceptSchema, raw);
    const [id] = token.split('.');
    if (!id || !isUuid(id)) throw invalid();
    const [row] = await m.query<InvitationRow[]>(
      `SELECT id, organization_id, email, role, nonce, expires_at FROM catalog.invitations WHERE id = $1 AND accepted_at IS NULL FOR UPDATE`,
      [id],
    );
    if (!row || row.expires_at.getTime() < Date.now() || !sameToken(token, invitationToken(row.id, row.nonce, this.config.auth.invitationSecret))) throw invalid();
    if (await m.getRepository(UserEntity).existsBy({ email: row.email })) throw conflict('token', 'alreadyMember');
    await m.query(`UPDATE catalog.invitations SET accepted_at = now() WHERE id = $1`, [row.id]);
    const user = await m.getRepository(UserEntity).save({
      email: row.email,
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      fullName: input.fullName,
      organizationId: row.organization_id,
      organizationRole: row.role,
      platformRole: null,
    });
    await recordAudit(m, { actorId: user.id, action: 'organization.member_joined', subject: 'ORGANIZATION', subjectId: row.organization_id, after: { email: row.email, role: row.role } });
    return user;
  }

  /** Open invitations, for the organization's owners and managers and platform staff; null to anyone else. */
  async open(viewer: Viewer, organizationId: string): Promise<Invitation[] | null> {
    if (!mayAccessOrganization(viewer, organizationId, 'manage')) return null;
    const rows = await this.ds.query<InvitationRow[]>(
      `SELECT id, email, role, expires_at FROM catalog.invitations WHERE organization_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at`,
      [organizationId],
    );
    return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expires_at }));
  }

  private async event(m: EntityManager, row: InvitationRow, inviterId: string): Promise<JobPayloads['member.invited']> {
    const [ctx] = await m.query<{ organization_name: string; inviter_name: string; locale: 'VI' | 'EN' }[]>(
      `SELECT o.name AS organization_name, u.full_name AS inviter_name, u.locale FROM catalog.organizations o, catalog.users u WHERE o.id = $1 AND u.id = $2`,
      [row.organization_id, inviterId],
    );
    return { invitationId: row.id, nonce: row.nonce, email: row.email, role: row.role, organizationName: ctx.organization_name, inviterName: ctx.inviter_name, locale: ctx.locale };
  }
}

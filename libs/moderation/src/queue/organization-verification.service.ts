import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganizationEntity, TokenService, VerificationStatus, writeOrganizationChanged } from '@lienket/accounts';
import { recordAudit } from '@lienket/audit';
import { AuthUser } from '@lienket/auth';
import { badInput, DomainError, ErrorCode, isUuid, notFound } from '@lienket/graphql';
import { JobPayloads, VerificationOutcome, writeOutbox } from '@lienket/queue';
import { ModerationDecision, ModerationItem, ModerationSubject } from '../moderation.types';

const TRANSITIONS: Record<VerificationOutcome, { from: VerificationStatus[]; to: VerificationStatus; action: string }> = {
  VERIFIED: { from: [VerificationStatus.PENDING_VERIFICATION], to: VerificationStatus.VERIFIED, action: 'organization.verified' },
  REJECTED: { from: [VerificationStatus.PENDING_VERIFICATION], to: VerificationStatus.REJECTED, action: 'organization.rejected' },
  SUSPENDED: { from: [VerificationStatus.VERIFIED], to: VerificationStatus.SUSPENDED, action: 'organization.suspended' },
  REINSTATED: { from: [VerificationStatus.SUSPENDED], to: VerificationStatus.VERIFIED, action: 'organization.reinstated' },
};

/** Verification, rejection, suspension and reinstatement of organizations: each audited and told. */
@Injectable()
export class OrganizationVerificationService {
  constructor(private readonly tokens: TokenService) {}

  async decide(m: EntityManager, id: string, decision: ModerationDecision, reason: string | null, actor: AuthUser): Promise<ModerationItem> {
    if (decision === ModerationDecision.REJECT && !reason) throw badInput('reason', 'required');
    const org = await this.transition(m, id, decision === ModerationDecision.APPROVE ? 'VERIFIED' : 'REJECTED', reason, actor);
    return { id: `ORGANIZATION:${id}`, subject: ModerationSubject.ORGANIZATION, subjectId: id, summary: org.name, submittedAt: org.createdAt, reports: 0 };
  }

  /**
   * Moves an organization from one status to the next under a row lock; a second moderator
   * deciding the same organization at once finds it already moved and gets CONFLICT. Returns the
   * organization as it now is (the locked row with the change applied: nothing to read again).
   */
  async transition(m: EntityManager, id: string, outcome: VerificationOutcome, reason: string | null, actor: AuthUser): Promise<OrganizationEntity> {
    if (!isUuid(id)) throw notFound();
    const repo = m.getRepository(OrganizationEntity);
    const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!org) throw notFound();
    const t = TRANSITIONS[outcome];
    if (!t.from.includes(org.verification)) throw new DomainError(ErrorCode.CONFLICT, 'alreadyDecided', { status: org.verification });
    const before = org.verification;
    const change = { verification: t.to, verificationNote: outcome === 'VERIFIED' || outcome === 'REINSTATED' ? null : reason };
    await repo.update({ id }, change);
    Object.assign(org, change);
    const decisionId = await recordAudit(m, {
      actorId: actor.id,
      action: t.action,
      subject: 'ORGANIZATION',
      subjectId: id,
      before: { verification: before },
      after: { verification: t.to },
      reason,
    });
    await writeOutbox(m, 'catalog', 'organization.verification_decided', await this.event(m, org, outcome, reason, decisionId));
    await writeOrganizationChanged(m, [id]);
    if (outcome === 'SUSPENDED') {
      // Sessions end now, everywhere: a suspended organization's users must sign in again.
      await this.tokens.revokeSessions(m, { organizationId: id });
    } else if (outcome === 'REINSTATED') {
      // Tokens issued during the suspension say SUSPENDED: make them refresh (silently) into working ones.
      await this.tokens.refreshSessions({ organizationId: id });
    }
    return org;
  }

  /**
   * Admin: marks a buyer trusted (its needs open without review) or no longer; audited and told to
   * procurement. Setting what is already set changes nothing and records nothing.
   */
  async setTrustedBuyer(m: EntityManager, id: string, trusted: boolean, actor: AuthUser): Promise<OrganizationEntity> {
    if (!isUuid(id)) throw notFound();
    const repo = m.getRepository(OrganizationEntity);
    const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!org) throw notFound();
    if (org.trustedBuyer === trusted) return org;
    await repo.update({ id }, { trustedBuyer: trusted });
    org.trustedBuyer = trusted;
    await recordAudit(m, {
      actorId: actor.id,
      action: trusted ? 'organization.trusted_buyer_granted' : 'organization.trusted_buyer_revoked',
      subject: 'ORGANIZATION',
      subjectId: id,
      before: { trustedBuyer: !trusted },
      after: { trustedBuyer: trusted },
    });
    await writeOrganizationChanged(m, [id]);
    return org;
  }

  private async event(m: EntityManager, org: OrganizationEntity, outcome: VerificationOutcome, reason: string | null, decisionId: string) {
    const recipients: JobPayloads['organization.verification_decided']['recipients'] = await m.query(
      `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY email`,
      [org.id],
    );
    return { organizationId: org.id, organizationName: org.name, outcome, reason, decisionId, recipients } satisfies JobPayloads['organization.verification_decided'];
  }
}


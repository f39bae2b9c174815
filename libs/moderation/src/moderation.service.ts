import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { OrganizationEntity } from '@lienket/accounts';
import { AuthUser, PlatformRole, requirePlatformStaff } from '@lienket/auth';
import { recordAudit } from '@lienket/audit';
import { inTransaction } from '@lienket/database';
import { badInput, isUuid, Lang, text, validateInput } from '@lienket/graphql';
import { ProductService } from '@lienket/products';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { AuditFilter, AuditLogService } from './audit/audit-log.service';
import { AuditActor, AuditEntry, ModerationDecision, ModerationItem, ModerationSubject } from './moderation.types';
import { ModerationQueueService } from './queue/moderation-queue.service';
import { OrganizationVerificationService } from './queue/organization-verification.service';
import { ProcurementNeedsClient } from './queue/procurement-needs.client';

const reasonSchema = z.object({ reason: text(1000) });
/** An optional reason: blank means none; otherwise the same bounds as a required one. */
const optionalReason = (reason: string | null) => (reason?.trim() ? validateInput(reasonSchema, { reason }).reason : null);

/**
 * What platform staff decide — organizations' verification and suspension, listings' review — and
 * what they read (the queue, the audit log). Every method takes the acting staff member and checks
 * the role itself (guards do not run on every entry point); every decision is one transaction with
 * its audit entry and outbox event, written by the services of the subject.
 */
@Injectable()
export class ModerationService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly organizations: OrganizationVerificationService,
    private readonly queue: ModerationQueueService,
    private readonly products: ProductService,
    private readonly audit: AuditLogService,
    private readonly needs: ProcurementNeedsClient,
  ) {}

  /**
   * What waits for a decision, oldest first. Needs live in procurement: asked for the same keyset
   * window and merged into catalog's own items, so one order spans both subgraphs (decision 106).
   */
  async page(staff: AuthUser, subject: ModerationSubject | null, limit: number, after: [string, string] | null, lang: Lang): Promise<ModerationItem[]> {
    requirePlatformStaff(staff);
    if (after && !(isUuid(after[1]) && !Number.isNaN(Date.parse(after[0])))) throw badInput('after', 'invalidCursor');
    const [own, needs] = await Promise.all([
      subject === ModerationSubject.NEED ? [] : this.queue.page(subject, limit, after, lang),
      subject === null || subject === ModerationSubject.NEED ? this.needs.pending(staff, limit, after).then((p) => this.queue.needItems(p.needs, lang)) : [],
    ]);
    return [...own, ...needs]
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0))
      .slice(0, limit);
  }

  /** Approves or rejects an organization, a submitted listing or a submitted need; rejecting needs a reason. */
  async moderate(staff: AuthUser, subject: ModerationSubject, subjectId: string, decision: ModerationDecision, reason: string | null): Promise<ModerationItem> {
    requirePlatformStaff(staff);
    const note = optionalReason(reason);
    if (subject === ModerationSubject.NEED) return this.moderateNeed(staff, subjectId, decision, note);
    if (subject === ModerationSubject.ORGANIZATION) {
      return inTransaction(this.ds, (m) => this.organizations.decide(m, subjectId, decision, note, staff));
    }
    const p = await inTransaction(this.ds, (m) => this.products.decide(m, subjectId, decision, note, staff.id));
    return { id: `PRODUCT:${p.id}`, subject, subjectId: p.id, summary: p.name, submittedAt: p.submittedAt ?? p.updatedAt, reports: 0 };
  }

  /**
   * A need's decision is procurement's (it owns needs): asked synchronously, so the moderator sees
   * its refusal (no longer pending, deadline too close). The audit entry and the buyer's notice are
   * catalog's, written once procurement agreed, in catalog's transaction (decision 106).
   */
  private moderateNeed(staff: AuthUser, id: string, decision: ModerationDecision, reason: string | null): Promise<ModerationItem> {
    if (decision === ModerationDecision.REJECT && !reason) throw badInput('reason', 'required');
    return inTransaction(this.ds, async (m) => {
      const need = await this.needs.decide(staff, id, decision === ModerationDecision.APPROVE, reason);
      const outcome = need.status === 'OPEN' ? 'APPROVED' : 'REJECTED';
      const decisionId = await recordAudit(m, {
        actorId: staff.id,
        action: outcome === 'APPROVED' ? 'need.approved' : 'need.rejected',
        subject: 'NEED',
        subjectId: need.id,
        before: { status: 'PENDING_REVIEW', title: need.title },
        after: { status: need.status, title: need.title },
        reason,
      });
      const recipients: JobPayloads['need.moderation_decided']['recipients'] = await m.query(
        `SELECT id AS "userId", email, full_name AS name, locale FROM catalog.users WHERE organization_id = $1 AND organization_role IN ('OWNER', 'MANAGER') ORDER BY email`,
        [need.buyerOrgId],
      );
      await writeOutbox(m, 'catalog', 'need.moderation_decided', { needId: need.id, needTitle: need.title, organizationId: need.buyerOrgId, outcome, reason, decisionId, recipients });
      return { id: `NEED:${need.id}`, subject: ModerationSubject.NEED, subjectId: need.id, summary: need.title, submittedAt: new Date(need.submittedAt), reports: 0 };
    });
  }

  /** Suspends a verified organization or reinstates a suspended one, with the reason its owners read. */
  changeStatus(staff: AuthUser, id: string, outcome: 'SUSPENDED' | 'REINSTATED', rawReason: string): Promise<OrganizationEntity> {
    requirePlatformStaff(staff);
    const { reason } = validateInput(reasonSchema, { reason: rawReason });
    return inTransaction(this.ds, (m) => this.organizations.transition(m, id, outcome, reason, staff));
  }

  /** Admins only: a trusted buyer's needs open without review (procurement learns it by event). */
  setTrustedBuyer(admin: AuthUser, id: string, trusted: boolean): Promise<OrganizationEntity> {
    requirePlatformStaff(admin, [PlatformRole.ADMIN]);
    return inTransaction(this.ds, (m) => this.organizations.setTrustedBuyer(m, id, trusted, admin));
  }

  /** Admins only: every state change, newest first, narrowed by subject, actor and time. */
  auditLog(admin: AuthUser, filter: AuditFilter, limit: number, beforeId: string | null): Promise<AuditEntry[]> {
    requirePlatformStaff(admin, [PlatformRole.ADMIN]);
    // A malformed actor id names nobody: say so rather than answer an empty log that looks filtered.
    if (filter.actorId !== null && !isUuid(filter.actorId)) throw badInput('actorId', 'invalidValue');
    if (filter.from && filter.to && filter.from >= filter.to) throw badInput('from', 'dateRangeOrder');
    return this.audit.list(filter, limit, beforeId);
  }

  /** Admins only: the people the log names as actors, for its filter. */
  auditActors(admin: AuthUser): Promise<AuditActor[]> {
    requirePlatformStaff(admin, [PlatformRole.ADMIN]);
    return this.audit.actors();
  }
}

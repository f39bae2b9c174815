import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { OrganizationEntity } from '@lienket/accounts';
import { AuthUser, PlatformRole, requirePlatformStaff } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { badInput, DomainError, ErrorCode, isUuid, Lang, text, validateInput } from '@lienket/graphql';
import { ProductService } from '@lienket/products';
import { AuditFilter, AuditLogService } from './audit/audit-log.service';
import { AuditActor, AuditEntry, ModerationDecision, ModerationItem, ModerationSubject } from './moderation.types';
import { ModerationQueueService } from './queue/moderation-queue.service';
import { OrganizationVerificationService } from './queue/organization-verification.service';

const reasonSchema = z.object({ reason: text(1000) });
const notModerated = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'subjectNotModerated', { field: 'subject' }, 'subject');
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
  ) {}

  /** What waits for a decision, oldest first; needs are not moderated yet. */
  page(staff: AuthUser, subject: ModerationSubject | null, limit: number, after: [string, string] | null, lang: Lang): Promise<ModerationItem[]> {
    requirePlatformStaff(staff);
    if (subject === ModerationSubject.NEED) throw notModerated();
    return this.queue.page(subject, limit, after, lang);
  }

  /** Approves or rejects an organization or a submitted listing; rejecting needs a reason. */
  async moderate(staff: AuthUser, subject: ModerationSubject, subjectId: string, decision: ModerationDecision, reason: string | null): Promise<ModerationItem> {
    requirePlatformStaff(staff);
    if (subject === ModerationSubject.NEED) throw notModerated();
    const note = optionalReason(reason);
    if (subject === ModerationSubject.ORGANIZATION) {
      return inTransaction(this.ds, (m) => this.organizations.decide(m, subjectId, decision, note, staff));
    }
    const p = await inTransaction(this.ds, (m) => this.products.decide(m, subjectId, decision, note, staff.id));
    return { id: `PRODUCT:${p.id}`, subject, subjectId: p.id, summary: p.name, submittedAt: p.submittedAt ?? p.updatedAt, reports: 0 };
  }

  /** Suspends a verified organization or reinstates a suspended one, with the reason its owners read. */
  changeStatus(staff: AuthUser, id: string, outcome: 'SUSPENDED' | 'REINSTATED', rawReason: string): Promise<OrganizationEntity> {
    requirePlatformStaff(staff);
    const { reason } = validateInput(reasonSchema, { reason: rawReason });
    return inTransaction(this.ds, (m) => this.organizations.transition(m, id, outcome, reason, staff));
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

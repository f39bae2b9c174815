import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Organization, OrganizationEntity, toOrganization } from '@lienket/accounts';
import { AuthGuard, AuthUser, CurrentUser, PlatformRole, RequestContext, Roles } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { decodeCursor, DomainError, ErrorCode, pageSize, text, toConnection, validateInput } from '@lienket/graphql';
import { z } from 'zod';
import { AuditLogService } from './audit/audit-log.service';
import { AuditEntryConnection, ModerationDecision, ModerationItem, ModerationItemConnection, ModerationSubject } from './moderation.types';
import { ModerationQueueService } from './queue/moderation-queue.service';
import { OrganizationVerificationService } from './queue/organization-verification.service';
import { ProductService } from '@lienket/products';
import { ReportService } from './reports/report.service';

const STAFF = { platform: [PlatformRole.ADMIN, PlatformRole.MODERATOR] };
const reasonSchema = z.object({ reason: text(1000) });
const notModerated = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'subjectNotModerated', { field: 'subject' }, 'subject');

@Resolver()
@UseGuards(AuthGuard)
export class ModerationResolver {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly organizations: OrganizationVerificationService,
    private readonly queue: ModerationQueueService,
    private readonly products: ProductService,
    private readonly audit: AuditLogService,
    private readonly reports: ReportService,
  ) {}

  @Query(() => ModerationItemConnection, { description: 'Platform staff: what waits for a decision, oldest first' })
  @Roles(STAFF)
  async moderationQueue(
    @Args('subject', { type: () => ModerationSubject, nullable: true }) subject: ModerationSubject | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Context() ctx: RequestContext,
  ) {
    if (subject === ModerationSubject.NEED) throw notModerated();
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const items = await this.queue.page(subject, limit + 1, cursor, ctx.lang);
    return toConnection(items, limit, (i) => [i.submittedAt.toISOString(), i.subjectId], (i) => i, { hasPreviousPage: !!cursor });
  }

  @Mutation(() => ModerationItem, { nullable: true, description: 'Platform staff: approve or reject; rejecting needs a reason' })
  @Roles(STAFF)
  async moderate(
    @Args('subject', { type: () => ModerationSubject }) subject: ModerationSubject,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('decision', { type: () => ModerationDecision }) decision: ModerationDecision,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @CurrentUser() user: AuthUser,
  ) {
    if (subject === ModerationSubject.NEED) throw notModerated();
    const note = reason?.trim() ? validateInput(reasonSchema, { reason }).reason : null;
    if (subject === ModerationSubject.ORGANIZATION) {
      return inTransaction(this.ds, (m) => this.organizations.decide(m, subjectId, decision, note, user));
    }
    const p = await inTransaction(this.ds, (m) => this.products.decide(m, subjectId, decision, note, user.id));
    return { id: `PRODUCT:${p.id}`, subject, subjectId: p.id, summary: p.name, submittedAt: p.submittedAt ?? p.updatedAt, reports: 0 };
  }

  @Mutation(() => Organization, { description: 'Platform staff: hide its listings and block its business, telling its owners why' })
  @Roles(STAFF)
  async suspendOrganization(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @Context() ctx: RequestContext) {
    return this.changeStatus(id, 'SUSPENDED', reason, ctx);
  }

  @Mutation(() => Organization, { description: 'Platform staff: lift a suspension (audited)' })
  @Roles(STAFF)
  async reinstateOrganization(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @Context() ctx: RequestContext) {
    return this.changeStatus(id, 'REINSTATED', reason, ctx);
  }

  @Mutation(() => Boolean, { description: 'Flag an organization (or, later, a listing or need) for moderators' })
  async report(
    @Args('subject', { type: () => ModerationSubject }) subject: ModerationSubject,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.reports.report(user, subject, subjectId, reason);
  }

  @Query(() => AuditEntryConnection, { description: 'Admins: every state change, newest first' })
  @Roles({ platform: [PlatformRole.ADMIN] })
  async auditLog(
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 1);
    const entries = await this.audit.list(subjectId, limit + 1, cursor ? String(cursor[0]) : null);
    const page = toConnection(entries, limit, (e) => [e.id], (e) => e, { hasPreviousPage: !!cursor });
    return { edges: page.edges, pageInfo: page.pageInfo };
  }

  private async changeStatus(id: string, outcome: 'SUSPENDED' | 'REINSTATED', rawReason: string, ctx: RequestContext) {
    const { reason } = validateInput(reasonSchema, { reason: rawReason });
    const org = await inTransaction(this.ds, async (m) => {
      await this.organizations.transition(m, id, outcome, reason, ctx.user!);
      return m.getRepository(OrganizationEntity).findOneByOrFail({ id });
    });
    return toOrganization(org, ctx);
  }
}

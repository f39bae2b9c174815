import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Organization, toOrganization } from '@lienket/accounts';
import { AuthGuard, AuthUser, CurrentUser, PlatformRole, RequestContext, Roles } from '@lienket/auth';
import { DateTimeScalar, decodeCursor, pageSize, toConnection } from '@lienket/graphql';
import { AuditActor, AuditEntryConnection, AuditSubject, ModerationDecision, ModerationItem, ModerationItemConnection, ModerationSubject } from './moderation.types';
import { ModerationService } from './moderation.service';
import { ReportService } from './reports/report.service';

const STAFF = { platform: [PlatformRole.ADMIN, PlatformRole.MODERATOR] };

/** Transport only: arguments in, pages and types out; ModerationService decides. */
@Resolver()
@UseGuards(AuthGuard)
export class ModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly reports: ReportService,
  ) {}

  @Query(() => ModerationItemConnection, { description: 'Platform staff: what waits for a decision, oldest first' })
  @Roles(STAFF)
  async moderationQueue(
    @Args('subject', { type: () => ModerationSubject, nullable: true }) subject: ModerationSubject | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const items = await this.moderation.page(user, subject, limit + 1, cursor, ctx.lang);
    return toConnection(items, limit, (i) => [i.submittedAt.toISOString(), i.subjectId], (i) => i, { hasPreviousPage: !!cursor });
  }

  @Mutation(() => ModerationItem, { nullable: true, description: 'Platform staff: approve or reject; rejecting needs a reason' })
  @Roles(STAFF)
  moderate(
    @Args('subject', { type: () => ModerationSubject }) subject: ModerationSubject,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('decision', { type: () => ModerationDecision }) decision: ModerationDecision,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @CurrentUser() user: AuthUser,
  ) {
    return this.moderation.moderate(user, subject, subjectId, decision, reason);
  }

  @Mutation(() => Organization, { description: 'Platform staff: hide its listings and block its business, telling its owners why' })
  @Roles(STAFF)
  async suspendOrganization(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toOrganization(await this.moderation.changeStatus(user, id, 'SUSPENDED', reason), ctx);
  }

  @Mutation(() => Organization, { description: 'Platform staff: lift a suspension (audited)' })
  @Roles(STAFF)
  async reinstateOrganization(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toOrganization(await this.moderation.changeStatus(user, id, 'REINSTATED', reason), ctx);
  }

  @Mutation(() => Organization, { description: 'Admins: a trusted buyer\'s needs open without review (audited)' })
  @Roles({ platform: [PlatformRole.ADMIN] })
  async setTrustedBuyer(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('trusted') trusted: boolean,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toOrganization(await this.moderation.setTrustedBuyer(user, organizationId, trusted), ctx);
  }

  @Mutation(() => Boolean, { description: 'Flag an organization (or, later, a listing or need) for moderators' })
  report(
    @Args('subject', { type: () => ModerationSubject }) subject: ModerationSubject,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.reports.report(user, subject, subjectId, reason);
  }

  @Query(() => AuditEntryConnection, { description: 'Admins: every state change, newest first; `to` is exclusive' })
  @Roles({ platform: [PlatformRole.ADMIN] })
  async auditLog(
    @Args('subjectId', { type: () => ID, nullable: true }) subjectId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
    @Args('subject', { type: () => AuditSubject, nullable: true }) subject?: AuditSubject | null,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string | null,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 1);
    const filter = { subjectId: subjectId?.trim() || null, subject: subject ?? null, actorId: actorId ?? null, from: from ?? null, to: to ?? null };
    const entries = await this.moderation.auditLog(user, filter, limit + 1, cursor ? String(cursor[0]) : null);
    const page = toConnection(entries, limit, (e) => [e.id], (e) => e, { hasPreviousPage: !!cursor });
    return { edges: page.edges, pageInfo: page.pageInfo };
  }

  @Query(() => [AuditActor], { description: 'Admins: the people the audit log names as actors, by name' })
  @Roles({ platform: [PlatformRole.ADMIN] })
  auditActors(@CurrentUser() user: AuthUser) {
    return this.moderation.auditActors(user);
  }
}

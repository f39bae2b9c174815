import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, RequestContext, Roles } from '@lienket/auth';
import { DateTimeScalar } from '@lienket/graphql';
import { AmendmentRow, NeedAmendmentService } from './need-amendment.service';
import { NeedClarification, NeedDeadlineChange } from './need-amendment.type';
import { toNeed } from './need.mapper';
import { ProcurementNeed } from './need.type';

const MANAGERS = { organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] };

const toClarification = (a: AmendmentRow): NeedClarification => ({ id: a.id, text: a.text!, publishedAt: a.published_at });
const toDeadlineChange = (a: AmendmentRow): NeedDeadlineChange => ({
  id: a.id,
  previousDeadline: a.previous_deadline!,
  newDeadline: a.new_deadline!,
  changedAt: a.published_at,
});

/** Deadline extensions and clarifications of an open need; the need itself is visible to the caller when the fields resolve. */
@Resolver(() => ProcurementNeed)
export class NeedAmendmentResolver {
  constructor(private readonly amendments: NeedAmendmentService) {}

  @Mutation(() => ProcurementNeed, {
    description: "Moves an open need's bid deadline later (before it passes, on or before the delivery start's day); its live bidders are told",
  })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async extendNeedDeadline(
    @Args('needId', { type: () => ID }) needId: string,
    @Args('bidDeadline', { type: () => DateTimeScalar }) bidDeadline: Date,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toNeed(await this.amendments.extend(user, needId, bidDeadline), ctx.lang, user);
  }

  @Mutation(() => NeedClarification, { description: 'Publishes a clarification (≤ 2,000 characters) on an open need before its deadline; its live bidders are told' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async publishClarification(
    @Args('needId', { type: () => ID }) needId: string,
    @Args('text') text: string,
    @CurrentUser() user: AuthUser,
  ): Promise<NeedClarification> {
    return toClarification(await this.amendments.clarify(user, needId, text));
  }

  @ResolveField(() => [NeedClarification], { description: "The buyer's clarifications, oldest first" })
  async clarifications(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): Promise<NeedClarification[]> {
    return (await this.amendments.forNeed(ctx, need.id)).filter((a) => a.kind === 'CLARIFICATION').map(toClarification);
  }

  @ResolveField(() => [NeedDeadlineChange], { description: 'Every extension of the bid deadline, oldest first' })
  async deadlineHistory(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): Promise<NeedDeadlineChange[]> {
    return (await this.amendments.forNeed(ctx, need.id)).filter((a) => a.kind === 'DEADLINE_EXTENDED').map(toDeadlineChange);
  }
}

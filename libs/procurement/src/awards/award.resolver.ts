import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, RequestContext, Roles } from '@lienket/auth';
import { BidStatus } from '../bids/bid.entity';
import { Bid } from '../bids/bid.type';
import { toContract } from '../contracts/contract.mapper';
import { Contract } from '../contracts/contract.type';
import { toNeed } from '../needs/need.mapper';
import { ProcurementNeed } from '../needs/need.type';
import { AwardService } from './award.service';
import { AwardInput, Debrief } from './award.type';
import { DebriefService } from './debrief.service';

@Resolver(() => Bid)
export class AwardResolver {
  constructor(
    private readonly awards: AwardService,
    private readonly debriefs: DebriefService,
  ) {}

  @Mutation(() => [Contract], { description: 'Awards opened bids of your need after its deadline, whole or split; one contract per winner' })
  @UseGuards(AuthGuard)
  @Roles({ organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] })
  async awardNeed(
    @Args('needId', { type: () => ID }) needId: string,
    @Args('awards', { type: () => [AwardInput] }) awards: AwardInput[],
    @CurrentUser() user: AuthUser,
  ) {
    return (await this.awards.award(user, needId, awards)).map(toContract);
  }

  @Mutation(() => ProcurementNeed, { description: 'Closes your need after its deadline without award; every bidder sees the reason' })
  @UseGuards(AuthGuard)
  @Roles({ organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] })
  async closeWithoutAward(
    @Args('needId', { type: () => ID }) needId: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toNeed(await this.awards.closeWithoutAward(user, needId, { reason }), ctx.lang, user);
  }

  @ResolveField(() => Debrief, { nullable: true, description: 'For the bidder of a bid that was not awarded: how it ranked against the awarded ones' })
  debrief(@Parent() bid: Bid, @Context() ctx: RequestContext): Promise<Debrief | null> | null {
    if (bid.status !== BidStatus.NOT_AWARDED || !ctx.user?.organizationId || ctx.user.organizationId !== bid.supplier.id) return null;
    return this.debriefs.loader(ctx).load(bid.id);
  }
}

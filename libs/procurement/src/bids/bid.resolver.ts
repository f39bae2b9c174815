import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, RequestContext, Roles } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { toNeed } from '../needs/need.mapper';
import { ProcurementNeed } from '../needs/need.type';
import { BidReadService } from './bid-read.service';
import { needsOfBids } from './bid.loader';
import { toBid } from './bid.mapper';
import { BidService } from './bid.service';
import { Bid, BidConnection, BidInput } from './bid.type';

@Resolver(() => Bid)
export class BidResolver {
  constructor(
    private readonly bids: BidService,
    private readonly reads: BidReadService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  @Mutation(() => Bid, { description: "Submits your organization's sealed bid on an OPEN need, or revises it (every version kept)" })
  @UseGuards(AuthGuard)
  @Roles({ organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] })
  async submitBid(@Args('input') input: BidInput, @CurrentUser() user: AuthUser) {
    return toBid(await this.bids.submit(user, input));
  }

  @Mutation(() => Bid, { description: "Withdraws your organization's bid before the deadline; you may bid again" })
  @UseGuards(AuthGuard)
  @Roles({ organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] })
  async withdrawBid(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser) {
    return toBid(await this.bids.withdraw(user, id));
  }

  @Query(() => BidConnection, { description: "Your organization's bids on every need, newest first" })
  @UseGuards(AuthGuard)
  async myBids(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const page = await this.reads.myBids(user, limit, after);
    return toConnection(page.rows, limit, (r) => r.key, toBid, { hasPreviousPage: !!after, totalCount: page.total });
  }

  @ResolveField(() => ProcurementNeed)
  async need(@Parent() bid: Bid, @Context() ctx: RequestContext) {
    const need = await needsOfBids(this.ds, ctx).load(bid.needId);
    return need && toNeed(need, ctx.lang, ctx.user);
  }
}

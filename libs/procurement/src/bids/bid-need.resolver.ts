import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { ProcurementNeed } from '../needs/need.type';
import { BidReadService } from './bid-read.service';
import { toBid } from './bid.mapper';
import { Bid, BidConnection } from './bid.type';

/** The bid fields of a need; the need itself is already visible to the caller when these resolve. */
@Resolver(() => ProcurementNeed)
export class BidNeedResolver {
  constructor(private readonly reads: BidReadService) {}

  @ResolveField(() => Int, { description: 'Live bids: a count only, never their content' })
  bidCount(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): Promise<number> {
    return this.reads.counts(ctx).load(need.id);
  }

  @ResolveField(() => BidConnection, {
    description: "Sealed: your organization's own bids; after the deadline the buyer sees every bid. Anyone else: none",
  })
  async bids(
    @Parent() need: ProcurementNeed,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const page = await this.reads.forNeed(ctx.user, { id: need.id, buyerOrgId: need.buyer.id, status: need.status, bidDeadline: need.bidDeadline }, limit, after);
    return toConnection(page.rows, limit, (r) => r.key, toBid, { hasPreviousPage: !!after, totalCount: page.total });
  }

  @ResolveField(() => Bid, { nullable: true, description: "Your organization's live bid on this need" })
  async myBid(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext) {
    const bid = await this.reads.mine(ctx, need.id);
    return bid && toBid(bid);
  }
}

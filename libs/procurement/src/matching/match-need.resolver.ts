import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { ProcurementNeed } from '../needs/need.type';
import { organizationRef } from '../shared/organization-ref.type';
import { MatchReadService } from './match-read.service';
import { Match, MatchConnection } from './match.type';

/** `ProcurementNeed.matches`: the buyer's ranked suppliers, computed by the matcher when the need opened. */
@Resolver(() => ProcurementNeed)
export class MatchNeedResolver {
  constructor(private readonly reads: MatchReadService) {}

  @ResolveField(() => MatchConnection, { description: "The buyer's ranked suppliers, with reasons: to the buyer and platform staff; anyone else none" })
  async matches(
    @Parent() need: ProcurementNeed,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const page = await this.reads.forNeed(ctx.user, { id: need.id, buyerOrgId: need.buyer.id }, limit, after);
    const toMatch = (r: (typeof page.rows)[number]): Match => ({
      need,
      supplier: organizationRef(r.organization_id),
      score: r.score,
      coverage: r.coverage,
      reasons: r.reasons.map((x) => ({ code: x.code, weight: x.weight, message: ctx.lang === 'en' ? x.en : x.vi })),
    });
    return toConnection(page.rows, limit, (r) => [r.rank], toMatch, { hasPreviousPage: !!after, totalCount: page.total });
  }
}

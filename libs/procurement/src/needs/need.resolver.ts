import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, RequestContext, Roles, OrganizationRole } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { NeedLifecycleService } from './need-lifecycle.service';
import { toNeed } from './need.mapper';
import { NeedService } from './need.service';
import { NeedConnection, NeedFilter, NeedInput, ProcurementNeed } from './need.type';

const MANAGERS = { organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] };

@Resolver(() => ProcurementNeed)
export class NeedResolver {
  constructor(
    private readonly needService: NeedService,
    private readonly lifecycle: NeedLifecycleService,
  ) {}

  @Mutation(() => ProcurementNeed, { description: 'Saves a draft need for your organization' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async createNeed(@Args('input') input: NeedInput, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toNeed(await this.needService.create(user, input), ctx.lang, user);
  }

  @Mutation(() => ProcurementNeed, { description: 'Rewrites a draft need of your organization; a submitted need is refused with CONFLICT (reason MATERIAL_CHANGE: cancel it and post a new one; extendNeedDeadline and publishClarification are what may change while it is open)' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async updateNeed(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: NeedInput,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toNeed(await this.needService.update(user, id, input), ctx.lang, user);
  }

  @Mutation(() => ProcurementNeed, { description: 'Sends a draft for review (a trusted buyer\'s opens at once); your organization must be verified' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async submitNeed(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toNeed(await this.lifecycle.submit(user, id), ctx.lang, user);
  }

  @Mutation(() => ProcurementNeed, { description: 'Cancels a draft, pending or open need of your organization, with the reason bidders read' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async cancelNeed(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toNeed(await this.lifecycle.cancel(user, id, reason), ctx.lang, user);
  }

  @Query(() => ProcurementNeed, { nullable: true, description: "A need: your organization's in every status (platform staff: any submitted one), anyone's once public (an INVITED one: the invited suppliers'); NOT_FOUND otherwise" })
  async need(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return toNeed(await this.needService.get(ctx.user, id), ctx.lang, ctx.user);
  }

  @Query(() => NeedConnection)
  async needs(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => NeedFilter, nullable: true }) filter?: NeedFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const page = await this.needService.list(ctx.user, filter, limit, after);
    return toConnection(page.rows, limit, (r) => r.key, (r) => toNeed(r.need, ctx.lang, ctx.user), {
      hasPreviousPage: page.hasPreviousPage,
      totalCount: page.total,
    });
  }
}

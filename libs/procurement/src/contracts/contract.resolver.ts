import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { AuthGuard, AuthUser, CurrentUser, PlatformRole, RequestContext, Roles } from '@lienket/auth';
import { pageSize } from '@lienket/graphql';
import { needsOfBids } from '../bids/bid.loader';
import { toNeed } from '../needs/need.mapper';
import { ProcurementNeed } from '../needs/need.type';
import { ContractMessageService } from './contract-message.service';
import { ContractReadService } from './contract-read.service';
import { toContract, toDispute, toMessage, toReview, toShipment } from './contract.mapper';
import { Contract, ContractMessage, ContractReview, Dispute, Payment, Shipment } from './contract.type';

/** Reading contracts: the two parties and platform staff; anyone else NOT_FOUND (see ContractReadService). */
@Resolver(() => Contract)
export class ContractResolver {
  constructor(
    private readonly reads: ContractReadService,
    private readonly thread: ContractMessageService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  @Query(() => Contract, { nullable: true, description: "A contract of your organization (either side); platform staff read every contract" })
  async contract(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return toContract(await this.reads.get(ctx.user, id));
  }

  @Query(() => [Contract], { description: "Your organization's contracts on either side, newest first; `after` is the last contract's id" })
  @UseGuards(AuthGuard)
  async myContracts(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return (await this.reads.mine(user, pageSize(first), after)).map(toContract);
  }

  @Query(() => [Contract], { description: "Platform staff: contracts frozen by an open dispute, the longest waiting first; `after` is the last contract's id" })
  @UseGuards(AuthGuard)
  @Roles({ platform: [PlatformRole.ADMIN, PlatformRole.MODERATOR] })
  async disputedContracts(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return (await this.reads.disputed(user, pageSize(first), after)).map(toContract);
  }

  @Query(() => [ContractMessage], { description: "The two parties' thread about a contract, oldest first; `after` is the last message's id" })
  @UseGuards(AuthGuard)
  async contractMessages(
    @Args('contractId', { type: () => ID }) contractId: string,
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return (await this.thread.list(user, contractId, pageSize(first), after)).map(toMessage);
  }

  @ResolveField(() => [ContractMessage], { description: "The parties' thread (as contractMessages); an empty list for staff" })
  async messages(
    @Parent() c: Contract,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const party = !!ctx.user?.organizationId && [c.buyer.id, c.supplier.id].includes(ctx.user.organizationId);
    return party ? (await this.thread.list(ctx.user!, c.id, pageSize(first), after)).map(toMessage) : [];
  }

  @ResolveField(() => ProcurementNeed)
  async need(@Parent() c: Contract, @Context() ctx: RequestContext) {
    const need = await needsOfBids(this.ds, ctx).load(c.needId);
    return need && toNeed(need, ctx.lang, ctx.user);
  }

  @ResolveField(() => [Shipment])
  async shipments(@Parent() c: Contract, @Context() ctx: RequestContext) {
    return (await this.reads.shipments(ctx, c.id)).map(toShipment);
  }

  @ResolveField(() => [Payment], { description: 'Payments are not built yet: always empty' })
  payments(): Payment[] {
    return [];
  }

  @ResolveField(() => [ContractReview])
  async reviews(@Parent() c: Contract, @Context() ctx: RequestContext) {
    return (await this.reads.reviews(ctx, c.id)).map(toReview);
  }

  @ResolveField(() => Dispute, { nullable: true, description: 'The latest dispute, open or resolved' })
  async dispute(@Parent() c: Contract, @Context() ctx: RequestContext) {
    const d = await this.reads.dispute(ctx, c.id);
    return d && toDispute(d);
  }
}

import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, PlatformRole, RequestContext, Roles } from '@lienket/auth';
import { DecimalScalar } from '@lienket/graphql';
import { toNeed } from '../needs/need.mapper';
import { ProcurementNeed } from '../needs/need.type';
import { ContractMessageService } from './contract-message.service';
import { ContractService } from './contract.service';
import { toContract, toMessage, toShipment } from './contract.mapper';
import { Contract, ContractMessage, DisputeOutcome, Shipment } from './contract.type';
import { DisputeService } from './dispute.service';
import { ReorderService } from './reorder.service';

const MANAGERS = { organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] };

/** The steps of a contract; who may take each is judged by the services under the contract's lock. */
@Resolver(() => Contract)
export class ContractActionsResolver {
  constructor(
    private readonly contracts: ContractService,
    private readonly disputes: DisputeService,
    private readonly messages: ContractMessageService,
    private readonly reorders: ReorderService,
  ) {}

  @Mutation(() => Shipment, { description: "The supplier records a shipment; never beyond the contract's quantity" })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async recordShipment(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('quantity', { type: () => DecimalScalar }) quantity: string,
    @CurrentUser() user: AuthUser,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return toShipment(await this.contracts.recordShipment(user, contractId, { quantity, note }));
  }

  @Mutation(() => Shipment, { description: 'The buyer confirms a shipment once, with the accepted quantity' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async confirmReceipt(
    @Args('shipmentId', { type: () => ID }) shipmentId: string,
    @Args('acceptedQuantity', { type: () => DecimalScalar }) acceptedQuantity: string,
    @CurrentUser() user: AuthUser,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return toShipment(await this.contracts.confirmReceipt(user, shipmentId, { acceptedQuantity, note }));
  }

  @Mutation(() => Contract)
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async completeContract(@Args('contractId', { type: () => ID }) contractId: string, @CurrentUser() user: AuthUser) {
    return toContract(await this.contracts.complete(user, contractId));
  }

  @Mutation(() => Contract, { description: 'Each side reviews the other once after completion' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async reviewContract(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('rating', { type: () => Int }) rating: number,
    @CurrentUser() user: AuthUser,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return toContract(await this.contracts.review(user, contractId, { rating, comment }));
  }

  @Mutation(() => Contract, { description: 'Either party freezes an active or delivering contract until an admin resolves it' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async openDispute(@Args('contractId', { type: () => ID }) contractId: string, @Args('reason') reason: string, @CurrentUser() user: AuthUser) {
    return toContract(await this.disputes.open(user, contractId, { reason }));
  }

  @Mutation(() => Contract, { description: "The side that did not open the dispute gives its statement, once" })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async disputeStatement(@Args('contractId', { type: () => ID }) contractId: string, @Args('text') text: string, @CurrentUser() user: AuthUser) {
    return toContract(await this.disputes.statement(user, contractId, { text }));
  }

  @Mutation(() => Contract, { description: 'Platform admins: ends a dispute, back to the status before it or cancelled' })
  @UseGuards(AuthGuard)
  @Roles({ platform: [PlatformRole.ADMIN] })
  async resolveDispute(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('resolution') resolution: string,
    @Args('outcome', { type: () => DisputeOutcome }) outcome: DisputeOutcome,
    @CurrentUser() user: AuthUser,
  ) {
    return toContract(await this.disputes.resolve(user, contractId, { resolution, outcome }));
  }

  @Mutation(() => ContractMessage, { description: 'A message to the other party of the contract' })
  @UseGuards(AuthGuard)
  async sendContractMessage(@Args('contractId', { type: () => ID }) contractId: string, @Args('body') body: string, @CurrentUser() user: AuthUser) {
    return toMessage(await this.messages.send(user, contractId, { body }));
  }

  @Mutation(() => ProcurementNeed, { description: 'A new draft need from a completed contract, inviting the same supplier' })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async reorder(@Args('contractId', { type: () => ID }) contractId: string, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toNeed(await this.reorders.reorder(user, contractId), ctx.lang, user);
  }
}

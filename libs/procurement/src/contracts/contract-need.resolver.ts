import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { isPlatformStaff, loader, RequestContext } from '@lienket/auth';
import { ProcurementNeed } from '../needs/need.type';
import { OrganizationRef, organizationRef } from '../shared/organization-ref.type';
import { ContractReadService } from './contract-read.service';
import { toContract } from './contract.mapper';
import { Contract } from './contract.type';

/** The decision fields of a need; the need itself is already visible to the caller when these resolve. */
@Resolver(() => ProcurementNeed)
export class ContractNeedResolver {
  constructor(
    private readonly reads: ContractReadService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  @ResolveField(() => [Contract], { description: "The buyer's organization and platform staff: every contract of the need; a supplier: its own" })
  async contracts(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext) {
    return (await this.reads.forNeed(ctx, need.id)).map(toContract);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why the buyer closed the need without award' })
  closingReason(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): Promise<string | null> {
    return loader(ctx, 'closingReasons', () => new DataLoader<string, string | null>(async (ids) => {
      const rows = await this.ds.query<{ need_id: string; reason: string }[]>(
        `SELECT need_id, reason FROM procurement.awards WHERE need_id = ANY($1::uuid[]) AND outcome = 'NO_AWARD'`,
        [ids],
      );
      return ids.map((id) => rows.find((r) => r.need_id === id)?.reason ?? null);
    })).load(need.id);
  }

  @ResolveField(() => [OrganizationRef], { description: "Suppliers invited to bid: to the buyer's organization and platform staff (who review the need); others an empty list" })
  invitedSuppliers(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): OrganizationRef[] {
    const told = ctx.user?.organizationId === need.buyer.id || isPlatformStaff(ctx.user);
    return told ? need.invitedSupplierIds.map((id) => organizationRef(id)) : [];
  }
}

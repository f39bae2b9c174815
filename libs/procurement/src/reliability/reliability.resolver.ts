import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { OrganizationRef } from '../shared/organization-ref.type';
import { ReliabilityService } from './reliability.service';
import { Reliability } from './reliability.type';

/**
 * `Organization.reliability`: the catalog subgraph owns Organization (and decides who may see it);
 * this subgraph adds the track record it computes from its own contracts. `_entities` here is an
 * entry point like any other: see ReliabilityService for why it reveals nothing the public path hides.
 */
@Resolver(() => OrganizationRef)
export class ReliabilityResolver {
  constructor(private readonly records: ReliabilityService) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): OrganizationRef | null {
    return this.records.reference(ref.id);
  }

  @ResolveField(() => Reliability, { nullable: true, description: 'Track record from completed contracts' })
  reliability(@Parent() org: OrganizationRef, @Context() ctx: RequestContext): Promise<Reliability> {
    return this.records.forOrganization(ctx, org.id);
  }
}

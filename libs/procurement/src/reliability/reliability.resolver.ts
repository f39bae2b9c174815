import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { OrganizationRef } from '../shared/organization-ref.type';
import { ReliabilityService } from './reliability.service';
import { Reliability } from './reliability.type';

/**
 * `Organization.reliability`: the catalog subgraph owns Organization; this subgraph adds the track
 * record it will compute from its contracts. The gateway only asks for organizations the catalog
 * already showed the caller, so a reference needs no check here.
 */
@Resolver(() => OrganizationRef)
export class ReliabilityResolver {
  constructor(private readonly records: ReliabilityService) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): OrganizationRef {
    return { id: ref.id };
  }

  @ResolveField(() => Reliability, { nullable: true, description: 'Track record from completed contracts' })
  reliability(@Parent() org: OrganizationRef): Promise<Reliability> {
    return this.records.forOrganization(org.id);
  }
}

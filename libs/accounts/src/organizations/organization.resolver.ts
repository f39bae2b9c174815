import { Args, Context, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { OrganizationService, toOrganization } from './organization.service';
import { Organization } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Query(() => Organization, { nullable: true, description: 'A verified organization, or your own; platform staff see every organization' })
  async organization(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    const org = await this.organizations.findVisible(ctx, id);
    return org ? toOrganization(org, ctx) : null;
  }

  /**
   * Other subgraphs reference organizations they already decided the caller may see (a need's buyer,
   * a bid's supplier), so references resolve through the batched loader without a visibility check.
   */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext) {
    const org = await this.organizations.loader(ctx).load(ref.id);
    return org ? toOrganization(org, ctx) : null;
  }
}

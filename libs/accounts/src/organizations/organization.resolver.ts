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
   * `_entities` is an entry point like any query: a reference answers what `organization(id)` would
   * answer this caller (batched through the same request-scoped loader), never a hidden
   * organization's name or tax code because another subgraph named its id — save a counterparty
   * suspended since it was public, which stays named (`findReferable`, decision 139).
   */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext) {
    const org = await this.organizations.findReferable(ctx, ref.id);
    return org ? toOrganization(org, ctx) : null;
  }
}

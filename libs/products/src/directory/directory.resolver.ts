import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { toOrganization } from '@lienket/accounts';
import { RequestContext } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { DirectoryService } from './directory.service';
import { OrganizationConnection, OrganizationFilter } from './directory.type';

@Resolver()
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => OrganizationConnection, {
    description:
      'The supplier directory: verified organizations by name and description, ignoring diacritics and case; by name without a query. totalCount stops at 1000',
  })
  async searchOrganizations(
    @Context() ctx: RequestContext,
    @Args('query', { type: () => String, nullable: true }) query?: string | null,
    @Args('filter', { type: () => OrganizationFilter, nullable: true }) filter?: OrganizationFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const { rows, total } = await this.directory.search(ctx, query, filter, limit, after);
    return toConnection(rows, limit, (r) => [r.hit.key, r.hit.id], (r) => toOrganization(r.org, ctx), {
      hasPreviousPage: !!after,
      totalCount: total,
    });
  }
}

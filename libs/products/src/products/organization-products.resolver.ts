import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Organization } from '@lienket/accounts';
import { RequestContext } from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { toProduct, viewFor } from './product.mapper';
import { ProductService } from './product.service';
import { ListingSummaryLoader } from '../directory/listing-summary.loader';
import { todayInVietnam } from '@lienket/reference-data';
import { isCertificationValid } from './product.rules';
import { Certification, ProductConnection } from './product.type';

/** `Organization.products`: the catalog subgraph owns Organization, this lib adds its listings. */
@Resolver(() => Organization)
export class OrganizationProductsResolver {
  constructor(
    private readonly productService: ProductService,
    private readonly summaries: ListingSummaryLoader,
  ) {}

  @ResolveField(() => ProductConnection, {
    description:
      "Approved listings for everyone (of a verified organization); all of them for the organization's members and staff",
  })
  async products(
    @Parent() org: Organization,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const page = await this.productService.listForOrganization(ctx.user, org, limit, after);
    return toConnection(
      page.rows,
      limit,
      (p) => [p.createdAt.toISOString(), p.id],
      (p) => toProduct(p, ctx.lang, viewFor(ctx.user, p)),
      {
        hasPreviousPage: page.hasPreviousPage,
        totalCount: page.total,
      },
    );
  }

  @ResolveField(() => [Certification], {
    description:
      'Unexpired certifications on its approved listings, one per kind (the one valid longest); batched over a page',
  })
  async certifications(@Parent() org: Organization, @Context() ctx: RequestContext): Promise<Certification[]> {
    const { certifications } = await this.summaries.for(ctx).load(org.id);
    const today = todayInVietnam();
    return certifications.map((c) => ({ ...c, expired: !isCertificationValid(c, today) }));
  }

  @ResolveField(() => Int, { description: 'How many approved listings the public sees; batched over a page' })
  async productCount(@Parent() org: Organization, @Context() ctx: RequestContext): Promise<number> {
    return (await this.summaries.for(ctx).load(org.id)).productCount;
  }
}

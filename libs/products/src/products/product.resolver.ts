import { UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Organization, OrganizationService, toOrganization } from '@lienket/accounts';
import {
  AuthGuard,
  AuthUser,
  CurrentUser,
  OrganizationRole,
  RequestContext,
  Roles,
} from '@lienket/auth';
import { pageSize, toConnection } from '@lienket/graphql';
import { toProduct, viewFor } from './product.mapper';
import { ProductService } from './product.service';
import { Product, ProductConnection, ProductFilter, ProductInput } from './product.type';

const EDITORS = { organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] };

@Resolver(() => Product)
export class ProductResolver {
  constructor(
    private readonly products: ProductService,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => Product, {
    nullable: true,
    description: 'A public listing, or one of your organization',
  })
  async product(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    const p = await this.products.findVisible(ctx, id);
    return p ? toProduct(p, ctx.lang, viewFor(ctx.user, p)) : null;
  }

  @Query(() => ProductConnection, {
    description:
      'Approved listings of verified organizations; ignores diacritics and case, tolerates a typo in the name',
  })
  async searchProducts(
    @Context() ctx: RequestContext,
    @Args('query', { type: () => String, nullable: true }) query?: string | null,
    @Args('filter', { type: () => ProductFilter, nullable: true }) filter?: ProductFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const limit = pageSize(first);
    const { hits, total } = await this.products.search(query, filter, limit, after);
    return toConnection(
      hits,
      limit,
      (h) => [h.rank, h.product.id],
      (h) => toProduct(h.product, ctx.lang, 'published'),
      {
        hasPreviousPage: !!after,
        totalCount: total,
      },
    );
  }

  @Mutation(() => Product, { description: 'Saves a draft listing for your organization' })
  @UseGuards(AuthGuard)
  @Roles(EDITORS)
  async createProduct(
    @Args('input') input: ProductInput,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toProduct(await this.products.create(user, input), ctx.lang, 'latest');
  }

  @Mutation(() => Product, {
    description:
      'Changes a listing; an approved one goes back to review, its approved version staying public meanwhile',
  })
  @UseGuards(AuthGuard)
  @Roles(EDITORS)
  async updateProduct(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProductInput,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toProduct(await this.products.update(user, id, input), ctx.lang, 'latest');
  }

  @Mutation(() => Product, {
    description: 'Sends a draft or rejected listing to moderation; needs a verified organization',
  })
  @UseGuards(AuthGuard)
  @Roles(EDITORS)
  async submitProduct(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toProduct(await this.products.submit(user, id), ctx.lang, 'latest');
  }

  @Mutation(() => Product, { description: 'Takes a public listing off the market' })
  @UseGuards(AuthGuard)
  @Roles(EDITORS)
  async archiveProduct(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    return toProduct(await this.products.archive(user, id), ctx.lang, 'latest');
  }

  /** Batched: one query for every organization a response mentions. */
  @ResolveField(() => Organization)
  async organization(@Parent() product: Product, @Context() ctx: RequestContext) {
    const org = await this.organizations.loader(ctx).load(product.organizationId);
    // The foreign key guarantees the row; a listing is only shown to callers who may see its organization.
    return toOrganization(org!, ctx);
  }
}

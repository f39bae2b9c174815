import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { Product } from '../products/product.type';
import { ProductPhotoService } from './photo.service';
import { ProductPhoto } from './photo.type';

/** `Product.photos`: whoever may see the listing sees its photos. */
@Resolver(() => Product)
export class ProductPhotoResolver {
  constructor(private readonly photoService: ProductPhotoService) {}

  @ResolveField(() => [ProductPhoto], { description: 'The first is the cover; at most MAX_PHOTOS_PER_PRODUCT (8)' })
  photos(@Parent() product: Product, @Context() ctx: RequestContext) {
    return this.photoService.loader(ctx.user, ctx).load(product.id);
  }
}

import {
  Directory1763801000000,
  ListingVersions1763807600000,
  ProductPhotos1763802000000,
  Products1763800400000,
  PriceUnit1763806610000,
  PublicListing1763806200000,
  SearchRum1763801500000,
  UploadThumbnails1763805900000,
} from './migrations';
import { ProductEntity } from './products/product.entity';

export * from './products.module';
export * from './products/product.entity';
export * from './products/product.type';
export * from './products/product.mapper';
export * from './directory/directory.type';
export * from './photos/photo.type';
export { ProductService, pendingReviewCursorKey } from './products/product.service';
export { isPublicListing, isPublishedListing, publicListingSql } from './products/public-listing';
export type { ModerationDecision, ProductPage } from './products/product.service';
export const PRODUCTS_ENTITIES = [ProductEntity];
export const PRODUCTS_MIGRATIONS = [
  Products1763800400000,
  Directory1763801000000,
  SearchRum1763801500000,
  ProductPhotos1763802000000,
  UploadThumbnails1763805900000,
  PublicListing1763806200000,
  PriceUnit1763806610000,
  ListingVersions1763807600000,
];

export { Products1763800400000 } from './1763800400000-products';
export { Directory1763801000000 } from './1763801000000-directory';
export { SearchRum1763801500000 } from './1763801500000-search-rum';
export { ProductPhotos1763802000000 } from './1763802000000-product-photos';
export { UploadThumbnails1763805900000 } from './1763805900000-upload-thumbnails';
export { PublicListing1763806200000 } from './1763806200000-public-listing';
export { PriceUnit1763806610000 } from './1763806610000-price-unit';
export { ListingVersions1763807600000 } from './1763807600000-listing-versions';

import { ListingStatus } from './product.entity';

/**
 * "A public listing" (decision 63): approved once, not ARCHIVED, its organization VERIFIED. Defined
 * in SQL by migration PublicListing1763806200000 (`catalog.listing_is_public`, the view
 * `catalog.public_listings`); this is the same rule for a listing already loaded, held equal to the
 * SQL by test/integration/public-listing.int-spec.ts.
 */
export const isPublicListing = (listing: Listing, verification: string | undefined) =>
  isPublishedListing(listing) && verification === 'VERIFIED';

/** The listing's own half of the rule: on the market unless its organization is not VERIFIED. */
export const isPublishedListing = (listing: Listing) =>
  listing.approved !== null && listing.status !== ListingStatus.ARCHIVED;

type Listing = { approved: unknown; status: ListingStatus };

/** The SQL rule over a `catalog.products` row aliased `p` and its organization's verification (an alias or a parameter). */
export const publicListingSql = (verification = 'o.verification', p = 'p') =>
  `catalog.listing_is_public(${p}.approved, ${p}.status, ${verification})`;

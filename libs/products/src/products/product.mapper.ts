import { canSeePrivate } from '@lienket/accounts';
import { AuthUser } from '@lienket/auth';
import { Lang } from '@lienket/graphql';
import { findCategory, findUnit, todayInVietnam, toCategory, toUnit } from '@lienket/reference-data';
import { ListingStatus, ProductEntity, ProductVersion } from './product.entity';
import { isCertificationValid, versionOf } from './product.rules';
import { Product } from './product.type';

/**
 * Which version a caller sees: the organization's members and platform staff see the latest one;
 * everyone else the approved snapshot, and only listings that have one.
 */
export type ProductView = 'latest' | 'published';
export const viewFor = (user: AuthUser | null, e: ProductEntity): ProductView =>
  canSeePrivate(user, e.organizationId) ? 'latest' : 'published';

/** Entity → public type; reference codes were validated on write, so lookups always hit. */
export function toProduct(e: ProductEntity, lang: Lang, view: ProductView): Product {
  const published = view === 'published' ? e.approved : null;
  if (view === 'published' && !published)
    throw new Error(`product ${e.id} has no approved version to publish`);
  const v: ProductVersion = published ?? versionOf(e);
  const today = todayInVietnam();
  const money = (amount: string | null) =>
    amount === null ? null : { amount, currency: e.currency };
  return {
    id: e.id,
    organizationId: e.organizationId,
    category: toCategory(findCategory(v.categoryCode)!, lang),
    name: v.name,
    description: v.description,
    unit: toUnit(findUnit(v.unitCode)!, lang),
    monthlyCapacity: v.monthlyCapacity,
    minOrderQuantity: v.minOrderQuantity,
    priceUnit: toUnit(findUnit(v.priceUnitCode ?? v.unitCode)!, lang),
    priceMin: money(v.priceMin),
    priceMax: money(v.priceMax),
    harvestMonths: v.harvestMonths,
    certifications: v.certifications.map((c) => ({
      ...c,
      expired: !isCertificationValid(c, today),
    })),
    status: published ? ListingStatus.APPROVED : e.status,
    moderationNote: published ? null : e.moderationNote,
    publishedAt: e.approved ? new Date(e.approved.approvedAt) : null,
    createdAt: e.createdAt,
    updatedAt: published ? new Date(published.approvedAt) : e.updatedAt,
  };
}

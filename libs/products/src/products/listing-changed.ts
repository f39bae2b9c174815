import { EntityManager } from 'typeorm';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { ProductEntity } from './product.entity';

/**
 * Tells the matcher what a listing's public version now is (`listing.changed`), in the transaction
 * that changed it and while holding the listing's row lock, so versions follow the changes: a newly
 * approved version, or the listing taken off the market.
 */
export async function writeListingChanged(m: EntityManager, p: ProductEntity, status: 'APPROVED' | 'ARCHIVED'): Promise<void> {
  const a = p.approved;
  if (!a) return;
  const [{ version }] = await m.query<{ version: string }[]>(`SELECT nextval('catalog.listing_versions')::text AS version`);
  const event: JobPayloads['listing.changed'] = {
    listingId: p.id,
    organizationId: p.organizationId,
    status,
    categoryCode: a.categoryCode,
    unitCode: a.unitCode,
    monthlyCapacity: a.monthlyCapacity,
    harvestMonths: a.harvestMonths,
    certifications: a.certifications.map((c) => ({ kind: c.kind, validUntil: c.validUntil })),
    priceMin: a.priceMin,
    priceMax: a.priceMax,
    priceUnitCode: a.priceUnitCode ?? a.unitCode,
    version,
  };
  await writeOutbox(m, 'catalog', 'listing.changed', event);
}

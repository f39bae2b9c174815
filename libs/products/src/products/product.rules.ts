import { badInput, trimDecimal, validateInput } from '@lienket/graphql';
import { findCategory, findProvince, findUnit, sameBase } from '@lienket/reference-data';
import { canonicalCertificationKind, productSchema } from './dto/product.schema';
import type { SearchCriteria } from './product-search.sql';
import {
  CertificationData,
  ProductEntity,
  ProductSnapshot,
  ProductVersion,
} from './product.entity';

// Pure rules of a listing: no I/O, so they are tested as small tests.

/** Validates a ProductInput into a normalized version, or throws BAD_USER_INPUT naming the field. */
export function parseProductInput(raw: unknown): ProductVersion {
  const { priceUnitCode, ...input } = validateInput(productSchema, raw);
  if (!findCategory(input.categoryCode))
    throw badInput('categoryCode', 'unknownCategory', { value: input.categoryCode });
  const unit = findUnit(input.unitCode);
  if (!unit) throw badInput('unitCode', 'unknownUnit', { value: input.unitCode });
  const priceUnit = findUnit(priceUnitCode ?? unit.code);
  // The code is echoed in the message, so only its start: no one needs 100 kB of it back.
  if (!priceUnit) throw badInput('priceUnitCode', 'unknownUnit', { value: (priceUnitCode ?? '').slice(0, 20) });
  // A price per litre for a listing counted in tonnes could not be compared with anything.
  if (!sameBase(unit, priceUnit))
    throw badInput('priceUnitCode', 'priceUnitMismatch', { unit: unit.nameVi });
  if (
    input.minOrderQuantity !== null &&
    compareDecimal(input.minOrderQuantity, input.monthlyCapacity) > 0
  ) {
    throw badInput('minOrderQuantity', 'minOrderAboveCapacity');
  }
  if (
    input.priceMin !== null &&
    input.priceMax !== null &&
    BigInt(input.priceMin) > BigInt(input.priceMax)
  ) {
    throw badInput('priceMin', 'priceMinAboveMax');
  }
  return { ...input, priceUnitCode: priceUnit.code };
}

export const MAX_QUERY_LENGTH = 200;

export interface SearchFilterInput {
  categoryCode?: string | null;
  provinceCode?: string | null;
  certification?: string | null;
  minMonthlyCapacity?: string | null;
}
type SearchTerms = Pick<
  SearchCriteria,
  'text' | 'categoryCode' | 'provinceCode' | 'certification' | 'minMonthlyCapacity'
>;

/** Validates what a searcher typed and chose; unknown codes are bad input, not an empty result. */
export function parseSearchInput(
  query: string | null | undefined,
  filter: SearchFilterInput | null | undefined,
): SearchTerms {
  const text = query?.trim() || null;
  if (text && text.length > MAX_QUERY_LENGTH)
    throw badInput('query', 'tooLong', { max: MAX_QUERY_LENGTH });
  const categoryCode = filter?.categoryCode?.trim() || null;
  if (categoryCode && !findCategory(categoryCode))
    throw badInput('filter.categoryCode', 'unknownCategory', { value: categoryCode });
  const provinceCode = filter?.provinceCode?.trim() || null;
  if (provinceCode && !findProvince(provinceCode))
    throw badInput('filter.provinceCode', 'unknownProvince', { value: provinceCode });
  const certification = filter?.certification
    ? canonicalCertificationKind(filter.certification)
    : null;
  if (filter?.certification && !certification)
    throw badInput('filter.certification', 'unknownCertification');
  const min = filter?.minMonthlyCapacity ?? null;
  if (min !== null && !/^\d{1,17}(\.\d{1,3})?$/.test(min))
    throw badInput('filter.minMonthlyCapacity', 'invalidValue');
  return {
    text,
    categoryCode,
    provinceCode,
    certification,
    minMonthlyCapacity: min === null ? null : trimDecimal(min),
  };
}

/** The version an entity holds now, normalized so two versions compare with `sameVersion`. */
export function versionOf(e: ProductEntity): ProductVersion {
  const dec = (v: string | null) => (v === null ? null : trimDecimal(v));
  return {
    name: e.name,
    description: e.description,
    categoryCode: e.categoryCode,
    unitCode: e.unitCode,
    monthlyCapacity: trimDecimal(e.monthlyCapacity),
    minOrderQuantity: dec(e.minOrderQuantity),
    priceUnitCode: e.priceUnitCode ?? e.unitCode,
    priceMin: dec(e.priceMin),
    priceMax: dec(e.priceMax),
    harvestMonths: [...e.harvestMonths],
    certifications: e.certifications.map((c) => ({
      kind: c.kind,
      issuer: c.issuer,
      validUntil: c.validUntil,
    })),
  };
}

/** Every field the public sees is material: an edit that changes any of them needs review again. */
export function sameVersion(a: ProductVersion, b: ProductVersion): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
const canonical = (v: ProductVersion) => [
  v.name,
  v.description,
  v.categoryCode,
  v.unitCode,
  v.monthlyCapacity,
  v.minOrderQuantity,
  v.priceUnitCode ?? v.unitCode,
  v.priceMin,
  v.priceMax,
  v.harvestMonths,
  v.certifications.map((c) => [c.kind, c.issuer, c.validUntil]),
];

/** Freezes the current version as the approved one. */
export function snapshotOf(e: ProductEntity, at: Date): ProductSnapshot {
  const version = versionOf(e);
  // Unit codes were validated on write, so the lookup always hits.
  const factor = findUnit(version.unitCode)!.factor;
  return {
    ...version,
    monthlyCapacityBase: multiplyDecimal(version.monthlyCapacity, factor),
    approvedAt: at.toISOString(),
  };
}

/** A certificate counts until the end of its validUntil day; one without a date does not expire. */
export const isCertificationValid = (c: CertificationData, today: string) =>
  c.validUntil === null || c.validUntil >= today;

const scaled = (v: string): [bigint, number] => {
  const [int, frac = ''] = v.split('.');
  return [BigInt(int + frac), frac.length];
};

/** Compares two non-negative decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [x, xs] = scaled(a);
  const [y, ys] = scaled(b);
  const scale = Math.max(xs, ys);
  const l = x * 10n ** BigInt(scale - xs);
  const r = y * 10n ** BigInt(scale - ys);
  return l === r ? 0 : l < r ? -1 : 1;
}

/** Multiplies two non-negative decimal strings exactly ("2.5" × "1000" = "2500"). */
export function multiplyDecimal(a: string, b: string): string {
  const [x, xs] = scaled(a);
  const [y, ys] = scaled(b);
  const digits = (x * y).toString().padStart(xs + ys + 1, '0');
  const point = digits.length - (xs + ys);
  return trimDecimal(xs + ys ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits);
}

// Plain data in and out: the worker maps its read model to these and stores what comes back.
// Quantities are in the unit family's base unit (kg, litre, piece: see toBaseQuantity) and prices
// are VND per base unit. They are JS numbers here because scoring only compares ratios of them;
// the stored contract amounts stay exact decimals elsewhere.

/** One certificate on a listing; `validUntil` is an ISO date (its last valid day), null = no expiry. */
export interface HeldCertification {
  code: string;
  validUntil: string | null;
}

/** One approved listing of a supplier, as the matcher sees it. */
export interface Offer {
  listingId: string;
  organizationId: string;
  /** 4-digit HS heading, e.g. '0901'. */
  headingCode: string;
  /** 2-digit code of one of the 34 provinces, where the goods come from. */
  provinceCode: string;
  /** Base unit code of the listing's unit family (KGM, LTR, H87…). */
  baseUnit: string;
  /** Capacity per month, in base units. */
  monthlyCapacity: number;
  /** Months of harvest, 1–12; empty means all year. */
  harvestMonths: readonly number[];
  certifications: readonly HeldCertification[];
  /** VND per base unit; either may be null when the supplier publishes no price. */
  priceMin: number | null;
  priceMax: number | null;
}

/** A supplier's record from completed contracts (the procurement `Reliability`, as a supplier). */
export interface TrackRecord {
  completedContracts: number;
  /** 0..1, null until there is a shipment. */
  onTimeRate: number | null;
  /** 0..1, null until there is a contract. */
  fillRate: number | null;
  /** 1..5, null until there is a review. */
  averageRating: number | null;
  /** Completed contracts with each buyer organization, by its id. */
  contractsByBuyer: Readonly<Record<string, number>>;
}

export interface SupplierRecord {
  organizationId: string;
  provinceCode: string;
  /** A suspended supplier is kept in the index but never appears in any result. */
  suspended: boolean;
  track: TrackRecord;
}

export interface NeedSpec {
  needId: string;
  buyerOrgId: string;
  /** '09' (an HS chapter: every heading in it fits) or '0901' (a heading). */
  categoryCode: string;
  /** In base units, > 0. */
  quantity: number;
  baseUnit: string;
  /** ISO dates, inclusive. */
  deliveryFrom: string;
  deliveryTo: string;
  /** Delivery province code. */
  provinceCode: string;
  requiredCertifications: readonly string[];
  /** VND per base unit, or null when the buyer gives no target. */
  targetUnitPrice: number | null;
}

export type SignalCode =
  | 'CATEGORY'
  | 'COVERAGE'
  | 'SEASON'
  | 'CERTIFICATIONS'
  | 'DISTANCE'
  | 'PRICE'
  | 'TRACK_RECORD'
  | 'REPEAT_BUSINESS';

/** Why a supplier scored what it did: `weight` is this signal's part of the score (they sum to it). */
export interface Reason {
  code: SignalCode;
  weight: number;
  vi: string;
  en: string;
}

export interface Match {
  organizationId: string;
  listingId: string;
  /** 0..1 */
  score: number;
  /** Capacity in the delivery window / quantity: 0..1 and beyond when it covers more. */
  coverage: number;
  reasons: Reason[];
}

export type NearMissCode = 'CERTIFICATION_MISSING' | 'CERTIFICATION_EXPIRES' | 'PARTIAL_CAPACITY';

/** A hint for a supplier that just missed: what would make it qualify. */
export interface NearMiss {
  organizationId: string;
  listingId: string;
  code: NearMissCode;
  /** The score it would have with the hint followed; near misses are ranked by it. */
  potentialScore: number;
  coverage: number;
  vi: string;
  en: string;
}

export interface GroupMember {
  organizationId: string;
  listingId: string;
  /** What this member supplies, in base units; shares sum to the quantity. */
  share: number;
  /** share / quantity. */
  coverage: number;
  /** This member's score in the group (the group covers the quantity, so coverage counts fully). */
  score: number;
  reasons: Reason[];
}

export type GroupSentenceCode =
  'GROUP_NEEDED' | 'GROUP_COVERAGE' | 'GROUP_SHARES' | 'GROUP_SPREAD' | 'GROUP_DISTANCE';

export interface Sentence {
  code: GroupSentenceCode;
  vi: string;
  en: string;
}

/** A consortium: cooperatives that together cover a quantity none covers alone. */
export interface SupplierGroup {
  members: GroupMember[];
  /** Combined capacity in the window / quantity (≥ 1). */
  coverage: number;
  /** Members' scores weighted by their shares. */
  score: number;
  /** Longest distance between two members. */
  spreadKm: number;
  /** Distance to the delivery province, weighted by shares. */
  distanceKm: number;
  explanation: Sentence[];
}

/** Distance between two provinces' administrative centres; assumed pure (results are cached). */
export type DistanceFn = (fromProvince: string, toProvince: string) => number;

export interface Label {
  vi: string;
  en: string;
}

/** A unit as it follows a quantity (name) and a price (symbol): reference data's UnitRecord fits. */
export interface UnitLabel {
  nameVi: string;
  nameEn: string;
  symbolVi: string;
  symbolEn: string;
}

/** A category's everyday name: reference data's CategoryRecord fits. */
export interface CategoryLabel {
  shortNameVi: string;
  shortNameEn: string;
}

/**
 * Names for sentences: the worker passes reference data (`findCategory`, `findUnit`); anything
 * missing falls back to a built-in name or the code.
 */
export interface Labels {
  category?: (code: string) => CategoryLabel | undefined;
  unit?: (baseUnit: string) => UnitLabel | undefined;
  certification?: (code: string) => Label | undefined;
}

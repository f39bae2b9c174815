import { harvestMask } from './delivery-window';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from './matching.config';
import type {
  DistanceFn,
  Labels,
  Match,
  NeedSpec,
  Offer,
  SupplierRecord,
  TrackRecord,
} from './matching.types';
import { explain } from './reasons';
import { Words } from './wording';
import {
  categorySignal,
  holdsRequired,
  combine,
  coverageOf,
  coverageSignal,
  distanceSignal,
  lowPrice,
  prepareNeed,
  PreparedNeed,
  priceSignal,
  repeatSignal,
  seasonSignal,
  Signals,
  trackRecordSignal,
} from './signals';

/** A supplier nobody has recorded anything about yet. */
export const NEWCOMER: TrackRecord = Object.freeze({
  completedContracts: 0,
  onTimeRate: null,
  fillRate: null,
  averageRating: null,
  contractsByBuyer: Object.freeze({}),
});

/** What scoring reads of a supplier (the index keeps one per supplier). */
export interface Scoring {
  record: TrackRecord;
  /** trackRecordSignal(record) */
  track: number;
}

/** An offer with its harvest months as a mask (the index keeps these). */
export interface Scorable {
  offer: Offer;
  /** harvestMask(offer.harvestMonths) */
  mask: number;
  supplier: Scoring;
}

export function toScorable(offer: Offer, record: TrackRecord, config: MatchingConfig): Scorable {
  return {
    offer,
    mask: harvestMask(offer.harvestMonths),
    supplier: { record, track: trackRecordSignal(config.params, record) },
  };
}

export interface ScoreMode {
  /** Score as if every required certification were held (what a near miss could reach). */
  assumeCertified?: boolean;
  /** Score as if capacity covered the quantity (a group member, or a near miss's potential). */
  assumeCovered?: boolean;
}

const AS_IS: ScoreMode = Object.freeze({});

/**
 * Writes the signals of an offer for a need into `out`; false when it is not a candidate. The
 * index calls this for every offer it visits, so it allocates nothing.
 */
export function signalsInto(
  p: PreparedNeed,
  x: Scorable,
  km: number,
  mode: ScoreMode,
  out: Signals,
): boolean {
  const o = x.offer;
  const category = categorySignal(p, o.headingCode);
  if (category === null || o.baseUnit !== p.need.baseUnit) return false;
  if (!mode.assumeCertified && p.appliesCertifications && !holdsRequired(p, o.certifications)) {
    return false;
  }
  const params = p.config.params;
  const { record, track } = x.supplier;
  out.category = category;
  out.coverage = mode.assumeCovered ? 1 : coverageSignal(coverageOf(p, o.monthlyCapacity));
  out.season = seasonSignal(p, x.mask);
  out.certifications = 1;
  out.distance = distanceSignal(params, km);
  out.price = p.appliesPrice ? priceSignal(p, lowPrice(o)) : 0;
  out.trackRecord = track;
  out.repeatBusiness =
    record === NEWCOMER ? 0 : repeatSignal(params, record.contractsByBuyer[p.need.buyerOrgId] ?? 0);
  return true;
}

/** The signals of an offer for a need, or null when it is not a candidate. */
export function signalsOf(
  p: PreparedNeed,
  x: Scorable,
  km: number,
  mode: ScoreMode = AS_IS,
): Signals | null {
  const out = emptySignals();
  return signalsInto(p, x, km, mode, out) ? out : null;
}

export const emptySignals = (): Signals => ({
  category: 0,
  coverage: 0,
  season: 0,
  certifications: 0,
  distance: 0,
  price: 0,
  trackRecord: 0,
  repeatBusiness: 0,
});

export interface ScoreEnv {
  distanceKm: DistanceFn;
  config?: MatchingConfig;
  labels?: Labels;
}

/**
 * One offer scored and explained for one need, or null when it is not a candidate (another chapter
 * or unit family, a required certification missing or expiring before the last delivery day, or a
 * suspended supplier). The index gives the same numbers; this is for one-off checks.
 */
export function scoreOffer(
  need: NeedSpec,
  offer: Offer,
  supplier: SupplierRecord | undefined,
  env: ScoreEnv,
): Match | null {
  if (supplier?.suspended) return null;
  const config = env.config ?? DEFAULT_MATCHING_CONFIG;
  const p = prepareNeed(need, config);
  const x = toScorable(offer, supplier?.track ?? NEWCOMER, config);
  const km = env.distanceKm(offer.provinceCode, need.provinceCode);
  const s = signalsOf(p, x, km);
  if (!s) return null;
  return {
    organizationId: offer.organizationId,
    listingId: offer.listingId,
    score: combine(p, s),
    coverage: coverageOf(p, offer.monthlyCapacity),
    reasons: explain(p, x, s, km, new Words(env.labels ?? {})),
  };
}

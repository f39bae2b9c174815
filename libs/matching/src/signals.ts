import { DeliveryWindow, deliveryWindow, seasonShare } from './delivery-window';
import { MatchingConfig, MatchingParams } from './matching.config';
import type { HeldCertification, NeedSpec, SignalCode, TrackRecord } from './matching.types';

// Every signal is a number in 0..1 and a monotone function of one input, so that a bucket's
// best-case inputs (largest capacity, union of harvest months, lowest price…) give a score that no
// offer in the bucket can beat, in floating point too: the pruning in match-index.ts relies on it.

/** What a need asks, computed once per query. */
export interface PreparedNeed {
  need: NeedSpec;
  config: MatchingConfig;
  window: DeliveryWindow;
  /** 2-digit chapter of the category asked for; `heading` is null when a whole chapter is asked. */
  chapter: string;
  heading: string | null;
  /** 'YYYY-MM-DD' of the last delivery day: certificates must be valid through it. */
  lastDay: string;
  appliesCertifications: boolean;
  appliesPrice: boolean;
  /** 1 / the sum of the weights that apply to this need. */
  invWeight: number;
}

export function prepareNeed(need: NeedSpec, config: MatchingConfig): PreparedNeed {
  if (!/^\d{2}(\d{2})?$/.test(need.categoryCode)) {
    throw new RangeError(`categoryCode must be an HS chapter or heading: ${need.categoryCode}`);
  }
  if (!(need.quantity > 0) || !Number.isFinite(need.quantity))
    throw new RangeError(`quantity must be > 0: ${need.quantity}`);
  const window = deliveryWindow(need.deliveryFrom, need.deliveryTo);
  const w = config.weights;
  const appliesCertifications = need.requiredCertifications.length > 0;
  const appliesPrice = need.targetUnitPrice !== null && need.targetUnitPrice > 0;
  const total =
    w.category +
    w.coverage +
    w.season +
    w.distance +
    w.trackRecord +
    w.repeatBusiness +
    (appliesCertifications ? w.certifications : 0) +
    (appliesPrice ? w.price : 0);
  return {
    need,
    config,
    window,
    chapter: need.categoryCode.slice(0, 2),
    heading: need.categoryCode.length === 4 ? need.categoryCode : null,
    lastDay: need.deliveryTo.slice(0, 10),
    appliesCertifications,
    appliesPrice,
    invWeight: total > 0 ? 1 / total : 0,
  };
}

/**
 * Category fit: 1 for the heading asked (or any heading of the chapter asked), `chapterFit` for
 * another heading of the same chapter, null when the offer is not a candidate at all.
 */
export function categorySignal(p: PreparedNeed, headingCode: string): number | null {
  if (!headingCode.startsWith(p.chapter)) return null;
  return p.heading === null || p.heading === headingCode ? 1 : p.config.params.chapterFit;
}

/** Capacity over the delivery window / quantity, uncapped (monthly capacity × months). */
export const coverageOf = (p: PreparedNeed, monthlyCapacity: number) =>
  (monthlyCapacity * p.window.months) / p.need.quantity;

export const coverageSignal = (coverage: number) => Math.min(1, coverage);

export const seasonSignal = (p: PreparedNeed, mask: number) => seasonShare(p.window, mask);

/** The latest expiry among a listing's certificates of one kind: null = never, undefined = none. */
export function validity(
  certs: readonly HeldCertification[],
  code: string,
): string | null | undefined {
  let best: string | null | undefined;
  for (const c of certs) {
    if (c.code !== code) continue;
    if (c.validUntil === null) return null;
    const day = c.validUntil.slice(0, 10);
    if (best === undefined || (best !== null && day > best)) best = day;
  }
  return best;
}

/** Is a certificate valid on the last delivery day? (null = no expiry.) */
export const validThrough = (until: string | null | undefined, lastDay: string) =>
  until === null || (until !== undefined && until >= lastDay);

/** Whether a listing holds every required certification through the last delivery day. */
export function holdsRequired(p: PreparedNeed, certs: readonly HeldCertification[]): boolean {
  for (const code of p.need.requiredCertifications) {
    if (!validThrough(validity(certs, code), p.lastDay)) return false;
  }
  return true;
}

/** Required certifications a listing lacks, or holds only until before the last delivery day. */
export function certificationGaps(p: PreparedNeed, certs: readonly HeldCertification[]) {
  const missing: string[] = [];
  const expiring: { code: string; validUntil: string }[] = [];
  for (const code of p.need.requiredCertifications) {
    const until = validity(certs, code);
    if (until === undefined) missing.push(code);
    else if (until !== null && until < p.lastDay) expiring.push({ code, validUntil: until });
  }
  return { missing, expiring, count: missing.length + expiring.length };
}

/** 1 in the delivery province, ½ at `distanceHalfKm`, falling smoothly beyond. */
export const distanceSignal = (params: MatchingParams, km: number) =>
  params.distanceHalfKm / (params.distanceHalfKm + Math.max(0, km));

/** The lowest price a listing quotes (priceMin, else priceMax), null when it quotes none. */
export const lowPrice = (o: { priceMin: number | null; priceMax: number | null }) =>
  o.priceMin ?? o.priceMax;

/**
 * 1 when the listing's lowest price is within the target, falling linearly to 0 at
 * `priceTolerance` above it; `unknownPrice` when the listing has no price.
 */
export function priceSignal(p: PreparedNeed, low: number | null): number {
  const target = p.need.targetUnitPrice;
  if (target === null || target <= 0) return 0;
  if (low === null) return p.config.params.unknownPrice;
  if (low <= target) return 1;
  return Math.max(0, 1 - (low - target) / target / p.config.params.priceTolerance);
}

/**
 * On-time rate, fill rate and rating (1..5 read as 0..1), each shrunk towards the newcomer prior as
 * if the prior had been seen in `priorContracts` contracts: a newcomer scores the prior exactly, a
 * supplier with two good contracts a little above it, a long good record near its true rates.
 */
export function trackRecordSignal(params: MatchingParams, t: TrackRecord): number {
  const n = Math.max(0, t.completedContracts);
  const m = params.priorContracts;
  const prior = params.newcomerPrior;
  if (n === 0) return prior;
  const shrink = (x: number | null) =>
    x === null || n + m === 0 ? prior : (n * clamp01(x) + m * prior) / (n + m);
  const rating = t.averageRating === null ? null : (t.averageRating - 1) / 4;
  return (shrink(t.onTimeRate) + shrink(t.fillRate) + shrink(rating)) / 3;
}

/** Completed contracts with this buyer, counting fully from `repeatSaturation` on. */
export const repeatSignal = (params: MatchingParams, contracts: number) =>
  Math.min(1, Math.max(0, contracts) / params.repeatSaturation);

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export interface Signals {
  category: number;
  coverage: number;
  season: number;
  /** 1 when every required certification is held through delivery (only such offers match). */
  certifications: number;
  distance: number;
  price: number;
  trackRecord: number;
  repeatBusiness: number;
}

/** The weighted mean of the signals that apply, always summed in the same order (see top). */
export function combine(p: PreparedNeed, s: Signals): number {
  const w = p.config.weights;
  let sum = w.category * s.category + w.coverage * s.coverage + w.season * s.season;
  if (p.appliesCertifications) sum += w.certifications * s.certifications;
  sum += w.distance * s.distance;
  if (p.appliesPrice) sum += w.price * s.price;
  sum += w.trackRecord * s.trackRecord + w.repeatBusiness * s.repeatBusiness;
  return sum * p.invWeight;
}

/** Each applying signal's part of the score: what a reason's weight reports. */
export function contributions(p: PreparedNeed, s: Signals): [SignalCode, number][] {
  const w = p.config.weights;
  const parts: [SignalCode, number][] = [
    ['CATEGORY', w.category * s.category],
    ['COVERAGE', w.coverage * s.coverage],
    ['SEASON', w.season * s.season],
  ];
  if (p.appliesCertifications) parts.push(['CERTIFICATIONS', w.certifications * s.certifications]);
  parts.push(['DISTANCE', w.distance * s.distance]);
  if (p.appliesPrice) parts.push(['PRICE', w.price * s.price]);
  parts.push(
    ['TRACK_RECORD', w.trackRecord * s.trackRecord],
    ['REPEAT_BUSINESS', w.repeatBusiness * s.repeatBusiness],
  );
  return parts.map(([code, v]) => [code, v * p.invWeight]);
}

import { Bucket, Entry, Heading, SupplierState } from './bucket';
import { byValue, GroupCandidate, searchGroups } from './consortium';
import { toSupplierGroup } from './group-explain';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from './matching.config';
import type {
  DistanceFn,
  Labels,
  Match,
  NearMiss,
  NeedSpec,
  Offer,
  SupplierGroup,
  SupplierRecord,
} from './matching.types';
import { fullyQualifies, nearMissOf, toNearMiss } from './near-miss';
import { prunedSearch, SearchSpace, SearchStats } from './pruned-search';
import { explain } from './reasons';
import { harvestMask } from './delivery-window';
import { emptySignals, NEWCOMER, ScoreMode, signalsInto, signalsOf } from './score';
import { combine, coverageOf, prepareNeed, PreparedNeed, trackRecordSignal } from './signals';
import { ranking } from './top-k';
import { Words } from './wording';

export interface MatchIndexOptions {
  distanceKm: DistanceFn;
  config?: MatchingConfig;
  labels?: Labels;
}

/** A scored offer; its signals are computed again for the few that are explained. */
interface Scored {
  organizationId: string;
  listingId: string;
  score: number;
  entry: Entry;
  km: number;
}

const AS_IS: ScoreMode = {};

/**
 * The matcher's read model: approved offers grouped by heading and province, kept current by
 * upserts and removals, answering a need with its exact top suppliers (see README.md).
 */
export class MatchIndex {
  private readonly config: MatchingConfig;
  private readonly words: Words;
  /** chapter → heading code → heading (→ province → bucket) */
  private readonly chapters = new Map<string, Map<string, Heading>>();
  private readonly offers = new Map<string, Entry>();
  private readonly suppliers = new Map<string, SupplierState>();
  /** buyer → suppliers with completed contracts with it: scored before the bounded search. */
  private readonly buyers = new Map<string, Set<SupplierState>>();
  private readonly distances = new Map<string, Map<string, number>>();
  /** Signals of the offer being scored: the hot loop allocates nothing for offers that miss. */
  private readonly scratch = emptySignals();

  constructor(private readonly options: MatchIndexOptions) {
    this.config = options.config ?? DEFAULT_MATCHING_CONFIG;
    this.words = new Words(options.labels ?? {});
  }

  get offerCount() {
    return this.offers.size;
  }

  /**
   * Adds an approved listing, or replaces the one with its id. The index keeps the object (a copy
   * would double the model's memory): pass a new one to change it, never mutate one passed.
   */
  upsertOffer(offer: Offer): void {
    if (!/^\d{4}$/.test(offer.headingCode))
      throw new RangeError(`headingCode must be a 4-digit HS heading: ${offer.headingCode}`);
    if (!(offer.monthlyCapacity >= 0) || !Number.isFinite(offer.monthlyCapacity)) {
      throw new RangeError(`monthlyCapacity must be a number ≥ 0: ${offer.monthlyCapacity}`);
    }
    this.removeOffer(offer.listingId);
    const supplier = this.supplier(offer.organizationId);
    const entry: Entry = {
      offer,
      mask: harvestMask(offer.harvestMonths),
      supplier,
      bucket: undefined!,
      band: undefined!,
    };
    supplier.entries.push(entry);
    this.offers.set(offer.listingId, entry);
    this.bucket(offer.headingCode, offer.provinceCode).add(entry);
  }

  /**
   * Sorts and bounds every band now. The index otherwise does it lazily, on the first need that
   * reaches a band after a change; call this after loading, so that the first needs do not pay.
   */
  prepare(): void {
    for (const headings of this.chapters.values()) {
      for (const h of headings.values()) void h.aggregate;
    }
  }

  /** Removes a listing (archived, rejected, deleted); false when it was not there. */
  removeOffer(listingId: string): boolean {
    const entry = this.offers.get(listingId);
    if (!entry) return false;
    entry.bucket.remove(entry);
    const mine = entry.supplier.entries;
    mine.splice(mine.indexOf(entry), 1);
    this.offers.delete(listingId);
    return true;
  }

  /**
   * Records a supplier's track record and standing; a suspended one drops out of every result.
   * Like offers, the record is kept as passed: pass a new one to change it.
   */
  upsertSupplier(record: SupplierRecord): void {
    const s = this.supplier(record.organizationId);
    for (const buyer of Object.keys(s.record.contractsByBuyer)) this.buyers.get(buyer)?.delete(s);
    const track = record.track;
    const score = trackRecordSignal(this.config.params, track);
    // The track record orders a band's offers: a new one sends them back to be sorted.
    const reordered = score !== s.track;
    s.record = track;
    s.suspended = record.suspended;
    s.track = score;
    for (const [buyer, count] of Object.entries(track.contractsByBuyer)) {
      if (count <= 0) continue;
      let suppliers = this.buyers.get(buyer);
      if (!suppliers) this.buyers.set(buyer, (suppliers = new Set()));
      suppliers.add(s);
    }
    for (const e of s.entries) e.bucket.touch(e, reordered);
  }

  /** The best `k` suppliers for a need, each by its best listing, with reasons. */
  top(need: NeedSpec, k: number): Match[] {
    return this.search(need, k).matches;
  }

  /** `top` with how many buckets and offers it looked at. */
  search(need: NeedSpec, k: number): { matches: Match[]; stats: SearchStats } {
    const p = prepareNeed(need, this.config);
    const { found, stats } = prunedSearch(
      this.space,
      p,
      k,
      { requireCertified: true, assumeCovered: false },
      (e, km, floor) => this.scored(p, e, km, floor),
    );
    return { matches: found.map((x) => this.toMatch(p, x)), stats };
  }

  /** The same answer as `top`, by scoring every offer: the yardstick the pruning is tested against. */
  bruteForce(need: NeedSpec, k: number): Match[] {
    const p = prepareNeed(need, this.config);
    const best = new Map<string, Scored>();
    for (const e of this.offers.values()) {
      const x = this.scored(p, e, this.km(e.offer.provinceCode, need.provinceCode));
      const held = x && best.get(x.organizationId);
      if (x && (!held || ranking(x, held) < 0)) best.set(x.organizationId, x);
    }
    return [...best.values()]
      .sort(ranking)
      .slice(0, Math.max(0, k))
      .map((x) => this.toMatch(p, x));
  }

  /**
   * Suppliers that just missed, each with the one thing that would make it qualify, most promising
   * first. `exhaustive` scores every offer instead of pruning: same answer, for tests.
   */
  nearMisses(need: NeedSpec, k: number, options: { exhaustive?: boolean } = {}): NearMiss[] {
    const p = prepareNeed(need, this.config);
    const km = (province: string) => this.km(province, need.provinceCode);
    const verdicts = new Map<SupplierState, boolean>();
    const qualifies = (e: Entry) => {
      let v = verdicts.get(e.supplier);
      if (v === undefined)
        verdicts.set(e.supplier, (v = fullyQualifies(p, e.supplier.entries, km)));
      return v;
    };
    const mode = { requireCertified: false, assumeCovered: true, exhaustive: options.exhaustive };
    const { found } = prunedSearch(this.space, p, k, mode, (e, d) =>
      nearMissOf(p, e, d, qualifies),
    );
    return found.map((c) => toNearMiss(p, c, this.words));
  }

  /**
   * Groups of nearby cooperatives that together cover the quantity, when no single one does (an
   * empty list otherwise): fewest members first, then best score.
   */
  consortia(need: NeedSpec, k: number): SupplierGroup[] {
    const p = prepareNeed(need, this.config);
    const pool: GroupCandidate[] = [];
    for (const bucket of this.buckets(p, p.heading)) {
      const km = this.km(bucket.provinceCode, need.provinceCode);
      for (const e of bucket.entries()) {
        const s = e.supplier.suspended ? null : signalsOf(p, e, km, { assumeCovered: true });
        if (!s) continue;
        if (coverageOf(p, e.offer.monthlyCapacity) >= 1) return [];
        const { organizationId, listingId, headingCode, provinceCode, monthlyCapacity } = e.offer;
        const capacity = monthlyCapacity * p.window.months;
        pool.push({
          organizationId,
          listingId,
          headingCode,
          provinceCode,
          capacity,
          value: combine(p, s),
        });
      }
    }
    const { groups } = searchGroups(this.limit(pool), need.quantity, k, {
      maxSize: this.config.params.maxGroupSize,
      spreadKm: this.config.params.groupSpreadKm,
      distanceKm: (a, b) => this.km(a, b),
    });
    const km = (province: string) => this.km(province, need.provinceCode);
    return groups.map((g) => toSupplierGroup(p, g, (id) => this.offers.get(id)!, km, this.words));
  }

  /** A scored offer, or null when it is no candidate or scores below `floor`. */
  private scored(p: PreparedNeed, e: Entry, km: number, floor = -Infinity): Scored | null {
    const s = this.scratch;
    if (e.supplier.suspended || !signalsInto(p, e, km, AS_IS, s)) return null;
    const score = combine(p, s);
    if (score < floor) return null;
    return {
      organizationId: e.offer.organizationId,
      listingId: e.offer.listingId,
      score,
      entry: e,
      km,
    };
  }

  private toMatch(p: PreparedNeed, x: Scored): Match {
    return {
      organizationId: x.organizationId,
      listingId: x.listingId,
      score: x.score,
      coverage: coverageOf(p, x.entry.offer.monthlyCapacity),
      reasons: explain(p, x.entry, signalsOf(p, x.entry, x.km)!, x.km, this.words),
    };
  }

  private readonly space: SearchSpace = {
    headings: (chapter) => this.chapters.get(chapter)?.values() ?? [],
    repeatOffers: (buyer) => this.repeatOffers(buyer),
    km: (from, to) => this.km(from, to),
  };

  private *repeatOffers(buyer: string): Iterable<Entry> {
    for (const s of this.buyers.get(buyer) ?? []) yield* s.entries;
  }

  /** The buckets of a chapter, or of one heading of it. */
  private *buckets(p: PreparedNeed, heading: string | null): Iterable<Bucket> {
    for (const h of this.chapters.get(p.chapter)?.values() ?? []) {
      if (heading === null || h.code === heading) yield* h.buckets.values();
    }
  }

  /**
   * Past `maxGroupCandidates`, the group search keeps the best half by value and the best half by
   * capacity (small groups need large capacities); below it, it is exhaustive.
   */
  private limit(pool: GroupCandidate[]): GroupCandidate[] {
    const max = this.config.params.maxGroupCandidates;
    if (pool.length <= max) return pool;
    const byCapacity = (a: GroupCandidate, b: GroupCandidate) =>
      b.capacity - a.capacity || byValue(a, b);
    const kept = new Set([...pool].sort(byValue).slice(0, Math.ceil(max / 2)));
    for (const c of [...pool].sort(byCapacity)) {
      if (kept.size >= max) break;
      kept.add(c);
    }
    return [...kept];
  }

  private supplier(organizationId: string): SupplierState {
    let s = this.suppliers.get(organizationId);
    if (!s) {
      s = {
        organizationId,
        suspended: false,
        record: NEWCOMER,
        track: trackRecordSignal(this.config.params, NEWCOMER),
        entries: [],
      };
      this.suppliers.set(organizationId, s);
    }
    return s;
  }

  private bucket(heading: string, province: string): Bucket {
    const chapter = heading.slice(0, 2);
    let headings = this.chapters.get(chapter);
    if (!headings) this.chapters.set(chapter, (headings = new Map<string, Heading>()));
    let h = headings.get(heading);
    if (!h) headings.set(heading, (h = new Heading(heading)));
    return h.bucket(province);
  }

  /** Distances are asked per bucket per need: a two-level map spares building a key each time. */
  private km(from: string, to: string): number {
    let row = this.distances.get(from);
    if (!row) this.distances.set(from, (row = new Map<string, number>()));
    let d = row.get(to);
    if (d === undefined) row.set(to, (d = this.options.distanceKm(from, to)));
    return d;
  }
}

import type { Scorable, Scoring } from './score';
import {
  combine,
  coverageOf,
  coverageSignal,
  distanceSignal,
  lowPrice,
  PreparedNeed,
  priceSignal,
  seasonSignal,
} from './signals';

// The read model's layout (README.md, "Pruning"): offers are grouped by heading, then province
// (a bucket), then capacity class (a band: capacities within a factor of two); a band is kept
// sorted by track record, best first, and cut into blocks. Each level keeps, for every
// input of the score, the best value found below it, so its bound is a score nothing below beats.

export interface SupplierState extends Scoring {
  organizationId: string;
  suspended: boolean;
  entries: Entry[];
}

/** An offer in the index: kept small, as there may be a million. */
export interface Entry extends Scorable {
  supplier: SupplierState;
  bucket: Bucket;
  band: Band;
}

/** How many offers a block holds: the unit the search scores at once. */
export const BLOCK = 16;
/** Sorts after every ISO date: a certificate that never expires. */
const NEVER = '9999-99-99';

/** The best value of each score input among some offers (suspended suppliers' count for nothing). */
export class Aggregate {
  capacity = 0;
  months = 0;
  minPrice = Infinity;
  unpriced = false;
  track = 0;
  /** Latest last-valid day per certificate code. */
  readonly certs = new Map<string, string>();
  live = 0;

  absorb(e: Entry) {
    if (e.supplier.suspended) return;
    this.live++;
    this.capacity = Math.max(this.capacity, e.offer.monthlyCapacity);
    this.months |= e.mask;
    const low = lowPrice(e.offer);
    if (low === null) this.unpriced = true;
    else this.minPrice = Math.min(this.minPrice, low);
    this.track = Math.max(this.track, e.supplier.track);
    for (const c of e.offer.certifications) this.cert(c.code, c.validUntil?.slice(0, 10) ?? NEVER);
  }

  merge(a: Aggregate) {
    this.live += a.live;
    this.capacity = Math.max(this.capacity, a.capacity);
    this.months |= a.months;
    this.minPrice = Math.min(this.minPrice, a.minPrice);
    this.unpriced ||= a.unpriced;
    this.track = Math.max(this.track, a.track);
    for (const [code, until] of a.certs) this.cert(code, until);
  }

  /** Could some offer here hold every required certification through the last delivery day? */
  mayQualify(p: PreparedNeed): boolean {
    for (const code of p.need.requiredCertifications) {
      if ((this.certs.get(code) ?? '') < p.lastDay) return false;
    }
    return true;
  }

  /**
   * An upper bound of the score of every offer here with no repeat business with the buyer
   * (those are scored first, see MatchIndex), through the same functions and in the same order as
   * the score, each fed an input at least as good: floating-point rounding is monotone, so the
   * bound holds to the last bit. `assumeCovered` bounds near misses' potential.
   */
  bound(p: PreparedNeed, km: number, category: number, assumeCovered: boolean): number {
    let price = 0;
    if (p.appliesPrice) {
      price = this.minPrice < Infinity ? priceSignal(p, this.minPrice) : 0;
      if (this.unpriced) price = Math.max(price, priceSignal(p, null));
    }
    return combine(p, {
      category,
      coverage: assumeCovered ? 1 : coverageSignal(coverageOf(p, this.capacity)),
      season: seasonSignal(p, this.months),
      certifications: 1,
      distance: distanceSignal(p.config.params, km),
      price,
      trackRecord: this.track,
      repeatBusiness: 0,
    });
  }

  private cert(code: string, until: string) {
    if (until > (this.certs.get(code) ?? '')) this.certs.set(code, until);
  }
}

/** Capacity class: capacities within a factor of two of each other. */
const capacityClass = (e: Entry) =>
  e.offer.monthlyCapacity > 0 ? Math.floor(Math.log2(e.offer.monthlyCapacity)) : -1;
const cmp = (a: Entry, b: Entry) =>
  b.supplier.track - a.supplier.track ||
  (a.offer.listingId < b.offer.listingId ? -1 : a.offer.listingId > b.offer.listingId ? 1 : 0);

/**
 * Offers of one capacity class in a bucket, best track record first, cut into blocks. Additions
 * are appended and the order restored when next needed: loading a million offers, or a burst of
 * changes, costs one (nearly sorted, so nearly linear) sort per band rather than a shift per offer.
 */
export class Band {
  private readonly list: Entry[] = [];
  /** suffix[i]: the aggregate of blocks i and after; rebuilt when next read after a change. */
  private suffix: Aggregate[] = [];
  private dirty = false;
  private unsorted = false;

  constructor(readonly bucket: Bucket) {}

  /** The offers in order. */
  get entries(): readonly Entry[] {
    if (this.unsorted) this.sort();
    return this.list;
  }

  add(e: Entry) {
    const n = this.list.length;
    if (n > 0 && cmp(this.list[n - 1], e) > 0) this.unsorted = true;
    this.list.push(e);
    this.dirty = true;
  }

  remove(e: Entry) {
    const at = this.find(e);
    if (this.list[at] !== e) throw new Error(`match index out of order at ${e.offer.listingId}`);
    this.list.splice(at, 1);
    this.dirty = true;
  }

  /** One of its suppliers changed: its standing (`reordered` false) or its track record. */
  touch(reordered: boolean) {
    this.dirty = true;
    if (reordered) this.unsorted = true;
  }

  get blocks() {
    return Math.ceil(this.list.length / BLOCK);
  }

  /** What blocks `block` and later hold at best. */
  from(block: number): Aggregate {
    if (this.dirty) this.rebuild();
    return this.suffix[block];
  }

  /** Where `e` is (binary search on track record, then listing id). */
  private find(e: Entry): number {
    const list = this.entries;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(list[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private sort() {
    this.list.sort(cmp);
    this.unsorted = false;
  }

  private rebuild() {
    const list = this.entries;
    const n = this.blocks;
    this.suffix = new Array<Aggregate>(n);
    for (let b = n - 1; b >= 0; b--) {
      const a = new Aggregate();
      const end = Math.min(list.length, (b + 1) * BLOCK);
      for (let i = b * BLOCK; i < end; i++) a.absorb(list[i]);
      if (b + 1 < n) a.merge(this.suffix[b + 1]);
      this.suffix[b] = a;
    }
    this.dirty = false;
  }
}

/** The offers of one heading from one province, in bands by capacity class. */
export class Bucket {
  readonly bands = new Map<number, Band>();
  private all: Aggregate | null = null;

  constructor(
    readonly heading: Heading,
    readonly provinceCode: string,
  ) {}

  add(e: Entry) {
    const capacity = capacityClass(e);
    let band = this.bands.get(capacity);
    if (!band) this.bands.set(capacity, (band = new Band(this)));
    e.bucket = this;
    e.band = band;
    band.add(e);
    this.changed();
  }

  remove(e: Entry) {
    e.band.remove(e);
    this.changed();
  }

  /** A supplier of one of its offers was suspended, reinstated or re-rated. */
  touch(e: Entry, reordered: boolean) {
    e.band.touch(reordered);
    this.changed();
  }

  /** What the whole bucket holds at best. */
  get aggregate(): Aggregate {
    if (!this.all) {
      const a = new Aggregate();
      for (const band of this.bands.values()) if (band.blocks > 0) a.merge(band.from(0));
      this.all = a;
    }
    return this.all;
  }

  *entries(): Iterable<Entry> {
    for (const band of this.bands.values()) yield* band.entries;
  }

  private changed() {
    this.all = null;
    this.heading.changed();
  }
}

/** The buckets of one heading, by province. */
export class Heading {
  readonly buckets = new Map<string, Bucket>();
  private all: Aggregate | null = null;

  constructor(readonly code: string) {}

  bucket(province: string): Bucket {
    let b = this.buckets.get(province);
    if (!b) this.buckets.set(province, (b = new Bucket(this, province)));
    return b;
  }

  /** What all its buckets hold at best. */
  get aggregate(): Aggregate {
    if (!this.all) {
      const a = new Aggregate();
      for (const b of this.buckets.values()) a.merge(b.aggregate);
      this.all = a;
    }
    return this.all;
  }

  changed() {
    this.all = null;
  }
}

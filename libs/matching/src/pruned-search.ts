import { Aggregate, Band, BLOCK, Bucket, Entry, Heading } from './bucket';
import { MaxHeap } from './heap';
import { categorySignal, PreparedNeed } from './signals';
import { Ranked, TopK } from './top-k';

/** What the search reads from the index. */
export interface SearchSpace {
  /** The headings of one HS chapter. */
  headings(chapter: string): Iterable<Heading>;
  /** Offers of the suppliers with completed contracts with this buyer. */
  repeatOffers(buyerOrgId: string): Iterable<Entry>;
  km(from: string, to: string): number;
}

export interface SearchMode {
  /** Skip what cannot hold the required certifications (matches; near misses want them). */
  requireCertified: boolean;
  /** Bound coverage as full (near misses are ranked by what they could reach). */
  assumeCovered: boolean;
  /** Never stop early: every offer of the chapter is scored (what the pruning is tested against). */
  exhaustive?: boolean;
}

/** How much work a search did: the pruning is judged by it, not by a clock. */
export interface SearchStats {
  bucketsVisited: number;
  offersScored: number;
}

/** A heading (bucket null), a bucket (band null), or a band's blocks from `block` on. */
interface Frontier {
  bound: number;
  heading: Heading;
  bucket: Bucket | null;
  band: Band | null;
  block: number;
  km: number;
  category: number;
}

/**
 * The exact top k of `evaluate` over a chapter, best first. Offers of suppliers with repeat
 * business with the buyer are scored first, since only they have any; then headings, buckets,
 * bands and blocks are opened best bound first, and the search stops when the best bound left is below the
 * k-th score found: every offer not scored is under some bound still in the heap, and a bound
 * is never above its parent's, so none of them could enter. Equal to it does not stop, because an
 * equal score with a smaller organization id would enter.
 */
export function prunedSearch<T extends Ranked>(
  space: SearchSpace,
  p: PreparedNeed,
  k: number,
  mode: SearchMode,
  /** The candidate an offer makes, or null; `floor` is the score it must reach to matter. */
  evaluate: (e: Entry, km: number, floor: number) => T | null,
): { found: T[]; stats: SearchStats } {
  const top = new TopK<T>(k);
  const stats: SearchStats = { bucketsVisited: 0, offersScored: 0 };
  const delivery = p.need.provinceCode;
  const score = (e: Entry, km: number) => {
    stats.offersScored++;
    const x = evaluate(e, km, top.threshold);
    if (x) top.offer(x);
  };
  for (const e of space.repeatOffers(p.need.buyerOrgId)) {
    if (e.offer.headingCode.startsWith(p.chapter))
      score(e, space.km(e.offer.provinceCode, delivery));
  }
  const heap = new MaxHeap<Frontier>();
  const certified = mode.requireCertified && p.appliesCertifications;
  const open = (
    a: Aggregate,
    heading: Heading,
    bucket: Bucket | null,
    band: Band | null,
    block: number,
    km: number,
    category: number,
  ) => {
    if (a.live === 0 || (certified && !a.mayQualify(p))) return;
    const bound = a.bound(p, km, category, mode.assumeCovered);
    heap.push({ bound, heading, bucket, band, block, km, category });
  };
  for (const heading of space.headings(p.chapter)) {
    // The nearest of its provinces bounds the distance of all of them.
    let km = Infinity;
    for (const b of heading.buckets.values()) km = Math.min(km, space.km(b.provinceCode, delivery));
    open(heading.aggregate, heading, null, null, 0, km, categorySignal(p, heading.code) ?? 0);
  }
  const done = (bound: number) => !mode.exhaustive && top.full && bound < top.threshold;
  for (let f = heap.pop(); f && !done(f.bound); f = heap.pop()) {
    const { heading, bucket, band, category } = f;
    if (bucket === null) {
      for (const b of heading.buckets.values()) {
        open(b.aggregate, heading, b, null, 0, space.km(b.provinceCode, delivery), category);
      }
    } else if (band === null) {
      stats.bucketsVisited++;
      for (const x of bucket.bands.values()) {
        if (x.blocks > 0) open(x.from(0), heading, bucket, x, 0, f.km, category);
      }
    } else {
      const { entries } = band;
      const end = Math.min(entries.length, (f.block + 1) * BLOCK);
      for (let i = f.block * BLOCK; i < end; i++) score(entries[i], f.km);
      const next = f.block + 1;
      if (next < band.blocks) open(band.from(next), heading, bucket, band, next, f.km, category);
    }
  }
  return { found: top.items, stats };
}

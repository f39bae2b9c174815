import { MatchIndex } from '../match-index';
import {
  generateMarket,
  generateNeed,
  haversineKm,
  newOffer,
  prng,
  supplierRecord,
} from './market.fixture';

// The acceptance test of the pruning: on 1,000 generated needs over a generated market, the
// pruned top 10 is exactly (order, scores, reasons) the brute-force scorer's top 10, also while
// listings and suppliers change between needs.

describe('pruned search against brute force', () => {
  const r = prng(20_270_311);
  const market = generateMarket(r, 1_500);
  const ix = new MatchIndex({ distanceKm: haversineKm });
  for (const s of market.suppliers) ix.upsertSupplier(s);
  for (const o of market.offers) ix.upsertOffer(o);
  ix.prepare();

  /** Some listings change, leave or arrive; some suppliers are suspended, reinstated or rated. */
  function churn() {
    for (let n = 0; n < 40; n++) {
      const o = r.pick(market.offers);
      if (r.chance(0.3)) ix.removeOffer(o.listingId);
      else
        ix.upsertOffer({
          ...o,
          monthlyCapacity: r.pick([0, 1_000, 20_000, 100_000]),
          priceMin: r.chance(0.5) ? null : o.priceMin,
        });
    }
    for (let n = 0; n < 10; n++) {
      const s = r.pick(market.suppliers);
      ix.upsertSupplier(supplierRecord(r, s.organizationId, s.provinceCode, market.buyers));
      ix.upsertOffer(newOffer(r, s.organizationId, s.provinceCode, '0901', 55_000));
    }
  }

  it('has the same top 10 for 1,000 of 1,000 needs, scoring fewer offers', () => {
    expect(ix.offerCount).toBeGreaterThan(4_000);
    let same = 0;
    let scored = 0;
    let scanned = 0;
    let full = 0;
    let tied = 0;
    for (let i = 0; i < 1_000; i++) {
      if (i % 50 === 0) churn();
      const need = generateNeed(r, i, market.buyers);
      const { matches, stats } = ix.search(need, 10);
      const brute = ix.bruteForce(need, 10);
      expect(matches).toEqual(brute);
      if (JSON.stringify(matches) === JSON.stringify(brute)) same++;
      scored += stats.offersScored;
      scanned += ix.offerCount;
      if (matches.length === 10) full++;
      if (matches.some((m, j) => j > 0 && m.score === matches[j - 1].score)) tied++;
    }
    expect(same).toBe(1_000);
    // The cases must be varied enough to mean something: full lists, short lists, and ties.
    expect(full).toBeGreaterThan(300);
    expect(full).toBeLessThan(1_000);
    expect(tied).toBeGreaterThan(10);
    expect(scored).toBeLessThan(scanned / 4);
  });

  it('finds the same near misses as an exhaustive scan', () => {
    let hints = 0;
    for (let i = 0; i < 200; i++) {
      const need = generateNeed(r, 20_000 + i, market.buyers);
      const pruned = ix.nearMisses(need, 10);
      expect(pruned).toEqual(ix.nearMisses(need, 10, { exhaustive: true }));
      hints += pruned.length;
    }
    expect(hints).toBeGreaterThan(500);
  });

  it('agrees for other sizes of k as well', () => {
    for (let i = 0; i < 50; i++) {
      const need = generateNeed(r, 10_000 + i, market.buyers);
      for (const k of [1, 3, 25]) expect(ix.top(need, k)).toEqual(ix.bruteForce(need, k));
    }
  });
});

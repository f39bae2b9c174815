import { MatchIndex } from '../match-index';
import { LABELS, need, offer, supplier, tableKm, track } from './fixtures';

const index = () => new MatchIndex({ distanceKm: tableKm, labels: LABELS });
const ids = (ms: { organizationId: string; listingId: string }[]) =>
  ms.map((m) => `${m.organizationId}/${m.listingId}`);

describe('MatchIndex', () => {
  it('answers one result per supplier, by its best listing', () => {
    const ix = index();
    const small = offer({ organizationId: 'org-a', monthlyCapacity: 10_000 });
    const big = offer({ organizationId: 'org-a', monthlyCapacity: 100_000, provinceCode: '66' });
    ix.upsertOffer(small);
    ix.upsertOffer(big);
    const top = ix.top(need(), 10);
    expect(ids(top)).toEqual([`org-a/${big.listingId}`]);
    expect(top[0].coverage).toBe(1);
    expect(ix.bruteForce(need(), 10)).toEqual(top);
  });

  it('breaks equal scores by organization id, and returns at most k', () => {
    const ix = index();
    for (const org of ['org-c', 'org-a', 'org-b']) ix.upsertOffer(offer({ organizationId: org }));
    expect(ix.top(need(), 10).map((m) => m.organizationId)).toEqual(['org-a', 'org-b', 'org-c']);
    expect(ix.top(need(), 2).map((m) => m.organizationId)).toEqual(['org-a', 'org-b']);
    expect(ix.top(need(), 0)).toEqual([]);
  });

  it('drops a suspended supplier from results and brings it back when reinstated', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'org-a' }));
    ix.upsertOffer(offer({ organizationId: 'org-b', provinceCode: '66' }));
    ix.upsertSupplier(supplier('org-a', { suspended: true }));
    expect(ix.top(need(), 10).map((m) => m.organizationId)).toEqual(['org-b']);
    expect(ix.bruteForce(need(), 10).map((m) => m.organizationId)).toEqual(['org-b']);
    ix.upsertSupplier(supplier('org-a', { suspended: false }));
    expect(ix.top(need(), 10).map((m) => m.organizationId)).toEqual(['org-a', 'org-b']);
  });

  it('reflects a changed, a removed and a re-added listing at once', () => {
    const ix = index();
    const a = offer({ organizationId: 'org-a', monthlyCapacity: 20_000 });
    const b = offer({ organizationId: 'org-b', monthlyCapacity: 50_000 });
    ix.upsertOffer(a);
    ix.upsertOffer(b);
    expect(ix.top(need(), 1).map((m) => m.organizationId)).toEqual(['org-b']);
    ix.upsertOffer({ ...a, monthlyCapacity: 100_000 });
    expect(ix.top(need(), 2).map((m) => [m.organizationId, m.coverage])).toEqual([
      ['org-a', 1],
      ['org-b', 0.5],
    ]);
    expect(ix.removeOffer(a.listingId)).toBe(true);
    expect(ix.removeOffer(a.listingId)).toBe(false);
    expect(ix.top(need(), 2).map((m) => m.organizationId)).toEqual(['org-b']);
    expect(ix.offerCount).toBe(1);
  });

  it('ranks by a track record recorded after the listings', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'org-a' }));
    ix.upsertOffer(offer({ organizationId: 'org-b' }));
    const record = track({
      completedContracts: 10,
      onTimeRate: 1,
      fillRate: 1,
      averageRating: 5,
      contractsByBuyer: { 'buyer-1': 2 },
    });
    ix.upsertSupplier(supplier('org-b', { track: record }));
    const top = ix.top(need(), 2);
    expect(top.map((m) => m.organizationId)).toEqual(['org-b', 'org-a']);
    expect(top[0].reasons.find((r) => r.code === 'REPEAT_BUSINESS')?.vi).toBe(
      'Đã hoàn thành 2 hợp đồng với bên mua này',
    );
    ix.upsertSupplier(
      supplier('org-b', {
        track: track({ completedContracts: 10, onTimeRate: 0.2, fillRate: 0.3, averageRating: 1 }),
      }),
    );
    expect(ix.top(need(), 2).map((m) => m.organizationId)).toEqual(['org-a', 'org-b']);
    expect(ix.top(need(), 2)).toEqual(ix.bruteForce(need(), 2));
  });

  it('answers nothing for a chapter without offers', () => {
    const ix = index();
    ix.upsertOffer(offer());
    expect(ix.top(need({ categoryCode: '1006' }), 10)).toEqual([]);
    expect(ix.nearMisses(need({ categoryCode: '10' }), 10)).toEqual([]);
    expect(ix.consortia(need({ categoryCode: '1006' }), 10)).toEqual([]);
  });

  it('scores fewer offers than a full scan once the top k is settled', () => {
    const ix = index();
    // Nearby, large cooperatives settle the top 3; a far province's small ones can be skipped.
    for (let i = 0; i < 5; i++)
      ix.upsertOffer(offer({ organizationId: `near-${i}`, provinceCode: '79' }));
    for (let i = 0; i < 50; i++)
      ix.upsertOffer(
        offer({ organizationId: `far-${i}`, provinceCode: '01', monthlyCapacity: 1_000 }),
      );
    for (let i = 0; i < 50; i++)
      ix.upsertOffer(
        offer({ organizationId: `tea-${i}`, provinceCode: '52', headingCode: '0902' }),
      );
    const { matches, stats } = ix.search(need(), 3);
    expect(matches.map((m) => m.organizationId)).toEqual(['near-0', 'near-1', 'near-2']);
    expect(stats).toEqual({ bucketsVisited: 1, offersScored: 5 });
    expect(ix.bruteForce(need(), 3)).toEqual(matches);
  });

  it('skips buckets where no offer holds a required certification through delivery', () => {
    const ix = index();
    ix.upsertOffer(
      offer({
        organizationId: 'org-a',
        certifications: [{ code: 'VietGAP', validUntil: '2027-01-01' }],
      }),
    );
    ix.upsertOffer(
      offer({
        organizationId: 'org-b',
        provinceCode: '66',
        certifications: [{ code: 'VietGAP', validUntil: null }],
      }),
    );
    const { matches, stats } = ix.search(need({ requiredCertifications: ['VietGAP'] }), 10);
    expect(matches.map((m) => m.organizationId)).toEqual(['org-b']);
    expect(stats.bucketsVisited).toBe(1);
  });
});

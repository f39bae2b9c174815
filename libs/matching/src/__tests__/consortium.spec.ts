import { GroupCandidate, searchGroups } from '../consortium';
import { MatchIndex } from '../match-index';
import type { SupplierGroup } from '../matching.types';
import { LABELS, need, offer, supplier, tableKm, track } from './fixtures';
import { CENTRES, haversineKm, prng } from './market.fixture';

const index = () => new MatchIndex({ distanceKm: tableKm, labels: LABELS });
const orgs = (g: SupplierGroup) => g.members.map((m) => m.organizationId).sort();
const excellent = track({ completedContracts: 40, onTimeRate: 1, fillRate: 1, averageRating: 5 });

describe('consortium suggestions', () => {
  it('prefers fewer members, even when a larger group scores better', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'A', monthlyCapacity: 60_000 }));
    ix.upsertOffer(offer({ organizationId: 'B', monthlyCapacity: 45_000 }));
    for (const id of ['C', 'D', 'E']) {
      ix.upsertOffer(offer({ organizationId: id, monthlyCapacity: 35_000 }));
      ix.upsertSupplier(supplier(id, { track: excellent }));
    }
    const groups = ix.consortia(need(), 10);
    expect(groups.map(orgs).slice(0, 2)).toEqual([
      ['A', 'B'],
      ['C', 'D', 'E'],
    ]);
    expect(groups[1].score).toBeGreaterThan(groups[0].score);
    expect(groups.slice(1).every((g) => g.members.length === 3)).toBe(true);
    expect(ix.consortia(need(), 1).map(orgs)).toEqual([['A', 'B']]);
  });

  it('among groups of one size, prefers the one nearer the delivery province', () => {
    const ix = index();
    for (const [id, province] of [
      ['A', '66'],
      ['B', '66'],
      ['C', '68'],
      ['D', '68'],
    ]) {
      ix.upsertOffer(
        offer({ organizationId: id, provinceCode: province, monthlyCapacity: 55_000 }),
      );
    }
    const groups = ix.consortia(need({ provinceCode: '79' }), 10);
    expect(groups.map(orgs)[0]).toEqual(['C', 'D']);
    expect(groups.map(orgs).at(-1)).toEqual(['A', 'B']);
    expect(groups).toHaveLength(6);
    expect(groups[0].distanceKm).toBe(220);
    expect(groups.map((g) => g.score)).toEqual(
      [...groups.map((g) => g.score)].sort((a, b) => b - a),
    );
  });

  it('groups only cooperatives near each other', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'A', provinceCode: '01', monthlyCapacity: 60_000 }));
    ix.upsertOffer(offer({ organizationId: 'B', provinceCode: '79', monthlyCapacity: 50_000 }));
    expect(ix.consortia(need(), 10)).toEqual([]);
  });

  it('proposes no group when one cooperative covers the quantity alone', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'A', monthlyCapacity: 60_000 }));
    ix.upsertOffer(offer({ organizationId: 'B', monthlyCapacity: 50_000 }));
    ix.upsertOffer(offer({ organizationId: 'C', monthlyCapacity: 120_000, provinceCode: '01' }));
    expect(ix.consortia(need(), 10)).toEqual([]);
  });

  it('shares the quantity by capacity, exactly, and explains the group', () => {
    const ix = index();
    ix.upsertOffer(offer({ organizationId: 'A', monthlyCapacity: 60_000, provinceCode: '66' }));
    ix.upsertOffer(offer({ organizationId: 'B', monthlyCapacity: 40_000, provinceCode: '68' }));
    const [g] = ix.consortia(need({ quantity: 90_000 }), 10);
    expect(g.members.map((m) => [m.organizationId, m.share, m.coverage])).toEqual([
      ['A', 54_000, 0.6],
      ['B', 36_000, 0.4],
    ]);
    expect(g.coverage).toBeCloseTo(100 / 90, 12);
    expect(g.spreadKm).toBe(150);
    expect(g.explanation.map((s) => s.vi)).toEqual([
      'Không hợp tác xã nào một mình đáp ứng đủ số lượng trong thời gian giao',
      '2 hợp tác xã cùng đáp ứng 111% số lượng',
      'Mỗi thành viên giao theo tỷ lệ công suất: 54.000 kg, 36.000 kg',
      'Các thành viên cách nhau tối đa 150 km',
      'Cách nơi giao trung bình 268 km (theo phần giao)',
    ]);
    const share = g.members[0].reasons.find((r) => r.code === 'COVERAGE');
    expect(share?.vi).toBe('Giao 54.000 kg trong nhóm, 60% số lượng');
    const sum = g.members.reduce((s, m) => s + m.score * m.share, 0) / 90_000;
    expect(g.score).toBeCloseTo(sum, 9);
  });

  it('keeps members that hold the required certificates, of one heading, not suspended', () => {
    const ix = index();
    const vietgap = [{ code: 'VietGAP', validUntil: null }];
    ix.upsertOffer(
      offer({ organizationId: 'A', monthlyCapacity: 60_000, certifications: vietgap }),
    );
    ix.upsertOffer(offer({ organizationId: 'B', monthlyCapacity: 50_000 }));
    ix.upsertOffer(
      offer({
        organizationId: 'C',
        monthlyCapacity: 50_000,
        certifications: vietgap,
        headingCode: '0902',
      }),
    );
    ix.upsertOffer(
      offer({ organizationId: 'D', monthlyCapacity: 45_000, certifications: vietgap }),
    );
    ix.upsertOffer(
      offer({ organizationId: 'E', monthlyCapacity: 70_000, certifications: vietgap }),
    );
    ix.upsertSupplier(supplier('E', { suspended: true }));
    expect(ix.consortia(need({ requiredCertifications: ['VietGAP'] }), 10).map(orgs)).toEqual([
      ['A', 'D'],
    ]);
    // A chapter need may take any heading of it, but a group keeps to one.
    expect(
      ix.consortia(need({ categoryCode: '09', requiredCertifications: ['VietGAP'] }), 10).map(orgs),
    ).toEqual([['A', 'D']]);
  });
});

/** Every subset of 2..maxSize, filtered and ranked by the rules, with no pruning at all. */
function bruteGroups(
  c: GroupCandidate[],
  quantity: number,
  k: number,
  maxSize: number,
  spreadKm: number,
) {
  const found: { ids: string[]; size: number; score: number; key: string }[] = [];
  const n = c.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const m = c.filter((_x, i) => mask & (1 << i));
    if (m.length < 2 || m.length > maxSize) continue;
    const cap = m.reduce((s, x) => s + x.capacity, 0);
    if (cap < quantity || m.some((x) => cap - x.capacity >= quantity)) continue;
    if (new Set(m.map((x) => x.organizationId)).size < m.length) continue;
    if (new Set(m.map((x) => x.headingCode)).size > 1) continue;
    if (m.some((x) => m.some((y) => haversineKm(x.provinceCode, y.provinceCode) > spreadKm)))
      continue;
    const score = m.reduce((s, x) => s + x.value * x.capacity, 0) / cap;
    const ids = m.map((x) => x.listingId).sort();
    found.push({ ids, size: m.length, score, key: ids.join(',') });
  }
  found.sort((a, b) => a.size - b.size || b.score - a.score || (a.key < b.key ? -1 : 1));
  return found.slice(0, k);
}

describe('the group search', () => {
  it('finds the same best groups as trying every subset, on 300 random markets', () => {
    const r = prng(7);
    const provinces = Object.keys(CENTRES).filter((p) =>
      ['66', '68', '52', '56', '75', '79', '80'].includes(p),
    );
    for (let t = 0; t < 300; t++) {
      const n = r.int(2, 11);
      const c: GroupCandidate[] = Array.from({ length: n }, (_v, i) => ({
        organizationId: `o${r.int(0, n)}`,
        listingId: `l${String(i).padStart(2, '0')}`,
        headingCode: r.chance(0.85) ? '0901' : '0902',
        provinceCode: r.pick(provinces),
        capacity: r.pick([10, 20, 30, 40, 50, 60]) * 1000,
        value: r.int(40, 90) / 100,
      }));
      const quantity = r.pick([50, 80, 100, 150, 200]) * 1000;
      const maxSize = r.int(2, 5);
      const k = r.int(1, 6);
      const { groups } = searchGroups(c, quantity, k, {
        maxSize,
        spreadKm: 250,
        distanceKm: haversineKm,
      });
      const got = groups.map((g) => ({
        ids: g.members.map((m) => m.listingId).sort(),
        score: g.score,
      }));
      const want = bruteGroups(c, quantity, k, maxSize, 250);
      expect(got.map((g) => g.ids)).toEqual(want.map((g) => g.ids));
      got.forEach((g, i) => expect(g.score).toBeCloseTo(want[i].score, 12));
    }
  });
});

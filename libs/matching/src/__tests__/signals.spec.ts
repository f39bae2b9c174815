import { DEFAULT_MATCHING_CONFIG, DEFAULT_WEIGHTS, readMatchingConfig } from '../matching.config';
import type { Match, NeedSpec, Offer, SignalCode, SupplierRecord } from '../matching.types';
import { scoreOffer } from '../score';
import { prepareNeed, trackRecordSignal } from '../signals';
import { LABELS, need, offer, supplier, tableKm, track } from './fixtures';

const env = { distanceKm: tableKm, labels: LABELS };
const score = (n: NeedSpec, o: Offer, s?: SupplierRecord) => scoreOffer(n, o, s, env);
const reason = (m: Match | null, code: SignalCode) => m?.reasons.find((r) => r.code === code);
/** A signal's value, read back from its reason: weight = w·signal / Σw. */
const signal = (m: Match | null, code: SignalCode, n: NeedSpec, w: number) =>
  (reason(m, code)?.weight ?? NaN) / w / prepareNeed(n, DEFAULT_MATCHING_CONFIG).invWeight;

describe('category fit', () => {
  it('ranks the same heading above another heading of the same chapter, and leaves out other chapters', () => {
    const same = score(need(), offer({ headingCode: '0901' }));
    const sibling = score(need(), offer({ headingCode: '0902' }));
    expect(reason(same, 'CATEGORY')?.vi).toBe('Cùng nhóm hàng 0901 Cà phê');
    expect(reason(same, 'CATEGORY')?.en).toBe('Same heading 0901 Coffee');
    expect(reason(sibling, 'CATEGORY')?.vi).toBe(
      'Cùng chương 09 Cà phê, chè, gia vị, khác nhóm hàng (0902 Chè (trà))',
    );
    expect(signal(sibling, 'CATEGORY', need(), DEFAULT_WEIGHTS.category)).toBeCloseTo(0.5);
    expect(same!.score).toBeGreaterThan(sibling!.score);
    expect(score(need(), offer({ headingCode: '1006' }))).toBeNull();
  });

  it('fits every heading of a chapter when the need asks for the chapter', () => {
    const m = score(need({ categoryCode: '09' }), offer({ headingCode: '0904' }));
    expect(
      signal(m, 'CATEGORY', need({ categoryCode: '09' }), DEFAULT_WEIGHTS.category),
    ).toBeCloseTo(1);
    expect(reason(m, 'CATEGORY')?.vi).toBe(
      'Thuộc chương 09 Cà phê, chè, gia vị như yêu cầu (0904 Hồ tiêu, ớt)',
    );
  });

  it('leaves out a listing in another unit family', () => {
    expect(score(need(), offer({ baseUnit: 'LTR' }))).toBeNull();
  });
});

describe('capacity coverage over the delivery window', () => {
  it('counts monthly capacity × months against the quantity', () => {
    const oneMonth = score(need(), offer({ monthlyCapacity: 60_000 }));
    expect(oneMonth!.coverage).toBeCloseTo(0.6);
    expect(reason(oneMonth, 'COVERAGE')?.vi).toBe(
      'Công suất đáp ứng 60% số lượng trong thời gian giao',
    );
    const twoMonths = score(need({ deliveryTo: '2027-04-30' }), offer({ monthlyCapacity: 60_000 }));
    expect(twoMonths!.coverage).toBeCloseTo(1.2);
    expect(reason(twoMonths, 'COVERAGE')?.vi).toBe(
      'Công suất đủ 100% số lượng trong thời gian giao',
    );
    expect(reason(twoMonths, 'COVERAGE')?.en).toBe(
      'Capacity covers 100% of the quantity in the delivery window',
    );
    expect(twoMonths!.score).toBeGreaterThan(oneMonth!.score);
  });

  it('counts a part month by its share of days', () => {
    const n = need({ deliveryFrom: '2027-03-15', deliveryTo: '2027-04-14', quantity: 3_000 });
    expect(score(n, offer({ monthlyCapacity: 3_000 }))!.coverage).toBeCloseTo(
      17 / 31 + 14 / 30,
      12,
    );
  });

  it('never says 100% for a capacity just short of the quantity', () => {
    const m = score(need(), offer({ monthlyCapacity: 99_600 }));
    expect(reason(m, 'COVERAGE')?.vi).toBe('Công suất đáp ứng 99% số lượng trong thời gian giao');
  });
});

describe('harvest season against the window', () => {
  const window = need({ deliveryFrom: '2027-03-01', deliveryTo: '2027-04-30' });
  it.each([
    [[3, 4], 1, 'Đang mùa thu hoạch suốt thời gian giao'],
    [[4, 5], 0.5, 'Mùa thu hoạch trùng 50% thời gian giao'],
    [[10, 11, 12], 0, 'Ngoài mùa thu hoạch trong thời gian giao'],
    [[], 1, 'Sản xuất quanh năm'],
  ])('harvest months %j give %d', (months, value, vi) => {
    const m = score(window, offer({ harvestMonths: months }));
    expect(signal(m, 'SEASON', window, DEFAULT_WEIGHTS.season)).toBeCloseTo(value);
    expect(reason(m, 'SEASON')?.vi).toBe(vi);
  });
});

describe('required certifications held and valid at delivery', () => {
  const n = need({ requiredCertifications: ['VietGAP'] });
  it('matches a certificate valid through the last delivery day, and says until when', () => {
    const m = score(n, offer({ certifications: [{ code: 'VietGAP', validUntil: '2027-05-31' }] }));
    expect(reason(m, 'CERTIFICATIONS')).toMatchObject({
      vi: 'Có chứng nhận VietGAP còn hạn đến 2027-05',
      en: 'Holds VietGAP valid until 2027-05',
    });
    expect(
      score(n, offer({ certifications: [{ code: 'VietGAP', validUntil: '2027-03-31' }] })),
    ).not.toBeNull();
    const forever = score(n, offer({ certifications: [{ code: 'VietGAP', validUntil: null }] }));
    expect(reason(forever, 'CERTIFICATIONS')?.vi).toBe('Có chứng nhận VietGAP không thời hạn');
  });

  it('leaves out a certificate that expires before delivery ends, or a missing one', () => {
    expect(
      score(n, offer({ certifications: [{ code: 'VietGAP', validUntil: '2027-03-30' }] })),
    ).toBeNull();
    expect(
      score(n, offer({ certifications: [{ code: 'GlobalGAP', validUntil: null }] })),
    ).toBeNull();
    const two = need({ requiredCertifications: ['VietGAP', 'OCOP_4'] });
    expect(
      score(two, offer({ certifications: [{ code: 'VietGAP', validUntil: null }] })),
    ).toBeNull();
  });

  it('has no say when the need requires nothing', () => {
    expect(reason(score(need(), offer()), 'CERTIFICATIONS')).toBeUndefined();
  });
});

describe('distance from the supplier province to the delivery province', () => {
  it('is 1 in the same province, one half at 300 km, and closer ranks higher', () => {
    const here = score(need({ provinceCode: '79' }), offer({ provinceCode: '79' }));
    const far = score(need({ provinceCode: '79' }), offer({ provinceCode: '66' }));
    const farther = score(need({ provinceCode: '79' }), offer({ provinceCode: '52' }));
    expect(reason(here, 'DISTANCE')?.vi).toBe('Cùng tỉnh với nơi giao');
    expect(reason(far, 'DISTANCE')?.vi).toBe('Cách nơi giao 300 km');
    expect(reason(far, 'DISTANCE')?.en).toBe('300 km from the delivery province');
    expect(signal(far, 'DISTANCE', need(), DEFAULT_WEIGHTS.distance)).toBeCloseTo(0.5);
    expect(here!.score).toBeGreaterThan(far!.score);
    expect(far!.score).toBeGreaterThan(farther!.score);
  });
});

describe('price fit against the target', () => {
  const n = need({ targetUnitPrice: 50_000 });
  it.each([
    [48_000, 1, 'Giá từ 48.000 đ/kg, trong mức mục tiêu 50.000 đ/kg'],
    [60_000, 0.6, 'Giá từ 60.000 đ/kg, cao hơn mục tiêu 50.000 đ/kg 20%'],
    [80_000, 0, 'Giá từ 80.000 đ/kg, cao hơn mục tiêu 50.000 đ/kg 60%'],
    [null, 0.5, 'Chưa công bố giá'],
  ])('lowest price %p gives %d', (low, value, vi) => {
    const m = score(n, offer({ priceMin: low, priceMax: low === null ? null : low + 5_000 }));
    expect(signal(m, 'PRICE', n, DEFAULT_WEIGHTS.price)).toBeCloseTo(value);
    expect(reason(m, 'PRICE')?.vi).toBe(vi);
  });

  it('reads priceMax when only it is given, and has no say without a target', () => {
    const m = score(n, offer({ priceMin: null, priceMax: 45_000 }));
    expect(reason(m, 'PRICE')?.en).toBe(
      'Price from 45,000 VND/kg, within the target of 50,000 VND/kg',
    );
    expect(reason(score(need(), offer({ priceMin: 1 })), 'PRICE')).toBeUndefined();
  });
});

describe('track record', () => {
  const params = DEFAULT_MATCHING_CONFIG.params;
  it('gives a newcomer the neutral prior, not zero', () => {
    expect(trackRecordSignal(params, track())).toBe(params.newcomerPrior);
    const m = score(need(), offer(), supplier('org-a'));
    expect(reason(m, 'TRACK_RECORD')?.vi).toBe(
      'Nhà cung cấp mới, chưa có hợp đồng hoàn thành: điểm uy tín trung lập',
    );
    expect(reason(score(need(), offer()), 'TRACK_RECORD')?.weight).toBe(
      reason(m, 'TRACK_RECORD')?.weight,
    );
  });

  it('moves from the prior towards the record as contracts accumulate', () => {
    const good = (n: number) =>
      trackRecordSignal(
        params,
        track({ completedContracts: n, onTimeRate: 1, fillRate: 1, averageRating: 5 }),
      );
    const poor = trackRecordSignal(
      params,
      track({ completedContracts: 20, onTimeRate: 0.5, fillRate: 0.6, averageRating: 2 }),
    );
    expect(good(1)).toBeCloseTo((1 + 3 * 0.7) / 4);
    expect(good(20)).toBeGreaterThan(good(1));
    expect(poor).toBeLessThan(params.newcomerPrior);
  });

  it('says what the record is', () => {
    const record = track({
      completedContracts: 12,
      onTimeRate: 0.95,
      fillRate: 0.98,
      averageRating: 4.6,
    });
    const m = score(need(), offer(), supplier('org-a', { track: record }));
    expect(reason(m, 'TRACK_RECORD')).toMatchObject({
      vi: '12 hợp đồng hoàn thành, đúng hạn 95%, giao đủ 98%, đánh giá 4,6/5',
      en: '12 completed contracts, 95% on time, 98% filled, rated 4.6/5',
    });
  });
});

describe('repeat business with this buyer', () => {
  it('counts contracts with this buyer only, fully from three', () => {
    const n = need({ buyerOrgId: 'buyer-1' });
    const withBuyer = (c: Record<string, number>) =>
      score(
        n,
        offer(),
        supplier('org-a', { track: track({ completedContracts: 5, contractsByBuyer: c }) }),
      );
    expect(
      signal(withBuyer({ 'buyer-1': 3 }), 'REPEAT_BUSINESS', n, DEFAULT_WEIGHTS.repeatBusiness),
    ).toBeCloseTo(1);
    expect(
      signal(withBuyer({ 'buyer-1': 1 }), 'REPEAT_BUSINESS', n, DEFAULT_WEIGHTS.repeatBusiness),
    ).toBeCloseTo(1 / 3);
    expect(
      signal(withBuyer({ 'buyer-2': 9 }), 'REPEAT_BUSINESS', n, DEFAULT_WEIGHTS.repeatBusiness),
    ).toBe(0);
    expect(reason(withBuyer({ 'buyer-1': 3 }), 'REPEAT_BUSINESS')?.vi).toBe(
      'Đã hoàn thành 3 hợp đồng với bên mua này',
    );
    expect(reason(withBuyer({ 'buyer-2': 9 }), 'REPEAT_BUSINESS')?.vi).toBe(
      'Chưa có hợp đồng với bên mua này',
    );
  });
});

describe('the score', () => {
  it('is the sum of its reasons, within 0..1, and 1 for a perfect fit', () => {
    const n = need({ requiredCertifications: ['VietGAP'], targetUnitPrice: 50_000 });
    const record = track({
      completedContracts: 5000,
      onTimeRate: 1,
      fillRate: 1,
      averageRating: 5,
      contractsByBuyer: { 'buyer-1': 3 },
    });
    const m = score(
      n,
      offer({ priceMin: 40_000, certifications: [{ code: 'VietGAP', validUntil: null }] }),
      supplier('org-a', { track: record }),
    );
    expect(m!.reasons.map((r) => r.code).sort()).toHaveLength(8);
    expect(m!.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(m!.score, 12);
    expect(m!.score).toBeCloseTo(1, 3);
    expect(m!.reasons.map((r) => r.weight)).toEqual(
      [...m!.reasons.map((r) => r.weight)].sort((a, b) => b - a),
    );
  });

  it('takes its weights from configuration', () => {
    const far = offer({ provinceCode: '52' });
    const near = offer({ provinceCode: '79', monthlyCapacity: 40_000 });
    const byDefault = [score(need(), far)!.score, score(need(), near)!.score];
    expect(byDefault[0]).toBeGreaterThan(byDefault[1]);
    const config = readMatchingConfig({ weights: { distance: '1', coverage: 0 } });
    const reweighed = [far, near].map(
      (o) => scoreOffer(need(), o, undefined, { ...env, config })!.score,
    );
    expect(reweighed[1]).toBeGreaterThan(reweighed[0]);
  });

  it('excludes a suspended supplier', () => {
    expect(score(need(), offer(), supplier('org-a', { suspended: true }))).toBeNull();
  });
});

import { provinceCentre, provinceDistanceKm } from './province-centres';
import { PROVINCES, wardsOfProvince } from './provinces';

const codes = PROVINCES.map((p) => p.code);

describe('province administrative centres', () => {
  it('places the centre of every one of the 34 provinces inside Vietnam', () => {
    const outside = codes.filter((code) => {
      const c = provinceCentre(code);
      return !c || c.lat < 8.1 || c.lat > 23.4 || c.lon < 102.1 || c.lon > 109.5;
    });
    expect(codes).toHaveLength(34);
    expect(outside).toEqual([]);
  });

  it("names as each seat a ward of that province's own", () => {
    const notItsWard = codes.filter((code) => {
      const c = provinceCentre(code);
      return !wardsOfProvince(code).some((w) => w.code === c?.seatWardCode && w.name === c?.seat);
    });
    expect(notItsWard).toEqual([]);
    expect(provinceCentre('01')?.seat).toBe('Phường Hoàn Kiếm');
  });

  it('knows no centre for a code that is not one of the 34', () => {
    expect(provinceCentre('02')).toBeUndefined(); // Hà Giang, merged into Tuyên Quang (08)
    expect(provinceDistanceKm('01', '02')).toBeUndefined();
    expect(provinceDistanceKm('02', '01')).toBeUndefined();
  });
});

describe('distance between provinces', () => {
  it('is 0 within a province and the same in both directions', () => {
    for (const a of codes) {
      expect(provinceDistanceKm(a, a)).toBe(0);
      for (const b of codes) {
        if (a !== b)
          expect(provinceDistanceKm(a, b)).toBeCloseTo(provinceDistanceKm(b, a) ?? NaN, 9);
      }
    }
  });

  it('measures Hà Nội to TP Hồ Chí Minh at about 1,140 km', () => {
    expect(provinceDistanceKm('01', '79')).toBeGreaterThan(1080);
    expect(provinceDistanceKm('01', '79')).toBeLessThan(1200);
  });

  it('measures Hà Nội to Hải Phòng at under 110 km, as the crow flies', () => {
    // A great circle, not the road: the two seat wards' points are about 86 km apart.
    expect(provinceDistanceKm('01', '31')).toBeGreaterThan(80);
    expect(provinceDistanceKm('01', '31')).toBeLessThan(110);
  });

  it('puts a neighbour nearer than the far end of the country', () => {
    expect(provinceDistanceKm('79', '92')).toBeLessThan(200); // TP HCM – Cần Thơ
    expect(provinceDistanceKm('79', '92')).toBeLessThan(provinceDistanceKm('79', '01') ?? 0);
  });
});

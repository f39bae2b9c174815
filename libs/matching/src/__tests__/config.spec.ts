import { toBaseQuantity } from '../base-quantity';
import { deliveryWindow, harvestMask } from '../delivery-window';
import { DEFAULT_PARAMS, DEFAULT_WEIGHTS, readMatchingConfig } from '../matching.config';

describe('matching configuration', () => {
  it('is the defaults when nothing is overridden', () => {
    expect(readMatchingConfig()).toEqual({ weights: DEFAULT_WEIGHTS, params: DEFAULT_PARAMS });
  });

  it('reads numbers and numeric strings', () => {
    const c = readMatchingConfig({
      weights: { price: '0.3' },
      params: { distanceHalfKm: 200, maxGroupSize: '3' },
    });
    expect(c.weights).toEqual({ ...DEFAULT_WEIGHTS, price: 0.3 });
    expect(c.params.distanceHalfKm).toBe(200);
    expect(c.params.maxGroupSize).toBe(3);
  });

  it('lists every invalid or unknown key in one error', () => {
    const read = () =>
      readMatchingConfig({
        weights: { price: -1, colour: 1 },
        params: { chapterFit: 2, maxGroupSize: 6, distanceHalfKm: 'far' },
      });
    expect(read).toThrow(RangeError);
    const message = (() => {
      try {
        read();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const key of [
      'weights.price',
      'weights.colour',
      'params.chapterFit',
      'params.maxGroupSize',
      'params.distanceHalfKm',
    ]) {
      expect(message).toContain(key);
    }
  });

  it('refuses weights that are all zero', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0]));
    expect(() => readMatchingConfig({ weights: zero })).toThrow('at least one weight');
  });
});

describe('quantities in base units', () => {
  it('converts with the reference data factors, exactly', () => {
    expect(toBaseQuantity('12.5', { baseCode: 'KGM', factor: '1000' })).toEqual({
      quantity: 12_500,
      baseUnit: 'KGM',
    });
    expect(toBaseQuantity('0.1', { baseCode: 'KGM', factor: '1000' }).quantity).toBe(100);
    expect(toBaseQuantity(3, { baseCode: 'KGM', factor: '100' }).quantity).toBe(300);
    expect(toBaseQuantity('250', { baseCode: 'KGM', factor: '0.001' }).quantity).toBe(0.25);
    expect(() => toBaseQuantity('-1', { baseCode: 'KGM', factor: '1' })).toThrow(RangeError);
  });
});

describe('the delivery window', () => {
  it('counts whole months as 1 and part months by their days', () => {
    expect(deliveryWindow('2027-03-01', '2027-03-31').months).toBe(1);
    expect(deliveryWindow('2027-02-01', '2027-02-28').months).toBe(1);
    const w = deliveryWindow('2026-12-17', '2027-01-15');
    expect(w.months).toBeCloseTo(15 / 31 + 15 / 31, 12);
    expect(w.byMonth[11]).toBeCloseTo(15 / 31, 12);
    expect(w.byMonth[0]).toBeCloseTo(15 / 31, 12);
  });

  it('folds a window longer than a year onto the months of the year', () => {
    const w = deliveryWindow('2027-01-01', '2028-06-30');
    expect(w.months).toBeCloseTo(18, 12);
    expect(w.byMonth[0]).toBeCloseTo(2, 12);
    expect(w.byMonth[11]).toBeCloseTo(1, 12);
  });

  it('refuses a window that ends before it starts, or a date that does not exist', () => {
    expect(() => deliveryWindow('2027-03-02', '2027-03-01')).toThrow(RangeError);
    expect(() => deliveryWindow('2027-02-30', '2027-03-01')).toThrow(RangeError);
  });

  it('reads no harvest months as all year', () => {
    expect(harvestMask([])).toBe(0xfff);
    expect(harvestMask([1, 12])).toBe(0b1000_0000_0001);
  });
});

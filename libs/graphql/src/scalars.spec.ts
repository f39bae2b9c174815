import { parseDate, parseDateTime, parseDecimal } from './scalars';

describe('scalars', () => {
  it('keeps VND amounts beyond 2^31 exact', () => {
    expect(parseDecimal('125000000000')).toBe('125000000000');
    expect(parseDecimal('12.5')).toBe('12.5');
  });
  it('refuses decimals that are not numbers', () => {
    for (const v of ['1e9', 'abc', '', '1.2.3', '01', null]) expect(() => parseDecimal(v)).toThrow(/valid number/);
  });
  it('accepts real days only', () => {
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
    expect(() => parseDate('2026-02-30')).toThrow(/real day/);
    expect(() => parseDate('28/02/2026')).toThrow();
  });
  it('requires a zone on date-times', () => {
    expect(parseDateTime('2026-12-01T17:00:00+07:00').toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(() => parseDateTime('2026-12-01T17:00:00')).toThrow(/zone/);
  });
});

import { caretAfterDigits, groupDigits, readNumber, readVnd } from '../../apps/web/src/lib/numbers';

describe('numbers as people type them', () => {
  it.each([
    [' 20 ', 'vi', false, '20'],
    ['40 hộ', 'vi', true, '40'],
    ['20 tấn', 'vi', false, '20'],
    ['1.500', 'vi', false, '1500'],
    ['1.500', 'vi', true, '1500'],
    ['1,5', 'vi', false, '1.5'],
    ['2.5', 'vi', false, '2.5'],
    ['2,75', 'vi', false, '2.75'],
    ['0,500', 'vi', false, '0.5'],
    ['1.500,5', 'vi', false, '1500.5'],
    ['1 250 000', 'vi', true, '1250000'],
    ['1.250.000 đ', 'vi', true, '1250000'],
    ['1,500', 'vi', true, '1500'],
    ['1,500', 'en', false, '1500'],
    ['1.5', 'en', false, '1.5'],
    ['1,500.25', 'en', false, '1500.25'],
    ['2012', 'vi', true, '2012'],
  ] as const)('reads %j (%s, whole: %s) as %s', (text, language, whole, value) => {
    expect(readNumber(text, language, whole)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'vi', false, 'empty'],
    ['   ', 'vi', false, 'empty'],
    ['khoảng bốn mươi', 'vi', true, 'notNumber'],
    ['e.g. 2012', 'en', true, 'notNumber'],
    ['-5', 'vi', false, 'notNumber'],
    ['1.2.3', 'vi', false, 'notNumber'],
    ['1,5', 'vi', true, 'notWhole'],
    ['40 hộ 2', 'vi', true, 'notNumber'],
  ] as const)('does not guess at %j (%s, whole: %s): %s', (text, language, whole, reason) => {
    expect(readNumber(text, language, whole)).toEqual({ ok: false, reason });
  });

  it('names both readings of a number it will not guess at', () => {
    expect(readNumber('1,500', 'vi')).toEqual({ ok: false, reason: 'ambiguous', grouped: '1500', decimal: '1.5' });
    expect(readNumber('1.250', 'en')).toEqual({ ok: false, reason: 'ambiguous', grouped: '1250', decimal: '1.25' });
  });

  it('reads đồng with or without separators, never a zero or a fraction', () => {
    expect(readVnd('95.000', 'vi')).toBe('95000');
    expect(readVnd('95000 đ', 'vi')).toBe('95000');
    expect(readVnd('95,000', 'en')).toBe('95000');
    expect(readVnd('0', 'vi')).toBeNull();
    expect(readVnd('1,5', 'vi')).toBeNull();
  });

  it('groups money digits as they are typed, keeping the caret after the same digit', () => {
    expect(groupDigits('1250000', 'vi')).toBe('1.250.000');
    expect(groupDigits('1,250,000 đ', 'vi')).toBe('1.250.000');
    expect(groupDigits('1250000', 'en')).toBe('1,250,000');
    expect(groupDigits('', 'vi')).toBe('');
    expect(caretAfterDigits('1.250.000', 2)).toBe(3);
    expect(caretAfterDigits('1.250.000', 7)).toBe(9);
  });
});

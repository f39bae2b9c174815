/**
 * Numbers as people type them into a form: "40 hộ", "1.500", "1,5", " 20 ", "1.250.000 đ". Each is
 * read when it can mean only one thing, and otherwise gives the reason, for a hint that says what to
 * type instead. Vietnamese groups thousands with dots and writes the decimal comma; English the
 * other way round. Pure functions: no React, no antd, tested as small tests.
 */

export type Language = 'vi' | 'en';

export type NumberReading =
  | { ok: true; value: string }
  /** empty: nothing typed; notNumber: no number in it; notWhole: a fraction where a count is asked. */
  | { ok: false; reason: 'empty' | 'notNumber' | 'notWhole' }
  /** "1,500" in Vietnamese could be 1500 or 1.5: both readings, as API decimals. */
  | { ok: false; reason: 'ambiguous'; grouped: string; decimal: string };

// Digits with dots, commas or spaces between them, then optionally one word or two ("40 hộ",
// "20 tấn", "95.000 đ", "1.500 kg/tháng"): the words are what the field is counted in already.
const TYPED = /^(\d(?:[\d.,  ]*\d)?)\s*(?:[\p{L}\p{M}₫][\p{L}\p{M}₫./ ]*)?$/u;
const GROUPED = (separator: string) =>
  new RegExp(`^\\d{1,3}(?:${separator === '.' ? '\\.' : separator}\\d{3})+$`);

const trimZeros = (whole: string, fraction = '') => {
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
};

/**
 * Reads a non-negative number typed in `language`. `whole` asks for a count or a year: then a
 * single separator before three digits can only group thousands ("1.500", "1,500" → 1500).
 */
export function readNumber(text: string | null | undefined, language: Language, whole = false): NumberReading {
  const typed = (text ?? '').normalize('NFC').trim();
  if (!typed) return { ok: false, reason: 'empty' };
  const match = TYPED.exec(typed);
  if (!match) return { ok: false, reason: 'notNumber' };
  const number = match[1].replace(/[  ](?=\d{3}(?:\D|$))/g, ' ');
  if (/\s/.test(number)) {
    // Spaces only ever group thousands ("1 250 000").
    if (!/^\d{1,3}(?: \d{3})+$/.test(number)) return { ok: false, reason: 'notNumber' };
    return { ok: true, value: trimZeros(number.replace(/ /g, '')) };
  }
  const decimalMark = language === 'vi' ? ',' : '.';
  const groupMark = language === 'vi' ? '.' : ',';
  const dots = number.split('.').length - 1;
  const commas = number.split(',').length - 1;
  let integer: string;
  let fraction = '';
  if (dots === 0 && commas === 0) {
    integer = number;
  } else if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark and the other groups ("1.500,5", "1,500.5").
    const mark = number.lastIndexOf('.') > number.lastIndexOf(',') ? '.' : ',';
    const other = mark === '.' ? ',' : '.';
    const [head, tail, ...rest] = number.split(mark);
    if (rest.length > 0 || !GROUPED(other).test(head)) return { ok: false, reason: 'notNumber' };
    integer = head.split(other).join('');
    fraction = tail;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const parts = number.split(mark);
    if (parts.length > 2) {
      // "1.250.000": several of one mark can only group thousands.
      if (!GROUPED(mark).test(number)) return { ok: false, reason: 'notNumber' };
      integer = parts.join('');
    } else {
      const [head, tail] = parts as [string, string];
      const groups = tail.length === 3 && !/^0+$/.test(head);
      if (groups && (whole || mark === groupMark)) integer = head + tail;
      else if (groups && mark === decimalMark)
        return { ok: false, reason: 'ambiguous', grouped: trimZeros(head + tail), decimal: trimZeros(head, tail) };
      else {
        integer = head;
        fraction = tail;
      }
    }
  }
  const value = trimZeros(integer, fraction);
  if (whole && value.includes('.')) return { ok: false, reason: 'notWhole' };
  return { ok: true, value };
}

/** A whole number of đồng as typed ("1.250.000 đ", "95000", "95,000" in English) or null. */
export function readVnd(text: string | null | undefined, language: Language): string | null {
  const reading = readNumber(text, language, true);
  return reading.ok && /[1-9]/.test(reading.value) ? reading.value : null;
}

/**
 * Digits grouped by thousands as the person types ("1250000" → "1.250.000"), for a money input:
 * what is not a digit is dropped, so a pasted "1,250,000 đ" becomes "1.250.000" too.
 */
export function groupDigits(text: string, language: Language): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
}

/** Where the caret goes after regrouping: after as many digits as were before it. */
export function caretAfterDigits(grouped: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < grouped.length; i += 1) {
    if (/\d/.test(grouped[i])) seen += 1;
    if (seen === digitsBefore) return i + 1;
  }
  return grouped.length;
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Validates a Vietnamese tax code (mã số thuế): 10 digits whose last is a check digit, optionally
 * followed by a 3-digit branch suffix (written "0101248141-001" or "0101248141001").
 * Returns the canonical form, or null when invalid.
 */
export function normalizeTaxCode(input: string): string | null {
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.replace(/\s+/g, ''));
  if (!m) return null;
  if (taxCodeCheckDigit(m[1].slice(0, 9)) !== Number(m[1][9])) return null;
  if (m[2] === '000') return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/** The check digit for the first 9 digits of a tax code, or null when no digit can make it valid. */
export function taxCodeCheckDigit(first9: string): number | null {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first9[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

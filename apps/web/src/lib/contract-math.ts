/**
 * Exact arithmetic for awards and deliveries: quantities are numeric(20, 3) on the server and
 * prices whole đồng that may pass 2^53, so both are BigInt here — thousandths of a unit for
 * quantities — never floats. Pure functions, tested as small tests.
 */

const DECIMAL = /^(\d+)(?:\.(\d{1,3}))?$/;

/** "12.25" → 12250n thousandths; null for anything that is not a decimal of at most 3 places. */
export function toMilli(value: string): bigint | null {
  const m = DECIMAL.exec(value.trim());
  return m ? BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0')) : null;
}

/** 12250n → "12.25", as the API writes decimals (no trailing zeros). */
export function fromMilli(milli: bigint): string {
  const whole = milli / 1000n;
  const fraction = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** quantity × unit price in whole đồng, rounded half up, as the server computes a contract's total. */
export function lineTotal(quantity: string, unitPrice: string): bigint {
  const q = toMilli(quantity) ?? 0n;
  return (q * BigInt(unitPrice) + 500n) / 1000n;
}

export const minMilli = (a: bigint, b: bigint) => (a < b ? a : b);
export const sumMilli = (values: readonly bigint[]) => values.reduce((s, v) => s + v, 0n);

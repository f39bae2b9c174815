const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (a timestamp's date part counts). */
export function isoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  if (new Date(t).getUTCDate() !== d) throw new RangeError(`Not a calendar date: ${iso}`);
  return t / DAY_MS;
}

export interface DeliveryWindow {
  /** Calendar months the window spans, a part month counting by its share of days. */
  months: number;
  /** How much of `months` falls in each month of the year (index 0 = January). */
  byMonth: readonly number[];
}

/**
 * The delivery window in months, as capacity is stated per month: 1 March–31 March is 1 month,
 * 15 March–14 April is 17/31 + 14/30. Both dates are included.
 */
export function deliveryWindow(from: string, to: string): DeliveryWindow {
  const first = isoDay(from);
  const last = isoDay(to);
  if (last < first) throw new RangeError(`Delivery ends (${to}) before it starts (${from})`);
  const byMonth = new Array<number>(12).fill(0);
  let months = 0;
  const start = new Date(first * DAY_MS);
  const y = start.getUTCFullYear();
  // Date.UTC carries month 12 into January of the next year, so m simply counts on.
  for (let m = start.getUTCMonth(); Date.UTC(y, m, 1) / DAY_MS <= last; m++) {
    const monthStart = Date.UTC(y, m, 1) / DAY_MS;
    const monthEnd = Date.UTC(y, m + 1, 1) / DAY_MS - 1;
    const days = Math.min(last, monthEnd) - Math.max(first, monthStart) + 1;
    const part = days / (monthEnd - monthStart + 1);
    byMonth[m % 12] += part;
    months += part;
  }
  return { months, byMonth };
}

/** All twelve months: a listing without harvest months produces all year. */
export const ALL_YEAR = 0xfff;

/** Harvest months 1–12 as a 12-bit mask (bit 0 = January); none given = all year. */
export function harvestMask(months: readonly number[]): number {
  let mask = 0;
  for (const m of months) if (Number.isInteger(m) && m >= 1 && m <= 12) mask |= 1 << (m - 1);
  return mask === 0 ? ALL_YEAR : mask;
}

/**
 * Share of the window that falls in harvest months. Summed month by month in calendar order, so a
 * mask with more months never sums to less in floating point either (the pruning bound needs that).
 */
export function seasonShare(window: DeliveryWindow, mask: number): number {
  let inSeason = 0;
  for (let m = 0; m < 12; m++) if (mask & (1 << m)) inSeason += window.byMonth[m];
  return inSeason / window.months;
}

/** 'YYYY-MM' of an ISO date, as hints and reasons name months. */
export const isoMonth = (iso: string) => iso.slice(0, 7);

/**
 * Việt Nam's wall clock for date and time inputs (a bid deadline typed as "24/12 17:00" means
 * 17:00 in Việt Nam wherever the device is). No imports, so small tests can load it as it is.
 */

// As PLATFORM_TIME_ZONE in datetime.ts; Việt Nam keeps UTC+7 all year (no daylight saving).
const VIETNAM = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the date ("2026-12-24") and time ("17:00") a clock in Việt Nam shows, for native inputs. */
export function vietnamDateTime(iso: string): { date: string; time: string } | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const part = Object.fromEntries(
    partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/**
 * The instant a Vietnamese wall clock names ("2026-12-24", "17:00") as ISO 8601, whatever the
 * device's zone; Việt Nam keeps UTC+7 all year (no daylight saving). Null if unparsable.
 */
export function vietnamInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = new Date(`${date}T${time}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Today's calendar day in Việt Nam ("2026-12-07"), the day delivery dates are judged by. */
export function vietnamToday(now = new Date()): string {
  return vietnamDateTime(now.toISOString())?.date ?? now.toISOString().slice(0, 10);
}

// "Today" in one place (decision 64). The market is Vietnam: a delivery date, a certificate's expiry
// and a founding year are Vietnamese calendar days and years, whatever the server's time zone, and
// every rule asks this file rather than `new Date()` so that a test can set the clock.

/** Where calendar rules read the time. Tests set it (`jest.spyOn(clock, 'now')`); nothing else should. */
export const clock = { now: (): Date => new Date() };

/** Vietnam's offset from UTC: +07:00 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The calendar date in Vietnam at a moment, YYYY-MM-DD. */
export const vietnamDate = (at: Date): string => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Today in Vietnam, YYYY-MM-DD, by `clock`. */
export const todayInVietnam = (): string => vietnamDate(clock.now());

/** This year in Vietnam, by `clock`: computed at each call, never frozen at start-up. */
export const currentYearInVietnam = (): number => Number(todayInVietnam().slice(0, 4));

import { countdownParts, countdownStep, tickMs } from '../../apps/web/src/lib/countdown';
import { vietnamDateTime, vietnamInstant, vietnamToday } from '../../apps/web/src/lib/vietnam-time';

describe('a bid deadline in Vietnam time', () => {
  it('reads a Vietnamese wall clock as the instant it names, whatever the device zone', () => {
    expect(vietnamInstant('2026-12-24', '17:00')).toBe('2026-12-24T10:00:00.000Z');
    // Just after midnight in Việt Nam is still the day before in UTC.
    expect(vietnamInstant('2027-01-01', '00:30')).toBe('2026-12-31T17:30:00.000Z');
    expect(vietnamInstant('2026-12-24', '')).toBeNull();
    expect(vietnamInstant('24/12/2026', '17:00')).toBeNull();
  });

  it('shows an instant as the date and time a clock in Việt Nam shows', () => {
    expect(vietnamDateTime('2026-12-24T10:00:00.000Z')).toEqual({ date: '2026-12-24', time: '17:00' });
    expect(vietnamDateTime('2026-12-31T17:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(vietnamDateTime('not a date')).toBeNull();
    expect(vietnamToday(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });
});

describe('the deadline countdown', () => {
  const deadline = Date.parse('2026-12-24T10:00:00Z');
  const before = (seconds: number) => deadline - seconds * 1000;

  it('counts whole days, hours, minutes and seconds, and nothing once passed', () => {
    expect(countdownParts(deadline, before(2 * 86400 + 3 * 3600 + 14 * 60 + 5))).toEqual({ days: 2, hours: 3, minutes: 14, seconds: 5 });
    expect(countdownParts(deadline, before(0.4))).toBeNull();
    expect(countdownParts(deadline, deadline + 1)).toBeNull();
  });

  it('announces coarse steps only: days, hours, under an hour, under ten minutes, passed', () => {
    const step = (seconds: number) => countdownStep(countdownParts(deadline, before(seconds)));
    expect(step(3 * 86400 + 5)).toEqual({ kind: 'days', count: 3 });
    expect(step(86399)).toEqual({ kind: 'hours', count: 23 });
    expect(step(3599)).toEqual({ kind: 'underHour' });
    expect(step(600)).toEqual({ kind: 'underHour' });
    expect(step(599)).toEqual({ kind: 'underTenMinutes' });
    expect(step(0)).toEqual({ kind: 'passed' });
  });

  it('redraws each minute while days remain, each second on the last day, then stops', () => {
    expect(tickMs(countdownParts(deadline, before(86400 + 1)))).toBe(60_000);
    expect(tickMs(countdownParts(deadline, before(86399)))).toBe(1000);
    expect(tickMs(null)).toBeNull();
  });
});

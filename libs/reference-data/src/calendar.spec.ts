import { clock, currentYearInVietnam, todayInVietnam, vietnamDate } from './calendar';

describe('the Vietnamese calendar', () => {
  afterEach(() => jest.restoreAllMocks());

  it('turns the day at 17:00 UTC, midnight in Hà Nội', () => {
    expect(vietnamDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
    expect(vietnamDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });

  it('reads today and this year from the clock a test sets, at each call', () => {
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-31T16:30:00Z'));
    expect([todayInVietnam(), currentYearInVietnam()]).toEqual(['2026-12-31', 2026]);
    now.mockReturnValue(new Date('2026-12-31T17:30:00Z'));
    expect([todayInVietnam(), currentYearInVietnam()]).toEqual(['2027-01-01', 2027]);
  });
});

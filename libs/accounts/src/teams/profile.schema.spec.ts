import { DomainError, validateInput } from '@lienket/graphql';

// The founding year's upper bound is this year in Vietnam at the time of each validation: a schema
// built at start-up (last year, or in the last hours of the year by UTC) must not keep that year.
describe('the founding year of a profile', () => {
  afterEach(() => jest.useRealTimers());

  it("accepts this year's founding year after the new year although the schema was built last year", () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T12:00:00+07:00') });
    let schema: typeof import('./profile.service').profileSchema;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded under last year's clock
      schema = (require('./profile.service') as typeof import('./profile.service')).profileSchema;
    });
    // 00:30 on 1 January 2027 in Hà Nội is still 2026 by UTC.
    jest.setSystemTime(new Date('2027-01-01T00:30:00+07:00'));
    expect(validateInput(schema!, { foundedYear: 2027 })).toMatchObject({ foundedYear: 2027 });
  });

  it('refuses next year, naming this year as the bound', () => {
    jest.useFakeTimers({ now: new Date('2027-01-01T00:30:00+07:00') });
    const { profileSchema } = jest.requireActual<typeof import('./profile.service')>('./profile.service');
    let refused: unknown;
    try {
      validateInput(profileSchema, { foundedYear: 2028 });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ field: 'foundedYear', messageKey: 'outOfRange', params: { max: 2027 } });
  });
});

import { DomainError } from '@lienket/graphql';
import { canonicalCertificationKind } from '../dto/product.schema';
import { ListingStatus, ProductEntity } from '../product.entity';
import {
  compareDecimal,
  isCertificationValid,
  multiplyDecimal,
  parseProductInput,
  parseSearchInput,
  sameVersion,
  snapshotOf,
  versionOf,
} from '../product.rules';

const input = (over: Record<string, unknown> = {}) => ({
  categoryCode: '0901',
  name: '  Cà phê Robusta Đắk Lắk ',
  unitCode: 'TNE',
  monthlyCapacity: '50.500',
  ...over,
});

/** The field and message key a bad input is refused with. */
function refusal(fn: () => unknown): [string | undefined, string] | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('BAD_USER_INPUT');
    return [e.field, e.messageKey];
  }
}

describe('parseProductInput', () => {
  it('normalizes a valid listing: trimmed text, trimmed decimals, sorted unique months, canonical kinds', () => {
    expect(
      parseProductInput(
        input({
          minOrderQuantity: '2.50',
          priceMin: { amount: '95000000', currency: 'VND' },
          priceMax: { amount: '125000000000', currency: 'VND' },
          harvestMonths: [12, 1, 12],
          certifications: [{ kind: ' ocop_4 ', issuer: ' Sở NN&PTNT ', validUntil: '2027-01-01' }],
        }),
      ),
    ).toEqual({
      categoryCode: '0901',
      name: 'Cà phê Robusta Đắk Lắk',
      description: null,
      unitCode: 'TNE',
      monthlyCapacity: '50.5',
      minOrderQuantity: '2.5',
      priceUnitCode: 'TNE',
      priceMin: '95000000',
      priceMax: '125000000000',
      harvestMonths: [1, 12],
      certifications: [{ kind: 'OCOP_4', issuer: 'Sở NN&PTNT', validUntil: '2027-01-01' }],
    });
  });

  it.each([
    [{ categoryCode: '9999' }, ['categoryCode', 'unknownCategory']],
    [{ unitCode: 'XYZ' }, ['unitCode', 'unknownUnit']],
    [{ priceUnitCode: 'XYZ' }, ['priceUnitCode', 'unknownUnit']],
    [{ priceUnitCode: 'LTR' }, ['priceUnitCode', 'priceUnitMismatch']],
    [{ monthlyCapacity: '0.000' }, ['monthlyCapacity', 'mustBePositive']],
    [{ monthlyCapacity: '-1' }, ['monthlyCapacity', 'mustBePositive']],
    [{ monthlyCapacity: '123456789012345678' }, ['monthlyCapacity', 'decimalPrecision']],
    [{ minOrderQuantity: '50.501' }, ['minOrderQuantity', 'minOrderAboveCapacity']],
    [
      { priceMin: { amount: '2', currency: 'VND' }, priceMax: { amount: '1', currency: 'VND' } },
      ['priceMin', 'priceMinAboveMax'],
    ],
    [{ priceMin: { amount: '2', currency: 'usd' } }, ['priceMin.currency', 'currencyVnd']],
    [{ priceMax: { amount: '0', currency: 'VND' } }, ['priceMax.amount', 'mustBePositive']],
    [
      { priceMax: { amount: '1'.repeat(19), currency: 'VND' } },
      ['priceMax.amount', 'vndDigits'],
    ],
    [{ harvestMonths: [6, 13] }, ['harvestMonths', 'harvestMonthRange']],
    [{ name: '' }, ['name', 'required']],
    [{ name: 'x'.repeat(201) }, ['name', 'tooLong']],
    [{ description: 'x'.repeat(5001) }, ['description', 'tooLong']],
    [{ certifications: [{ kind: 'HACCP' }] }, ['certifications.0.kind', 'unknownCertification']],
    [
      { certifications: [{ kind: 'OCOP_3' }, { kind: 'ocop_3' }] },
      ['certifications.1.kind', 'duplicateCertification'],
    ],
    [
      { certifications: Array.from({ length: 9 }, () => ({ kind: 'VietGAP' })) },
      ['certifications', 'tooMany'],
    ],
  ])('refuses %j', (over, expected) => {
    expect(refusal(() => parseProductInput(input(over)))).toEqual(expected);
  });

  it('accepts the boundaries: a minimum order equal to capacity, equal prices, months 1 and 12', () => {
    const ok = input({
      minOrderQuantity: '50.5',
      priceMin: { amount: '7', currency: 'VND' },
      priceMax: { amount: '7', currency: 'VND' },
      harvestMonths: [1, 12],
    });
    expect(refusal(() => parseProductInput(ok))).toBe('accepted');
  });
});

describe('versions', () => {
  const entity = (over: Partial<ProductEntity> = {}) =>
    Object.assign(new ProductEntity(), {
      id: 'p1',
      organizationId: 'o1',
      categoryCode: '0901',
      name: 'Cà phê',
      description: null,
      unitCode: 'TNE',
      monthlyCapacity: '2.500',
      minOrderQuantity: null,
      priceMin: '1000',
      priceMax: null,
      currency: 'VND',
      harvestMonths: [11],
      certifications: [],
      status: ListingStatus.DRAFT,
      moderationNote: null,
      approved: null,
      submittedAt: null,
      ...over,
    });

  it('treats an edit that only rewrites the same numbers as no change, and any field change as material', () => {
    const v = versionOf(entity());
    expect(
      sameVersion(
        v,
        parseProductInput({
          categoryCode: '0901',
          name: 'Cà phê',
          unitCode: 'TNE',
          monthlyCapacity: '2.5',
          priceMin: { amount: '1000', currency: 'VND' },
          harvestMonths: [11],
        }),
      ),
    ).toBe(true);
    expect(sameVersion(v, { ...v, description: 'mới' })).toBe(false);
    expect(sameVersion(v, { ...v, harvestMonths: [11, 12] })).toBe(false);
    expect(
      sameVersion(v, {
        ...v,
        certifications: [{ kind: 'VietGAP', issuer: null, validUntil: null }],
      }),
    ).toBe(false);
  });

  it('snapshots the capacity in base units too, so filters compare tấn with kg', () => {
    const at = new Date('2026-11-23T01:00:00Z');
    expect(snapshotOf(entity(), at)).toMatchObject({
      monthlyCapacity: '2.5',
      monthlyCapacityBase: '2500',
      approvedAt: '2026-11-23T01:00:00.000Z',
    });
    expect(
      snapshotOf(entity({ unitCode: 'GRM', monthlyCapacity: '1500' }), at).monthlyCapacityBase,
    ).toBe('1.5');
  });
});

describe('exact decimals', () => {
  it('compares and multiplies without floats', () => {
    expect(compareDecimal('10', '9.999')).toBe(1);
    expect(compareDecimal('10.000', '10')).toBe(0);
    expect(compareDecimal('0.1', '0.25')).toBe(-1);
    expect(compareDecimal('99999999999999999.999', '99999999999999999.998')).toBe(1);
    expect(multiplyDecimal('2.5', '1000')).toBe('2500');
    expect(multiplyDecimal('0.5', '0.001')).toBe('0.0005');
    expect(multiplyDecimal('99999999999999999.999', '1000')).toBe('99999999999999999999');
  });
});

describe('certificate validity', () => {
  it('counts a certificate through its last day, and one without a date forever', () => {
    expect(
      isCertificationValid(
        { kind: 'VietGAP', issuer: null, validUntil: '2026-11-23' },
        '2026-11-23',
      ),
    ).toBe(true);
    expect(
      isCertificationValid(
        { kind: 'VietGAP', issuer: null, validUntil: '2026-11-22' },
        '2026-11-23',
      ),
    ).toBe(false);
    expect(
      isCertificationValid({ kind: 'VietGAP', issuer: null, validUntil: null }, '2099-01-01'),
    ).toBe(true);
  });
  it('knows the kinds whatever their case', () => {
    expect(canonicalCertificationKind('globalgap')).toBe('GlobalGAP');
    expect(canonicalCertificationKind('ORGANIC_eu')).toBe('ORGANIC_EU');
    expect(canonicalCertificationKind('OCOP_6')).toBeNull();
  });
});

describe('parseSearchInput', () => {
  it('treats a blank query as browsing and keeps known filters', () => {
    expect(
      parseSearchInput('   ', {
        categoryCode: '09',
        provinceCode: '66',
        certification: 'vietgap',
        minMonthlyCapacity: '1000.500',
      }),
    ).toEqual({
      text: null,
      categoryCode: '09',
      provinceCode: '66',
      certification: 'VietGAP',
      minMonthlyCapacity: '1000.5',
    });
  });
  it.each([
    ['q'.repeat(201), null, ['query', 'tooLong']],
    ['ca phe', { categoryCode: '99' }, ['filter.categoryCode', 'unknownCategory']],
    ['ca phe', { provinceCode: '02' }, ['filter.provinceCode', 'unknownProvince']],
    ['ca phe', { certification: 'ISO22000' }, ['filter.certification', 'unknownCertification']],
    ['ca phe', { minMonthlyCapacity: '-1' }, ['filter.minMonthlyCapacity', 'invalidValue']],
  ])('refuses %j with %j', (query, filter, expected) => {
    expect(refusal(() => parseSearchInput(query, filter))).toEqual(expected);
  });
});

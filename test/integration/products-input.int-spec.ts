import { errorCode, gql, queryRows } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';
import {
  CREATE_PRODUCT,
  newOrganization,
  PRODUCT,
  ProductNode,
  productInput,
  TestOrg,
  UPDATE_PRODUCT,
} from '../support/products';

let s: RunningApp;
let coop: TestOrg;
beforeAll(async () => {
  s = await startSubgraph(CatalogAppModule);
  coop = await newOrganization(s.url, { verified: true });
});
afterAll(() => s.close());

/** Everything a refused write could have touched: the organization's listings and the audit log. */
const written = async () =>
  (
    await queryRows<{ products: number; audit: number; latest: Date | null }>(
      s.databaseUrl,
      `SELECT (SELECT count(*)::int FROM catalog.products WHERE organization_id = $1) AS products,
            (SELECT count(*)::int FROM catalog.audit_log) AS audit,
            (SELECT max(updated_at) FROM catalog.products WHERE organization_id = $1) AS latest`,
      [coop.id],
    )
  )[0];

const cert = (over: Record<string, unknown> = {}) => ({
  kind: 'VietGAP',
  issuer: null,
  validUntil: null,
  ...over,
});
const bad: [string, Record<string, unknown>, string][] = [
  ['an unknown category', { categoryCode: '9999' }, 'categoryCode'],
  ['an unknown unit', { unitCode: 'XYZ' }, 'unitCode'],
  ['a zero capacity', { monthlyCapacity: '0' }, 'monthlyCapacity'],
  ['a negative capacity', { monthlyCapacity: '-5' }, 'monthlyCapacity'],
  ['a capacity finer than 3 decimals', { monthlyCapacity: '1.2345' }, 'monthlyCapacity'],
  [
    'a minimum order above the capacity',
    { monthlyCapacity: '10', minOrderQuantity: '10.5' },
    'minOrderQuantity',
  ],
  ['a zero minimum order', { minOrderQuantity: '0' }, 'minOrderQuantity'],
  [
    'a lowest price above the highest',
    {
      priceMin: { amount: '200000', currency: 'VND' },
      priceMax: { amount: '100000', currency: 'VND' },
    },
    'priceMin',
  ],
  [
    'a price in another currency',
    { priceMin: { amount: '100', currency: 'USD' } },
    'priceMin.currency',
  ],
  [
    'a price in fractions of a đồng',
    { priceMax: { amount: '1000.5', currency: 'VND' } },
    'priceMax.amount',
  ],
  ['a negative price', { priceMax: { amount: '-1', currency: 'VND' } }, 'priceMax.amount'],
  ['a negative lowest price', { priceMin: { amount: '-25000', currency: 'VND' } }, 'priceMin.amount'],
  ['an unknown price unit', { priceUnitCode: 'XYZ' }, 'priceUnitCode'],
  ['a price per litre for a listing in tonnes', { priceUnitCode: 'LTR' }, 'priceUnitCode'],
  [
    'a lowest price above the highest, per kg',
    {
      priceUnitCode: 'KGM',
      priceMin: { amount: '30000', currency: 'VND' },
      priceMax: { amount: '25000', currency: 'VND' },
    },
    'priceMin',
  ],
  ['harvest month 13', { harvestMonths: [1, 13] }, 'harvestMonths'],
  ['harvest month 0', { harvestMonths: [0] }, 'harvestMonths'],
  ['an empty name', { name: '   ' }, 'name'],
  ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
  ['a description over 5000 characters', { description: 'x'.repeat(5001) }, 'description'],
  [
    'an unknown certification',
    { certifications: [cert({ kind: 'ISO9001' })] },
    'certifications.0.kind',
  ],
  [
    'the same certification twice',
    { certifications: [cert(), cert({ kind: 'vietgap' })] },
    'certifications.1.kind',
  ],
  [
    'an issuer over 200 characters',
    { certifications: [cert({ issuer: 'x'.repeat(201) })] },
    'certifications.0.issuer',
  ],
];

describe('createProduct refuses bad input, naming the field, and writes nothing', () => {
  it.each(bad)('%s', async (_name, over, field) => {
    const before = await written();
    const r = await gql(
      s.url,
      CREATE_PRODUCT,
      { input: productInput(over) },
      { token: coop.token, lang: 'en' },
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).not.toMatch(/\{|undefined|INTERNAL/);
    expect(await written()).toEqual(before);
  });

  it('explains in Vietnamese by default', async () => {
    const r = await gql(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ minOrderQuantity: '100' }) },
      { token: coop.token },
    );
    expect(r.errors?.[0].message).toBe(
      'Đơn hàng tối thiểu không được lớn hơn sản lượng mỗi tháng.',
    );
    const months = await gql(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ name: '' }) },
      { token: coop.token },
    );
    expect(months.errors?.[0].message).toBe('Vui lòng nhập tên.');
  });

  it('refuses a Decimal that is not a number before any resolver runs', async () => {
    const before = await written();
    expect(
      errorCode(
        await gql(
          s.url,
          CREATE_PRODUCT,
          { input: productInput({ monthlyCapacity: '1e9' }) },
          { token: coop.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await gql(
          s.url,
          CREATE_PRODUCT,
          { input: productInput({ certifications: [cert({ validUntil: '2026-02-30' })] }) },
          { token: coop.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await written()).toEqual(before);
  });
});

describe('updateProduct refuses bad input and leaves the listing as it was', () => {
  let id: string;
  beforeAll(async () => {
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input: productInput() },
      { token: coop.token },
    );
    id = r.data!.createProduct.id;
  });

  it.each(bad)('%s', async (_name, over, field) => {
    const before = await written();
    const r = await gql(
      s.url,
      UPDATE_PRODUCT,
      { id, input: productInput(over) },
      { token: coop.token, lang: 'en' },
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await written()).toEqual(before);
  });
});

describe('every field problem at once', () => {
  it('names each field a check found wrong, the first as the error, and writes nothing', async () => {
    const before = await written();
    const r = await gql(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ name: ' ', monthlyCapacity: '0', priceMax: { amount: '-1', currency: 'VND' } }) },
      { token: coop.token, lang: 'en' },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(r.errors?.[0].extensions?.problems).toEqual([
      { field: 'name', message: r.errors?.[0].message },
      { field: 'monthlyCapacity', message: expect.stringMatching(/monthly capacity/i) },
      { field: 'priceMax.amount', message: expect.stringMatching(/highest price/i) },
    ]);
    expect(await written()).toEqual(before);
  });
});

describe('prices say what they are per', () => {
  const perKg = {
    priceUnitCode: 'KGM',
    priceMin: { amount: '25000', currency: 'VND' },
    priceMax: { amount: '30000', currency: 'VND' },
  };

  it('keeps a price per kg on a listing counted in tonnes, and names both units as people write them', async () => {
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input: productInput(perKg) },
      { token: coop.token },
    );
    expect(r.data?.createProduct).toMatchObject({
      unit: { code: 'TNE', name: 'tấn' },
      priceUnit: { code: 'KGM', name: 'kg', symbol: 'kg' },
      priceMin: { amount: '25000' },
      priceMax: { amount: '30000' },
    });
    const read = await gql<{ product: ProductNode }>(
      s.url,
      PRODUCT,
      { id: r.data!.createProduct.id },
      { token: coop.token, lang: 'en' },
    );
    expect(read.data?.product).toMatchObject({
      unit: { code: 'TNE', name: 'tonnes' },
      priceUnit: { code: 'KGM', symbol: 'kg' },
    });
    const [row] = await queryRows<{ price_unit_code: string }>(
      s.databaseUrl,
      `SELECT price_unit_code FROM catalog.products WHERE id = $1`,
      [r.data!.createProduct.id],
    );
    expect(row.price_unit_code).toBe('KGM');
  });

  it('prices per the capacity unit when no price unit is given', async () => {
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ unitCode: 'DTN', minOrderQuantity: null }) },
      { token: coop.token },
    );
    expect(r.data?.createProduct.priceUnit).toEqual({ code: 'DTN', name: 'tạ', symbol: 'tạ' });
  });

  it('says in Vietnamese which units a price may be per', async () => {
    const before = await written();
    const r = await gql(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ priceUnitCode: 'BX' }) },
      { token: coop.token },
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceUnitCode' });
    expect(r.errors?.[0].message).toMatch(/^Giá phải tính theo một đơn vị cùng loại với đơn vị sản lượng \(tấn\)/);
    expect(await written()).toEqual(before);
  });
});

describe('text is stored as text', () => {
  it('keeps HTML and scripts verbatim, for clients to render escaped', async () => {
    const name = '<b>Mật ong</b> <script>alert("xss")</script>';
    const description = `<img src=x onerror="alert(1)"> Mật ong rừng U Minh & "bạc hà"`;
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input: productInput({ name, description, categoryCode: '0409' }) },
      { token: coop.token },
    );
    expect(r.data?.createProduct).toMatchObject({ name, description });
    const read = await gql<{ product: ProductNode }>(
      s.url,
      PRODUCT,
      { id: r.data!.createProduct.id },
      { token: coop.token },
    );
    expect(read.data?.product).toMatchObject({ name, description });
  });

  it('accepts a listing with only the required fields', async () => {
    const input = { categoryCode: '09', name: 'Gia vị', unitCode: 'KGM', monthlyCapacity: '0.5' };
    const r = await gql<{ createProduct: ProductNode }>(
      s.url,
      CREATE_PRODUCT,
      { input },
      { token: coop.token },
    );
    expect(r.data?.createProduct).toMatchObject({
      name: 'Gia vị',
      monthlyCapacity: '0.5',
      minOrderQuantity: null,
      priceMin: null,
      harvestMonths: [],
      certifications: [],
      category: { code: '09', parent: null },
    });
  });
});

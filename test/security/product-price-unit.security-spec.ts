import { approvedListing, api, cooperative, rows } from '../support/e2e';

// The price unit is a new input (`priceUnitCode`) and a new public field (`priceUnit`): hostile
// values are refused as bad input without a write, another organization cannot change it, and the
// public keeps reading the approved version's unit while an edit waits for review.

const UPDATE = `mutation U($id: ID!, $input: ProductInput!) { updateProduct(id: $id, input: $input) { id status priceUnit { code } } }`;
const CREATE = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
const PUBLIC = `query P($id: ID!) { product(id: $id) { priceUnit { code symbol } priceMin { amount } } }`;

const input = (over: Record<string, unknown> = {}) => ({
  categoryCode: '0901',
  name: 'Cà phê nhân Robusta Cư M’gar',
  unitCode: 'TNE',
  monthlyCapacity: '40',
  priceUnitCode: 'KGM',
  priceMin: { amount: '110000', currency: 'VND' },
  priceMax: { amount: '125000', currency: 'VND' },
  ...over,
});

let seller: Awaited<ReturnType<typeof cooperative>>;
let rival: Awaited<ReturnType<typeof cooperative>>;
let listingId: string;
const listing = async () =>
  (await rows<{ price_unit_code: string; price_min: string; updated_at: Date }>(
    `SELECT price_unit_code, price_min::text, updated_at FROM catalog.products WHERE id = $1`,
    [listingId],
  ))[0];
const countOf = async (orgId: string) =>
  (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.products WHERE organization_id = $1`, [orgId]))[0].n;

beforeAll(async () => {
  seller = await cooperative('HTX Cà phê Cư M’gar', { verified: true });
  rival = await cooperative('HTX Cà phê đối thủ', { verified: true });
  listingId = await approvedListing(seller.token, input());
});

describe('hostile price units', () => {
  it.each([
    ['SQL in the code', "KGM'; DELETE FROM catalog.products; --"],
    ['a very long code', 'K'.repeat(100_000)],
    ['a lower-case code', 'kgm'],
    ['a unit of another kind', 'LTR'],
    ['markup', '<img src=x onerror=alert(1)>'],
  ])('%s is bad input, named, and writes nothing', async (_what, code) => {
    const before = await countOf(seller.orgId);
    const r = await api(CREATE, { input: input({ priceUnitCode: code }) }, { token: seller.token });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceUnitCode' });
    // A person's message: no driver text, no stack, and not the whole 100 kB echoed back.
    expect(r.errors?.[0].message).not.toMatch(/stack|QueryFailed|syntax error|relation|at \w+ \(/);
    expect(r.errors?.[0].message.length).toBeLessThan(300);
    expect(await countOf(seller.orgId)).toBe(before);
  });
});

describe("another organization's listing", () => {
  it('cannot have its price unit changed by a rival: not found, unchanged', async () => {
    const before = await listing();
    const r = await api(UPDATE, { id: listingId, input: input({ priceUnitCode: 'TNE' }) }, { token: rival.token });
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await listing()).toEqual(before);
  });

  it("keeps showing the approved unit to the public while the seller's new one waits for review", async () => {
    const r = await api<{ updateProduct: { status: string; priceUnit: { code: string } } }>(
      UPDATE,
      { id: listingId, input: input({ priceUnitCode: 'TNE', priceMin: { amount: '110000000', currency: 'VND' }, priceMax: null }) },
      { token: seller.token },
    );
    expect(r.data?.updateProduct).toMatchObject({ status: 'PENDING_REVIEW', priceUnit: { code: 'TNE' } });
    const seen = await api<{ product: { priceUnit: { code: string; symbol: string }; priceMin: { amount: string } } }>(PUBLIC, { id: listingId });
    expect(seen.data?.product).toEqual({ priceUnit: { code: 'KGM', symbol: 'kg' }, priceMin: { amount: '110000' } });
    const asRival = await api<{ product: { priceUnit: { code: string } } }>(PUBLIC, { id: listingId }, { token: rival.token });
    expect(asRival.data?.product.priceUnit.code).toBe('KGM');
  });
});

import { errorCode, SIGN_UP, signUpInput } from '@lienket/testing';
import { api, rows } from '../support/e2e';

const FIELDS = `id name status monthlyCapacity priceMax { amount currency } harvestMonths
  certifications { kind validUntil expired } category { code name } unit { code name }
  organization { id name verification province { name } }`;
const CREATE = `mutation Create($input: ProductInput!) { createProduct(input: $input) { ${FIELDS} } }`;
const PRODUCT = `query Product($id: ID!) { product(id: $id) { ${FIELDS} } }`;
const SUBMIT = `mutation Submit($id: ID!) { submitProduct(id: $id) { id status } }`;

const input = (over: Record<string, unknown> = {}) => ({
  categoryCode: '0901',
  name: 'Cà phê Robusta Đắk Lắk',
  unitCode: 'TNE',
  monthlyCapacity: '40.5',
  priceMax: { amount: '125000000000', currency: 'VND' },
  harvestMonths: [11, 12, 1],
  certifications: [{ kind: 'VietGAP', validUntil: '2099-06-30' }],
  ...over,
});

async function newCooperative(name: string, kind = 'COOPERATIVE') {
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(
    SIGN_UP,
    {
      input: signUpInput({ name, kind, provinceCode: '66' }),
    },
  );
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id };
}
const productCount = async (orgId: string) =>
  (
    await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog.products WHERE organization_id = $1`,
      [orgId],
    )
  )[0].n;

describe('product listings through the gateway', () => {
  it('saves a draft and reads it back with its organization, category and unit resolved', async () => {
    const coop = await newCooperative('HTX Nông nghiệp Dịch vụ Cà phê Ea Tu');
    const created = await api<{ createProduct: { id: string } }>(
      CREATE,
      { input: input() },
      { token: coop.token },
    );
    expect(created.errors).toBeUndefined();
    const r = await api<{ product: Record<string, unknown> }>(
      PRODUCT,
      { id: created.data!.createProduct.id },
      { token: coop.token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.product).toMatchObject({
      name: 'Cà phê Robusta Đắk Lắk',
      status: 'DRAFT',
      monthlyCapacity: '40.5',
      priceMax: { amount: '125000000000', currency: 'VND' },
      harvestMonths: [1, 11, 12],
      certifications: [{ kind: 'VietGAP', validUntil: '2099-06-30', expired: false }],
      category: { code: '0901' },
      unit: { code: 'TNE', name: 'tấn' },
      organization: {
        id: coop.orgId,
        name: 'HTX Nông nghiệp Dịch vụ Cà phê Ea Tu',
        verification: 'PENDING_VERIFICATION',
        province: { name: 'Đắk Lắk' },
      },
    });
    // A draft is private: to anyone else it does not exist.
    expect(
      (await api<{ product: null }>(PRODUCT, { id: created.data!.createProduct.id })).data?.product,
    ).toBeNull();
  });

  it('refuses to submit for an unverified organization, in the caller’s language', async () => {
    const coop = await newCooperative('HTX Hồ tiêu Chư Sê');
    const created = await api<{ createProduct: { id: string } }>(
      CREATE,
      { input: input({ name: 'Hồ tiêu đen', categoryCode: '0904' }) },
      { token: coop.token },
    );
    const r = await api(
      SUBMIT,
      { id: created.data!.createProduct.id },
      { token: coop.token, lang: 'en' },
    );
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.errors?.[0].message).toMatch(/must be verified/);
  });

  it('refuses what the scalars refuse, with BAD_USER_INPUT, and writes nothing', async () => {
    const coop = await newCooperative('HTX Quế Văn Yên');
    const badDay = await api(
      CREATE,
      { input: input({ certifications: [{ kind: 'VietGAP', validUntil: '2027-02-30' }] }) },
      { token: coop.token },
    );
    expect(errorCode(badDay)).toBe('BAD_USER_INPUT');
    const badField = await api(
      CREATE,
      { input: input({ harvestMonths: [13] }) },
      { token: coop.token },
    );
    expect(badField.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'harvestMonths',
    });
    expect(await productCount(coop.orgId)).toBe(0);
  });

  it("resolves Organization.products for a procurement need's buyer across subgraphs", async () => {
    const buyer = await newCooperative('Công ty CP Chế biến Nông sản Tây Nguyên', 'ENTERPRISE');
    // Buyers do not list (decision 81): the buyer's products resolve, and are none.
    const refused = await api(
      CREATE,
      { input: input({ name: 'Cà phê rang xay Buôn Ma Thuột' }) },
      { token: buyer.token },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const day = (d: number) => new Date(Date.now() + d * 86400_000).toISOString();
    const need = await api(
      `mutation($input: NeedInput!) { createNeed(input: $input) { id } }`,
      {
        input: {
          title: 'Cà phê nhân xô',
          categoryCode: '0901',
          quantity: '10',
          unitCode: 'TNE',
          deliveryProvinceCode: '66',
          deliveryFrom: day(30).slice(0, 10),
          deliveryTo: day(60).slice(0, 10),
          bidDeadline: day(20),
        },
      },
      { token: buyer.token },
    );
    expect(need.errors).toBeUndefined();
    type R = {
      needs: {
        edges: {
          node: {
            buyer: {
              name: string;
              products: { totalCount: number; edges: { node: { name: string } }[] };
            };
          };
        }[];
      };
    };
    const r = await api<R>(
      `{ needs(filter: { mine: true }) { edges { node { buyer { name products(first: 5) { totalCount edges { node { name } } } } } } } }`,
      {},
      { token: buyer.token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.needs.edges[0].node.buyer).toEqual({
      name: 'Công ty CP Chế biến Nông sản Tây Nguyên',
      products: { totalCount: 0, edges: [] },
    });
  });
});

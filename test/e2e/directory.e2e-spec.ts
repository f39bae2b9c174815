import { errorCode, SIGN_IN, SIGN_UP, signUpInput } from '@lienket/testing';
import { api } from '../support/e2e';

// The supplier directory and page through the gateway: the catalog answers the directory and the
// certifications, the procurement subgraph adds each organization's reliability.

const MODERATE = `mutation M($subject: ModerationSubject!, $id: ID!) { moderate(subject: $subject, subjectId: $id, decision: APPROVE) { subjectId } }`;
const CREATE = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
const SUBMIT = `mutation S($id: ID!) { submitProduct(id: $id) { id } }`;
const PROFILE = `mutation P($input: OrganizationProfileInput!) { updateOrganizationProfile(input: $input) { id } }`;
const CARD = `id name kind province { code } address phone productCount
  certifications { kind validUntil expired }
  reliability { completedContracts onTimeRate fillRate averageRating }`;
const DIRECTORY = `query D($q: String, $filter: OrganizationFilter) {
  searchOrganizations(query: $q, filter: $filter, first: 20) { totalCount edges { node { ${CARD} } } } }`;
const SUPPLIER = `query O($id: ID!) { organization(id: $id) { ${CARD} members { email } products(first: 10) { edges { node { id name status } } } } }`;

interface Card {
  id: string;
  name: string;
  address: string | null;
  productCount: number;
  certifications: { kind: string; validUntil: string | null; expired: boolean }[];
  reliability: { completedContracts: number; onTimeRate: number | null; fillRate: number | null; averageRating: number | null } | null;
  members: { email: string }[] | null;
}

const signIn = async (email: string, password: string) =>
  (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email, password })).data!.signIn.accessToken;
const adminToken = () => signIn(process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);

async function cooperative(name: string, provinceCode: string) {
  const input = signUpInput({ name, provinceCode });
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  expect(r.errors).toBeUndefined();
  return { token: r.data!.signUp.accessToken, id: r.data!.signUp.user.organization.id, email: input.email };
}
const directory = async (q: string | null, filter: Record<string, unknown> | null, token?: string) => {
  const r = await api<{ searchOrganizations: { totalCount: number; edges: { node: Card }[] } }>(DIRECTORY, { q, filter }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.searchOrganizations.edges.map((e) => e.node);
};
const NO_RECORD = { completedContracts: 0, onTimeRate: null, fillRate: null, averageRating: null };

describe('the supplier directory and page', () => {
  let admin: string;
  let verified: Awaited<ReturnType<typeof cooperative>>;
  let pending: Awaited<ReturnType<typeof cooperative>>;
  let enterprise: string;

  beforeAll(async () => {
    admin = await adminToken();
    verified = await cooperative('HTX Sầu riêng Khánh Sơn', '56');
    pending = await cooperative('HTX Sầu riêng Chờ duyệt', '56');
    expect((await api(MODERATE, { subject: 'ORGANIZATION', id: verified.id }, { token: admin })).errors).toBeUndefined();
    await api(PROFILE, { input: { address: 'Thôn Tà Gụ', phone: '0258 3860 111' } }, { token: verified.token });
    const created = await api<{ createProduct: { id: string } }>(CREATE, {
      input: {
        categoryCode: '0810', name: 'Sầu riêng Ri6 Khánh Sơn', unitCode: 'TNE', monthlyCapacity: '30',
        certifications: [{ kind: 'VietGAP', validUntil: '2099-12-31' }, { kind: 'OCOP_3', validUntil: '2021-01-01' }],
      },
    }, { token: verified.token });
    const productId = created.data!.createProduct.id;
    await api(SUBMIT, { id: productId }, { token: verified.token });
    expect((await api(MODERATE, { subject: 'PRODUCT', id: productId }, { token: admin })).errors).toBeUndefined();
    const up = await api<{ signUp: { accessToken: string } }>(SIGN_UP, { input: signUpInput({ kind: 'ENTERPRISE', provinceCode: '79', name: 'Công ty CP Trái cây Sài Gòn' }) });
    enterprise = up.data!.signUp.accessToken;
  });

  it('finds a verified cooperative typed without diacritics, for anyone, with certifications and no record yet', async () => {
    for (const token of [undefined, enterprise, pending.token, verified.token, admin]) {
      const found = await directory('sau rieng khanh son', null, token);
      expect(found.map((o) => o.name)).toEqual(['HTX Sầu riêng Khánh Sơn']);
      expect(found[0]).toMatchObject({
        productCount: 1,
        // The expired OCOP 3 no longer counts.
        certifications: [{ kind: 'VietGAP', validUntil: '2099-12-31', expired: false }],
        reliability: NO_RECORD,
      });
    }
  });

  it('never lists an organization awaiting verification, not even to its own owner or the admin', async () => {
    for (const token of [undefined, pending.token, admin]) {
      expect((await directory('cho duyet', null, token)).map((o) => o.name)).toEqual([]);
    }
  });

  it('filters by kind, province, category and certification through the gateway', async () => {
    const names = async (filter: Record<string, unknown>) => (await directory('sau rieng', filter)).map((o) => o.name);
    expect(await names({ kind: 'COOPERATIVE', provinceCode: '56', categoryCode: '08', certification: 'VietGAP' })).toEqual(['HTX Sầu riêng Khánh Sơn']);
    expect(await names({ kind: 'ENTERPRISE' })).toEqual([]);
    expect(await names({ certification: 'OCOP_3' })).toEqual([]);
    const bad = await api(DIRECTORY, { q: null, filter: { provinceCode: '99' } }, { lang: 'vi' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/tỉnh/i);
  });

  it('shows the supplier page to the public without private details, and all of it to members and staff', async () => {
    const read = async (id: string, token?: string) => (await api<{ organization: Card | null }>(SUPPLIER, { id }, { token })).data!.organization;
    for (const token of [undefined, enterprise, pending.token]) {
      const page = await read(verified.id, token);
      expect(page).toMatchObject({ name: 'HTX Sầu riêng Khánh Sơn', address: null, phone: null, members: null, reliability: NO_RECORD, productCount: 1 });
    }
    for (const token of [verified.token, admin]) {
      const page = await read(verified.id, token);
      expect(page).toMatchObject({ address: 'Thôn Tà Gụ', reliability: NO_RECORD });
      expect(page?.members?.map((m) => m.email)).toEqual([verified.email]);
    }
    // An unverified organization's page does not exist for others; its owner sees it, record included.
    expect(await read(pending.id)).toBeNull();
    expect(await read(pending.id, enterprise)).toBeNull();
    expect(await read(pending.id, pending.token)).toMatchObject({ name: 'HTX Sầu riêng Chờ duyệt', productCount: 0, certifications: [], reliability: NO_RECORD });
  });
});

import { errorCode } from '@lienket/testing';
import { adminToken, api, approvedListing, cooperative } from '../support/e2e';

// The supplier directory and page through the gateway: the catalog answers the directory and the
// certifications, the procurement subgraph adds each organization's reliability.

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
    verified = await cooperative('HTX Sầu riêng Khánh Sơn', { provinceCode: '56', verified: true });
    pending = await cooperative('HTX Sầu riêng Chờ duyệt', { provinceCode: '56' });
    await api(PROFILE, { input: { address: 'Thôn Tà Gụ', phone: '0258 3860 111' } }, { token: verified.token });
    await approvedListing(verified.token, {
      categoryCode: '0810', name: 'Sầu riêng Ri6 Khánh Sơn', unitCode: 'TNE', monthlyCapacity: '30',
      certifications: [{ kind: 'VietGAP', validUntil: '2099-12-31' }, { kind: 'OCOP_3', validUntil: '2021-01-01' }],
    });
    enterprise = (await cooperative('Công ty CP Trái cây Sài Gòn', { kind: 'ENTERPRISE', provinceCode: '79' })).token;
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

  it("shows contact details in the directory only to the organization and staff", async () => {
    for (const [token, address] of [[undefined, null], [enterprise, null], [verified.token, 'Thôn Tà Gụ'], [admin, 'Thôn Tà Gụ']] as const) {
      const [found] = await directory('sau rieng khanh son', null, token);
      expect(found).toMatchObject({ address, phone: address && '0258 3860 111' });
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
      const page = await read(verified.orgId, token);
      expect(page).toMatchObject({ name: 'HTX Sầu riêng Khánh Sơn', address: null, phone: null, members: null, reliability: NO_RECORD, productCount: 1 });
    }
    for (const token of [verified.token, admin]) {
      const page = await read(verified.orgId, token);
      expect(page).toMatchObject({ address: 'Thôn Tà Gụ', reliability: NO_RECORD });
      expect(page?.members?.map((m) => m.email)).toEqual([verified.email]);
    }
    // An unverified organization's page does not exist for others; its owner sees it, record included.
    expect(await read(pending.orgId)).toBeNull();
    expect(await read(pending.orgId, enterprise)).toBeNull();
    expect(await read(pending.orgId, pending.token)).toMatchObject({ name: 'HTX Sầu riêng Chờ duyệt', productCount: 0, certifications: [], reliability: NO_RECORD });
  });
});

describe('wards for the profile editor', () => {
  const WARDS = `query W($p: String!) { wards(provinceCode: $p) { code name } }`;

  it("lists a province's wards after the 2025 merger, and refuses an unknown province", async () => {
    const r = await api<{ wards: { code: string; name: string }[] }>(WARDS, { p: '66' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.wards).toContainEqual({ code: '22015', name: 'Phường Tuy Hoà' });
    expect(r.data!.wards.length).toBeGreaterThan(50);
    const bad = await api(WARDS, { p: '02' }, { lang: 'en' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinceCode' });
  });
});

import { once } from 'node:events';
import { createServer } from 'node:net';
import { gql, GqlResult, SIGN_UP, signUpInput } from '@lienket/testing';
import { adminToken, api, rows, signUpOwner } from '../support/e2e';
import { GatewayProcess, startProductionGateway } from '../support/gateway-process';
import { needInput } from '../support/needs';
import { CREATE_PRODUCT, productInput } from '../support/products';

// Inputs that used to reach PostgreSQL or the network as they were: each answers a coded error in
// the caller's language naming the field, with no driver text, internal address or stack, and
// writes nothing.

const INTERNALS = /ECONNREFUSED|127\.0\.0\.1|localhost|QueryFailedError|invalid input syntax|invalid byte sequence|out of range|numeric field overflow|violates|\.js:\d+|at [A-Z]\w+\./;
function expectNoInternals(r: GqlResult<unknown>) {
  expect(r.status).not.toBe(500);
  expect(JSON.stringify(r.errors ?? [])).not.toMatch(INTERNALS);
  for (const e of r.errors ?? []) expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
}

const NEED = `mutation Create($input: NeedInput!) { createNeed(input: $input) { id } }`;
const PROFILE = `mutation P($input: OrganizationProfileInput!) { updateOrganizationProfile(input: $input) { id description memberCount foundedYear } }`;
const count = async (sql: string, params: unknown[]) => (await rows<{ n: number }>(sql, params))[0].n;
const productsOf = (orgId: string) => count('SELECT count(*)::int AS n FROM catalog.products WHERE organization_id = $1', [orgId]);
const needsOf = (orgId: string) => count('SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1', [orgId]);
const profileOf = async (orgId: string) =>
  (await rows<{ description: string | null; member_count: number | null; founded_year: number | null }>('SELECT description, member_count, founded_year FROM catalog.organizations WHERE id = $1', [orgId]))[0];

let cooperative: Awaited<ReturnType<typeof signUpOwner>>;
let buyer: Awaited<ReturnType<typeof signUpOwner>>;
beforeAll(async () => {
  cooperative = await signUpOwner({ name: 'HTX Kiểm thử Lỗi' });
  buyer = await signUpOwner({ kind: 'ENTERPRISE', name: 'Công ty Kiểm thử Lỗi', provinceCode: '79' });
});

describe('U+0000 in a string input', () => {
  it('is refused in a sign-up variable naming the field, and no account or organization is written', async () => {
    const input = signUpInput({ name: 'HTX \u0000 Bến Tre' });
    const r = await api(SIGN_UP, { input }, { lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: 'Organization name contains a character that is not allowed (the null character U+0000).', extensions: { code: 'BAD_USER_INPUT', field: 'organization.name' } });
    expectNoInternals(r);
    expect(await count('SELECT count(*)::int AS n FROM catalog.users WHERE email = lower($1)', [input.email])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM catalog.organizations WHERE tax_code = $1', [input.organization.taxCode])).toBe(0);
  });

  it('is refused in a literal argument of sign-in, naming it', async () => {
    const r = await api('mutation { signIn(email: "a\\u0000@x.vn", password: "x") { accessToken } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expectNoInternals(r);
  });

  it('is refused in a listing, a need and a profile, and none of them is written', async () => {
    const product = await api(CREATE_PRODUCT, { input: productInput({ description: 'Cà phê\u0000' }) }, { token: cooperative.token });
    expect(product.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    const need = await api(NEED, { input: needInput({ title: '\u0000' }) }, { token: buyer.token });
    expect(need.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const profile = await api(PROFILE, { input: { description: 'a\u0000b' } }, { token: cooperative.token });
    expect(profile.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    for (const r of [product, need, profile]) expectNoInternals(r);
    expect(await productsOf(cooperative.orgId)).toBe(0);
    expect(await needsOf(buyer.orgId)).toBe(0);
    expect((await profileOf(cooperative.orgId)).description).toBeNull();
  });
});

describe('forged pagination cursors', () => {
  const forged = ['!!!', Buffer.from('["a",1,2,3]').toString('base64url'), Buffer.from('{"x":1}').toString('base64url'), Buffer.from('[null,null]').toString('base64url')];

  it.each(forged)('%s is refused naming `after` by every paginated field, top-level or nested', async (after) => {
    const admin = await adminToken();
    const calls = [
      api('query Q($after: String) { searchProducts(after: $after) { edges { cursor } } }', { after }),
      api('query Q($after: String) { searchOrganizations(after: $after) { edges { cursor } } }', { after }),
      api('query Q($after: String) { needs(after: $after) { edges { cursor } } }', { after }),
      api('query Q($after: String) { notifications(after: $after) { edges { cursor } } }', { after }, { token: buyer.token }),
      api('query Q($after: String) { moderationQueue(after: $after) { edges { cursor } } }', { after }, { token: admin }),
      api('query Q($after: String) { auditLog(after: $after) { edges { cursor } } }', { after }, { token: admin }),
      // A field resolver: its error must go through the same filter as the top-level ones.
      api('query Q($id: ID!, $after: String) { organization(id: $id) { products(after: $after) { edges { cursor } } } }', { id: cooperative.orgId, after }, { token: cooperative.token, lang: 'en' }),
    ];
    for (const r of await Promise.all(calls)) {
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expectNoInternals(r);
    }
  });
});

describe('numbers past their column', () => {
  it('refuses a member count past Int, and one past the real bound with the bound stated, writing nothing', async () => {
    const huge = await api(PROFILE, { input: { memberCount: 3_000_000_000 } }, { token: cooperative.token, lang: 'en' });
    expect(huge.errors?.[0]).toMatchObject({ message: 'Member count is not valid.', extensions: { code: 'BAD_USER_INPUT', field: 'memberCount' } });
    const big = await api(PROFILE, { input: { memberCount: 2_000_000 } }, { token: cooperative.token, lang: 'en' });
    expect(big.errors?.[0]).toMatchObject({ message: 'Member count must be between 1 and 1000000.', extensions: { code: 'BAD_USER_INPUT', field: 'memberCount' } });
    for (const r of [huge, big]) expectNoInternals(r);
    expect((await profileOf(cooperative.orgId)).member_count).toBeNull();
  });

  it('refuses quantities and prices with more digits than their numeric column, naming the field', async () => {
    const digits = '1234567890123456789012345'; // 25 digits: the columns are numeric(20, 3) and numeric(20, 0)
    const quantity = await api(NEED, { input: needInput({ quantity: digits }) }, { token: buyer.token });
    expect(quantity.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    const price = await api(NEED, { input: needInput({ targetUnitPrice: { amount: digits, currency: 'VND' } }) }, { token: buyer.token });
    expect(price.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetUnitPrice.amount' });
    const capacity = await api(CREATE_PRODUCT, { input: productInput({ monthlyCapacity: digits }) }, { token: cooperative.token });
    expect(capacity.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'monthlyCapacity' });
    const priceMin = await api(CREATE_PRODUCT, { input: productInput({ priceMin: { amount: digits, currency: 'VND' } }) }, { token: cooperative.token });
    expect(priceMin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceMin.amount' });
    for (const r of [quantity, price, capacity, priceMin]) expectNoInternals(r);
    expect(await needsOf(buyer.orgId)).toBe(0);
    expect(await productsOf(cooperative.orgId)).toBe(0);
  });

  it('states the real bound of a list: at most 10 required certifications', async () => {
    const kinds = Array.from({ length: 11 }, (_, i) => `CERT_${i}`);
    const r = await api(NEED, { input: needInput({ requiredCertifications: kinds }) }, { token: buyer.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: 'Required certifications: at most 10 items.', extensions: { code: 'BAD_USER_INPUT', field: 'requiredCertifications' } });
    expect(await needsOf(buyer.orgId)).toBe(0);
  });

  it('refuses a page size past Int and past 100 with the real bounds', async () => {
    const huge = await api('query Q($n: Int) { searchProducts(first: $n) { edges { cursor } } }', { n: 2 ** 31 }, { lang: 'en' });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
    const big = await api('{ searchProducts(first: 101) { edges { cursor } } }', {}, { lang: 'en' });
    expect(big.errors?.[0]).toMatchObject({ message: 'Page size must be between 1 and 100.', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    for (const r of [huge, big]) expectNoInternals(r);
  });
});

describe('malformed ids', () => {
  it('read as not found wherever an id is taken, never as an internal error', async () => {
    const admin = await adminToken();
    const bad = "1' OR '1'='1";
    const reads = await Promise.all([
      api('query Q($id: ID!) { product(id: $id) { id } }', { id: bad }),
      api('query Q($id: ID!) { organization(id: $id) { id } }', { id: bad }),
    ]);
    for (const r of reads) {
      expect(r.errors).toBeUndefined();
      expect(Object.values(r.data ?? {})).toEqual([null]);
    }
    const writes = await Promise.all([
      api('mutation Q($id: ID!) { updateProduct(id: $id, input: { categoryCode: "0901", name: "x", unitCode: "KGM", monthlyCapacity: "1" }) { id } }', { id: bad }, { token: cooperative.token }),
      api('mutation Q($id: ID!) { submitProduct(id: $id) { id } }', { id: bad }, { token: cooperative.token }),
      api('mutation Q($id: ID!) { removeMember(userId: $id) }', { id: bad }, { token: cooperative.token }),
      api('mutation Q($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { id } }', { id: bad }, { token: admin }),
      api('mutation Q($id: ID!) { suspendOrganization(id: $id, reason: "x") { id } }', { id: bad }, { token: admin }),
      api('mutation Q($id: ID!) { report(subject: ORGANIZATION, subjectId: $id, reason: "x") }', { id: bad }, { token: buyer.token }),
    ]);
    for (const r of writes) {
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expectNoInternals(r);
    }
    const marked = await api('mutation Q($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: [bad] }, { token: buyer.token });
    expectNoInternals(marked);
    expect(marked.data).toEqual({ markNotificationsRead: 0 });
  });
});

describe('a subgraph that is down', () => {
  let gateway: GatewayProcess;
  let closedPort: number;

  beforeAll(async () => {
    // A port that was free a moment ago and that nobody listens on: connections are refused.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    closedPort = (probe.address() as { port: number }).port;
    probe.close();
    const subgraph = `http://127.0.0.1:${closedPort}/graphql`;
    gateway = await startProductionGateway({ CATALOG_URL: subgraph, PROCUREMENT_URL: subgraph });
  }, 30_000);
  afterAll(() => gateway.stop());

  it('answers SERVICE_UNAVAILABLE in the caller\'s language, without the address or the socket error', async () => {
    const en = await gql(gateway.url, '{ provinces { code } }', {}, { lang: 'en' });
    expect(en.errors?.[0]).toMatchObject({ message: 'Part of LienKet is temporarily unavailable. Please try again in a few minutes.', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const vi = await gql(gateway.url, 'mutation { signIn(email: "a@b.vn", password: "x") { accessToken } }');
    expect(vi.errors?.[0]).toMatchObject({ message: 'Một phần của LienKet đang tạm ngưng. Vui lòng thử lại sau ít phút.', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    for (const r of [en, vi]) {
      expectNoInternals(r);
      expect(JSON.stringify(r)).not.toContain(String(closedPort));
    }
  });
});

import argon2 from 'argon2';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { errorCode, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { api, rows } from '../support/e2e';
import { day, inDays, needInput } from '../support/needs';

const NEED_FIELDS = `id title status quantity allowPartial requiredCertifications bidDeadline deliveryFrom
    targetUnitPrice { amount currency }
    buyer { id name verification province { name } }
    category { code name parent { code } } unit { code name } deliveryProvince { code name }`;
const CREATE = `mutation Create($input: NeedInput!) {
  createNeed(input: $input) {
    ${NEED_FIELDS}
  }
}`;
const MINE = `query Mine($first: Int, $after: String) {
  needs(filter: { mine: true }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title buyer { name } } }
  }
}`;

async function newBuyer(name = 'Công ty CP Thực phẩm Thử nghiệm') {
  const input = signUpInput({ kind: 'ENTERPRISE', name, provinceCode: '79' });
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id };
}
const needCount = async (orgId: string) =>
  (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1`, [orgId]))[0].n;

describe('procurement needs through the gateway', () => {
  it('saves a draft whose buyer, category, unit and province resolve across subgraphs', async () => {
    const buyer = await newBuyer('Công ty CP Cà phê Sài Gòn');
    const r = await api<{ createNeed: Record<string, unknown> }>(CREATE, { input: needInput() }, { token: buyer.token });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createNeed).toMatchObject({
      title: 'Cà phê Robusta nhân xô loại 1',
      status: 'DRAFT',
      quantity: '25.5',
      allowPartial: false,
      requiredCertifications: ['VietGAP'],
      targetUnitPrice: { amount: '125000000000', currency: 'VND' },
      buyer: { id: buyer.orgId, name: 'Công ty CP Cà phê Sài Gòn', verification: 'PENDING_VERIFICATION', province: { name: 'Hồ Chí Minh' } },
      category: { code: '0901', parent: { code: '09' } },
      unit: { code: 'TNE', name: 'tấn' },
      deliveryProvince: { code: '79', name: 'Hồ Chí Minh' },
    });
  });

  it("lists only the caller's own needs, newest first, page by page", async () => {
    const a = await newBuyer();
    const b = await newBuyer();
    for (const title of ['Gạo ST25', 'Chè búp khô', 'Hồ tiêu đen']) {
      expect((await api(CREATE, { input: needInput({ title }) }, { token: a.token })).errors).toBeUndefined();
    }
    await api(CREATE, { input: needInput({ title: 'Của người khác' }) }, { token: b.token });

    type Page = { needs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { title: string; buyer: { name: string } } }[] } };
    const first = await api<Page>(MINE, { first: 2 }, { token: a.token });
    expect(first.data?.needs.totalCount).toBe(3);
    expect(first.data?.needs.edges.map((e) => e.node.title)).toEqual(['Hồ tiêu đen', 'Chè búp khô']);
    expect(first.data?.needs.pageInfo.hasNextPage).toBe(true);
    const second = await api<Page>(MINE, { first: 2, after: first.data?.needs.pageInfo.endCursor }, { token: a.token });
    expect(second.data?.needs.edges.map((e) => e.node.title)).toEqual(['Gạo ST25']);
    expect(second.data?.needs.pageInfo.hasNextPage).toBe(false);
  });

  it('lists a need exactly as it was saved, every field', async () => {
    const buyer = await newBuyer();
    const created = await api<{ createNeed: Record<string, unknown> }>(CREATE, { input: needInput() }, { token: buyer.token });
    const listed = await api<{ needs: { edges: { node: Record<string, unknown> }[] } }>(
      `{ needs(filter: { mine: true }, first: 5) { edges { node { ${NEED_FIELDS} } } } }`,
      {},
      { token: buyer.token },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.needs.edges.map((e) => e.node)).toEqual([created.data?.createNeed]);
  });

  it('keeps drafts out of the public list', async () => {
    const buyer = await newBuyer();
    await api(CREATE, { input: needInput({ title: 'Bản nháp bí mật' }) }, { token: buyer.token });
    const r = await api<{ needs: { edges: { node: { title: string } }[] } }>(`{ needs(first: 100) { edges { node { title } } } }`);
    expect(r.data?.needs.edges.map((e) => e.node.title)).not.toContain('Bản nháp bí mật');
  });
});

describe('createNeed refuses, and writes nothing', () => {
  let buyer: { token: string; orgId: string };
  beforeAll(async () => {
    buyer = await newBuyer();
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an unknown category', { categoryCode: '9999' }, 'categoryCode'],
    ['an unknown unit', { unitCode: 'XYZ' }, 'unitCode'],
    ['an unknown delivery province', { deliveryProvinceCode: '02' }, 'deliveryProvinceCode'],
    ['a zero quantity', { quantity: '0' }, 'quantity'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a delivery window that ends before it starts', { deliveryFrom: day(60), deliveryTo: day(30) }, 'deliveryTo'],
    ['a bid deadline in the past', { bidDeadline: inDays(-1).toISOString() }, 'bidDeadline'],
    ['a bid deadline after delivery starts', { bidDeadline: inDays(40).toISOString() }, 'bidDeadline'],
    ['a price in another currency', { targetUnitPrice: { amount: '100', currency: 'USD' } }, 'targetUnitPrice.currency'],
    ['a negative price', { targetUnitPrice: { amount: '-5', currency: 'VND' } }, 'targetUnitPrice.amount'],
  ];

  it.each(bad)('%s', async (_name, over, field) => {
    const r = await api(CREATE, { input: needInput(over) }, { token: buyer.token, lang: 'en' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await needCount(buyer.orgId)).toBe(0);
  });

  it('refuses a Decimal that is not a number before any resolver runs', async () => {
    const r = await api(CREATE, { input: needInput({ quantity: '1e9' }) }, { token: buyer.token });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(await needCount(buyer.orgId)).toBe(0);
  });

  it('refuses, through the gateway, what the subgraph scalars refuse: a day that does not exist, a Decimal that is not one', async () => {
    const day = await api(CREATE, { input: needInput({ deliveryFrom: '2026-02-30' }) }, { token: buyer.token, lang: 'en' });
    expect(day.errors?.[0]).toMatchObject({ message: expect.stringMatching(/real day/), extensions: { code: 'BAD_USER_INPUT', field: 'deliveryFrom' } });
    const decimal = await api(CREATE, { input: needInput({ targetUnitPrice: { amount: '12,5', currency: 'VND' } }) }, { token: buyer.token });
    expect(decimal.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Số không hợp lệ/), extensions: { code: 'BAD_USER_INPUT', field: 'targetUnitPrice.amount' } });
    const literal = await api(`mutation { createNeed(input: { title: "x", categoryCode: "0901", quantity: "12,5", unitCode: "TNE", deliveryProvinceCode: "79", deliveryFrom: "2030-01-01", deliveryTo: "2030-02-01", bidDeadline: "2029-12-01T00:00:00Z" }) { id } }`, {}, { token: buyer.token });
    // Written into the query itself, it fails validation (the document is wrong), in the same words.
    expect(literal.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Số không hợp lệ/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(await needCount(buyer.orgId)).toBe(0);
  });

  it('refuses anonymous callers, expired and forged tokens', async () => {
    const expired = jwt.sign({ sub: 'u', org: buyer.orgId, orole: 'OWNER', exp: Math.floor(Date.now() / 1000) - 5 }, loadConfig().auth.jwtSecret, { issuer: 'lienket' });
    const forged = jwt.sign({ sub: 'u', org: buyer.orgId, orole: 'OWNER' }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });
    for (const token of [undefined, expired, forged]) {
      expect(errorCode(await api(CREATE, { input: needInput() }, { token }))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await api(MINE, {}, {}))).toBe('UNAUTHENTICATED');
    expect(await needCount(buyer.orgId)).toBe(0);
  });

  it('refuses a MEMBER of the organization (only owners and managers buy)', async () => {
    const email = uniqueEmail('member');
    await rows(
      `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ($1, $2, 'Thành viên', $3, 'MEMBER')`,
      [email, await argon2.hash('mat-khau-thanh-vien'), buyer.orgId],
    );
    const signIn = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email, password: 'mat-khau-thanh-vien' });
    const r = await api(CREATE, { input: needInput() }, { token: signIn.data!.signIn.accessToken });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await needCount(buyer.orgId)).toBe(0);
  });

  it('refuses a platform admin without an organization', async () => {
    const signIn = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD });
    expect(errorCode(await api(CREATE, { input: needInput() }, { token: signIn.data!.signIn.accessToken }))).toBe('FORBIDDEN');
  });
});

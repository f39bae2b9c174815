import { errorCode, SIGN_IN, signUpInput, SIGN_UP } from '@lienket/testing';
import { api, rows, verifyOrganization } from '../support/e2e';
import { day, inDays, needInput } from '../support/needs';
import { memberToken } from '../support/uploads';

// A buyer edits its draft need (updateNeed) and reads one need (need) through the gateway.
// Edits follow createNeed's rules, touch drafts only, and a refused edit leaves the row as it was.

const FIELDS = `id title description status quantity allowPartial requiredCertifications bidDeadline deliveryFrom deliveryTo
  targetUnitPrice { amount currency } buyer { id name } category { code name } unit { code name } deliveryProvince { code name }`;
const CREATE = `mutation C($input: NeedInput!) { createNeed(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { ${FIELDS} } }`;
const NEED = `query N($id: ID!) { need(id: $id) { ${FIELDS} } }`;

type Need = Record<string, unknown> & { id: string };

async function newBuyer(name = 'Công ty CP Nông sản Sửa đổi') {
  const input = signUpInput({ kind: 'ENTERPRISE', name, provinceCode: '79' });
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id };
}
async function draft(token: string, over: Record<string, unknown> = {}): Promise<Need> {
  const r = await api<{ createNeed: Need }>(CREATE, { input: needInput(over) }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.createNeed;
}
/** The stored row, every column, to compare before and after a refused edit. */
const row = async (id: string) => (await rows(`SELECT * FROM procurement.needs WHERE id = $1`, [id]))[0];

describe('updateNeed and need through the gateway', () => {
  it('rewrites a draft, every field, and need(id) reads it back as saved', async () => {
    const buyer = await newBuyer('Công ty CP Chè Thái Nguyên');
    const created = await draft(buyer.token);
    const input = needInput({
      title: 'Chè búp khô loại đặc biệt',
      description: 'Đóng túi 1 kg, hút chân không.',
      categoryCode: '0902',
      quantity: '3.25',
      unitCode: 'KGM',
      targetUnitPrice: null,
      deliveryProvinceCode: '19',
      deliveryFrom: day(40),
      deliveryTo: day(70),
      requiredCertifications: ['VietGAP', 'Organic'],
      allowPartial: true,
      bidDeadline: inDays(25).toISOString(),
    });
    const r = await api<{ updateNeed: Need }>(UPDATE, { id: created.id, input }, { token: buyer.token, lang: 'en' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateNeed).toMatchObject({
      id: created.id,
      title: 'Chè búp khô loại đặc biệt',
      description: 'Đóng túi 1 kg, hút chân không.',
      status: 'DRAFT',
      quantity: '3.25',
      allowPartial: true,
      requiredCertifications: ['VietGAP', 'Organic'],
      targetUnitPrice: null,
      deliveryFrom: day(40),
      deliveryTo: day(70),
      buyer: { id: buyer.orgId, name: 'Công ty CP Chè Thái Nguyên' },
      category: { code: '0902' },
      unit: { code: 'KGM' },
      deliveryProvince: { code: '19' },
    });
    const read = await api<{ need: Need }>(NEED, { id: created.id }, { token: buyer.token, lang: 'en' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.need).toEqual(r.data?.updateNeed);
  });

  it("lets a MANAGER edit and a MEMBER read the organization's draft", async () => {
    const buyer = await newBuyer();
    const created = await draft(buyer.token);
    const member = await memberToken(buyer.orgId);
    const read = await api<{ need: Need }>(NEED, { id: created.id }, { token: member });
    expect(read.data?.need.id).toBe(created.id);
    await rows(`UPDATE catalog.users SET organization_role = 'MANAGER' WHERE organization_id = $1 AND organization_role = 'MEMBER'`, [buyer.orgId]);
    const email = (await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE organization_id = $1 AND organization_role = 'MANAGER'`, [buyer.orgId]))[0].email;
    const signIn = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email, password: 'mat-khau-thanh-vien' });
    const r = await api<{ updateNeed: Need }>(UPDATE, { id: created.id, input: needInput({ title: 'Sửa bởi quản lý' }) }, { token: signIn.data!.signIn.accessToken });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateNeed.title).toBe('Sửa bởi quản lý');
  });

  it('reads a draft of another organization, or an unknown id, as not found; an OPEN need as anyone', async () => {
    const a = await newBuyer();
    const b = await newBuyer();
    const created = await draft(a.token, { title: 'Bản nháp riêng' });
    for (const [id, token] of [[created.id, b.token], [created.id, undefined], ['00000000-0000-4000-8000-000000000000', a.token], ['khong-phai-uuid', a.token]] as const) {
      const r = await api<{ need: Need | null }>(NEED, { id }, { token, lang: 'en' });
      expect(r.errors?.[0]).toMatchObject({ message: 'Not found.', extensions: { code: 'NOT_FOUND' } });
      expect(r.data?.need ?? null).toBeNull();
    }
    // Only a verified buyer's need opens (the buyer's name is public only once verified).
    await verifyOrganization(a.orgId);
    await rows(`UPDATE procurement.needs SET status = 'OPEN' WHERE id = $1`, [created.id]);
    const open = await api<{ need: Need }>(NEED, { id: created.id });
    expect(open.errors).toBeUndefined();
    expect(open.data?.need).toMatchObject({ id: created.id, title: 'Bản nháp riêng', status: 'OPEN' });
  });
});

describe('updateNeed refuses, and changes nothing', () => {
  let buyer: { token: string; orgId: string };
  let need: Need;
  beforeAll(async () => {
    buyer = await newBuyer();
    need = await draft(buyer.token);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an unknown category', { categoryCode: '9999' }, 'categoryCode'],
    ['an unknown unit', { unitCode: 'XYZ' }, 'unitCode'],
    ['an unknown delivery province', { deliveryProvinceCode: '02' }, 'deliveryProvinceCode'],
    ['a zero quantity', { quantity: '0' }, 'quantity'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a delivery window that ends before it starts', { deliveryFrom: day(60), deliveryTo: day(30) }, 'deliveryTo'],
    ['a delivery day in the past', { deliveryFrom: day(-1) }, 'deliveryFrom'],
    ['a bid deadline in the past', { bidDeadline: inDays(-1).toISOString() }, 'bidDeadline'],
    ['a bid deadline after delivery starts', { bidDeadline: inDays(40).toISOString() }, 'bidDeadline'],
    ['a price in another currency', { targetUnitPrice: { amount: '100', currency: 'USD' } }, 'targetUnitPrice.currency'],
    ['a negative price', { targetUnitPrice: { amount: '-5', currency: 'VND' } }, 'targetUnitPrice.amount'],
  ];

  it.each(bad)('%s', async (_name, over, field) => {
    const before = await row(need.id);
    const r = await api(UPDATE, { id: need.id, input: needInput({ title: 'Không được lưu', ...over }) }, { token: buyer.token, lang: 'en' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await row(need.id)).toEqual(before);
  });

  it.each(['PENDING_REVIEW', 'OPEN', 'CANCELLED'])('a need no longer a draft (%s): CONFLICT in Vietnamese and English', async (status) => {
    const other = await draft(buyer.token);
    await rows(`UPDATE procurement.needs SET status = $2 WHERE id = $1`, [other.id, status]);
    const before = await row(other.id);
    const vi = await api(UPDATE, { id: other.id, input: needInput({ title: 'Không được lưu' }) }, { token: buyer.token });
    expect(vi.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Chỉ sửa được nhu cầu mua đang là bản nháp/), extensions: { code: 'CONFLICT' } });
    const en = await api(UPDATE, { id: other.id, input: needInput({ title: 'Không được lưu' }) }, { token: buyer.token, lang: 'en' });
    expect(en.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Only a draft need can be edited/), extensions: { code: 'CONFLICT' } });
    expect(await row(other.id)).toEqual(before);
  });

  it('an unknown id or one that is not a UUID: NOT_FOUND', async () => {
    const count = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1`, [buyer.orgId]))[0].n;
    const before = await count();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'khong-phai-uuid']) {
      expect(errorCode(await api(UPDATE, { id, input: needInput() }, { token: buyer.token }))).toBe('NOT_FOUND');
    }
    expect(await count()).toBe(before);
  });
});

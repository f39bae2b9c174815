import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { errorCode, gql, signUpInput, SIGN_UP } from '@lienket/testing';
import { adminToken, api, rows } from '../support/e2e';
import { needInput } from '../support/needs';
import { memberToken } from '../support/uploads';

// Attacks on a draft need: updateNeed and need(id), through the gateway and straight at the
// procurement subgraph. Whoever is not an OWNER or MANAGER of the buyer changes nothing, and a
// draft reads as not found to anyone outside its organization.

const UPDATE = `mutation U($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { id title } }`;
const NEED = `query N($id: ID!) { need(id: $id) { id title } }`;
const CREATE = `mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`;
const procurement = (query: string, variables: Record<string, unknown>, token?: string) => gql(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });

async function newBuyer() {
  const input = signUpInput({ kind: 'ENTERPRISE', name: 'Công ty CP Bị tấn công', provinceCode: '79' });
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id };
}
const row = async (id: string) => (await rows(`SELECT * FROM procurement.needs WHERE id = $1`, [id]))[0];

describe('a draft need cannot be changed or read by outsiders', () => {
  let victim: { token: string; orgId: string };
  let needId: string;
  beforeAll(async () => {
    victim = await newBuyer();
    needId = (await api<{ createNeed: { id: string } }>(CREATE, { input: needInput({ title: 'Bản nháp của nạn nhân' }) }, { token: victim.token })).data!.createNeed.id;
  });

  it('no token, an expired or forged one: UNAUTHENTICATED, the row unchanged', async () => {
    const secret = loadConfig().auth.jwtSecret;
    const expired = jwt.sign({ sub: 'u', org: victim.orgId, orole: 'OWNER', exp: Math.floor(Date.now() / 1000) - 5 }, secret, { issuer: 'lienket' });
    const forged = jwt.sign({ sub: 'u', org: victim.orgId, orole: 'OWNER' }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });
    const before = await row(needId);
    for (const token of [undefined, expired, forged]) {
      expect(errorCode(await api(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, { token }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await procurement(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, token))).toBe('UNAUTHENTICATED');
    }
    expect(await row(needId)).toEqual(before);
  });

  it("another organization's owner and a platform admin: NOT_FOUND or FORBIDDEN, never the draft, the row unchanged", async () => {
    const other = await newBuyer();
    const admin = await adminToken();
    const before = await row(needId);
    const write = await api(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, { token: other.token });
    expect(errorCode(write)).toBe('NOT_FOUND');
    expect(errorCode(await procurement(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await api(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, { token: admin }))).toBe('FORBIDDEN');
    for (const token of [other.token, admin, undefined]) {
      const read = await api<{ need: unknown }>(NEED, { id: needId }, { token });
      expect(errorCode(read)).toBe('NOT_FOUND');
      expect(read.data?.need ?? null).toBeNull();
      expect(JSON.stringify(read)).not.toContain('Bản nháp của nạn nhân');
      expect(errorCode(await procurement(NEED, { id: needId }, token))).toBe('NOT_FOUND');
    }
    expect(await row(needId)).toEqual(before);
  });

  it("a MEMBER of the buyer reads the draft but may not change it: FORBIDDEN, the row unchanged", async () => {
    const member = await memberToken(victim.orgId);
    const before = await row(needId);
    expect(errorCode(await api(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, { token: member }))).toBe('FORBIDDEN');
    expect(errorCode(await procurement(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, member))).toBe('FORBIDDEN');
    expect((await api<{ need: { title: string } }>(NEED, { id: needId }, { token: member })).data?.need.title).toBe('Bản nháp của nạn nhân');
    expect(await row(needId)).toEqual(before);
  });

  it('a submitted need is not rewritten by its own owner either: CONFLICT, the row unchanged', async () => {
    await rows(`UPDATE procurement.needs SET status = 'PENDING_REVIEW' WHERE id = $1`, [needId]);
    const before = await row(needId);
    expect(errorCode(await api(UPDATE, { id: needId, input: needInput({ title: 'Đã bị sửa' }) }, { token: victim.token }))).toBe('CONFLICT');
    expect(await row(needId)).toEqual(before);
  });
});

import jwt from 'jsonwebtoken';
import { errorCode, REFRESH } from '@lienket/testing';
import { adminToken, api, needInput, rows, signInAs, signUpOwner } from '../support/e2e';

// Suspension and removal end sessions at once in every subgraph, not when the access token expires.
const MODERATE = `mutation M($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`;
const SUSPEND = `mutation S($id: ID!) { suspendOrganization(id: $id, reason: "Giao hàng giả mạo") { verification } }`;
const REINSTATE = `mutation R($id: ID!) { reinstateOrganization(id: $id, reason: "Đã giải trình") { verification } }`;
const CREATE_NEED = `mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`;
const ME = `{ me { id organization { id } } }`;
const INVITE = `mutation I($email: String!) { inviteMember(email: $email, role: MANAGER) { id } }`;
const REMOVE = `mutation R($id: ID!) { removeMember(userId: $id) }`;

const needCount = async (orgId: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1`, [orgId]))[0].n;
const claims = (token: string) => jwt.decode(token) as { ov?: string };

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});

async function verifiedBuyer() {
  const owner = await signUpOwner({ kind: 'ENTERPRISE', name: 'Công ty TNHH Lương thực Thử nghiệm', provinceCode: '79' });
  expect((await api(MODERATE, { id: owner.orgId }, { token: admin })).errors).toBeUndefined();
  return owner;
}

describe('a suspension ends the organization’s sessions at once', () => {
  it('refuses the old token in both subgraphs, and a fresh sign-in cannot post needs', async () => {
    const owner = await verifiedBuyer();
    expect((await api(SUSPEND, { id: owner.orgId }, { token: admin })).errors).toBeUndefined();

    // The access token issued before the suspension no longer works anywhere, nor does the refresh token.
    const need = await api(CREATE_NEED, { input: needInput() }, { token: owner.token });
    expect(errorCode(need)).toBe('UNAUTHENTICATED');
    expect(need.errors?.[0].message).toMatch(/hết hạn/);
    expect(errorCode(await api(ME, {}, { token: owner.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(REFRESH, { token: owner.refresh }))).toBe('UNAUTHENTICATED');

    // Signing in again works (the owner must read why), but the organization cannot buy.
    const fresh = await signInAs(owner.email, owner.password);
    expect(claims(fresh.accessToken).ov).toBe('SUSPENDED');
    const refused = await api(CREATE_NEED, { input: needInput() }, { token: fresh.accessToken, lang: 'en' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/suspended/);
    expect(await needCount(owner.orgId)).toBe(0);

    // Reinstated: the session refreshes silently into a token that may buy again.
    expect((await api(REINSTATE, { id: owner.orgId }, { token: admin })).errors).toBeUndefined();
    expect(errorCode(await api(CREATE_NEED, { input: needInput() }, { token: fresh.accessToken }))).toBe('UNAUTHENTICATED');
    const refreshed = await api<{ refreshToken: { accessToken: string } }>(REFRESH, { token: fresh.refreshToken });
    expect(claims(refreshed.data!.refreshToken.accessToken).ov).toBe('VERIFIED');
    expect((await api(CREATE_NEED, { input: needInput() }, { token: refreshed.data!.refreshToken.accessToken })).errors).toBeUndefined();
    expect(await needCount(owner.orgId)).toBe(1);
  });

  it('leaves other organizations’ sessions alone', async () => {
    const bystander = await verifiedBuyer();
    const target = await verifiedBuyer();
    await api(SUSPEND, { id: target.orgId }, { token: admin });
    expect((await api(CREATE_NEED, { input: needInput() }, { token: bystander.token })).errors).toBeUndefined();
  });

  it('keeps a pending organization’s token working through approval; the next refresh says VERIFIED', async () => {
    const owner = await signUpOwner({ kind: 'ENTERPRISE' });
    expect(claims(owner.token).ov).toBe('PENDING_VERIFICATION');
    await api(MODERATE, { id: owner.orgId }, { token: admin });
    expect((await api(ME, {}, { token: owner.token })).errors).toBeUndefined();
    const refreshed = await api<{ refreshToken: { accessToken: string } }>(REFRESH, { token: owner.refresh });
    expect(claims(refreshed.data!.refreshToken.accessToken).ov).toBe('VERIFIED');
  });
});

describe('removing a member ends their session at once', () => {
  it('refuses the removed member’s token in both subgraphs; the owner goes on', async () => {
    const owner = await verifiedBuyer();
    const email = `manager.${Date.now().toString(36)}@test.lienket.vn`;
    expect((await api(INVITE, { email }, { token: owner.token })).errors).toBeUndefined();
    // Joined directly in the database: the invitation journey has its own tests (teams.e2e-spec).
    const [member] = await rows<{ id: string }>(
      `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
       SELECT $1, password_hash, 'Trần Văn Quản Lý', organization_id, 'MANAGER' FROM catalog.users WHERE id = $2 RETURNING id`,
      [email, owner.userId],
    );
    const session = await signInAs(email, owner.password);
    expect((await api(CREATE_NEED, { input: needInput() }, { token: session.accessToken })).errors).toBeUndefined();

    expect((await api(REMOVE, { id: member.id }, { token: owner.token })).data).toEqual({ removeMember: true });
    expect(errorCode(await api(CREATE_NEED, { input: needInput() }, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(ME, {}, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(await needCount(owner.orgId)).toBe(1);
    expect((await api(ME, {}, { token: owner.token })).errors).toBeUndefined();
  });
});

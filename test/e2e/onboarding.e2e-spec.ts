import { simpleParser } from 'mailparser';
import { errorCode, uniqueEmail } from '@lienket/testing';
import { api, approve, awaitMail, gatewayUrl, rows, signUpOwner } from '../support/e2e';
import { productInput } from '../support/products';
import { memberToken } from '../support/uploads';

// Getting started (issue 9 point 8) through the gateway: the checklist ticked from real rows, buyers
// refused listings, the sole owner kept, invitations re-sent and revoked.

const ONBOARDING = `query O { me { organization { id verification onboarding { doneCount total complete steps { key done } } } } }`;
const OTHER_ONBOARDING = `query O($id: ID!) { organization(id: $id) { id onboarding { total } } }`;
const PROFILE = `mutation P($input: OrganizationProfileInput!) { updateOrganizationProfile(input: $input) { id } }`;
const CREATE = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
const INVITE = `mutation I($email: String!, $role: OrganizationRole!) { inviteMember(email: $email, role: $role) { id email role } }`;
const RESEND = `mutation R($id: ID!) { resendInvitation(id: $id) { id email role expiresAt } }`;
const REVOKE = `mutation V($id: ID!) { revokeInvitation(id: $id) }`;
const ACCEPT = `mutation A($token: String!) { acceptInvitation(token: $token, fullName: "Y Blang", password: "mat-khau-thanh-vien") { user { email } } }`;
const REMOVE = `mutation R($id: ID!) { removeMember(userId: $id) }`;

interface Checklist {
  doneCount: number;
  total: number;
  complete: boolean;
  steps: { key: string; done: boolean }[];
}
async function checklist(token: string): Promise<Checklist> {
  const r = await api<{ me: { organization: { onboarding: Checklist } } }>(ONBOARDING, {}, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.me.organization.onboarding;
}
const ticked = (c: Checklist) => Object.fromEntries(c.steps.map((s) => [s.key, s.done]));

/** The link in the latest invitation e-mail to `email`. */
async function linkIn(email: string): Promise<string> {
  const mail = await awaitMail(email);
  expect(mail).not.toBeNull();
  const parsed = await simpleParser(mail!.raw);
  return decodeURIComponent(/loi-moi\?token=([^\s]+)/.exec(parsed.text ?? '')![1]);
}

async function invited(token: string, role = 'MEMBER') {
  const email = uniqueEmail('moi');
  const r = await api<{ inviteMember: { id: string } }>(INVITE, { email, role }, { token });
  expect(r.errors).toBeUndefined();
  return { id: r.data!.inviteMember.id, email, link: await linkIn(email) };
}
const invitationRow = async (id: string) =>
  (await rows<{ nonce: string; expires_at: Date }>(`SELECT nonce, expires_at FROM catalog.invitations WHERE id = $1`, [id]))[0];

describe('getting started checklist', () => {
  it("ticks a cooperative's steps from what it has really done", async () => {
    const o = await signUpOwner({ provinceCode: '66' });
    const fresh = await checklist(o.token);
    expect(fresh).toEqual({
      doneCount: 0,
      total: 4,
      complete: false,
      steps: [
        { key: 'DOCUMENTS', done: false },
        { key: 'PROFILE', done: false },
        { key: 'FIRST_PRODUCT', done: false },
        { key: 'VERIFICATION', done: false },
      ],
    });
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const form = new FormData();
    form.set('kind', 'BUSINESS_REGISTRATION');
    form.set('file', new Blob([new Uint8Array(pdf)]), 'dkkd.pdf');
    const uploaded = await fetch(gatewayUrl().replace(/\/graphql$/, '/api/documents'), { method: 'POST', body: form, headers: { authorization: `Bearer ${o.token}` } });
    expect(uploaded.status).toBeLessThan(300);
    // Half a profile is not a complete one.
    expect((await api(PROFILE, { input: { description: 'Cà phê sạch Ea Tu' } }, { token: o.token })).errors).toBeUndefined();
    expect(ticked(await checklist(o.token))).toEqual({ DOCUMENTS: true, PROFILE: false, FIRST_PRODUCT: false, VERIFICATION: false });
    const profile = { description: 'Cà phê sạch Ea Tu', address: 'Thôn 3', wardCode: '22015', phone: '0262 3850 123' };
    expect((await api(PROFILE, { input: profile }, { token: o.token })).errors).toBeUndefined();
    expect((await api(CREATE, { input: productInput() }, { token: o.token })).errors).toBeUndefined();
    expect(ticked(await checklist(o.token))).toEqual({ DOCUMENTS: true, PROFILE: true, FIRST_PRODUCT: true, VERIFICATION: false });
    await approve('ORGANIZATION', o.orgId);
    expect(await checklist(o.token)).toMatchObject({ doneCount: 4, total: 4, complete: true });
  });

  it("gives a buyer its own steps: a colleague instead of a product", async () => {
    const buyer = await signUpOwner({ kind: 'ENTERPRISE' });
    expect((await checklist(buyer.token)).steps.map((s) => s.key)).toEqual(['DOCUMENTS', 'PROFILE', 'TEAM', 'VERIFICATION']);
    await invited(buyer.token);
    expect(ticked(await checklist(buyer.token))).toMatchObject({ TEAM: true, DOCUMENTS: false });
  });

  it("shows the checklist to the organization's members only", async () => {
    const o = await signUpOwner();
    const stranger = await signUpOwner();
    const member = await memberToken(o.orgId);
    expect((await checklist(member)).total).toBe(4);
    await approve('ORGANIZATION', o.orgId);
    const other = await api<{ organization: { onboarding: unknown } }>(OTHER_ONBOARDING, { id: o.orgId }, { token: stranger.token });
    expect(other.data?.organization).toEqual({ id: o.orgId, onboarding: null });
    const anonymous = await api<{ organization: { onboarding: unknown } }>(OTHER_ONBOARDING, { id: o.orgId });
    expect(anonymous.data?.organization.onboarding).toBeNull();
  });
});

describe('buyers and listings', () => {
  it('refuses a buyer creating a listing, in its language, writing nothing', async () => {
    const buyer = await signUpOwner({ kind: 'ENTERPRISE' });
    await approve('ORGANIZATION', buyer.orgId);
    const r = await api(CREATE, { input: productInput() }, { token: buyer.token, lang: 'en' });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0].message).toBe('Buyers do not list products for sale; post a procurement need and suppliers will bid on it.');
    expect(await rows(`SELECT id FROM catalog.products WHERE organization_id = $1`, [buyer.orgId])).toEqual([]);
  });
});

describe('the sole owner', () => {
  it('may not leave: CONFLICT with reason SOLE_OWNER, and stays the owner', async () => {
    const o = await signUpOwner();
    const r = await api(REMOVE, { id: o.userId }, { token: o.token, lang: 'en' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SOLE_OWNER' });
    expect(r.errors?.[0].message).toMatch(/only owner/);
    expect(await rows(`SELECT organization_id, organization_role FROM catalog.users WHERE id = $1`, [o.userId])).toEqual([{ organization_id: o.orgId, organization_role: 'OWNER' }]);
  });
});

describe('re-sending and revoking invitations', () => {
  it('re-sends with a new link: the old one stops working, the new one joins', async () => {
    const o = await signUpOwner();
    const inv = await invited(o.token);
    const before = await invitationRow(inv.id);
    const r = await api<{ resendInvitation: { id: string; email: string } }>(RESEND, { id: inv.id }, { token: o.token });
    expect(r.errors).toBeUndefined();
    expect(r.data?.resendInvitation).toMatchObject({ id: inv.id, email: inv.email });
    const fresh = await linkIn(inv.email);
    expect(fresh).not.toBe(inv.link);
    expect((await invitationRow(inv.id)).expires_at.getTime()).toBeGreaterThanOrEqual(before.expires_at.getTime());
    expect(errorCode(await api(ACCEPT, { token: inv.link }))).toBe('BAD_USER_INPUT');
    const joined = await api<{ acceptInvitation: { user: { email: string } } }>(ACCEPT, { token: fresh });
    expect(joined.data?.acceptInvitation.user.email).toBe(inv.email);
  });

  it('re-sends once however many ask at once, then asks to wait', async () => {
    const o = await signUpOwner();
    const inv = await invited(o.token);
    const results = await Promise.all([1, 2, 3].map(() => api(RESEND, { id: inv.id }, { token: o.token, lang: 'en' })));
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    expect(results.find((r) => r.errors)!.errors![0].message).toMatch(/just re-sent/);
    const fresh = await linkIn(inv.email);
    expect(fresh).not.toBe(inv.link);
    // Exactly one new e-mail: nothing else arrives for this address.
    expect(await awaitMail(inv.email, 2)).toBeNull();
    expect(errorCode(await api(ACCEPT, { token: inv.link }))).toBe('BAD_USER_INPUT');
  });

  it('revokes: the link stops working and the invitation is gone', async () => {
    const o = await signUpOwner();
    const inv = await invited(o.token);
    expect((await api(REVOKE, { id: inv.id }, { token: o.token })).data).toEqual({ revokeInvitation: true });
    expect(await invitationRow(inv.id)).toBeUndefined();
    expect(errorCode(await api(ACCEPT, { token: inv.link }))).toBe('BAD_USER_INPUT');
    expect(await rows(`SELECT id FROM catalog.users WHERE email = $1`, [inv.email])).toEqual([]);
    expect(errorCode(await api(RESEND, { id: inv.id }, { token: o.token }))).toBe('NOT_FOUND');
  });
});

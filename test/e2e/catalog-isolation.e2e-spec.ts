import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, ObjectTypeDefinitionNode, parse } from 'graphql';
import { errorCode, GqlResult, REFRESH, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { adminToken, api, rows, signInAs, signUpOwner } from '../support/e2e';
import { footprint, settled } from '../support/isolation';

// Who gets what, for every catalog query and mutation, through the gateway: anonymous, the owner of
// another organization, a MEMBER and the OWNER of the organization concerned, and a platform admin.
// After EVERY call — refused or answered — every organization the call had no business changing
// (the cooperative, the other organization, a bystander nobody acts for) has exactly the footprint it
// had: rows, sessions, documents, events in either outbox, notifications and e-mails (test/support/
// isolation.ts), once the call's events have settled. A call that succeeds but writes into the wrong
// organization fails here. The table must name every root field of the catalog subgraph: a new
// operation fails this file until it is added.

type Who = 'anonymous' | 'otherOrg' | 'member' | 'owner' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'otherOrg', 'member', 'owner', 'admin'];
/** 'ok': answered without error; 'null': answered null (another organization's object reads as absent). */
type Outcome = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
type Org = 'coop' | 'other' | 'bystander';
const ORGS: Org[] = ['coop', 'other', 'bystander'];

interface Case {
  op: string;
  query: string;
  /** Fresh variables per call, so one caller's success does not change what the next one meets. */
  vars?: (who: Who) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>> & { rest?: Outcome };
  /**
   * Which organizations an answered call may change (a refused one changes none). Default: a
   * mutation changes the caller's own organization — the other organization's owner acts for
   * 'other', the member and owner for 'coop', anonymous callers and the admin for none.
   */
  changes?: (who: Who) => Org[];
}
const OWN: Record<Who, Org[]> = { anonymous: [], otherOrg: ['other'], member: ['coop'], owner: ['coop'], admin: [] };
const nothing = () => [];

const PRODUCT_INPUT = { categoryCode: '0810', name: 'Sầu riêng Ri6 Cái Mơn', unitCode: 'KGM', monthlyCapacity: '12000', harvestMonths: [5, 6, 7] };
const signedOnly = (ok: Outcome = 'ok'): Case['expect'] => ({ anonymous: 'UNAUTHENTICATED', rest: ok });
const staffOnly: Case['expect'] = { anonymous: 'UNAUTHENTICATED', admin: 'ok', rest: 'FORBIDDEN' };

let tokens: Record<Who, string | undefined>;
let coop: Awaited<ReturnType<typeof signUpOwner>>;
let other: Awaited<ReturnType<typeof signUpOwner>>;
let bystander: Awaited<ReturnType<typeof signUpOwner>>;
let admin: string;

const draftOf = async () =>
  (await api<{ createProduct: { id: string } }>(`mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: PRODUCT_INPUT }, { token: tokens.owner })).data!.createProduct.id;
const submitted = async () => {
  const id = await draftOf();
  await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: tokens.owner });
  return id;
};
const approved = async () => {
  const id = await submitted();
  await api(`mutation($id: ID!) { moderate(subject: PRODUCT, subjectId: $id, decision: APPROVE) { subjectId } }`, { id }, { token: admin });
  return id;
};
async function pendingOrganization() {
  return (await signUpOwner()).orgId;
}
async function verifiedOrganization() {
  const id = await pendingOrganization();
  await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, { id }, { token: admin });
  return id;
}
async function memberOf(orgId: string, role: 'MEMBER' | 'MANAGER') {
  const email = uniqueEmail(role.toLowerCase());
  const [u] = await rows<{ id: string }>(
    `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
     SELECT $1, password_hash, 'Lê Thị Xã Viên', $2, $3 FROM catalog.users WHERE id = $4 RETURNING id`,
    [email, orgId, role, coop.userId],
  );
  return { id: u.id, email };
}

const orgIds = (): Record<Org, string> => ({ coop: coop.orgId, other: other.orgId, bystander: bystander.orgId });
async function footprints(): Promise<Record<Org, string>> {
  await settled(Object.values(orgIds()));
  const ids = orgIds();
  return Object.fromEntries(await Promise.all(ORGS.map(async (o) => [o, await footprint(ids[o])]))) as Record<Org, string>;
}
/** An evidence row, so that documents are part of what must not change (bytes are not needed here). */
async function documentOf(o: { orgId: string; userId: string }) {
  await rows(
    `INSERT INTO catalog.documents (organization_id, kind, filename, content_type, size_bytes, storage_key, uploaded_by)
     VALUES ($1, 'BUSINESS_REGISTRATION', 'giay-phep.pdf', 'application/pdf', 1024, $2, $3)`,
    [o.orgId, `${o.orgId}/documents/${crypto.randomUUID()}.pdf`, o.userId],
  );
}
/** An open reset link of a person, written as requestPasswordReset would (without its per-account limit). */
async function openReset(userId: string) {
  const [r] = await rows<{ id: string }>(
    `INSERT INTO catalog.password_resets (user_id, nonce, expires_at) VALUES ($1, 'nonce-of-a-real-link', now() + interval '1 hour') RETURNING id`,
    [userId],
  );
  return r.id;
}
const openInvitation = async (token: string | undefined) =>
  (await api<{ inviteMember: { id: string } }>(`mutation($e: String!) { inviteMember(email: $e, role: MEMBER) { id } }`, { e: uniqueEmail('invited') }, { token })).data!.inviteMember.id;

const CASES: Case[] = [
  // ---- queries
  { op: 'me', query: `{ me { id } }`, expect: { anonymous: 'null', rest: 'ok' } },
  { op: 'organization', query: `query($id: ID!) { organization(id: $id) { id name } }`, vars: () => ({ id: coop.orgId }), expect: { rest: 'ok' } },
  { op: 'provinces', query: `{ provinces { code } }`, expect: { rest: 'ok' } },
  { op: 'categories', query: `{ categories(parentCode: "08") { code } }`, expect: { rest: 'ok' } },
  { op: 'allCategories', query: `{ allCategories { code shortName } }`, expect: { rest: 'ok' } },
  { op: 'units', query: `{ units { code } }`, expect: { rest: 'ok' } },
  { op: 'moderationQueue', query: `{ moderationQueue(first: 5) { edges { node { id } } } }`, expect: staffOnly },
  { op: 'auditLog', query: `{ auditLog(first: 5) { edges { node { id } } } }`, expect: staffOnly },
  { op: 'auditActors', query: `{ auditActors { id fullName } }`, expect: staffOnly },
  { op: 'moderationCounts', query: `{ moderationCounts { subject state count } }`, expect: staffOnly },
  { op: 'staffOrganizations', query: `{ staffOrganizations(first: 5) { edges { node { id } } } }`, expect: staffOnly },
  { op: 'product', query: `query($id: ID!) { product(id: $id) { id } }`, vars: async () => ({ id: await draftOf() }), expect: { anonymous: 'null', otherOrg: 'null', rest: 'ok' } },
  { op: 'searchProducts', query: `{ searchProducts(query: "sau rieng", first: 5) { edges { node { id } } } }`, expect: { rest: 'ok' } },
  {
    op: 'searchOrganizations',
    query: `{ searchOrganizations(query: "sau rieng cai mon", first: 5) { edges { node { id productCount certifications { kind } } } } }`,
    expect: { rest: 'ok' },
  },
  { op: 'wards', query: `{ wards(provinceCode: "86") { code } }`, expect: { rest: 'ok' } },
  // ---- mutations: accounts
  { op: 'signUp', query: SIGN_UP, vars: () => ({ input: signUpInput() }), expect: { rest: 'ok' }, changes: nothing },
  // Signing in with the cooperative owner's credentials opens (or rotates) one of the cooperative's sessions, whoever calls.
  { op: 'signIn', query: SIGN_IN, vars: () => ({ email: coop.email, password: coop.password }), expect: { rest: 'ok' }, changes: () => ['coop'] },
  // An address with no account: the same answer as for a real one (no enumeration), and nothing written.
  { op: 'requestPasswordReset', query: `mutation($e: String!) { requestPasswordReset(email: $e) }`, vars: () => ({ e: uniqueEmail('nobody') }), expect: { rest: 'ok' }, changes: nothing },
  {
    op: 'resetPassword',
    query: `mutation($t: String!) { resetPassword(token: $t, newPassword: "mat-khau-chiem-doat-2026") }`,
    // A real open reset link of the cooperative's owner with a forged secret: the secret is the only
    // credential, so it is refused alike for everyone; the password and sessions stay as they were.
    vars: async () => ({ t: `${await openReset(coop.userId)}.forged` }),
    expect: { rest: 'BAD_USER_INPUT' },
  },
  { op: 'refreshToken', query: REFRESH, vars: async () => ({ token: (await signInAs(coop.email, coop.password)).refreshToken }), expect: { rest: 'ok' }, changes: () => ['coop'] },
  {
    op: 'updateOrganizationProfile',
    query: `mutation($i: OrganizationProfileInput!) { updateOrganizationProfile(input: $i) { id } }`,
    vars: () => ({ i: { description: 'Đổi mô tả trái phép' } }),
    // Another organization's owner edits their own profile: the mutation takes no id.
    expect: { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', admin: 'FORBIDDEN', rest: 'ok' },
  },
  {
    op: 'inviteMember',
    query: `mutation($e: String!) { inviteMember(email: $e, role: MANAGER) { id } }`,
    vars: () => ({ e: uniqueEmail('invitee') }),
    expect: { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', admin: 'FORBIDDEN', rest: 'ok' },
  },
  {
    op: 'acceptInvitation',
    query: `mutation($t: String!) { acceptInvitation(token: $t, fullName: "Kẻ mạo danh", password: "mat-khau-mao-danh") { accessToken } }`,
    // A real open invitation of the cooperative, with a forged secret: the link's secret is the only
    // credential, so it is refused alike for everyone and the invitation stays open.
    vars: async () => ({ t: `${await openInvitation(coop.token)}.forged` }),
    expect: { rest: 'BAD_USER_INPUT' },
  },
  {
    op: 'resendInvitation',
    query: `mutation($id: ID!) { resendInvitation(id: $id) { id } }`,
    vars: async () => ({ id: await openInvitation(tokens.owner) }),
    expect: { anonymous: 'UNAUTHENTICATED', otherOrg: 'NOT_FOUND', member: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' },
  },
  {
    op: 'revokeInvitation',
    query: `mutation($id: ID!) { revokeInvitation(id: $id) }`,
    vars: async () => ({ id: await openInvitation(tokens.owner) }),
    expect: { anonymous: 'UNAUTHENTICATED', otherOrg: 'NOT_FOUND', member: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' },
  },
  {
    op: 'removeMember',
    query: `mutation($id: ID!) { removeMember(userId: $id) }`,
    vars: async () => ({ id: (await memberOf(coop.orgId, 'MEMBER')).id }),
    expect: { anonymous: 'UNAUTHENTICATED', otherOrg: 'NOT_FOUND', member: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' },
  },
  // ---- mutations: moderation
  {
    op: 'moderate',
    query: `mutation($id: ID!) { moderate(subject: PRODUCT, subjectId: $id, decision: APPROVE) { subjectId } }`,
    vars: async () => ({ id: await submitted() }),
    expect: staffOnly,
    changes: (who) => (who === 'admin' ? ['coop'] : []),
  },
  {
    op: 'suspendOrganization',
    query: `mutation($id: ID!) { suspendOrganization(id: $id, reason: "Thử quyền") { id } }`,
    vars: async (who) => ({ id: who === 'admin' ? await verifiedOrganization() : coop.orgId }),
    expect: staffOnly,
  },
  {
    op: 'reinstateOrganization',
    query: `mutation($id: ID!) { reinstateOrganization(id: $id, reason: "Thử quyền") { id } }`,
    vars: async (who) => {
      if (who !== 'admin') return { id: coop.orgId };
      const id = await verifiedOrganization();
      await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Tạm ngừng") { id } }`, { id }, { token: admin });
      return { id };
    },
    expect: staffOnly,
  },
  {
    op: 'setTrustedBuyer',
    query: `mutation($id: ID!) { setTrustedBuyer(organizationId: $id, trusted: true) { id } }`,
    // Admins only (not moderators: see test/security/needs-lifecycle); the admin marks a fresh buyer.
    vars: async (who) => ({ id: who === 'admin' ? await verifiedOrganization() : coop.orgId }),
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'ok', rest: 'FORBIDDEN' },
  },
  {
    op: 'report',
    query: `mutation($id: ID!) { report(subject: ORGANIZATION, subjectId: $id, reason: "Thông tin sai sự thật") }`,
    // Reports on the cooperative by its own people are not refused: only their count changes (one per person).
    vars: async () => ({ id: await verifiedOrganization() }),
    expect: signedOnly(),
    changes: nothing,
  },
  // ---- mutations: listings
  {
    op: 'createProduct',
    query: `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`,
    vars: () => ({ i: PRODUCT_INPUT }),
    expect: { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', admin: 'FORBIDDEN', rest: 'ok' },
  },
  ...(['updateProduct', 'submitProduct', 'archiveProduct'] as const).map(
    (op): Case => ({
      op,
      query: op === 'updateProduct' ? `mutation($id: ID!, $i: ProductInput!) { updateProduct(id: $id, input: $i) { id } }` : `mutation($id: ID!) { ${op}(id: $id) { id } }`,
      // Only an approved listing can be archived; drafts are updated and submitted.
      vars: async () => ({ id: op === 'archiveProduct' ? await approved() : await draftOf(), i: { ...PRODUCT_INPUT, name: 'Sầu riêng Monthong' } }),
      expect: { anonymous: 'UNAUTHENTICATED', otherOrg: 'NOT_FOUND', member: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' },
    }),
  ),
];

const outcomeOf = (r: GqlResult<Record<string, unknown>>, op: string): string =>
  errorCode(r) ?? (r.data?.[op] === null ? 'null' : 'ok');

beforeAll(async () => {
  admin = await adminToken();
  coop = await signUpOwner({ name: 'HTX Sầu riêng Cái Mơn', provinceCode: '86' });
  other = await signUpOwner({ name: 'HTX Thanh long Chợ Gạo', provinceCode: '82' });
  bystander = await signUpOwner({ name: 'HTX Bưởi Năm Roi Bình Minh', provinceCode: '86' });
  for (const id of [coop.orgId, other.orgId, bystander.orgId]) {
    await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, { id }, { token: admin });
  }
  // Every kind of row the footprint covers exists for the organizations calls must not touch.
  for (const o of [coop, other, bystander]) {
    await documentOf(o);
    await openInvitation(o.token);
  }
  const bystanderListing = await api<{ createProduct: { id: string } }>(`mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: PRODUCT_INPUT }, { token: bystander.token });
  expect(bystanderListing.errors).toBeUndefined();
  const member = await memberOf(coop.orgId, 'MEMBER');
  tokens = {
    anonymous: undefined,
    otherOrg: other.token,
    member: (await signInAs(member.email, coop.password)).accessToken,
    owner: coop.token,
    admin,
  };
});

it('covers every root field of the catalog subgraph', () => {
  const sdl = parse(readFileSync(join(__dirname, '..', '..', 'schema', 'catalog.graphql'), 'utf8'));
  const roots = sdl.definitions
    .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation'].includes(d.name.value))
    .flatMap((d) => (d.fields ?? []).map((f) => f.name.value));
  expect(roots.filter((f) => !f.startsWith('_')).sort()).toEqual(CASES.map((c) => c.op).sort());
});

const expectedOf = (c: Case, who: Who): Outcome => c.expect[who] ?? c.expect.rest!;
/** What an answered call may change; queries change nothing, refused calls change nothing. */
const mayChange = (c: Case, who: Who): Org[] =>
  expectedOf(c, who) !== 'ok' || !c.query.trimStart().startsWith('mutation') ? [] : (c.changes ?? ((w: Who) => OWN[w]))(who);

describe.each(CASES)('$op', (c) => {
  it.each(EVERYONE.map((who) => [who, expectedOf(c, who), mayChange(c, who).join(', ') || 'none'] as const))(
    'as %s: answers %s and changes no organization but: %s',
    async (who) => {
      const vars = (await c.vars?.(who)) ?? {};
      const before = await footprints();
      const r = await api<Record<string, unknown>>(c.query, vars, { token: tokens[who] });
      expect(outcomeOf(r, c.op)).toBe(expectedOf(c, who));
      const after = await footprints();
      const untouched = ORGS.filter((o) => !mayChange(c, who).includes(o));
      expect(untouched.map((o) => [o, after[o]])).toEqual(untouched.map((o) => [o, before[o]]));
    },
  );
});

describe('the cooperative’s private fields', () => {
  const PRIVATE = `query($id: ID!) { organization(id: $id) { name address phone members { id } invitations { id } documents { id } products(first: 50) { totalCount } } }`;
  type Org = { name: string; address: string | null; phone: string | null; members: unknown[] | null; invitations: unknown[] | null; documents: unknown[] | null; products: { totalCount: number } };
  const shown = (o: Org) => ({ address: o.address !== null, phone: o.phone !== null, members: o.members !== null, invitations: o.invitations !== null, documents: o.documents !== null });

  beforeAll(async () => {
    await api(`mutation { updateOrganizationProfile(input: { address: "Ấp Tân Thạnh", phone: "0275 3820 111" }) { id } }`, {}, { token: tokens.owner });
  });

  const all = (v: boolean) => ({ address: v, phone: v, members: v, invitations: v, documents: v });
  it.each([
    ['anonymous', all(false)],
    ['otherOrg', all(false)],
    // Members see the team and the evidence; open invitations are for those who may invite.
    ['member', { ...all(true), invitations: false }],
    ['owner', all(true)],
    ['admin', all(true)],
  ] as const)('as %s: contact, team and evidence shown as %j', async (who, visible) => {
    const r = await api<{ organization: Org }>(PRIVATE, { id: coop.orgId }, { token: tokens[who] });
    expect(r.errors).toBeUndefined();
    expect(shown(r.data!.organization)).toEqual(visible);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, ObjectTypeDefinitionNode, parse } from 'graphql';
import { errorCode, GqlResult, REFRESH, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { adminToken, api, rows, signInAs, signUpOwner } from '../support/e2e';

// Who gets what, for every catalog query and mutation, through the gateway: anonymous, the owner of
// another organization, a MEMBER and the OWNER of the organization concerned, and a platform admin.
// A refused call must also leave the organization's rows exactly as they were. The table must name
// every root field of the catalog subgraph: a new operation fails this file until it is added.

type Who = 'anonymous' | 'otherOrg' | 'member' | 'owner' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'otherOrg', 'member', 'owner', 'admin'];
/** 'ok': answered without error; 'null': answered null (another organization's object reads as absent). */
type Outcome = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

interface Case {
  op: string;
  query: string;
  /** Fresh variables per call, so one caller's success does not change what the next one meets. */
  vars?: (who: Who) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Partial<Record<Who, Outcome>> & { rest?: Outcome };
}

const PRODUCT_INPUT = { categoryCode: '0810', name: 'Sầu riêng Ri6 Cái Mơn', unitCode: 'KGM', monthlyCapacity: '12000', harvestMonths: [5, 6, 7] };
const signedOnly = (ok: Outcome = 'ok'): Case['expect'] => ({ anonymous: 'UNAUTHENTICATED', rest: ok });
const staffOnly: Case['expect'] = { anonymous: 'UNAUTHENTICATED', admin: 'ok', rest: 'FORBIDDEN' };

let tokens: Record<Who, string | undefined>;
let coop: Awaited<ReturnType<typeof signUpOwner>>;
let other: Awaited<ReturnType<typeof signUpOwner>>;
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

/** Everything the cooperative owns or that concerns it, as text: equal before and after a refusal. */
async function fingerprint(): Promise<string> {
  const [r] = await rows<{ f: string }>(
    `SELECT concat_ws('|',
       (SELECT row_to_json(o)::text FROM catalog.organizations o WHERE id = $1),
       (SELECT json_agg(p ORDER BY p.id)::text FROM catalog.products p WHERE organization_id = $1),
       (SELECT json_agg(i ORDER BY i.id)::text FROM catalog.invitations i WHERE organization_id = $1),
       (SELECT json_agg(json_build_object('id', u.id, 'role', u.organization_role) ORDER BY u.id)::text FROM catalog.users u WHERE organization_id = $1),
       (SELECT count(*) FROM catalog.audit_log a WHERE a.subject_id = $1::text OR a.subject_id IN (SELECT id::text FROM catalog.products WHERE organization_id = $1)),
       (SELECT count(*) FROM catalog.reports r WHERE r.subject_id::text = $1::text OR r.subject_id::text IN (SELECT id::text FROM catalog.products WHERE organization_id = $1))
     ) AS f`,
    [coop.orgId],
  );
  return r.f;
}

const CASES: Case[] = [
  // ---- queries
  { op: 'me', query: `{ me { id } }`, expect: { anonymous: 'null', rest: 'ok' } },
  { op: 'organization', query: `query($id: ID!) { organization(id: $id) { id name } }`, vars: () => ({ id: coop.orgId }), expect: { rest: 'ok' } },
  { op: 'provinces', query: `{ provinces { code } }`, expect: { rest: 'ok' } },
  { op: 'categories', query: `{ categories(parentCode: "08") { code } }`, expect: { rest: 'ok' } },
  { op: 'units', query: `{ units { code } }`, expect: { rest: 'ok' } },
  { op: 'moderationQueue', query: `{ moderationQueue(first: 5) { edges { node { id } } } }`, expect: staffOnly },
  { op: 'auditLog', query: `{ auditLog(first: 5) { edges { node { id } } } }`, expect: staffOnly },
  { op: 'product', query: `query($id: ID!) { product(id: $id) { id } }`, vars: async () => ({ id: await draftOf() }), expect: { anonymous: 'null', otherOrg: 'null', rest: 'ok' } },
  { op: 'searchProducts', query: `{ searchProducts(query: "sau rieng", first: 5) { edges { node { id } } } }`, expect: { rest: 'ok' } },
  {
    op: 'searchOrganizations',
    query: `{ searchOrganizations(query: "sau rieng cai mon", first: 5) { edges { node { id productCount certifications { kind } } } } }`,
    expect: { rest: 'ok' },
  },
  { op: 'wards', query: `{ wards(provinceCode: "86") { code } }`, expect: { rest: 'ok' } },
  // ---- mutations: accounts
  { op: 'signUp', query: SIGN_UP, vars: () => ({ input: signUpInput() }), expect: { rest: 'ok' } },
  { op: 'signIn', query: SIGN_IN, vars: () => ({ email: coop.email, password: coop.password }), expect: { rest: 'ok' } },
  { op: 'refreshToken', query: REFRESH, vars: async () => ({ token: (await signInAs(coop.email, coop.password)).refreshToken }), expect: { rest: 'ok' } },
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
    vars: () => ({ t: '00000000-0000-0000-0000-000000000000.forged' }),
    // The link's secret is the only credential: a forged one is refused alike for everyone.
    expect: { rest: 'BAD_USER_INPUT' },
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
    op: 'report',
    query: `mutation($id: ID!) { report(subject: ORGANIZATION, subjectId: $id, reason: "Thông tin sai sự thật") }`,
    // Reports on the cooperative by its own people are not refused: only their count changes (one per person).
    vars: async () => ({ id: await verifiedOrganization() }),
    expect: signedOnly(),
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
  for (const id of [coop.orgId, other.orgId]) {
    await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, { id }, { token: admin });
  }
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

describe.each(CASES)('$op', (c) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const expected = c.expect[who] ?? c.expect.rest!;
    const vars = (await c.vars?.(who)) ?? {};
    const before = await fingerprint();
    const r = await api<Record<string, unknown>>(c.query, vars, { token: tokens[who] });
    expect(outcomeOf(r, c.op)).toBe(expected);
    if (expected !== 'ok') expect(await fingerprint()).toBe(before);
  });
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

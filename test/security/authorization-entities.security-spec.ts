import { gql, GqlOptions } from '@lienket/testing';
import { adminToken, api, signUpOwner } from '../support/e2e';
import { memberToken } from '../support/uploads';

// `_entities` is an entry point like any query: called on a subgraph directly (as the gateway does),
// a reference must answer what `organization(id)` answers the same caller through the gateway —
// never a hidden organization's name or tax code because someone knows its id. One exception: an
// organization that was public and is suspended still answers its public fields to a reference,
// which only another subgraph's authorized answer (a contract's party, a bid's supplier) can make.

type Who = 'anonymous' | 'otherOrg' | 'member' | 'owner' | 'admin';
const WHO: Who[] = ['anonymous', 'otherOrg', 'member', 'owner', 'admin'];
const FIELDS = 'id name taxCode verification address phone members { id } invitations { id }';
type Seen = Record<string, unknown> | null;

const subgraph = (name: 'CATALOG' | 'PROCUREMENT') => <T>(query: string, variables: Record<string, unknown>, o: GqlOptions = {}) =>
  gql<T>(process.env[`E2E_${name}_URL`]!, query, variables, o);
const catalog = subgraph('CATALOG');
const procurement = subgraph('PROCUREMENT');

let tokens: Record<Who, string | undefined>;
let pending: { orgId: string };
let verified: { orgId: string };
let suspended: { orgId: string };

async function entity(id: string, who: Who): Promise<Seen> {
  const r = await catalog<{ _entities: Seen[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { ${FIELDS} } } }`,
    { r: [{ __typename: 'Organization', id }] },
    { token: tokens[who] },
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0];
}
async function publicPath(id: string, who: Who): Promise<Seen> {
  const r = await api<{ organization: Seen }>(`query($id: ID!) { organization(id: $id) { ${FIELDS} } }`, { id }, { token: tokens[who] });
  expect(r.errors).toBeUndefined();
  return r.data!.organization;
}

beforeAll(async () => {
  const admin = await adminToken();
  const owner = await signUpOwner({ name: 'HTX Chưa xác minh Bí Mật' });
  pending = owner;
  verified = await signUpOwner({ name: 'HTX Đã xác minh' });
  suspended = await signUpOwner({ name: 'HTX Bị tạm ngừng' });
  const other = await signUpOwner({ name: 'Công ty Tò Mò' });
  const decide = (q: string, id: string) => api(q, { id }, { token: admin }).then((r) => expect(r.errors).toBeUndefined());
  for (const o of [verified, suspended, other]) await decide(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, o.orgId);
  await decide(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Vi phạm") { id } }`, suspended.orgId);
  await api(`mutation { inviteMember(email: "moi.vao@test.lienket.vn", role: MEMBER) { id } }`, {}, { token: owner.token });
  tokens = { anonymous: undefined, otherOrg: other.token, member: await memberToken(owner.orgId), owner: owner.token, admin };
});

describe('catalog _entities for Organization answers what organization(id) answers, save a suspended one', () => {
  it.each(WHO)('an unverified organization as %s: hidden from outsiders, private fields only to its people', async (who) => {
    const seen = await entity(pending.orgId, who);
    expect(seen).toEqual(await publicPath(pending.orgId, who));
    if (who === 'anonymous' || who === 'otherOrg') expect(seen).toBeNull();
    else expect(seen).toMatchObject({ name: 'HTX Chưa xác minh Bí Mật', verification: 'PENDING_VERIFICATION', members: expect.any(Array) });
    if (who === 'member') expect(seen?.invitations).toBeNull();
    if (who === 'owner' || who === 'admin') expect(seen?.invitations).toHaveLength(1);
  });

  it.each(WHO)('a suspended organization as %s: organization(id) hides it from all but staff; a reference still names it, public fields only', async (who) => {
    const listed = await publicPath(suspended.orgId, who);
    if (who === 'admin') expect(listed).toMatchObject({ verification: 'SUSPENDED' });
    else expect(listed).toBeNull();
    // A reference comes only from a subgraph that already showed the caller what names it (a
    // contract's party, a bid's supplier): it stays named, marked SUSPENDED (decision 139).
    const seen = await entity(suspended.orgId, who);
    expect(seen).toMatchObject({ name: 'HTX Bị tạm ngừng', verification: 'SUSPENDED' });
    if (who !== 'admin') expect(seen).toMatchObject({ address: null, phone: null, members: null, invitations: null });
  });

  it.each(WHO)('a verified organization as %s: public fields to everyone, contact and team only to its people', async (who) => {
    const seen = await entity(verified.orgId, who);
    expect(seen).toEqual(await publicPath(verified.orgId, who));
    expect(seen).toMatchObject({ name: 'HTX Đã xác minh' });
    if (who !== 'admin') expect(seen).toMatchObject({ address: null, phone: null, members: null, invitations: null });
  });

  it('answers null for ids that do not exist or are not ids, with no internal error', async () => {
    for (const id of [crypto.randomUUID(), 'not-an-id', "' OR 1=1 --"]) expect(await entity(id, 'admin')).toBeNull();
  });
});

describe('procurement _entities for Organization reveals nothing the public path hides', () => {
  const reliability = async (id: string, who: Who) => {
    const r = await procurement<{ _entities: ({ id: string; reliability: unknown } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id reliability { completedContracts onTimeRate fillRate averageRating } } } }`,
      { r: [{ __typename: 'Organization', id }] },
      { token: tokens[who] },
    );
    expect(r.errors).toBeUndefined();
    return r.data!._entities[0];
  };

  it.each(WHO)('as %s, an unverified or suspended organization answers exactly like an id that does not exist', async (who) => {
    const unknown = crypto.randomUUID();
    const strip = (e: { id: string; reliability: unknown } | null) => e?.reliability;
    const nobody = strip(await reliability(unknown, who));
    expect(strip(await reliability(pending.orgId, who))).toEqual(nobody);
    expect(strip(await reliability(suspended.orgId, who))).toEqual(nobody);
  });

  it('has no name or tax code to give: asking for them is refused as an invalid query', async () => {
    const r = await procurement(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name taxCode } } }`, {
      r: [{ __typename: 'Organization', id: pending.orgId }],
    });
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('resolves a reference that cannot be an organization id to nothing', async () => {
    expect(await reliability('not-an-id', 'admin')).toBeNull();
  });
});

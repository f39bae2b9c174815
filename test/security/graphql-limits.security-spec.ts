import { ATTACKS, GqlResult } from '@lienket/testing';
import { api } from '../support/e2e';

// Generated attack documents sent to the running gateway: each is refused before anything runs,
// with a code and a message in the caller's language stating the limit, never a 500; and the
// gateway answers an ordinary query right after (it was not stalled or crashed by the attack).

async function stillAnswers() {
  const r = await api<{ provinces: { code: string }[] }>('{ provinces { code } }');
  expect(r.status).toBe(200);
  expect(r.data?.provinces).toHaveLength(34);
}

function expectRefused(r: GqlResult<unknown>, limit: string) {
  expect(r.status).toBe(400);
  expect(r.data ?? null).toBeNull();
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
}

describe('attack documents at the gateway', () => {
  afterEach(stillAnswers);

  it('refuses 3 KB of nested fragments that expand to 2^30 lists as too costly, in Vietnamese by default', async () => {
    const r = await api(ATTACKS.nestedFragments(30));
    expectRefused(r, 'cost');
    expect(r.errors?.[0]?.message).toMatch(/^Truy vấn quá phức tạp: ước tính vượt 5000 điểm/);
  });

  it('refuses a fragment cycle with a coded 400, not a 500', async () => {
    const r = await api(ATTACKS.fragmentCycle(3), {}, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/Cannot spread fragment "F\d" within itself/);
  });

  it('refuses 5,000 aliases of one field at the parser, as too long', async () => {
    const r = await api(ATTACKS.aliases(5000), {}, { lang: 'en' });
    expectRefused(r, 'tokens');
    expect(r.errors?.[0]?.message).toBe('The query is too long (at most 1000 tokens).');
  });

  it('refuses 16 aliases, one more than allowed, naming the limit', async () => {
    const r = await api(ATTACKS.aliases(16), {}, { lang: 'en' });
    expectRefused(r, 'aliases');
    expect(r.errors?.[0]?.message).toBe('The query uses too many aliases (at most 15).');
  });

  it('refuses 21 directives, one more than allowed', async () => {
    const r = await api(ATTACKS.directives(21), {}, { lang: 'en' });
    expectRefused(r, 'directives');
    expect(r.errors?.[0]?.message).toBe('The query uses too many directives (at most 20).');
  });

  it('refuses a document of 20,000 tokens at the parser', async () => {
    expectRefused(await api(ATTACKS.tokens(20_000)), 'tokens');
  });

  it('refuses nesting one level deeper than allowed', async () => {
    const r = await api(ATTACKS.deepNesting(11), {}, { lang: 'en' });
    expectRefused(r, 'depth');
    expect(r.errors?.[0]?.message).toBe('The query is nested too deeply (at most 12 levels).');
  });

  it('prices lists without `first` at their real maximum: members, invitations and documents of a page of organizations', async () => {
    const query = (first: number) => `{ searchOrganizations(first: ${first}) { edges { node { id members { id } invitations { id } documents { id } } } } }`;
    // 1 + 50 × (1 + 1 + 3 × (1 + 100)) = 15,251: refused, though each list is only visible to its members.
    expectRefused(await api(query(50)), 'cost');
    // The same shape on a page of 5 costs 1,526 and is answered.
    const small = await api(query(5));
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();
  });

  it('refuses an over-large connection page before any subgraph runs it', async () => {
    const r = await api('{ searchProducts(first: 100) { edges { node { photos { url } certifications { kind } organization { products(first: 100) { edges { node { id } } } } } } } }');
    expectRefused(r, 'cost');
  });
});

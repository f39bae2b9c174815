import { generateSecrets } from '@lienket/config';
import { ATTACKS, gql, queryRows, SIGN_UP, signUpInput } from '@lienket/testing';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';

// The catalog subgraph called directly (as a caller that got past the gateway's checks would), in
// production mode: it holds the gateway's limits itself, bounds `_entities`, and hides its schema.

let s: RunningApp;
const saved = { ...process.env };
beforeAll(async () => {
  Object.assign(process.env, { NODE_ENV: 'production', ...generateSecrets(), ADMIN_EMAIL: 'ops@example.vn', ADMIN_PASSWORD: 'not-the-demo-password' });
  s = await startSubgraph(CatalogAppModule);
}, 60_000);
afterAll(async () => {
  await s?.close();
  process.env = saved;
});

const ENTITIES = `query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organization { id name } } }`;
const representations = (n: number, id: string) => Array.from({ length: n }, () => ({ __typename: 'Organization', id }));

describe('the catalog subgraph, called directly in production', () => {
  it('refuses introspection', async () => {
    const r = await gql(s.url, '{ __schema { types { name } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.data ?? null).toBeNull();
  });

  it.each([
    ['nested fragments', ATTACKS.nestedFragments(30), 'cost'],
    ['16 aliases', ATTACKS.aliases(16), 'aliases'],
    ['21 directives', ATTACKS.directives(21), 'directives'],
    ['5,000 aliases (too many tokens)', ATTACKS.aliases(5000), 'tokens'],
    ['13 levels', ATTACKS.deepNesting(11), 'depth'],
  ])('refuses %s like the gateway does, in the caller\'s language', async (_name, query, limit) => {
    const r = await gql(s.url, query, {}, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(r.errors?.[0]?.message).toMatch(/^The query /);
  });

  it('prices `_entities` by its number of representations: 100 are answered, 3,000 refused', async () => {
    const input = signUpInput({ name: 'HTX Thực thể' });
    const up = await gql<{ signUp: { user: { organization: { id: string } } } }>(s.url, SIGN_UP, { input });
    const id = up.data!.signUp.user.organization.id;
    const few = await gql<{ _entities: unknown[] }>(s.url, ENTITIES, { representations: representations(100, id) });
    expect(few.errors).toBeUndefined();
    expect(few.data?._entities).toHaveLength(100);
    const many = await gql(s.url, ENTITIES, { representations: representations(3000, id) });
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('refuses U+0000 itself, naming the field, and writes nothing', async () => {
    const input = signUpInput({ name: 'HTX\u0000' });
    const r = await gql(s.url, SIGN_UP, { input }, { lang: 'en' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organization.name' });
    const [row] = await queryRows<{ n: number }>(s.databaseUrl, 'SELECT count(*)::int AS n FROM catalog.users WHERE email = lower($1)', [input.email]);
    expect(row.n).toBe(0);
  });
});

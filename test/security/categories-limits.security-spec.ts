import { api } from '../support/e2e';

// allCategories (issue 9) is the largest reference list the API answers in one piece (223 rows):
// asking for it many times over in one request must be refused before anything runs.

describe('the all-categories list under attack', () => {
  it('answers one full list, but refuses many aliased copies of it as too costly', async () => {
    const one = await api<{ allCategories: unknown[] }>('{ allCategories { code shortName name } }');
    expect(one.data?.allCategories).toHaveLength(223);

    const copies = Array.from({ length: 8 }, (_, i) => `c${i}: allCategories { code shortName name parent { code shortName name } }`).join(' ');
    const r = await api(`{ ${copies} }`, {}, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' } });
    expect(r.errors?.[0]?.message).toMatch(/^The query is too complex/);
  });

  it('takes no input: unknown arguments are refused with a coded validation error, not a 500', async () => {
    const r = await api('{ allCategories(search: "ca phe") { code } }', {}, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.js:\d+/);
  });
});

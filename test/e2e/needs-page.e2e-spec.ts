import { GqlOptions } from '@lienket/testing';
import { api as plainApi } from '../support/e2e';
import { bidInput, openNeed, Party, SUBMIT_BID, verifiedBuyer, verifiedCooperative } from '../support/bids';

// The needs page through the gateway: buyer, bid count and status for the buyer's own needs and for
// public ones, in at most four SQL statements per subgraph whatever the page's size (issue 10; the
// stack counts them: SQL_STATEMENT_COUNT, and a request asks with x-count-sql-statements).

/** Calls that ask the stack for the statements each subgraph ran (extensions.sqlStatements). */
const api = <T>(query: string, variables: Record<string, unknown> = {}, o: GqlOptions = {}) =>
  plainApi<T>(query, variables, { ...o, headers: { ...o.headers, 'x-count-sql-statements': '1' } });

const PAGE = `query P($filter: NeedFilter, $first: Int) {
  needs(filter: $filter, first: $first) { totalCount edges { cursor node { id title status bidCount buyer { id name } } } } }`;
type Page = { needs: { totalCount: number; edges: { node: { id: string; status: string; bidCount: number; buyer: { id: string; name: string } } }[] } };
type Counted = { extensions?: { sqlStatements?: Record<string, number> } };

/** Huế: no other test opens needs there, so this file's public page is its own. */
const PROVINCE = '46';
const MOST_STATEMENTS = 4;

describe('needs page: statements per subgraph', () => {
  let buyer: Party;
  let needs: string[];

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty TNHH Thu mua Huế');
    needs = [];
    for (let i = 0; i < 6; i++) needs.push(await openNeed(buyer.token, { title: `Gạo ST25 lô ${i}`, deliveryProvinceCode: PROVINCE }));
    // Bids on two of them, from two cooperatives: counts 2, 1 and 0.
    const [a, b] = [await verifiedCooperative('HTX Lúa gạo Phong Điền'), await verifiedCooperative('HTX Nông nghiệp Hương Trà')];
    for (const [coop, need] of [[a, needs[0]], [b, needs[0]], [a, needs[1]]] as const) {
      const r = await api(SUBMIT_BID, { input: bidInput(need) }, { token: coop.token });
      expect(r.errors).toBeUndefined();
    }
  });

  const expectPage = (page: Page, counted: Counted) => {
    const byId = new Map(page.needs.edges.map((e) => [e.node.id, e.node]));
    for (const id of needs) expect(byId.get(id)).toMatchObject({ status: 'OPEN', buyer: { id: buyer.orgId, name: buyer.name } });
    expect(needs.map((id) => byId.get(id)!.bidCount)).toEqual([2, 1, 0, 0, 0, 0]);
    const statements = counted.extensions?.sqlStatements ?? {};
    expect(statements.procurement).toBeGreaterThan(0);
    expect(statements.procurement).toBeLessThanOrEqual(MOST_STATEMENTS);
    // The buyers' names are catalog's: one batched lookup for the page.
    expect(statements.catalog ?? 0).toBeLessThanOrEqual(MOST_STATEMENTS);
  };

  it("the buyer's own needs (mine), with buyer name, bid count and status", async () => {
    const r = await api<Page>(PAGE, { filter: { mine: true }, first: 20 }, { token: buyer.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.needs.totalCount).toBe(needs.length);
    expectPage(r.data!, r as Counted);
  });

  it('public needs, signed out, in as many statements', async () => {
    const r = await api<Page>(PAGE, { filter: { provinceCode: PROVINCE }, first: 20 });
    expect(r.errors).toBeUndefined();
    expectPage(r.data!, r as Counted);
  });

  it('a page of 50 costs the same number of statements as a page of 6', async () => {
    const small = (await api<Page>(PAGE, { filter: { mine: true }, first: 3 }, { token: buyer.token })) as Counted;
    const large = (await api<Page>(PAGE, { filter: { mine: true }, first: 50 }, { token: buyer.token })) as Counted;
    expect(large.extensions?.sqlStatements).toEqual(small.extensions?.sqlStatements);
  });

  it('counts only when asked: any other answer carries no count (two calls must not be told apart by it)', async () => {
    const r = (await plainApi<Page>(PAGE, { filter: { mine: true }, first: 3 }, { token: buyer.token })) as Counted;
    expect(r.extensions?.sqlStatements).toBeUndefined();
  });
});

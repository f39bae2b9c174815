import { randomUUID } from 'node:crypto';
import { issueAccessToken, OrganizationRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { gql, knownToProcurement, queryRows } from '@lienket/testing';
import { ProcurementAppModule } from '../../apps/procurement/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';

// needs.created_at keeps microseconds. A cursor that went through a JS Date kept milliseconds only,
// so the next page started below the whole millisecond and skipped the rest of it. Here 120 needs
// share one millisecond (some even the same microsecond) and paging must return each exactly once.

const NEEDS = `query Needs($filter: NeedFilter, $first: Int, $after: String) {
  needs(filter: $filter, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount }
}`;
type Page = { needs: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };

let s: RunningApp;
const buyerOrgId = randomUUID();
const token = issueAccessToken(
  { id: randomUUID(), organizationId: buyerOrgId, organizationRole: OrganizationRole.MEMBER, platformRole: null, organizationVerification: 'VERIFIED' },
  loadConfig().auth.jwtSecret,
  900,
);

beforeAll(async () => {
  s = await startSubgraph(ProcurementAppModule);
  await knownToProcurement(s.databaseUrl, buyerOrgId);
  // One statement: 120 rows inside 2026-12-01 03:00:00.123, 40 distinct microseconds, 3 rows on each.
  await queryRows(
    s.databaseUrl,
    `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code,
                                    delivery_from, delivery_to, bid_deadline, status, created_at)
     SELECT $1, $1, 'Cà phê nhân xô ' || g, '0901', 10, 'TNE', '79', '2027-03-01', '2027-03-31', '2027-02-01T00:00:00Z',
            CASE WHEN g % 2 = 0 THEN 'OPEN' ELSE 'DRAFT' END,
            timestamptz '2026-12-01T03:00:00.123Z' + (g % 40) * interval '1 microsecond'
       FROM generate_series(1, 120) g`,
    [buyerOrgId],
  );
}, 60_000);
afterAll(() => s.close());

async function walk(filter: object, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const r: { data?: Page | null; errors?: unknown } = await gql<Page>(s.url, NEEDS, { filter, first, after }, { token, lang: 'en' });
    expect(r.errors).toBeUndefined();
    ids.push(...r.data!.needs.edges.map((e) => e.node.id));
    if (!r.data!.needs.pageInfo.hasNextPage) return ids;
    after = r.data!.needs.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

it("pages through the buyer's 120 needs of one millisecond: none skipped, none twice", async () => {
  const all = await queryRows<{ id: string }>(s.databaseUrl, 'SELECT id FROM procurement.needs WHERE buyer_org_id = $1', [buyerOrgId]);
  const ids = await walk({ mine: true }, 7);
  expect(ids).toHaveLength(120);
  expect(new Set(ids).size).toBe(120);
  expect(new Set(ids)).toEqual(new Set(all.map((r) => r.id)));
});

it('pages through the 60 public ones of that millisecond the same way', async () => {
  const open = await queryRows<{ id: string }>(s.databaseUrl, "SELECT id FROM procurement.needs WHERE buyer_org_id = $1 AND status = 'OPEN'", [buyerOrgId]);
  const ids = await walk({}, 9);
  expect(ids).toHaveLength(60);
  expect(new Set(ids)).toEqual(new Set(open.map((r) => r.id)));
});

it('refuses a forged cursor as bad input, with no database text', async () => {
  for (const key of [['not a time', randomUUID()], ['2026-13-45T00:00:00Z', randomUUID()], ['2026-12-01T03:00:00.123Z', 'x']]) {
    const after = Buffer.from(JSON.stringify(key)).toString('base64url');
    const r = await gql(s.url, NEEDS, { filter: {}, first: 5, after }, { lang: 'en' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(r.errors?.[0].message).not.toMatch(/timestamp|uuid|syntax/i);
  }
});

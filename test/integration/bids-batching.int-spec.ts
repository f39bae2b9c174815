import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { issueAccessToken, OrganizationRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { asGateway, gql, knownToProcurement, queryRows } from '@lienket/testing';
import { ProcurementAppModule } from '../../apps/procurement/src/app.module';
import { watchStatements } from '../support/statements';
import { RunningApp, startSubgraph } from '../support/subgraph';

// A page of 50 public needs with each one's bid count and the caller's own bid costs the same few
// statements as the page alone plus one per field: the counts and the caller's bids are batched
// (DESIGN.md "N+1": at most 4 SQL statements per subgraph for such a page).

const PAGE = `query { needs(first: 50) { edges { node { id bidCount myBid { id revision } } } } }`;
type Page = { needs: { edges: { node: { id: string; bidCount: number; myBid: { id: string; revision: number } | null } }[] } };

let s: RunningApp;
const buyerOrgId = randomUUID();
const bidderOrgId = randomUUID();
const token = issueAccessToken(
  { id: randomUUID(), organizationId: bidderOrgId, organizationRole: OrganizationRole.OWNER, platformRole: null, organizationVerification: 'VERIFIED' },
  loadConfig().auth.jwtSecret,
  900,
);

beforeAll(async () => {
  s = await startSubgraph(ProcurementAppModule);
  await knownToProcurement(s.databaseUrl, buyerOrgId);
  await queryRows(
    s.databaseUrl,
    `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code,
                                    delivery_from, delivery_to, bid_deadline, status)
     SELECT $1, $1, 'Hạt điều thô lô ' || g, '0801', 10, 'TNE', '79', current_date + 30, current_date + 60, now() + interval '1 day', 'OPEN'
       FROM generate_series(1, 50) g`,
    [buyerOrgId],
  );
}, 60_000);
afterAll(() => s.close());

it('counts bids and finds the caller organization’s bid for 50 needs in 4 statements', async () => {
  const needs = await queryRows<{ id: string }>(s.databaseUrl, `SELECT id FROM procurement.needs ORDER BY id`);
  // Bids on every other need: envelopes only, which is all that counting reads.
  await queryRows(
    s.databaseUrl,
    `INSERT INTO procurement.bids (need_id, supplier_org_id, submitted_at) SELECT unnest($1::uuid[]), gen_random_uuid(), now()`,
    [needs.filter((_, i) => i % 2 === 0).map((n) => n.id)],
  );
  const ds = s.app.get(DataSource);
  const statements = watchStatements(ds);
  const r = await gql<Page>(s.url, PAGE, {}, { token, headers: asGateway() });
  expect(r.errors).toBeUndefined();
  const counts = new Map(r.data!.needs.edges.map((e) => [e.node.id, e.node.bidCount]));
  expect(counts.size).toBe(50);
  needs.forEach((n, i) => expect(counts.get(n.id)).toBe(i % 2 === 0 ? 1 : 0));
  expect(r.data!.needs.edges.every((e) => e.node.myBid === null)).toBe(true);
  // The page's total and rows, the counts, the caller's bids.
  expect(statements.texts()).toHaveLength(4);
  statements.restore();
});

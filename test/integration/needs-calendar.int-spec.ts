import { randomUUID } from 'node:crypto';
import { issueAccessToken, OrganizationRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { gql, queryRows } from '@lienket/testing';
import { ProcurementAppModule } from '../../apps/procurement/src/app.module';
import { RunningApp, startSubgraph } from '../support/subgraph';

// A need's dates are Vietnamese calendar days (decision 64). Between 00:00 and 07:00 in Hà Nội the
// UTC date is still yesterday's: a delivery date of yesterday must be refused then too. The clock is
// faked for Date alone (timers, I/O and the database run for real), as the old code read `new Date()`.

const CREATE = `mutation Create($input: NeedInput!) { createNeed(input: $input) { id deliveryFrom } }`;
const input = (deliveryFrom: string, bidDeadline: string) => ({
  title: 'Cà phê Robusta nhân xô loại 1',
  categoryCode: '0901',
  quantity: '25',
  unitCode: 'TNE',
  deliveryProvinceCode: '79',
  deliveryFrom,
  deliveryTo: '2027-03-31',
  requiredCertifications: [],
  bidDeadline,
});

let s: RunningApp;
const buyerOrgId = randomUUID();
const token = () =>
  issueAccessToken(
    { id: randomUUID(), organizationId: buyerOrgId, organizationRole: OrganizationRole.OWNER, platformRole: null, organizationVerification: 'VERIFIED' },
    loadConfig().auth.jwtSecret,
    900,
  );
const needs = async () =>
  (await queryRows<{ n: number }>(s.databaseUrl, 'SELECT count(*)::int AS n FROM procurement.needs WHERE buyer_org_id = $1', [buyerOrgId]))[0].n;

beforeAll(async () => {
  s = await startSubgraph(ProcurementAppModule);
}, 60_000);
afterAll(() => s.close());
afterEach(() => jest.useRealTimers());

/** Only Date is faked, advancing with real time from `now`. */
const setClock = (now: string) =>
  jest.useFakeTimers({
    now: new Date(now),
    advanceTimers: true,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });

it('at 00:30 in Hà Nội refuses a delivery date of yesterday (still today by UTC), and writes nothing', async () => {
  setClock('2027-01-10T00:30:00+07:00');
  const r = await gql(s.url, CREATE, { input: input('2027-01-09', '2027-01-09T00:00:00+07:00') }, { token: token(), lang: 'en' });
  expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryFrom' });
  expect(await needs()).toBe(0);
});

it("at 00:30 in Hà Nội accepts today's date as the delivery day, with a bid deadline that evening", async () => {
  setClock('2027-01-10T00:30:00+07:00');
  // 23:00 in Hà Nội on the 10th is 16:00 UTC the 10th; the deadline must not fall after the delivery day in Vietnam.
  const r = await gql<{ createNeed: { deliveryFrom: string } }>(
    s.url,
    CREATE,
    { input: input('2027-01-10', '2027-01-10T23:00:00+07:00') },
    { token: token(), lang: 'en' },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data?.createNeed.deliveryFrom).toBe('2027-01-10');
  expect(await needs()).toBe(1);
});

it('refuses a bid deadline after the delivery day by the Vietnamese calendar, though not by UTC', async () => {
  setClock('2027-01-10T00:30:00+07:00');
  // 06:00 on the 11th in Hà Nội is 23:00 UTC on the 10th: UTC would take it for the delivery day.
  const r = await gql(s.url, CREATE, { input: input('2027-01-10', '2027-01-11T06:00:00+07:00') }, { token: token(), lang: 'en' });
  expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bidDeadline' });
  expect(await needs()).toBe(1);
});

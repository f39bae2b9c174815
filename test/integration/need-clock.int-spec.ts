import { DataSource } from 'typeorm';
import { loadConfig } from '@lienket/config';
import { createDataSource } from '@lienket/database';
import { DomainError } from '@lienket/graphql';
import { queryRows } from '@lienket/testing';
import { assertBiddable, closeDueNeeds } from '../../libs/procurement/src/needs/need-clock';
import { migrateAll } from '../../scripts/migrate';
import { waitFor } from '../support/wait';

// The clock of a need, as the bids work uses it: assertBiddable in a bid's transaction, and the
// flip that closes a need once, against real PostgreSQL row locks.

const { databaseUrl } = loadConfig();
let ds: DataSource;
const T0 = new Date('2030-03-01T03:00:00.000Z');
const before = new Date(T0.getTime() - 1);

async function need(status: string, deadline = T0): Promise<string> {
  const [{ id }] = await queryRows<{ id: string }>(
    databaseUrl,
    `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code, delivery_from, delivery_to, bid_deadline, status)
     VALUES (gen_random_uuid(), gen_random_uuid(), 'Cà phê nhân', '0901', 10, 'TNE', '66', '2030-04-01', '2030-05-01', $1, $2) RETURNING id`,
    [deadline, status],
  );
  return id;
}
const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'biddable';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};
const check = (id: string, now: Date) => refusal(ds.transaction((em) => assertBiddable(em, id, now)));
const events = async (id: string) => (await queryRows(databaseUrl, `SELECT 1 FROM procurement.outbox WHERE event_type = 'need.closed' AND payload->>'needId' = $1`, [id])).length;

beforeAll(async () => {
  await migrateAll(databaseUrl);
  ds = await createDataSource({ url: databaseUrl, schema: 'procurement', entities: [], migrations: [], poolSize: 12 }).initialize();
});
afterAll(async () => {
  await ds?.destroy();
});

describe('assertBiddable', () => {
  it('takes a bid on an OPEN need before its deadline, and from the deadline on answers DEADLINE_PASSED', async () => {
    const id = await need('OPEN');
    expect(await check(id, before)).toBe('biddable');
    expect(await check(id, T0)).toBe('DEADLINE_PASSED');
  });

  it('answers DEADLINE_PASSED for a closed or awarded need, NOT_FOUND for one that is not public or not there', async () => {
    expect(await check(await need('CLOSED'), before)).toBe('DEADLINE_PASSED');
    expect(await check(await need('AWARDED'), before)).toBe('DEADLINE_PASSED');
    for (const status of ['DRAFT', 'PENDING_REVIEW', 'REJECTED', 'CANCELLED']) expect([status, await check(await need(status), before)]).toEqual([status, 'NOT_FOUND']);
    expect(await check('00000000-0000-4000-8000-000000000000', before)).toBe('NOT_FOUND');
    expect(await check('not-a-uuid', before)).toBe('NOT_FOUND');
  });

  it('holds the need open while a bid commits: the flip waits for it, then closes once', async () => {
    const id = await need('OPEN');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let checked!: () => void;
    const inside = new Promise<void>((r) => (checked = r));
    const bid = ds.transaction(async (em) => {
      await assertBiddable(em, id, before);
      checked();
      await held;
    });
    await inside;
    let flipped = false;
    const flip = ds.transaction((em) => closeDueNeeds(em, T0, id)).then((ids) => ((flipped = true), ids));
    // The flip is blocked on the bid's share lock: the need stays OPEN until the bid commits.
    await waitFor('the flip to wait for the bid’s lock', async () => {
      const [{ waiting }] = await queryRows<{ waiting: number }>(
        databaseUrl,
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE procurement.needs SET status%'`,
      );
      return waiting === 1;
    });
    expect(flipped).toBe(false);
    release();
    await bid;
    expect(await flip).toEqual([id]);
  });
});

describe('closeDueNeeds', () => {
  it('closes a need once when many flips race, with one need.closed event, closedAt its deadline', async () => {
    const id = await need('OPEN');
    const results = await Promise.all(Array.from({ length: 10 }, () => ds.transaction((em) => closeDueNeeds(em, T0, id))));
    expect(results.flat()).toEqual([id]);
    expect(await events(id)).toBe(1);
    const [row] = await queryRows<{ status: string; closed_at: Date }>(databaseUrl, `SELECT status, closed_at FROM procurement.needs WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'CLOSED', closed_at: T0 });
  });

  it('leaves a need open before its deadline, and other needs alone', async () => {
    const id = await need('OPEN');
    const other = await need('OPEN', new Date(T0.getTime() + 60_000));
    expect(await ds.transaction((em) => closeDueNeeds(em, before, id))).toEqual([]);
    expect(await ds.transaction((em) => closeDueNeeds(em, T0, id))).toEqual([id]);
    const [row] = await queryRows<{ status: string }>(databaseUrl, `SELECT status FROM procurement.needs WHERE id = $1`, [other]);
    expect(row.status).toBe('OPEN');
  });
});

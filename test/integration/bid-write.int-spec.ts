import { randomUUID } from 'node:crypto';
import type { Pool, QueryConfig, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { AuthUser, OrganizationRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { createDataSource } from '@lienket/database';
import { DomainError } from '@lienket/graphql';
import { queryRows } from '@lienket/testing';
import { BidReadService } from '../../libs/procurement/src/bids/bid-read.service';
import { BidSealer } from '../../libs/procurement/src/bids/bid-sealing';
import { BidService } from '../../libs/procurement/src/bids/bid.service';
import { migrateAll } from '../../scripts/migrate';

// A bid is usually judged on facts read without a lock and written by one statement that holds the
// need FOR SHARE and writes only if nothing judged changed (decision 138). Here something does change
// between the read and the write — by another connection, for real — and the bid must come out as
// if it had been judged with everything locked: accepted against the new facts, or refused with
// the precise answer, never written on stale ones.

const config = loadConfig();
const { databaseUrl } = config;
let ds: DataSource;
let bids: BidService;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function setting(): Promise<{ needId: string; coop: AuthUser }> {
  const coopId = randomUUID();
  await queryRows(
    databaseUrl,
    `INSERT INTO procurement.organizations (id, kind, name, verification, trusted_buyer, version) VALUES ($1, 'COOPERATIVE', 'HTX Cà phê Ea Tu', 'VERIFIED', false, 1)`,
    [coopId],
  );
  const [{ id }] = await queryRows<{ id: string }>(
    databaseUrl,
    `INSERT INTO procurement.needs (buyer_org_id, created_by, title, category_code, quantity, unit_code, delivery_province_code, delivery_from, delivery_to, bid_deadline, status, allow_partial)
     VALUES (gen_random_uuid(), gen_random_uuid(), 'Cà phê nhân', '0901', 100, 'TNE', '66', $1, $2, now() + interval '1 day', 'OPEN', true) RETURNING id`,
    [day(10), day(40)],
  );
  const coop: AuthUser = { id: randomUUID(), organizationId: coopId, organizationRole: OrganizationRole.MANAGER, platformRole: null, organizationVerification: 'VERIFIED', issuedAt: Date.now() };
  return { needId: id, coop };
}

const input = (needId: string, quantity = '10') => ({ needId, quantity, unitPrice: { amount: '48000000', currency: 'VND' }, deliveryDate: day(20) });

/** Runs `meanwhile` on another connection right after the bid's first statement (its read) answers. */
function between(meanwhile: () => Promise<unknown>) {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const query = pool.query.bind(pool) as (q: QueryConfig) => Promise<QueryResult>;
  let calls = 0;
  return jest.spyOn(pool, 'query').mockImplementation((async (q: QueryConfig) => {
    const answer = await query(q);
    if (calls++ === 0) await meanwhile();
    return answer;
  }) as never);
}

const outcome = async (work: Promise<{ revision: number }>) => {
  try {
    return `revision ${(await work).revision}`;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};
const stored = (needId: string) =>
  queryRows<{ revision: number; live: number }>(
    databaseUrl,
    `SELECT r.revision, b.revision AS live FROM procurement.bid_revisions r JOIN procurement.bids b ON b.id = r.bid_id WHERE b.need_id = $1 ORDER BY r.revision`,
    [needId],
  );

beforeAll(async () => {
  await migrateAll(databaseUrl);
  ds = await createDataSource({ url: databaseUrl, schema: 'procurement', entities: [], migrations: [], poolSize: 6 }).initialize();
  // submitBid reads no other bid: the read service is not on its path.
  bids = new BidService(ds, new BidSealer(config), {} as BidReadService);
});
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  await ds?.destroy();
});

describe('a bid whose facts change between its read and its write', () => {
  it('the deadline extended meanwhile: accepted, once, as revision 1', async () => {
    const { needId, coop } = await setting();
    between(() => queryRows(databaseUrl, `UPDATE procurement.needs SET bid_deadline = bid_deadline + interval '1 day' WHERE id = $1`, [needId]));
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('revision 1');
    expect(await stored(needId)).toEqual([{ revision: 1, live: 1 }]);
  });

  it('the need closed meanwhile: DEADLINE_PASSED, nothing written', async () => {
    const { needId, coop } = await setting();
    between(() => queryRows(databaseUrl, `UPDATE procurement.needs SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [needId]));
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('DEADLINE_PASSED');
    expect(await stored(needId)).toEqual([]);
  });

  it('the need cancelled meanwhile: NOT_FOUND, nothing written', async () => {
    const { needId, coop } = await setting();
    between(() => queryRows(databaseUrl, `UPDATE procurement.needs SET status = 'CANCELLED', cancellation_reason = 'Đổi kế hoạch' WHERE id = $1`, [needId]));
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('NOT_FOUND');
    expect(await stored(needId)).toEqual([]);
  });

  it('the bidder suspended meanwhile (catalog’s event learned): FORBIDDEN, nothing written', async () => {
    const { needId, coop } = await setting();
    between(() => queryRows(databaseUrl, `UPDATE procurement.organizations SET verification = 'SUSPENDED', version = version + 1 WHERE id = $1`, [coop.organizationId]));
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('FORBIDDEN');
    expect(await stored(needId)).toEqual([]);
  });

  it('the quantity cut below the bid meanwhile: BAD_USER_INPUT, nothing written', async () => {
    const { needId, coop } = await setting();
    between(() => queryRows(databaseUrl, `UPDATE procurement.needs SET quantity = 5 WHERE id = $1`, [needId]));
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('BAD_USER_INPUT');
    expect(await stored(needId)).toEqual([]);
  });

  it('another bid of the same organization landed meanwhile: this one becomes the next revision, both kept', async () => {
    const { needId, coop } = await setting();
    const spy = between(async () => {
      spy.mockRestore();
      expect(await outcome(bids.submit(coop, input(needId, '20')))).toBe('revision 1');
    });
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('revision 2');
    expect(await stored(needId)).toEqual([
      { revision: 1, live: 2 },
      { revision: 2, live: 2 },
    ]);
  });

  it('the live bid withdrawn meanwhile: this revision becomes a new bid’s revision 1', async () => {
    const { needId, coop } = await setting();
    expect(await outcome(bids.submit(coop, input(needId)))).toBe('revision 1');
    between(() => queryRows(databaseUrl, `UPDATE procurement.bids SET status = 'WITHDRAWN', withdrawn_at = now() WHERE need_id = $1`, [needId]));
    expect(await outcome(bids.submit(coop, input(needId, '30')))).toBe('revision 1');
    const live = await queryRows<{ status: string; revision: number }>(databaseUrl, `SELECT status, revision FROM procurement.bids WHERE need_id = $1 ORDER BY created_at`, [needId]);
    expect(live).toEqual([
      { status: 'WITHDRAWN', revision: 1 },
      { status: 'SUBMITTED', revision: 1 },
    ]);
  });
});

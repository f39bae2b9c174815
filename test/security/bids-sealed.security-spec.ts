import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { errorCode, gql } from '@lienket/testing';
import { adminToken, api, e2eDatabaseUrl, rows } from '../support/e2e';
import { memberToken } from '../support/uploads';
import {
  BID_FIELDS, bidInput, bidRows, BidShape, deadlinePassed, NEED_BIDS, openNeed, Party, SUBMIT_BID, verifiedBuyer,
  verifiedCooperative, WITHDRAW_BID,
} from '../support/bids';

// Sealed bids: until the deadline nobody but the bidding organization learns a bid's content — not
// the buyer (only the count), not other bidders, not platform staff, not anonymous callers, not
// through errors, not straight at the subgraph, and not from a dump of the procurement schema.
// After it the buyer sees every bid, each bidder its own, nobody else any.

jest.setTimeout(120_000);

const SECRET_PRICE = '918273645';
// Not a number a timestamp could hold (a dump's "…:17.321456+00" once matched a quantity of 17.321).
const SECRET_QUANTITY = '87.654';
const SECRET_NOTE = 'Giá bí mật kho Long Khánh';
const RIVAL_PRICE = '876543219';
const MY_BIDS = `query { myBids(first: 50) { totalCount edges { node { ${BID_FIELDS} } } } }`;
const procurement = (query: string, variables: Record<string, unknown>, token?: string) => gql(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });
const revealed = (answer: unknown) => [SECRET_PRICE, SECRET_QUANTITY, SECRET_NOTE].filter((s) => JSON.stringify(answer).includes(s));

type NeedBids = { need: { bidCount: number; myBid: BidShape | null; bids: { totalCount: number; edges: { node: BidShape }[] } } | null };

describe('a bid is sealed until the deadline', () => {
  let buyer: Party;
  let victim: Party;
  let rival: Party;
  let needId: string;
  let bidId: string;
  let readers: [string, string | undefined][];
  beforeAll(async () => {
    buyer = await verifiedBuyer();
    [victim, rival] = await Promise.all([verifiedCooperative('HTX Giá kín'), verifiedCooperative('HTX Đối thủ')]);
    needId = await openNeed(buyer.token, { allowPartial: true, quantity: '100' });
    const r = await api<{ submitBid: BidShape }>(SUBMIT_BID, { input: bidInput(needId, { unitPrice: { amount: SECRET_PRICE, currency: 'VND' }, quantity: SECRET_QUANTITY, note: SECRET_NOTE }) }, { token: victim.token });
    expect(r.errors).toBeUndefined();
    bidId = r.data!.submitBid.id;
    expect((await api(SUBMIT_BID, { input: bidInput(needId, { unitPrice: { amount: RIVAL_PRICE, currency: 'VND' } }) }, { token: rival.token })).errors).toBeUndefined();
    readers = [
      ['the buyer', buyer.token],
      ["a MEMBER of the buyer", await memberToken(buyer.orgId)],
      ['another bidder', rival.token],
      ['a platform admin', await adminToken()],
      ['an anonymous caller', undefined],
    ];
  });

  it('the buyer, its members, other bidders, staff and anonymous callers see the count and nothing else, also straight at the subgraph', async () => {
    for (const [who, token] of readers) {
      for (const r of [await api<NeedBids>(NEED_BIDS, { id: needId }, { token }), await procurement(NEED_BIDS, { id: needId }, token)]) {
        expect({ who, leaked: revealed(r) }).toEqual({ who, leaked: [] });
      }
      const r = await api<NeedBids>(NEED_BIDS, { id: needId }, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data!.need!.bidCount).toBe(2);
      expect(r.data!.need!.bids.edges.every((e) => e.node.supplier.id === rival.orgId)).toBe(true);
      if (token) expect({ who, leaked: revealed(await api(MY_BIDS, {}, { token })) }).toEqual({ who, leaked: [] });
    }
  });

  it('the bidding organization, MEMBER included, reads its own bid', async () => {
    const member = await memberToken(victim.orgId);
    for (const token of [victim.token, member]) {
      const r = await api<NeedBids>(NEED_BIDS, { id: needId }, { token });
      expect(r.data!.need!.myBid).toMatchObject({ id: bidId, unitPrice: { amount: SECRET_PRICE }, quantity: SECRET_QUANTITY, note: SECRET_NOTE });
      expect(r.data!.need!.bids.edges.map((e) => e.node.id)).toEqual([bidId]);
      expect(JSON.stringify(r)).not.toContain(RIVAL_PRICE);
    }
  });

  it("errors tell nothing: another's bid id answers exactly like an unknown one, and a rival bids as if alone", async () => {
    const before = await bidRows(needId);
    for (const [who, token] of readers.filter(([, t]) => t)) {
      const theirs = await api(WITHDRAW_BID, { id: bidId }, { token, lang: 'en' });
      const unknown = await api(WITHDRAW_BID, { id: '00000000-0000-4000-8000-000000000000' }, { token, lang: 'en' });
      expect({ who, error: theirs.errors }).toEqual({ who, error: unknown.errors });
      expect(revealed(theirs)).toEqual([]);
    }
    expect(await bidRows(needId)).toEqual(before);
    // A fresh bidder's first bid looks the same whatever others did (no "already bid" for anyone else).
    const late = await verifiedCooperative('HTX Mới đến');
    const first = await api<{ submitBid: BidShape }>(SUBMIT_BID, { input: bidInput(needId) }, { token: late.token });
    expect(first.data!.submitBid).toMatchObject({ revision: 1, status: 'SUBMITTED' });
    expect(revealed(first)).toEqual([]);
  });

  it('anonymous, expired or forged tokens, a MEMBER, the buyer and staff change nothing', async () => {
    const secret = loadConfig().auth.jwtSecret;
    const expired = jwt.sign({ sub: victim.userId, org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED', exp: Math.floor(Date.now() / 1000) - 5 }, secret, { issuer: 'lienket' });
    const forged = jwt.sign({ sub: victim.userId, org: victim.orgId, orole: 'OWNER', ov: 'VERIFIED' }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });
    const member = await memberToken(victim.orgId);
    const before = await bidRows(needId);
    for (const token of [undefined, expired, forged]) {
      for (const call of [
        () => api(SUBMIT_BID, { input: bidInput(needId, { unitPrice: { amount: '1', currency: 'VND' } }) }, { token }),
        () => api(WITHDRAW_BID, { id: bidId }, { token }),
        () => api(MY_BIDS, {}, { token }),
        () => procurement(WITHDRAW_BID, { id: bidId }, token),
      ]) expect(errorCode(await call())).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: member }))).toBe('FORBIDDEN');
    expect(errorCode(await api(WITHDRAW_BID, { id: bidId }, { token: member }))).toBe('FORBIDDEN');
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: buyer.token }))).toBe('FORBIDDEN');
    expect(errorCode(await api(SUBMIT_BID, { input: bidInput(needId) }, { token: readers[3][1] }))).toBe('FORBIDDEN');
    expect(errorCode(await api(WITHDRAW_BID, { id: bidId }, { token: readers[3][1] }))).toBe('FORBIDDEN');
    expect(await bidRows(needId)).toEqual(before);
  });

  it('a dump of the procurement schema, and every row of every procurement table, hold no price, quantity or note', async () => {
    const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--schema=procurement', e2eDatabaseUrl()], { maxBuffer: 256 * 1024 * 1024 });
    expect(stdout).toContain(bidId);
    expect(revealed(stdout)).toEqual([]);
    expect(stdout).not.toContain(RIVAL_PRICE);
    const tables = await rows<{ t: string }>(`SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables WHERE schemaname = 'procurement'`);
    expect(tables.map((t) => t.t)).toEqual(expect.arrayContaining(['procurement.bids', 'procurement.bid_revisions', 'procurement.bid_opening_lines']));
    for (const { t } of tables) {
      const all = await rows(`SELECT * FROM ${t}`);
      expect({ t, leaked: revealed(all) }).toEqual({ t, leaked: [] });
    }
    // Nor anything another service keeps: events, audit entries, notifications.
    const elsewhere = await rows(`SELECT (SELECT json_agg(o) FROM catalog.outbox o)::text AS a, (SELECT json_agg(l) FROM catalog.audit_log l)::text AS b,
                                         (SELECT json_agg(n) FROM matching.notifications n)::text AS c`);
    expect(revealed(elsewhere)).toEqual([]);
  });

  it("a sealed row moved onto another bid does not open as the other's content", async () => {
    const [rivalRow] = await rows<{ bid_id: string }>(`SELECT r.bid_id FROM procurement.bid_revisions r JOIN procurement.bids b ON b.id = r.bid_id WHERE b.supplier_org_id = $1 AND b.need_id = $2`, [rival.orgId, needId]);
    await rows(`UPDATE procurement.bid_revisions SET sealed = (SELECT sealed FROM procurement.bid_revisions WHERE bid_id = $1 AND revision = 1) WHERE bid_id = $2 AND revision = 1`, [bidId, rivalRow.bid_id]);
    const r = await api(NEED_BIDS, { id: needId }, { token: rival.token, lang: 'en' });
    expect(errorCode(r)).toBe('INTERNAL_SERVER_ERROR');
    expect(revealed(r)).toEqual([]);
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|decipher|auth tag|at \w+ \(/i);
  });
});

describe('after the deadline', () => {
  it('the buyer (members included) sees every bid, each bidder only its own, staff, outsiders and anonymous callers none', async () => {
    const buyer = await verifiedBuyer();
    const [a, b, outsider] = await Promise.all(['HTX Mở thầu A', 'HTX Mở thầu B', 'HTX Ngoài cuộc'].map(verifiedCooperative));
    const need = await openNeed(buyer.token, { allowPartial: true, quantity: '100' }, 3);
    expect((await api(SUBMIT_BID, { input: bidInput(need, { unitPrice: { amount: SECRET_PRICE, currency: 'VND' }, quantity: SECRET_QUANTITY, note: SECRET_NOTE }) }, { token: a.token })).errors).toBeUndefined();
    expect((await api(SUBMIT_BID, { input: bidInput(need, { unitPrice: { amount: RIVAL_PRICE, currency: 'VND' } }) }, { token: b.token })).errors).toBeUndefined();
    await deadlinePassed(need);
    const read = async (token?: string) => (await api<NeedBids>(NEED_BIDS, { id: need }, { token })).data!.need!;
    for (const token of [buyer.token, await memberToken(buyer.orgId)]) {
      const seen = await read(token);
      expect(seen.bids.edges.map((e) => e.node.unitPrice.amount).sort()).toEqual([RIVAL_PRICE, SECRET_PRICE].sort());
      expect(seen.bids.edges.find((e) => e.node.supplier.id === a.orgId)?.node).toMatchObject({ quantity: SECRET_QUANTITY, note: SECRET_NOTE });
    }
    expect((await read(b.token)).bids.edges.map((e) => e.node.unitPrice.amount)).toEqual([RIVAL_PRICE]);
    for (const token of [outsider.token, await adminToken(), undefined]) {
      const seen = await read(token);
      expect(seen.bids).toEqual({ totalCount: 0, edges: [] });
      expect(revealed(seen)).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(RIVAL_PRICE);
    }
  });
});

import { errorCode } from '@lienket/testing';
import { adminToken, api, cooperative, rows } from '../support/e2e';
import { day, procurementFacts } from '../support/needs';
import { memberToken } from '../support/uploads';
import { eventually } from '../support/wait';
import {
  BID_FIELDS, bidInput, bidRows, BidShape, deadlinePassed, NEED_BIDS, openNeed, Party, setDeadline, SUBMIT_BID,
  verifiedBuyer, verifiedCooperative, WITHDRAW_BID,
} from '../support/bids';

// Sealed bids through the gateway: submit, revise, withdraw, the deadline, what each party reads,
// and bad input that writes nothing. Needs are opened with SQL (standing in for moderation).

jest.setTimeout(120_000);

type NeedBids = { need: { id: string; status: string; bidCount: number; myBid: BidShape | null; bids: { totalCount: number; edges: { node: BidShape }[] } } };
const MY_BIDS = `query M($first: Int, $after: String) { myBids(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${BID_FIELDS} need { id title status } } } } }`;

const submit = (token: string, input: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') => api<{ submitBid: BidShape }>(SUBMIT_BID, { input }, { token, lang });
const needBids = async (id: string, token?: string) => {
  const r = await api<NeedBids>(NEED_BIDS, { id }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.need;
};

describe('submitBid, revisions and withdrawBid', () => {
  let buyer: Party;
  let coop: Party;
  let needId: string;
  beforeAll(async () => {
    buyer = await verifiedBuyer();
    coop = await verifiedCooperative('HTX Cà phê Ea Tu');
    needId = await openNeed(buyer.token);
  });

  it('a first bid creates revision 1; a second call revises it and keeps the first version', async () => {
    const first = await submit(coop.token, bidInput(needId, { note: 'Giao tại kho Thủ Đức' }));
    expect(first.errors).toBeUndefined();
    expect(first.data!.submitBid).toMatchObject({
      status: 'SUBMITTED', revision: 1, quantity: '25.5', unitPrice: { amount: '48500000', currency: 'VND' },
      deliveryDate: day(30), note: 'Giao tại kho Thủ Đức', supplier: { id: coop.orgId },
    });
    const second = await submit(coop.token, bidInput(needId, { unitPrice: { amount: '47900000', currency: 'VND' }, deliveryDate: day(35) }));
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitBid).toMatchObject({ id: first.data!.submitBid.id, revision: 2, unitPrice: { amount: '47900000' }, deliveryDate: day(35), note: null });
    const versions = await rows<{ revision: number }>(`SELECT revision FROM procurement.bid_revisions WHERE bid_id = $1 ORDER BY revision`, [first.data!.submitBid.id]);
    expect(versions.map((v) => v.revision)).toEqual([1, 2]);

    const seen = await needBids(needId, coop.token);
    expect(seen.bidCount).toBe(1);
    expect(seen.myBid).toEqual(second.data!.submitBid);
    expect(seen.bids.totalCount).toBe(1);
    expect(seen.bids.edges.map((e) => e.node)).toEqual([second.data!.submitBid]);
    // The supplier is the catalog's Organization, through the gateway.
    const named = await api<{ need: { myBid: { supplier: { id: string; name: string } } } }>(`query N($id: ID!) { need(id: $id) { myBid { supplier { id name } } } }`, { id: needId }, { token: coop.token });
    expect(named.data?.need.myBid.supplier).toEqual({ id: coop.orgId, name: 'HTX Cà phê Ea Tu' });
    // The count is public to whoever sees the need; nothing else is.
    const anonymous = await needBids(needId);
    expect(anonymous).toMatchObject({ bidCount: 1, myBid: null, bids: { totalCount: 0, edges: [] } });
  });

  it("lists the cooperative's bids with their need under myBids, page by page", async () => {
    const other = await openNeed(buyer.token, { title: 'Cà phê Arabica Cầu Đất' });
    const b = await submit(coop.token, bidInput(other));
    expect(b.errors).toBeUndefined();
    const page1 = await api<{ myBids: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: BidShape & { need: { id: string; title: string } } }[] } }>(MY_BIDS, { first: 1 }, { token: coop.token });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.myBids.totalCount).toBeGreaterThanOrEqual(2);
    expect(page1.data!.myBids.edges[0].node).toMatchObject({ id: b.data!.submitBid.id, need: { id: other, title: 'Cà phê Arabica Cầu Đất' } });
    expect(page1.data!.myBids.pageInfo.hasNextPage).toBe(true);
    const page2 = await api<{ myBids: { edges: { node: { id: string; need: { id: string } } }[] } }>(MY_BIDS, { first: 1, after: page1.data!.myBids.pageInfo.endCursor }, { token: coop.token });
    expect(page2.data!.myBids.edges[0].node.need.id).toBe(needId);
  });

  it('withdraws before the deadline; a withdrawn bid cannot be withdrawn again; the organization may bid again', async () => {
    const need = await openNeed(buyer.token);
    const bid = (await submit(coop.token, bidInput(need))).data!.submitBid;
    const w = await api<{ withdrawBid: BidShape }>(WITHDRAW_BID, { id: bid.id }, { token: coop.token });
    expect(w.errors).toBeUndefined();
    expect(w.data!.withdrawBid).toMatchObject({ id: bid.id, status: 'WITHDRAWN', revision: 1 });
    expect(await needBids(need, coop.token)).toMatchObject({ bidCount: 0, myBid: null, bids: { totalCount: 1 } });

    const before = await bidRows(need);
    const again = await api(WITHDRAW_BID, { id: bid.id }, { token: coop.token, lang: 'en' });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already been withdrawn/), extensions: { code: 'CONFLICT' } });
    expect(await bidRows(need)).toEqual(before);

    const rebid = await submit(coop.token, bidInput(need));
    expect(rebid.data!.submitBid).toMatchObject({ status: 'SUBMITTED', revision: 1 });
    expect(rebid.data!.submitBid.id).not.toBe(bid.id);
    expect(await needBids(need, coop.token)).toMatchObject({ bidCount: 1, myBid: { id: rebid.data!.submitBid.id } });
  });

  it('takes a partial quantity only where the need allows it', async () => {
    const partial = await openNeed(buyer.token, { allowPartial: true });
    const r = await submit(coop.token, bidInput(partial, { quantity: '10.25' }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitBid.quantity).toBe('10.25');
  });
});

describe('submitBid refuses, and writes nothing', () => {
  let buyer: Party;
  let coop: Party;
  let needId: string;
  beforeAll(async () => {
    buyer = await verifiedBuyer();
    coop = await verifiedCooperative('HTX Nông nghiệp Cư M\'gar');
    needId = await openNeed(buyer.token);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['a quantity above the need', { quantity: '30' }, 'quantity', /may not exceed the quantity needed \(25\.5\)/],
    ['a partial quantity where the need wants all of it', { quantity: '20' }, 'quantity', /does not take partial bids/],
    ['a zero quantity', { quantity: '0' }, 'quantity', /greater than 0/],
    ['a delivery date before the window', { deliveryDate: day(29) }, 'deliveryDate', /inside the need's delivery window/],
    ['a delivery date after the window', { deliveryDate: day(61) }, 'deliveryDate', /inside the need's delivery window/],
    ['a price of zero', { unitPrice: { amount: '0', currency: 'VND' } }, 'unitPrice.amount', /greater than 0/],
    ['a negative price', { unitPrice: { amount: '-100', currency: 'VND' } }, 'unitPrice.amount', /greater than 0/],
    ['a price in another currency', { unitPrice: { amount: '100', currency: 'USD' } }, 'unitPrice.currency', /VND/],
    ['a note over 1,000 characters', { note: 'x'.repeat(1001) }, 'note', /longer than 1000/],
    ['a note with control characters', { note: 'a\u0000b' }, 'note', /not allowed/],
  ];

  it.each(bad)('%s: BAD_USER_INPUT naming the field', async (_name, over, field, message) => {
    const before = await bidRows(needId);
    const r = await submit(coop.token, bidInput(needId, over), 'en');
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|SELECT|procurement\./);
    expect(await bidRows(needId)).toEqual(before);
  });

  it('a malformed delivery date: BAD_USER_INPUT, nothing written', async () => {
    const before = await bidRows(needId);
    const r = await submit(coop.token, bidInput(needId, { deliveryDate: '2026-13-45' }), 'en');
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(await bidRows(needId)).toEqual(before);
  });

  it('Vietnamese by default', async () => {
    const r = await submit(coop.token, bidInput(needId, { quantity: '30' }));
    expect(r.errors?.[0].message).toBe('Số lượng không được vượt quá số lượng cần mua (25.5).');
  });

  it('after the deadline: DEADLINE_PASSED in both languages, for a first bid, a revision and a withdrawal', async () => {
    const need = await openNeed(buyer.token, {}, 3);
    const live = await submit(coop.token, bidInput(need));
    expect(live.errors).toBeUndefined();
    const late = await verifiedCooperative('HTX Đến muộn');
    await deadlinePassed(need);
    const before = await bidRows(need);
    const vi = await submit(late.token, bidInput(need));
    expect(vi.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Đã hết hạn nhận báo giá/), extensions: { code: 'DEADLINE_PASSED' } });
    const en = await submit(coop.token, bidInput(need, { unitPrice: { amount: '1', currency: 'VND' } }), 'en');
    expect(en.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^The bid deadline of this need has passed/), extensions: { code: 'DEADLINE_PASSED' } });
    expect(errorCode(await api(WITHDRAW_BID, { id: live.data!.submitBid.id }, { token: coop.token }))).toBe('DEADLINE_PASSED');
    expect(await bidRows(need)).toEqual(before);
  });

  it('a CLOSED need is past its deadline even before the clock says so', async () => {
    const need = await openNeed(buyer.token);
    await rows(`UPDATE procurement.needs SET status = 'CLOSED' WHERE id = $1`, [need]);
    const before = await bidRows(need);
    expect(errorCode(await submit(coop.token, bidInput(need)))).toBe('DEADLINE_PASSED');
    expect(await bidRows(need)).toEqual(before);
  });

  it.each(['DRAFT', 'PENDING_REVIEW', 'CANCELLED', 'REJECTED'])('a %s need, an unknown id or one that is not a UUID: NOT_FOUND', async (status) => {
    const need = await openNeed(buyer.token);
    await rows(`UPDATE procurement.needs SET status = $2 WHERE id = $1`, [need, status]);
    const before = await bidRows(need);
    for (const id of [need, '00000000-0000-4000-8000-000000000000', 'khong-phai-uuid']) {
      const r = await submit(coop.token, bidInput(id), 'en');
      expect(r.errors?.[0]).toMatchObject({ message: 'Not found.', extensions: { code: 'NOT_FOUND' } });
    }
    expect(await bidRows(need)).toEqual(before);
  });

  it('the buyer, another enterprise, an unverified or a suspended cooperative, a MEMBER: FORBIDDEN, nothing written', async () => {
    const unverified = await cooperative('HTX Chưa xác minh');
    const enterprise = await cooperative('Công ty TNHH Chế biến Nông sản Khác', { kind: 'ENTERPRISE', verified: true });
    const suspended = await verifiedCooperative('HTX Bị tạm ngừng');
    // Suspended as an admin does it, so procurement's copy learns it too.
    expect((await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Vi phạm điều khoản") { id } }`, { id: suspended.orgId }, { token: await adminToken() })).errors).toBeUndefined();
    await eventually(() => procurementFacts(suspended.orgId), (f) => expect(f?.verification).toBe('SUSPENDED'));
    const suspendedToken = (await api<{ signIn: { accessToken: string } }>(`mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }`,
      { e: (await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE organization_id = $1`, [suspended.orgId]))[0].email, p: 'mat-khau-du-dai-2026' })).data?.signIn.accessToken;
    const member = await memberToken(coop.orgId);
    const before = await bidRows(needId);
    const cases: [string | undefined, RegExp][] = [
      [buyer.token, /posted this need/],
      [enterprise.token, /Only cooperatives bid/],
      [unverified.token, /must be verified before it can bid/],
      [suspendedToken, /suspended, so it cannot bid/],
      [member, /not allowed/],
    ];
    for (const [token, message] of cases) {
      expect(token).toBeDefined();
      const r = await submit(token!, bidInput(needId), 'en');
      expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'FORBIDDEN' } });
    }
    expect(await bidRows(needId)).toEqual(before);
  });
});

describe('after the deadline', () => {
  it('the buyer sees every live bid as opened, each bidder only its own, others none; the opening is fixed once', async () => {
    const buyer = await verifiedBuyer();
    const [a, b, c] = await Promise.all(['HTX Lúa gạo Thoại Sơn', 'HTX Lúa gạo Châu Thành', 'HTX Rút lui'].map(verifiedCooperative));
    const need = await openNeed(buyer.token, { allowPartial: true }, 4);
    expect((await submit(a.token, bidInput(need, { unitPrice: { amount: '51000000', currency: 'VND' }, quantity: '20' }))).errors).toBeUndefined();
    expect((await submit(a.token, bidInput(need, { unitPrice: { amount: '50500000', currency: 'VND' }, quantity: '20' }))).errors).toBeUndefined();
    expect((await submit(b.token, bidInput(need, { unitPrice: { amount: '49900000', currency: 'VND' }, note: 'Có VietGAP' }))).errors).toBeUndefined();
    const gone = (await submit(c.token, bidInput(need))).data!.submitBid;
    expect((await api(WITHDRAW_BID, { id: gone.id }, { token: c.token })).errors).toBeUndefined();
    // Before the deadline the buyer sees the count and nothing else.
    expect(await needBids(need, buyer.token)).toMatchObject({ bidCount: 2, myBid: null, bids: { totalCount: 0, edges: [] } });
    await deadlinePassed(need);

    // Several readers at once: the opening is written exactly once.
    const reads = await Promise.all([buyer.token, buyer.token, buyer.token, a.token, b.token].map((t) => needBids(need, t)));
    const byBuyer = reads[0];
    expect(reads[1]).toEqual(byBuyer);
    expect(byBuyer.bids.totalCount).toBe(2);
    const lines = byBuyer.bids.edges.map((e) => e.node);
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ supplier: { id: a.orgId }, unitPrice: { amount: '50500000', currency: 'VND' }, quantity: '20', revision: 2 }),
      expect.objectContaining({ supplier: { id: b.orgId }, unitPrice: { amount: '49900000', currency: 'VND' }, quantity: '25.5', note: 'Có VietGAP', revision: 1 }),
    ]));
    expect(lines.some((l) => l.supplier.id === c.orgId)).toBe(false);
    expect(reads[3].bids.edges.map((e) => e.node.supplier.id)).toEqual([a.orgId]);
    expect(reads[4].bids.edges.map((e) => e.node.supplier.id)).toEqual([b.orgId]);
    const outsider = await verifiedCooperative('HTX Người ngoài');
    expect((await needBids(need, outsider.token)).bids).toEqual({ totalCount: 0, edges: [] });
    const [openings] = await rows<{ n: number; lines: number }>(
      `SELECT (SELECT count(*)::int FROM procurement.bid_openings WHERE need_id = $1) AS n,
              (SELECT count(*)::int FROM procurement.bid_opening_lines WHERE need_id = $1) AS lines`,
      [need],
    );
    expect(openings).toEqual({ n: 1, lines: 2 });
  });
});

describe('races around the deadline', () => {
  it('200 concurrent bids and revisions from five cooperatives: none accepted after the deadline, none lost, every revision kept', async () => {
    const buyer = await verifiedBuyer();
    const coops = await Promise.all([1, 2, 3, 4, 5].map((i) => verifiedCooperative(`HTX Đua giờ ${i}`)));
    const need = await openNeed(buyer.token, { allowPartial: true }, 60);
    // The deadline a moment ahead, then waves of concurrent bids until one wave lands wholly after it
    // (and at least 200 were sent): driven by the answers, not by timers.
    const deadline = await setDeadline(need, 3);
    const results: { coop: Party; price: string; r: Awaited<ReturnType<typeof submit>> }[] = [];
    for (let wave = 0; ; wave++) {
      const batch = await Promise.all(Array.from({ length: 40 }, async (_, k) => {
        const coop = coops[k % coops.length];
        const price = String(40_000_000 + wave * 40 + k);
        return { coop, price, r: await submit(coop.token, bidInput(need, { unitPrice: { amount: price, currency: 'VND' }, quantity: '1' })) };
      }));
      results.push(...batch);
      if (results.length >= 200 && batch.every((x) => errorCode(x.r) === 'DEADLINE_PASSED')) break;
      if (wave > 100) throw new Error('the deadline never took effect');
    }
    await deadlinePassed(need);
    const accepted = results.filter((x) => !x.r.errors);
    const refused = results.filter((x) => x.r.errors);
    expect(refused.every((x) => errorCode(x.r) === 'DEADLINE_PASSED')).toBe(true);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // None accepted after the deadline: each accepted version was judged before it.
    for (const x of accepted) expect(new Date(x.r.data!.submitBid.submittedAt).getTime()).toBeLessThan(deadline.getTime());

    const stored = await rows<{ supplier_org_id: string; revisions: number[]; live: number }>(
      `SELECT b.supplier_org_id, array_agg(r.revision ORDER BY r.revision) AS revisions,
              count(DISTINCT b.id) FILTER (WHERE b.status <> 'WITHDRAWN')::int AS live
         FROM procurement.bids b JOIN procurement.bid_revisions r ON r.bid_id = b.id
        WHERE b.need_id = $1 GROUP BY b.supplier_org_id`,
      [need],
    );
    const [late] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM procurement.bid_revisions r JOIN procurement.bids b ON b.id = r.bid_id
        WHERE b.need_id = $1 AND r.submitted_at >= $2`,
      [need, deadline],
    );
    expect(late.n).toBe(0);
    for (const coop of coops) {
      const mine = accepted.filter((x) => x.coop === coop);
      const row = stored.find((s) => s.supplier_org_id === coop.orgId);
      if (!mine.length) {
        expect(row).toBeUndefined();
        continue;
      }
      // None lost, every version kept, dense, one live bid.
      expect(row!.live).toBe(1);
      expect(row!.revisions).toEqual(mine.map((_, k) => k + 1));
      expect(mine.map((x) => x.r.data!.submitBid.revision).sort((p, q) => p - q)).toEqual(row!.revisions);
    }
    // The opening holds each cooperative's last accepted version.
    const opened = await needBids(need, buyer.token);
    for (const coop of coops) {
      const mine = accepted.filter((x) => x.coop === coop);
      if (!mine.length) continue;
      const last = mine.reduce((p, q) => (q.r.data!.submitBid.revision > p.r.data!.submitBid.revision ? q : p));
      expect(opened.bids.edges.find((e) => e.node.supplier.id === coop.orgId)?.node).toMatchObject({ unitPrice: { amount: last.price }, revision: mine.length });
    }
  });

  it('concurrent revisions from one cooperative keep a dense revision sequence and one live bid', async () => {
    const buyer = await verifiedBuyer();
    const coop = await verifiedCooperative('HTX Sửa liên tục');
    const need = await openNeed(buyer.token, { allowPartial: true });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(coop.token, bidInput(need, { quantity: String((i % 25) + 1) }))));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.map((r) => r.data!.submitBid.revision).sort((p, q) => p - q)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const [s] = await rows<{ bids: number; revisions: number[] }>(
      `SELECT count(DISTINCT b.id)::int AS bids, array_agg(r.revision ORDER BY r.revision) AS revisions
         FROM procurement.bids b JOIN procurement.bid_revisions r ON r.bid_id = b.id WHERE b.need_id = $1`,
      [need],
    );
    expect(s).toEqual({ bids: 1, revisions: Array.from({ length: 30 }, (_, i) => i + 1) });
  });
});

describe('bidCount on need lists', () => {
  it('counts live bids per need on a page of needs', async () => {
    const buyer = await verifiedBuyer();
    const [a, b] = await Promise.all(['HTX Đếm một', 'HTX Đếm hai'].map(verifiedCooperative));
    const n1 = await openNeed(buyer.token);
    const n2 = await openNeed(buyer.token);
    await submit(a.token, bidInput(n1));
    await submit(b.token, bidInput(n1));
    const gone = (await submit(a.token, bidInput(n2))).data!.submitBid;
    await api(WITHDRAW_BID, { id: gone.id }, { token: a.token });
    const r = await api<{ needs: { edges: { node: { id: string; bidCount: number } }[] } }>(
      `query { needs(first: 50, filter: { mine: true }) { edges { node { id bidCount } } } }`, {}, { token: buyer.token });
    expect(r.errors).toBeUndefined();
    const counts = Object.fromEntries(r.data!.needs.edges.map((e) => [e.node.id, e.node.bidCount]));
    expect(counts).toEqual({ [n1]: 2, [n2]: 0 });
  });
});

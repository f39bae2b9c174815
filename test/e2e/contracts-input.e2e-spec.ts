import { errorCode } from '@lienket/testing';
import { adminToken, api, rows, signInAs } from '../support/e2e';
import { bid, closeNow, closedNeedWithBids, award, AWARD, CLOSE, COMPLETE, decisionRows, DISPUTE, RECEIVE, REORDER, RESOLVE, REVIEW, SEND, SHIP, STATEMENT } from '../support/contracts';
import { openNeed, Party, verifiedBuyer, verifiedCooperative, WITHDRAW_BID } from '../support/bids';
import { day, procurementFacts } from '../support/needs';
import { eventually } from '../support/wait';

// Every refusal of awards and contract steps: the code, the field, the caller's language, and
// nothing written (the need's whole decision footprint compared before and after). Then the races:
// concurrent awards and concurrent confirmations of one receipt, exactly one of each winning.

jest.setTimeout(180_000);

type Gql = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
/** Runs a refused call and checks its error and that nothing about the need changed. */
async function refused(needId: string, call: () => Promise<Gql>, expected: { code: string; field?: string; message?: RegExp; reason?: string }) {
  const before = await decisionRows(needId);
  const r = await call();
  expect(r.errors?.[0]).toMatchObject({
    extensions: { code: expected.code, ...(expected.field ? { field: expected.field } : {}), ...(expected.reason ? { reason: expected.reason } : {}) },
    ...(expected.message ? { message: expect.stringMatching(expected.message) } : {}),
  });
  expect(JSON.stringify(r.errors)).not.toMatch(/stack|SELECT|procurement\.|violates/);
  expect(await decisionRows(needId)).toEqual(before);
}

describe('awardNeed and closeWithoutAward refuse, and write nothing', () => {
  let buyer: Party;
  let a: Party;
  let b: Party;
  let needId: string;
  let bidIds: string[];
  let otherBid: string;
  beforeAll(async () => {
    buyer = await verifiedBuyer();
    [a, b] = [await verifiedCooperative('HTX Lúa gạo Thạnh Phú'), await verifiedCooperative('HTX Lúa gạo Tân Hồng')];
    ({ needId, bidIds } = await closedNeedWithBids(buyer, [[a, { quantity: '20' }], [b, { quantity: '10' }]]));
    otherBid = (await closedNeedWithBids(buyer, [[a, { quantity: '5' }]])).bidIds[0];
  });
  const awardAs = (token: string, awards: unknown[], lang: 'vi' | 'en' = 'en', need = needId) => () => api(AWARD, { needId: need, awards }, { token, lang }) as Promise<Gql>;

  it('before the deadline: CONFLICT with reason DEADLINE_NOT_PASSED, in Vietnamese and English', async () => {
    const early = await openNeed(buyer.token, { allowPartial: true });
    const id = await bid(a, early, { quantity: '5' });
    await refused(early, awardAs(buyer.token, [{ bidId: id, quantity: '5' }], 'en', early), { code: 'CONFLICT', reason: 'DEADLINE_NOT_PASSED', message: /^The bid deadline of this need has not passed yet/ });
    await refused(early, awardAs(buyer.token, [{ bidId: id, quantity: '5' }], 'vi', early), { code: 'CONFLICT', message: /^Chưa hết hạn nhận báo giá/ });
    await refused(early, () => api(CLOSE, { needId: early, reason: 'Hủy' }, { token: buyer.token }), { code: 'CONFLICT', reason: 'DEADLINE_NOT_PASSED' });
  });

  const bad: [string, () => unknown[], string, RegExp][] = [
    ['a quantity above the bid', () => [{ bidId: bidIds[0], quantity: '20.001' }], 'awards.0.quantity', /may not exceed the bid's quantity \(20\)/],
    ['quantities above the need together', () => [{ bidId: bidIds[0], quantity: '20' }, { bidId: bidIds[1], quantity: '5.6' }], 'awards', /together may not exceed the quantity needed \(25\.5\)/],
    ['the same bid twice', () => [{ bidId: bidIds[0], quantity: '1' }, { bidId: bidIds[0], quantity: '1' }], 'awards.1.bidId', /only once/],
    ["another need's bid", () => [{ bidId: otherBid, quantity: '1' }], 'awards.0.bidId', /not a live bid on this need/],
    ['an id that is not a UUID', () => [{ bidId: 'khong-phai-uuid', quantity: '1' }], 'awards.0.bidId', /not a live bid on this need/],
    ['a zero quantity', () => [{ bidId: bidIds[0], quantity: '0' }], 'awards.0.quantity', /greater than 0/],
    ['a quantity with four decimals', () => [{ bidId: bidIds[0], quantity: '1.0001' }], 'awards.0.quantity', /decimal/i],
    ['no awards at all', () => [], 'awards', /at least one bid/],
  ];
  it.each(bad)('%s: BAD_USER_INPUT naming the field', async (_name, awards, field, message) => {
    await refused(needId, awardAs(buyer.token, awards()), { code: 'BAD_USER_INPUT', field, message });
  });

  it('a bid withdrawn before the deadline cannot be awarded', async () => {
    const need = await openNeed(buyer.token, { allowPartial: true });
    const gone = await bid(a, need, { quantity: '5' });
    expect((await api(WITHDRAW_BID, { id: gone }, { token: a.token })).errors).toBeUndefined();
    await closeNow(buyer, need);
    await refused(need, awardAs(buyer.token, [{ bidId: gone, quantity: '5' }], 'en', need), { code: 'BAD_USER_INPUT', field: 'awards.0.bidId' });
  });

  it('a draft need: CONFLICT; an unknown need or another buyer\'s: NOT_FOUND', async () => {
    const draft = await openNeed(buyer.token);
    await rows(`UPDATE procurement.needs SET status = 'DRAFT', bid_deadline = now() - interval '1 minute' WHERE id = $1`, [draft]);
    await refused(draft, awardAs(buyer.token, [{ bidId: bidIds[0], quantity: '1' }], 'en', draft), { code: 'CONFLICT', message: /never published or was cancelled/ });
    const stranger = await verifiedBuyer('Công ty Lạ');
    await refused(needId, awardAs(stranger.token, [{ bidId: bidIds[0], quantity: '1' }]), { code: 'NOT_FOUND' });
    await refused(needId, awardAs(buyer.token, [{ bidId: bidIds[0], quantity: '1' }], 'en', '00000000-0000-4000-8000-000000000000'), { code: 'NOT_FOUND' });
  });

  it('a suspended buyer decides nothing: FORBIDDEN', async () => {
    const suspended = await verifiedBuyer('Công ty Bị tạm ngừng');
    const n = await closedNeedWithBids(suspended, [[a, { quantity: '1' }]]);
    // Suspended as an admin does it, so procurement learns it too (its copy decides the public list).
    const suspension = await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Vi phạm điều khoản") { id } }`, { id: suspended.orgId }, { token: await adminToken() });
    expect(suspension.errors).toBeUndefined();
    await eventually(() => procurementFacts(suspended.orgId), (f) => expect(f?.verification).toBe('SUSPENDED'));
    const [{ email }] = await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE organization_id = $1`, [suspended.orgId]);
    const token = (await signInAs(email, 'mat-khau-du-dai-2026')).accessToken;
    await refused(n.needId, awardAs(token, [{ bidId: n.bidIds[0], quantity: '1' }], 'en', n.needId), { code: 'FORBIDDEN', message: /suspended/ });
    await refused(n.needId, () => api(CLOSE, { needId: n.needId, reason: 'Đóng' }, { token }), { code: 'FORBIDDEN' });
  });

  it('a supplier suspended since it bid is not awarded: CONFLICT on that bid', async () => {
    const late = await verifiedCooperative('HTX Gạo Bị tạm ngừng');
    const n = await closedNeedWithBids(buyer, [[a, { quantity: '3' }], [late, { quantity: '3' }]]);
    const admin = await adminToken();
    expect((await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Gian lận chứng nhận") { id } }`, { id: late.orgId }, { token: admin })).errors).toBeUndefined();
    await eventually(() => rows(`SELECT verification FROM procurement.organizations WHERE id = $1`, [late.orgId]), (r) => expect(r).toEqual([{ verification: 'SUSPENDED' }]));
    await refused(n.needId, awardAs(buyer.token, [{ bidId: n.bidIds[0], quantity: '3' }, { bidId: n.bidIds[1], quantity: '3' }], 'en', n.needId), { code: 'CONFLICT', field: 'awards.1.bidId', message: /currently suspended/ });
    expect((await api(AWARD, { needId: n.needId, awards: [{ bidId: n.bidIds[0], quantity: '3' }] }, { token: buyer.token })).errors).toBeUndefined();
  });

  it('closeWithoutAward: an empty or too long reason is BAD_USER_INPUT', async () => {
    for (const [reason, message] of [['   ', /Please enter reason/], ['x'.repeat(1001), /longer than 1000/]] as const) {
      await refused(needId, () => api(CLOSE, { needId, reason }, { token: buyer.token, lang: 'en' }), { code: 'BAD_USER_INPUT', field: 'reason', message });
    }
  });

  it('a second decision: CONFLICT for a second award and for a close after it', async () => {
    await award(buyer, needId, [{ bidId: bidIds[0], quantity: '20' }]);
    await refused(needId, awardAs(buyer.token, [{ bidId: bidIds[1], quantity: '5' }]), { code: 'CONFLICT', message: /already been awarded or closed/ });
    await refused(needId, () => api(CLOSE, { needId, reason: 'Đổi ý' }, { token: buyer.token }), { code: 'CONFLICT' });
  });
});

describe('contract steps refuse, and write nothing', () => {
  let buyer: Party;
  let coop: Party;
  let admin: string;
  let needId: string;
  let contractId: string;
  beforeAll(async () => {
    buyer = await verifiedBuyer();
    coop = await verifiedCooperative('HTX Hồ tiêu Chư Sê');
    admin = await adminToken();
    const n = await closedNeedWithBids(buyer, [[coop, { quantity: '10', deliveryDate: day(30) }]]);
    needId = n.needId;
    contractId = (await award(buyer, needId, [{ bidId: n.bidIds[0], quantity: '10' }]))[0].id;
  });
  const as = (token: string, q: string, v: Record<string, unknown>) => () => api(q, v, { token, lang: 'en' }) as Promise<Gql>;

  it('before any shipment: completing, reviewing, reordering and resolving are CONFLICT', async () => {
    await refused(needId, as(buyer.token, COMPLETE, { id: contractId }), { code: 'CONFLICT', message: /at least one shipment/ });
    await refused(needId, as(buyer.token, REVIEW, { id: contractId, rating: 5 }), { code: 'CONFLICT', message: /only after it is completed/ });
    await refused(needId, as(buyer.token, REORDER, { id: contractId }), { code: 'CONFLICT', message: /Only a completed contract/ });
    await refused(needId, as(admin, RESOLVE, { id: contractId, resolution: 'x', outcome: 'RESUME' }), { code: 'CONFLICT', message: /no open dispute/ });
  });

  it('shipments: bad quantities and notes are BAD_USER_INPUT; the buyer may not ship (FORBIDDEN)', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ id: contractId, q: '0' }, 'quantity', /greater than 0/],
      [{ id: contractId, q: '10.001' }, 'quantity', /exceeds what is left of the contract \(10\)/],
      [{ id: contractId, q: '1', note: 'x'.repeat(1001) }, 'note', /longer than 1000/],
    ];
    for (const [v, field, message] of cases) await refused(needId, as(coop.token, SHIP, v), { code: 'BAD_USER_INPUT', field, message });
    await refused(needId, as(buyer.token, SHIP, { id: contractId, q: '1' }), { code: 'FORBIDDEN', message: /other party/ });
  });

  it('receipts: above shipped or negative is BAD_USER_INPUT; the supplier may not confirm; a second confirmation is CONFLICT', async () => {
    const s = (await api<{ recordShipment: { id: string } }>(SHIP, { id: contractId, q: '6' }, { token: coop.token })).data!.recordShipment;
    await refused(needId, as(buyer.token, RECEIVE, { id: s.id, q: '6.5' }), { code: 'BAD_USER_INPUT', field: 'acceptedQuantity', message: /may not exceed the quantity shipped \(6\)/ });
    await refused(needId, as(buyer.token, RECEIVE, { id: s.id, q: '-1' }), { code: 'BAD_USER_INPUT', field: 'acceptedQuantity' });
    await refused(needId, as(coop.token, RECEIVE, { id: s.id, q: '6' }), { code: 'FORBIDDEN' });
    await refused(needId, as(buyer.token, COMPLETE, { id: contractId }), { code: 'CONFLICT', message: /every receipt confirmed/ });
    expect((await api(RECEIVE, { id: s.id, q: '0' }, { token: buyer.token })).errors).toBeUndefined();
    await refused(needId, as(buyer.token, RECEIVE, { id: s.id, q: '6' }), { code: 'CONFLICT', message: /already been confirmed/ });
  });

  it('disputes: an empty reason is BAD_USER_INPUT; the opener may not give the statement; only the admin resolves; a cancelled contract takes nothing', async () => {
    await refused(needId, as(coop.token, DISPUTE, { id: contractId, reason: ' ' }), { code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await api(DISPUTE, { id: contractId, reason: 'Bên mua từ chối cả lô' }, { token: coop.token })).errors).toBeUndefined();
    await refused(needId, as(coop.token, STATEMENT, { id: contractId, text: 'Thêm' }), { code: 'CONFLICT' });
    await refused(needId, as(coop.token, DISPUTE, { id: contractId, reason: 'Lần hai' }), { code: 'CONFLICT', message: /active or delivering/ });
    await refused(needId, as(buyer.token, RESOLVE, { id: contractId, resolution: 'Tự xử', outcome: 'CANCEL' }), { code: 'FORBIDDEN' });
    await refused(needId, as(admin, RESOLVE, { id: contractId, resolution: ' ', outcome: 'CANCEL' }), { code: 'BAD_USER_INPUT', field: 'resolution' });
    expect((await api(RESOLVE, { id: contractId, resolution: 'Hủy hợp đồng theo thỏa thuận', outcome: 'CANCEL' }, { token: admin })).data).toMatchObject({ resolveDispute: { status: 'CANCELLED' } });
    await refused(needId, as(coop.token, SHIP, { id: contractId, q: '1' }), { code: 'CONFLICT', message: /disputed, cancelled or completed/ });
    await refused(needId, as(buyer.token, DISPUTE, { id: contractId, reason: 'Lại' }), { code: 'CONFLICT' });
  });

  it('messages: an empty or too long body is BAD_USER_INPUT', async () => {
    await refused(needId, as(buyer.token, SEND, { id: contractId, body: '' }), { code: 'BAD_USER_INPUT', field: 'body' });
    await refused(needId, as(buyer.token, SEND, { id: contractId, body: 'x'.repeat(2001) }), { code: 'BAD_USER_INPUT', field: 'body', message: /longer than 2000/ });
  });

  it('reviews: a rating out of 1–5 or a long comment is BAD_USER_INPUT; a second review is CONFLICT', async () => {
    const n = await closedNeedWithBids(buyer, [[coop, { quantity: '1' }]]);
    const [k] = await award(buyer, n.needId, [{ bidId: n.bidIds[0], quantity: '1' }]);
    const s = (await api<{ recordShipment: { id: string } }>(SHIP, { id: k.id, q: '1' }, { token: coop.token })).data!.recordShipment;
    await api(RECEIVE, { id: s.id, q: '1' }, { token: buyer.token });
    expect((await api(COMPLETE, { id: k.id }, { token: buyer.token })).errors).toBeUndefined();
    for (const [v, field] of [[{ rating: 0 }, 'rating'], [{ rating: 6 }, 'rating'], [{ rating: 5, comment: 'x'.repeat(1001) }, 'comment']] as const) {
      await refused(n.needId, as(buyer.token, REVIEW, { id: k.id, ...v }), { code: 'BAD_USER_INPUT', field });
    }
    expect((await api(REVIEW, { id: k.id, rating: 5 }, { token: buyer.token })).errors).toBeUndefined();
    await refused(n.needId, as(buyer.token, REVIEW, { id: k.id, rating: 1 }), { code: 'CONFLICT', message: /already reviewed/ });
    await refused(n.needId, as(coop.token, SHIP, { id: k.id, q: '1' }), { code: 'CONFLICT' });
  });
});

describe('races', () => {
  it('concurrent awards of one need: exactly one succeeds, the rest CONFLICT, one set of contracts', async () => {
    const buyer = await verifiedBuyer();
    const coops = [await verifiedCooperative('HTX Điều Bình Phước'), await verifiedCooperative('HTX Điều Đồng Nai')];
    const { needId, bidIds } = await closedNeedWithBids(buyer, coops.map((c) => [c, { quantity: '12' }] as [Party, Record<string, unknown>]));
    const splits = Array.from({ length: 10 }, (_, i) => (i % 2 ? [{ bidId: bidIds[0], quantity: '12' }] : [{ bidId: bidIds[0], quantity: '6' }, { bidId: bidIds[1], quantity: '6' }]));
    const answers = await Promise.all(splits.map((awards) => api<{ awardNeed: { id: string }[] }>(AWARD, { needId, awards }, { token: buyer.token })));
    const won = answers.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.errors).map(errorCode)).toEqual(Array(9).fill('CONFLICT'));
    const state = (await decisionRows(needId)) as { contracts: { id: string }[]; need: { status: string } };
    expect(state.need.status).toBe('AWARDED');
    expect(state.contracts.map((c) => c.id).sort()).toEqual(won[0].data!.awardNeed.map((c) => c.id).sort());
  });

  it('an award racing a close without award: exactly one decision', async () => {
    const buyer = await verifiedBuyer();
    const coop = await verifiedCooperative('HTX Sầu riêng Cai Lậy');
    const { needId, bidIds } = await closedNeedWithBids(buyer, [[coop, { quantity: '25.5' }]]);
    const answers = await Promise.all([
      api(AWARD, { needId, awards: [{ bidId: bidIds[0], quantity: '25.5' }] }, { token: buyer.token }),
      api(CLOSE, { needId, reason: 'Không cần nữa' }, { token: buyer.token }),
      api(AWARD, { needId, awards: [{ bidId: bidIds[0], quantity: '1' }] }, { token: buyer.token }),
      api(CLOSE, { needId, reason: 'Không cần nữa' }, { token: buyer.token }),
    ]);
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('concurrent shipments never pass the contract: 3 of 5 lots of 3 t fit a 10 t contract', async () => {
    const buyer = await verifiedBuyer();
    const coop = await verifiedCooperative('HTX Cà phê Đắk Hà');
    const n = await closedNeedWithBids(buyer, [[coop, { quantity: '10' }]]);
    const [k] = await award(buyer, n.needId, [{ bidId: n.bidIds[0], quantity: '10' }]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => api(SHIP, { id: k.id, q: '3' }, { token: coop.token })));
    expect(answers.filter((r) => !r.errors)).toHaveLength(3);
    expect(answers.filter((r) => r.errors).map(errorCode)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    const state = (await decisionRows(n.needId)) as { shipments: unknown[] };
    expect(state.shipments).toHaveLength(3);
  });

  it('a need the deadline job already CLOSED is awarded like one still OPEN past its deadline', async () => {
    const buyer = await verifiedBuyer();
    const coop = await verifiedCooperative('HTX Cà phê Sơn La');
    const n = await closedNeedWithBids(buyer, [[coop, { quantity: '25.5' }]]);
    await rows(`UPDATE procurement.needs SET status = 'CLOSED' WHERE id = $1`, [n.needId]);
    const [k] = await award(buyer, n.needId, [{ bidId: n.bidIds[0], quantity: '25.5' }]);
    expect(k.need.status).toBe('AWARDED');
  });

  it('concurrent confirmations of one shipment: exactly one wins, the rest CONFLICT, its quantity kept', async () => {
    const buyer = await verifiedBuyer();
    const coop = await verifiedCooperative('HTX Thanh long Hàm Thuận');
    const n = await closedNeedWithBids(buyer, [[coop, { quantity: '10' }]]);
    const [k] = await award(buyer, n.needId, [{ bidId: n.bidIds[0], quantity: '10' }]);
    const s = (await api<{ recordShipment: { id: string } }>(SHIP, { id: k.id, q: '10' }, { token: coop.token })).data!.recordShipment;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => api<{ confirmReceipt: { acceptedQuantity: string } }>(RECEIVE, { id: s.id, q: String(i) }, { token: buyer.token })));
    const won = answers.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.errors).map(errorCode)).toEqual(Array(9).fill('CONFLICT'));
    const state = (await decisionRows(n.needId)) as { shipments: { accepted_quantity: number }[] };
    expect(String(state.shipments[0].accepted_quantity)).toBe(won[0].data!.confirmReceipt.acceptedQuantity);
  });
});

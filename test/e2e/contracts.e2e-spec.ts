import { adminToken, api, noticesOf } from '../support/e2e';
import { day } from '../support/needs';
import { Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import {
  award, closedNeedWithBids, CLOSE, COMPLETE, CONTRACT, ContractShape, DISPUTE, MESSAGES, MY_CONTRACTS, RECEIVE, RELIABILITY, REORDER,
  RESOLVE, REVIEW, SEND, SHIP, STATEMENT,
} from '../support/contracts';
import { eventually } from '../support/wait';

// The whole story through the gateway: two enterprises, three cooperatives and the admin. Bids,
// a split award with debriefs, contracts through shipments, receipts and completion, reviews and the
// track record they build, a reorder, a dispute resolved, the message thread, a close without award,
// and the notices each party gets from the worker.

jest.setTimeout(180_000);

const ok = async <T>(p: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> => {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data!;
};

describe('a need from bids to reviews, reorder and the track record', () => {
  let buyer: Party;
  let otherBuyer: Party;
  let a: Party;
  let b: Party;
  let c: Party;
  let admin: string;
  let needId: string;
  let bidIds: string[];
  let contracts: ContractShape[];

  beforeAll(async () => {
    [buyer, otherBuyer] = [await verifiedBuyer('Công ty CP Thực phẩm Sài Gòn'), await verifiedBuyer('Công ty TNHH Xuất khẩu Mê Kông')];
    [a, b, c] = [await verifiedCooperative('HTX Cà phê Ea Tu'), await verifiedCooperative('HTX Cà phê Cầu Đất'), await verifiedCooperative('HTX Cà phê Krông Pắk')];
    admin = await adminToken();
    ({ needId, bidIds } = await closedNeedWithBids(buyer, [
      [a, { quantity: '15', unitPrice: { amount: '48500000', currency: 'VND' }, deliveryDate: day(30) }],
      [b, { quantity: '12.5', unitPrice: { amount: '47900000', currency: 'VND' }, deliveryDate: day(35) }],
      [c, { quantity: '25.5', unitPrice: { amount: '51000000', currency: 'VND' }, deliveryDate: day(32) }],
    ]));
  });

  it('awards split quantities: one ACTIVE contract per winner, totals exact in đồng, bids and need decided', async () => {
    contracts = await award(buyer, needId, [{ bidId: bidIds[0], quantity: '13.25' }, { bidId: bidIds[1], quantity: '12.25' }]);
    expect(contracts).toMatchObject([
      { status: 'ACTIVE', quantity: '13.25', unitPrice: { amount: '48500000', currency: 'VND' }, total: { amount: '642625000', currency: 'VND' },
        promisedDate: day(30), buyer: { id: buyer.orgId }, supplier: { id: a.orgId }, need: { id: needId, status: 'AWARDED' }, payments: [] },
      { status: 'ACTIVE', quantity: '12.25', total: { amount: '586775000', currency: 'VND' }, promisedDate: day(35), supplier: { id: b.orgId } },
    ]);
    const need = await ok(api<{ need: { status: string; contracts: { id: string }[]; bids: { edges: { node: { id: string; status: string } }[] } } }>(
      `query N($id: ID!) { need(id: $id) { status contracts { id } bids(first: 10) { edges { node { id status } } } } }`, { id: needId }, { token: buyer.token }));
    expect(need.need.status).toBe('AWARDED');
    expect(need.need.contracts.map((x) => x.id).sort()).toEqual(contracts.map((x) => x.id).sort());
    expect(Object.fromEntries(need.need.bids.edges.map((e) => [e.node.id, e.node.status]))).toEqual({ [bidIds[0]]: 'AWARDED', [bidIds[1]]: 'AWARDED', [bidIds[2]]: 'NOT_AWARDED' });
  });

  it('the losing bidder reads its debrief: ranks and gaps, no other identity or price; winners see their own contract only', async () => {
    const seen = await ok(api<{ need: { myBid: { status: string; debrief: unknown }; contracts: unknown[] } }>(
      `query N($id: ID!) { need(id: $id) { myBid { status debrief { priceRank priceGapPercent deliveryRank deliveryGapDays awardedCount totalBids } } contracts { id } } }`,
      { id: needId }, { token: c.token }));
    // 51,000,000 against the lowest awarded 47,900,000 is 6.47% → 6; day 32 against day 30 is 2 days.
    expect(seen.need).toEqual({ myBid: { status: 'NOT_AWARDED', debrief: { priceRank: 3, priceGapPercent: 6, deliveryRank: 2, deliveryGapDays: 2, awardedCount: 2, totalBids: 3 } }, contracts: [] });
    const winner = await ok(api<{ need: { myBid: { debrief: unknown }; contracts: { id: string }[] } }>(
      `query N($id: ID!) { need(id: $id) { myBid { debrief { priceRank } } contracts { id } } }`, { id: needId }, { token: a.token }));
    expect(winner.need).toEqual({ myBid: { debrief: null }, contracts: [{ id: contracts[0].id }] });
    const told = await eventually(() => noticesOf(c.orgId, 'bid.not_awarded'), (n) => expect(n).toHaveLength(1));
    expect(told[0].body).toMatch(/xếp thứ 3 \(chênh 6%/);
    expect(told[0].body).not.toMatch(/48500000|47900000|Ea Tu|Cầu Đất/);
    await eventually(() => noticesOf(a.orgId, 'need.awarded'), (n) => expect(n[0]?.link).toBe(`/hop-dong/${contracts[0].id}`));
  });

  it('ships, confirms, completes, reviews both ways, and the track record follows', async () => {
    const id = contracts[0].id;
    const s1 = (await ok(api<{ recordShipment: { id: string; onTime: boolean } }>(SHIP, { id, q: '10', note: 'Xe 1' }, { token: a.token }))).recordShipment;
    expect(s1.onTime).toBe(true);
    const s2 = (await ok(api<{ recordShipment: { id: string } }>(SHIP, { id, q: '3.25' }, { token: a.token }))).recordShipment;
    await eventually(() => noticesOf(buyer.orgId, 'shipment.recorded'), (n) => expect(n).toHaveLength(2));
    expect((await ok(api<{ confirmReceipt: unknown }>(RECEIVE, { id: s1.id, q: '9.5', note: 'Ẩm 0,5 t' }, { token: buyer.token }))).confirmReceipt)
      .toMatchObject({ quantity: '10', acceptedQuantity: '9.5', receiptNote: 'Ẩm 0,5 t' });
    await ok(api(RECEIVE, { id: s2.id, q: '3.25' }, { token: buyer.token }));
    expect((await ok(api<{ completeContract: unknown }>(COMPLETE, { id }, { token: buyer.token }))).completeContract).toEqual({ id, status: 'COMPLETED' });
    await ok(api(REVIEW, { id, rating: 4, comment: 'Giao đúng hẹn' }, { token: buyer.token }));
    const both = await ok(api<{ reviewContract: { reviews: unknown[] } }>(REVIEW, { id, rating: 5 }, { token: a.token }));
    expect(both.reviewContract.reviews).toEqual([
      { reviewer: { id: buyer.orgId }, rating: 4, comment: 'Giao đúng hẹn' },
      { reviewer: { id: a.orgId }, rating: 5, comment: null },
    ]);
    const coop = await ok(api<{ organization: { reliability: Record<string, number> } }>(RELIABILITY, { id: a.orgId }));
    expect(coop.organization.reliability).toEqual({ completedContracts: 1, onTimeRate: 1, fillRate: 12.75 / 13.25, averageRating: 4, repeatBuyers: 0, receiptPunctuality: null });
    const ent = await ok(api<{ organization: { reliability: Record<string, number> } }>(RELIABILITY, { id: buyer.orgId }, { token: buyer.token }));
    expect(ent.organization.reliability).toEqual({ completedContracts: 1, onTimeRate: null, fillRate: null, averageRating: 5, repeatBuyers: 0, receiptPunctuality: 1 });
    // A contract that is not completed adds nothing.
    const pending = await ok(api<{ organization: { reliability: { completedContracts: number } } }>(RELIABILITY, { id: b.orgId }));
    expect(pending.organization.reliability.completedContracts).toBe(0);
    await eventually(() => noticesOf(a.orgId, 'review.received'), (n) => expect(n[0]?.title).toMatch(/4\/5/));
  });

  it('reorders a completed contract into a draft that invites the same supplier, dates shifted and valid', async () => {
    const r = await ok(api<{ reorder: { id: string; status: string; title: string; quantity: string; deliveryFrom: string; bidDeadline: string; invitedSuppliers: { id: string }[] } }>(
      REORDER, { id: contracts[0].id }, { token: buyer.token }));
    expect(r.reorder).toMatchObject({ status: 'DRAFT', visibility: 'INVITED', title: 'Cà phê Robusta nhân xô loại 1', quantity: '25.5', invitedSuppliers: [{ id: a.orgId }] });
    expect(new Date(r.reorder.bidDeadline).getTime()).toBeGreaterThan(Date.now());
    expect(r.reorder.deliveryFrom >= day(30)).toBe(true);
    // Nobody but the buyer sees whom it invited.
    const asSupplier = await api<{ need: unknown }>(`query N($id: ID!) { need(id: $id) { id } }`, { id: r.reorder.id }, { token: a.token });
    expect(asSupplier.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a dispute freezes the contract; the other side states its case; the admin resumes it; both sides are told', async () => {
    const id = contracts[1].id;
    const s = (await ok(api<{ recordShipment: { id: string } }>(SHIP, { id, q: '5' }, { token: b.token }))).recordShipment;
    expect((await ok(api<{ openDispute: unknown }>(DISPUTE, { id, reason: 'Hàng bị ẩm, độ ẩm 14%' }, { token: buyer.token }))).openDispute).toEqual({ id, status: 'DISPUTED' });
    for (const [q, v, t] of [[SHIP, { id, q: '1' }, b.token], [RECEIVE, { id: s.id, q: '5' }, buyer.token], [COMPLETE, { id }, buyer.token]] as const) {
      expect((await api(q, v, { token: t })).errors?.[0].extensions?.code).toBe('CONFLICT');
    }
    await ok(api(STATEMENT, { id, text: 'Hàng đạt 12,5% khi xuất kho, có biên bản' }, { token: b.token }));
    const resolved = await ok(api<{ resolveDispute: unknown }>(RESOLVE, { id, resolution: 'Hai bên kiểm định lại; tiếp tục giao', outcome: 'RESUME' }, { token: admin }));
    expect(resolved.resolveDispute).toEqual({ id, status: 'DELIVERING', dispute: { resolution: 'Hai bên kiểm định lại; tiếp tục giao', outcome: 'RESUME' } });
    const seen = await ok(api<{ contract: ContractShape & { buyer: { name: string }; supplier: { name: string } } }>(CONTRACT, { id }, { token: admin }));
    // The parties come from catalog through the gateway, the track record from procurement.
    expect([seen.contract.buyer.name, seen.contract.supplier]).toEqual(['Công ty CP Thực phẩm Sài Gòn', { id: b.orgId, name: 'HTX Cà phê Cầu Đất', reliability: { completedContracts: 0 } }]);
    expect(seen.contract.dispute).toEqual({ reason: 'Hàng bị ẩm, độ ẩm 14%', statement: 'Hàng đạt 12,5% khi xuất kho, có biên bản', resolution: 'Hai bên kiểm định lại; tiếp tục giao', outcome: 'RESUME', openedBy: { id: buyer.orgId } });
    await eventually(() => noticesOf(b.orgId, 'dispute.opened'), (n) => expect(n).toHaveLength(1));
    for (const org of [buyer.orgId, b.orgId]) await eventually(() => noticesOf(org, 'dispute.resolved'), (n) => expect(n).toHaveLength(1));
    await ok(api(RECEIVE, { id: s.id, q: '5' }, { token: buyer.token }));
  });

  it('the parties message each other and the other side is told', async () => {
    const id = contracts[1].id;
    await ok(api(SEND, { id, body: 'Thứ Hai giao lô 2 tại kho Thủ Đức được không?' }, { token: buyer.token }));
    await ok(api(SEND, { id, body: 'Được, 7 giờ sáng.' }, { token: b.token }));
    const thread = await ok(api<{ contractMessages: unknown[] }>(MESSAGES, { id }, { token: b.token }));
    expect(thread.contractMessages).toMatchObject([{ body: 'Thứ Hai giao lô 2 tại kho Thủ Đức được không?', sender: { id: buyer.orgId } }, { body: 'Được, 7 giờ sáng.', sender: { id: b.orgId } }]);
    await eventually(() => noticesOf(b.orgId, 'contract.message'), (n) => expect(n[0]?.body).toBe('Thứ Hai giao lô 2 tại kho Thủ Đức được không?'));
  });

  it('myContracts lists each side its own, newest first, page by page; the other enterprise reads none of them', async () => {
    expect((await ok(api<{ myContracts: { id: string }[] }>(MY_CONTRACTS, {}, { token: a.token }))).myContracts.map((x) => x.id)).toEqual([contracts[0].id]);
    const first = (await ok(api<{ myContracts: { id: string }[] }>(MY_CONTRACTS, { first: 1 }, { token: buyer.token }))).myContracts;
    const second = (await ok(api<{ myContracts: { id: string }[] }>(MY_CONTRACTS, { first: 1, after: first[0].id }, { token: buyer.token }))).myContracts;
    expect([...first, ...second].map((x) => x.id).sort()).toEqual(contracts.map((x) => x.id).sort());
    expect((await ok(api<{ myContracts: unknown[] }>(MY_CONTRACTS, {}, { token: otherBuyer.token }))).myContracts).toEqual([]);
    expect((await api(CONTRACT, { id: contracts[0].id }, { token: otherBuyer.token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a second completed contract with the same buyer makes it a repeat buyer', async () => {
    const next = await closedNeedWithBids(buyer, [[a, { quantity: '2', unitPrice: { amount: '49000000', currency: 'VND' }, deliveryDate: day(31) }]]);
    const [k] = await award(buyer, next.needId, [{ bidId: next.bidIds[0], quantity: '2' }]);
    const s = (await ok(api<{ recordShipment: { id: string } }>(SHIP, { id: k.id, q: '2' }, { token: a.token }))).recordShipment;
    await ok(api(RECEIVE, { id: s.id, q: '2' }, { token: buyer.token }));
    await ok(api(COMPLETE, { id: k.id }, { token: buyer.token }));
    const coop = await ok(api<{ organization: { reliability: Record<string, number> } }>(RELIABILITY, { id: a.orgId }));
    expect(coop.organization.reliability).toMatchObject({ completedContracts: 2, repeatBuyers: 1, fillRate: 14.75 / 15.25, onTimeRate: 1 });
  });

  it('the other enterprise closes its need without award: bids NOT_AWARDED, the need CANCELLED, every bidder reads the reason', async () => {
    const other = await closedNeedWithBids(otherBuyer, [[b, { quantity: '25.5' }], [c, { quantity: '20' }]]);
    const reason = 'Ngân sách quý này bị cắt, sẽ đăng lại vào quý sau';
    expect((await ok(api<{ closeWithoutAward: unknown }>(CLOSE, { needId: other.needId, reason }, { token: otherBuyer.token }))).closeWithoutAward)
      .toEqual({ id: other.needId, status: 'CANCELLED', closingReason: reason });
    for (const coop of [b, c]) {
      const mine = await ok(api<{ myBids: { edges: { node: { status: string; debrief: unknown; need: { id: string; status: string; closingReason: string } } }[] } }>(
        `query { myBids(first: 50) { edges { node { status debrief { priceRank } need { id status closingReason } } } } }`, {}, { token: coop.token }));
      expect(mine.myBids.edges.map((e) => e.node).find((n) => n.need.id === other.needId)).toEqual({ status: 'NOT_AWARDED', debrief: null, need: { id: other.needId, status: 'CANCELLED', closingReason: reason } });
      await eventually(() => noticesOf(coop.orgId, 'bid.not_awarded'), (n) => expect(n.some((x) => x.body.includes(reason))).toBe(true));
    }
  });

  it('rounds a fractional total half up to whole đồng', async () => {
    const next = await closedNeedWithBids(buyer, [[c, { quantity: '1', unitPrice: { amount: '48500001', currency: 'VND' }, deliveryDate: day(31) }]]);
    const [k] = await award(buyer, next.needId, [{ bidId: next.bidIds[0], quantity: '0.5' }]);
    expect(k.total.amount).toBe('24250001');
  });
});

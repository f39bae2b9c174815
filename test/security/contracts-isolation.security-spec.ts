import { errorCode, gql } from '@lienket/testing';
import { adminToken, api } from '../support/e2e';
import { Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { unauthenticatedTokens } from '../support/sessions';
import { memberToken } from '../support/uploads';
import {
  award, closedNeedWithBids, AWARD, CLOSE, COMPLETE, CONTRACT, decisionRows, DISPUTE, MESSAGES, MY_CONTRACTS, RECEIVE, REORDER, RESOLVE, REVIEW,
  SEND, SHIP, STATEMENT,
} from '../support/contracts';

// Every award and contract query and mutation, walked as anonymous, a forged token, another
// organization's owner, a MEMBER of each party, the parties' owners in the wrong role and the
// platform admin: who gets what, and that every refused call leaves every row of both needs (their
// decisions, contracts, shipments, disputes, reviews, messages, reorders and outbox events) as it was.

jest.setTimeout(180_000);

const procurement = (query: string, variables: Record<string, unknown>, token?: string) => gql(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });

describe('awards and contracts answer only their parties (and staff where said)', () => {
  let buyer: Party;
  let supplier: Party;
  let stranger: Party;
  let strangerCoop: Party;
  let tokens: Record<string, string | undefined>;
  let undecided: string;
  let undecidedBid: string;
  let delivering: { needId: string; contractId: string; shipmentId: string };
  let completed: { needId: string; contractId: string };

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Nạn nhân');
    supplier = await verifiedCooperative('HTX Nạn nhân');
    stranger = await verifiedBuyer('Công ty Kẻ lạ');
    strangerCoop = await verifiedCooperative('HTX Kẻ lạ');
    tokens = {
      ...unauthenticatedTokens(buyer),
      stranger: stranger.token,
      strangerCoop: strangerCoop.token,
      buyerMember: await memberToken(buyer.orgId),
      supplierMember: await memberToken(supplier.orgId),
      buyer: buyer.token,
      supplier: supplier.token,
      admin: await adminToken(),
    };
    const u = await closedNeedWithBids(buyer, [[supplier, { quantity: '25.5' }]]);
    [undecided, undecidedBid] = [u.needId, u.bidIds[0]];
    const d = await closedNeedWithBids(buyer, [[supplier, { quantity: '10' }]]);
    const [dc] = await award(buyer, d.needId, [{ bidId: d.bidIds[0], quantity: '10' }]);
    const s = await api<{ recordShipment: { id: string } }>(SHIP, { id: dc.id, q: '4' }, { token: supplier.token });
    delivering = { needId: d.needId, contractId: dc.id, shipmentId: s.data!.recordShipment.id };
    await api(SEND, { id: dc.id, body: 'Bí mật giao hàng' }, { token: buyer.token });
    const c = await closedNeedWithBids(buyer, [[supplier, { quantity: '2' }]]);
    const [cc] = await award(buyer, c.needId, [{ bidId: c.bidIds[0], quantity: '2' }]);
    const cs = await api<{ recordShipment: { id: string } }>(SHIP, { id: cc.id, q: '2' }, { token: supplier.token });
    await api(RECEIVE, { id: cs.data!.recordShipment.id, q: '2' }, { token: buyer.token });
    expect((await api(COMPLETE, { id: cc.id }, { token: buyer.token })).errors).toBeUndefined();
    completed = { needId: c.needId, contractId: cc.id };
  });

  const snapshot = async () => JSON.stringify(await Promise.all([undecided, delivering.needId, completed.needId].map(decisionRows)));

  type Row = [string, () => [string, Record<string, unknown>], Record<string, string>];
  const UNAUTH = { anonymous: 'UNAUTHENTICATED', forged: 'UNAUTHENTICATED', expired: 'UNAUTHENTICATED' };
  const mutations: Row[] = [
    ['awardNeed', () => [AWARD, { needId: undecided, awards: [{ bidId: undecidedBid, quantity: '1' }] }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', supplier: 'NOT_FOUND', admin: 'FORBIDDEN' }],
    ['closeWithoutAward', () => [CLOSE, { needId: undecided, reason: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', supplier: 'NOT_FOUND', admin: 'FORBIDDEN' }],
    ['recordShipment', () => [SHIP, { id: delivering.contractId, q: '1' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', buyer: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['confirmReceipt', () => [RECEIVE, { id: delivering.shipmentId, q: '1' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', supplier: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['completeContract', () => [COMPLETE, { id: delivering.contractId }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', supplier: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['openDispute', () => [DISPUTE, { id: delivering.contractId, reason: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['disputeStatement', () => [STATEMENT, { id: delivering.contractId, text: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', buyer: 'CONFLICT', supplier: 'CONFLICT', admin: 'FORBIDDEN' }],
    ['resolveDispute', () => [RESOLVE, { id: delivering.contractId, resolution: 'Phá', outcome: 'CANCEL' }],
      { ...UNAUTH, stranger: 'FORBIDDEN', strangerCoop: 'FORBIDDEN', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', buyer: 'FORBIDDEN', supplier: 'FORBIDDEN', admin: 'CONFLICT' }],
    ['reviewContract', () => [REVIEW, { id: completed.contractId, rating: 1 }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['sendContractMessage', () => [SEND, { id: delivering.contractId, body: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', admin: 'FORBIDDEN' }],
    ['reorder', () => [REORDER, { id: completed.contractId }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN', supplier: 'FORBIDDEN', admin: 'FORBIDDEN' }],
  ];

  it.each(mutations)('%s: refused with the right code for everyone but its own actor, nothing written', async (_name, call, expected) => {
    const [query, variables] = call();
    const before = await snapshot();
    for (const [who, code] of Object.entries(expected)) {
      const r = await api(query, variables, { token: tokens[who] });
      expect([who, errorCode(r)]).toEqual([who, code]);
      expect(JSON.stringify(r)).not.toMatch(/Bí mật giao hàng|stack|SELECT/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('the subgraph itself answers the same to another organization and to a forged token', async () => {
    const before = await snapshot();
    expect(errorCode(await procurement(SHIP, { id: delivering.contractId, q: '1' }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await procurement(SHIP, { id: delivering.contractId, q: '1' }, tokens.forged))).toBe('UNAUTHENTICATED');
    expect(errorCode(await procurement(`query C($id: ID!) { contract(id: $id) { id total { amount } } }`, { id: delivering.contractId }, stranger.token))).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });

  it('contract(id): both parties (members included) and the admin read it; anyone else NOT_FOUND, the same as an unknown id', async () => {
    for (const who of ['buyer', 'buyerMember', 'supplier', 'supplierMember', 'admin']) {
      const r = await api<{ contract: { id: string } }>(CONTRACT, { id: delivering.contractId }, { token: tokens[who] });
      expect([who, r.errors, r.data?.contract.id]).toEqual([who, undefined, delivering.contractId]);
    }
    for (const who of ['anonymous', 'stranger', 'strangerCoop']) {
      const r = await api<{ contract: unknown }>(CONTRACT, { id: delivering.contractId }, { token: tokens[who] });
      expect([who, errorCode(r), r.data?.contract ?? null]).toEqual([who, 'NOT_FOUND', null]);
    }
    for (const token of [tokens.forged, tokens.expired]) expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain(errorCode(await api(CONTRACT, { id: delivering.contractId }, { token })));
    expect(errorCode(await api(CONTRACT, { id: '00000000-0000-4000-8000-000000000000' }, { token: stranger.token }))).toBe('NOT_FOUND');
  });

  it("myContracts: each organization its own (members included), others none; anonymous UNAUTHENTICATED", async () => {
    const ids = async (who: string) => (await api<{ myContracts: { id: string }[] }>(MY_CONTRACTS, {}, { token: tokens[who] })).data?.myContracts.map((c) => c.id).sort();
    const both = [delivering.contractId, completed.contractId].sort();
    for (const who of ['buyer', 'buyerMember', 'supplier', 'supplierMember']) expect([who, await ids(who)]).toEqual([who, both]);
    for (const who of ['stranger', 'strangerCoop']) expect([who, await ids(who)]).toEqual([who, []]);
    for (const who of ['anonymous', 'forged']) expect(errorCode(await api(MY_CONTRACTS, {}, { token: tokens[who] }))).toBe('UNAUTHENTICATED');
  });

  it('ProcurementNeed.contracts: the buyer, the supplier and staff; anyone else an empty list', async () => {
    const q = `query N($id: ID!) { need(id: $id) { contracts { id } } }`;
    for (const who of ['buyer', 'buyerMember', 'supplier', 'admin']) {
      expect([who, (await api<{ need: { contracts: { id: string }[] } }>(q, { id: delivering.needId }, { token: tokens[who] })).data?.need.contracts]).toEqual([who, [{ id: delivering.contractId }]]);
    }
    for (const who of ['anonymous', 'stranger', 'strangerCoop']) {
      expect([who, (await api<{ need: { contracts: unknown[] } }>(q, { id: delivering.needId }, { token: tokens[who] })).data?.need.contracts]).toEqual([who, []]);
    }
  });

  it('contractMessages: the two parties only; staff and strangers never read the thread', async () => {
    for (const who of ['buyer', 'buyerMember', 'supplier', 'supplierMember']) {
      const r = await api<{ contractMessages: { body: string }[] }>(MESSAGES, { id: delivering.contractId }, { token: tokens[who] });
      expect([who, r.data?.contractMessages.map((m) => m.body)]).toEqual([who, ['Bí mật giao hàng']]);
    }
    const field = `query C($id: ID!) { contract(id: $id) { messages { body } } }`;
    expect((await api<{ contract: { messages: unknown[] } }>(field, { id: delivering.contractId }, { token: tokens.supplierMember })).data?.contract.messages).toEqual([{ body: 'Bí mật giao hàng' }]);
    expect((await api<{ contract: { messages: unknown[] } }>(field, { id: delivering.contractId }, { token: tokens.admin })).data?.contract.messages).toEqual([]);
    for (const [who, code] of [['stranger', 'NOT_FOUND'], ['strangerCoop', 'NOT_FOUND'], ['admin', 'FORBIDDEN'], ['anonymous', 'UNAUTHENTICATED']]) {
      const r = await api(MESSAGES, { id: delivering.contractId }, { token: tokens[who] });
      expect([who, errorCode(r)]).toEqual([who, code]);
      expect(JSON.stringify(r)).not.toContain('Bí mật giao hàng');
    }
  });

  it('a debrief reaches only its own bidder: the buyer reading the losing bid sees none', async () => {
    const n = await closedNeedWithBids(buyer, [[supplier, { quantity: '20' }], [strangerCoop, { quantity: '25.5', unitPrice: { amount: '50000000', currency: 'VND' } }]]);
    await award(buyer, n.needId, [{ bidId: n.bidIds[0], quantity: '20' }]);
    const q = `query N($id: ID!) { need(id: $id) { bids(first: 10) { edges { node { id status debrief { priceRank } } } } } }`;
    const asBuyer = await api<{ need: { bids: { edges: { node: { id: string; debrief: unknown } }[] } } }>(q, { id: n.needId }, { token: buyer.token });
    expect(asBuyer.data!.need.bids.edges.map((e) => e.node.debrief)).toEqual([null, null]);
    const asLoser = await api<{ need: { bids: { edges: { node: { debrief: { priceRank: number } } }[] } } }>(q, { id: n.needId }, { token: strangerCoop.token });
    expect(asLoser.data!.need.bids.edges.map((e) => e.node.debrief)).toEqual([{ priceRank: 2 }]);
    const asWinner = await api<{ need: { bids: { edges: { node: { debrief: unknown } }[] } } }>(q, { id: n.needId }, { token: supplier.token });
    expect(asWinner.data!.need.bids.edges.map((e) => e.node.debrief)).toEqual([null]);
  });
});

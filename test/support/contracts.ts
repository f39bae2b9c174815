import { api, rows } from './e2e';
import { bidInput, openNeed, Party, setDeadline, SUBMIT_BID } from './bids';

// Awards and contracts through the gateway: a need opened with SQL (standing in for moderation),
// bids submitted before its deadline, then the deadline moved into the past with SQL (the server's
// clock judges it, and waiting two seconds for a real one adds nothing here).

export const CONTRACT_FIELDS = `id status quantity promisedDate unitPrice { amount currency } total { amount currency }
  buyer { id name } supplier { id name reliability { completedContracts } } need { id status } payments { id }
  shipments { id quantity acceptedQuantity receivedAt onTime note receiptNote }
  reviews { reviewer { id } reviewee { id } rating comment }
  dispute { reason statement resolution outcome openedBy { id } }`;
/** What an award answers: the contracts without their (still empty) lists. */
export const AWARDED_FIELDS = `id status quantity promisedDate unitPrice { amount currency } total { amount currency } buyer { id } supplier { id } need { id status } payments { id }`;
export const AWARD = `mutation A($needId: ID!, $awards: [AwardInput!]!) { awardNeed(needId: $needId, awards: $awards) { ${AWARDED_FIELDS} } }`;
export const CLOSE = `mutation C($needId: ID!, $reason: String!) { closeWithoutAward(needId: $needId, reason: $reason) { id status closingReason } }`;
export const CONTRACT = `query C($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } }`;
export const SHIP = `mutation S($id: ID!, $q: Decimal!, $note: String) { recordShipment(contractId: $id, quantity: $q, note: $note) { id quantity onTime note acceptedQuantity } }`;
export const RECEIVE = `mutation R($id: ID!, $q: Decimal!, $note: String) { confirmReceipt(shipmentId: $id, acceptedQuantity: $q, note: $note) { id quantity acceptedQuantity receivedAt receiptNote } }`;
export const COMPLETE = `mutation C($id: ID!) { completeContract(contractId: $id) { id status } }`;
export const REVIEW = `mutation R($id: ID!, $rating: Int!, $comment: String) { reviewContract(contractId: $id, rating: $rating, comment: $comment) { id reviews { reviewer { id } rating comment } } }`;
export const DISPUTE = `mutation D($id: ID!, $reason: String!) { openDispute(contractId: $id, reason: $reason) { id status } }`;
export const STATEMENT = `mutation S($id: ID!, $text: String!) { disputeStatement(contractId: $id, text: $text) { id status } }`;
export const RESOLVE = `mutation R($id: ID!, $resolution: String!, $outcome: DisputeOutcome!) { resolveDispute(contractId: $id, resolution: $resolution, outcome: $outcome) { id status dispute { resolution outcome } } }`;
export const SEND = `mutation M($id: ID!, $body: String!) { sendContractMessage(contractId: $id, body: $body) { id body sender { id } } }`;
export const MESSAGES = `query M($id: ID!) { contractMessages(contractId: $id) { id body sender { id } } }`;
export const REORDER = `mutation R($id: ID!) { reorder(contractId: $id) { id status visibility title quantity deliveryFrom deliveryTo bidDeadline invitedSuppliers { id } } }`;
export const MY_CONTRACTS = `query M($first: Int, $after: String) { myContracts(first: $first, after: $after) { id status supplier { id } buyer { id } } }`;
export const DISPUTED = `query D($first: Int, $after: String) { disputedContracts(first: $first, after: $after) { id status buyer { id } supplier { id } dispute { reason openedBy { id } } } }`;
export const RELIABILITY = `query O($id: ID!) { organization(id: $id) { id reliability { completedContracts onTimeRate fillRate averageRating repeatBuyers receiptPunctuality } } }`;

export interface ContractShape {
  id: string;
  status: string;
  quantity: string;
  promisedDate: string;
  unitPrice: { amount: string; currency: string };
  total: { amount: string; currency: string };
  buyer: { id: string };
  supplier: { id: string };
  need: { id: string; status: string };
  payments: unknown[];
  shipments: { id: string; quantity: string; acceptedQuantity: string | null; receivedAt: string | null; onTime: boolean; note: string | null; receiptNote: string | null }[];
  reviews: { reviewer: { id: string }; reviewee: { id: string }; rating: number; comment: string | null }[];
  dispute: { reason: string; statement: string | null; resolution: string | null; outcome: string | null; openedBy: { id: string } } | null;
}

/** Submits a bid and returns its id (failing loudly otherwise). */
export async function bid(coop: Party, needId: string, over: Record<string, unknown>): Promise<string> {
  const r = await api<{ submitBid: { id: string } }>(SUBMIT_BID, { input: bidInput(needId, over) }, { token: coop.token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.submitBid.id;
}

/**
 * Moves the need's deadline into the past and has its buyer read it, which closes it now: no later
 * read (another test's list, say) flips it in the middle of a test that compares its rows before and
 * after a refused call.
 */
export async function closeNow(buyer: Party, needId: string): Promise<void> {
  await setDeadline(needId, -1);
  const read = await api<{ need: { status: string } }>(`query N($id: ID!) { need(id: $id) { status } }`, { id: needId }, { token: buyer.token });
  if (read.data?.need.status !== 'CLOSED') throw new Error(`need ${needId} did not close: ${JSON.stringify(read)}`);
}

/** An OPEN need (partial bids allowed) with the given bids, then closed by its deadline (closeNow). */
export async function closedNeedWithBids(buyer: Party, bids: [Party, Record<string, unknown>][], over: Record<string, unknown> = {}) {
  const needId = await openNeed(buyer.token, { allowPartial: true, ...over });
  const bidIds: string[] = [];
  for (const [coop, b] of bids) bidIds.push(await bid(coop, needId, b));
  await closeNow(buyer, needId);
  return { needId, bidIds };
}

/** Awards and returns the contracts (failing loudly otherwise). */
export async function award(buyer: Party, needId: string, awards: { bidId: string; quantity: string }[]): Promise<ContractShape[]> {
  const r = await api<{ awardNeed: ContractShape[] }>(AWARD, { needId, awards }, { token: buyer.token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.awardNeed;
}

/** An ACTIVE contract for `quantity` between the two (a closed need with one bid, awarded whole). */
export async function activeContract(buyer: Party, supplier: Party, quantity = '10', over: Record<string, unknown> = {}): Promise<ContractShape> {
  const { needId, bidIds } = await closedNeedWithBids(buyer, [[supplier, { quantity }]], over);
  const [contract] = await award(buyer, needId, [{ bidId: bidIds[0], quantity }]);
  return contract;
}

/** An ACTIVE contract frozen by a dispute `opener` opened with `reason`; returns the contract's id. */
export async function disputedContract(buyer: Party, supplier: Party, reason: string, opener: Party = buyer): Promise<string> {
  const { id } = await activeContract(buyer, supplier);
  const r = await api(DISPUTE, { id, reason }, { token: opener.token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return id;
}

/** Every row about a need's decision and its contracts, to compare before and after a refused call. */
export async function decisionRows(needId: string): Promise<unknown> {
  const [r] = await rows<{ f: unknown }>(
    `WITH c AS (SELECT id FROM procurement.contracts WHERE need_id = $1)
     SELECT json_build_object(
       'need', (SELECT row_to_json(n) FROM procurement.needs n WHERE n.id = $1),
       'bids', (SELECT json_agg(json_build_object('id', b.id, 'status', b.status) ORDER BY b.id) FROM procurement.bids b WHERE b.need_id = $1),
       'award', (SELECT row_to_json(a) FROM procurement.awards a WHERE a.need_id = $1),
       'contracts', (SELECT json_agg(k ORDER BY k.id) FROM procurement.contracts k WHERE k.need_id = $1),
       'shipments', (SELECT json_agg(s ORDER BY s.id) FROM procurement.shipments s WHERE s.contract_id IN (SELECT id FROM c)),
       'disputes', (SELECT json_agg(d ORDER BY d.id) FROM procurement.disputes d WHERE d.contract_id IN (SELECT id FROM c)),
       'reviews', (SELECT json_agg(r ORDER BY r.contract_id, r.reviewer_org_id) FROM procurement.contract_reviews r WHERE r.contract_id IN (SELECT id FROM c)),
       'messages', (SELECT json_agg(m ORDER BY m.id) FROM procurement.contract_messages m WHERE m.contract_id IN (SELECT id FROM c)),
       'reorders', (SELECT json_agg(n ORDER BY n.id) FROM procurement.needs n WHERE n.reordered_from_contract_id IN (SELECT id FROM c)),
       'outbox', (SELECT json_agg(json_build_object('id', o.id, 'type', o.event_type) ORDER BY o.id) FROM procurement.outbox o WHERE o.payload ->> 'needId' = $1::text)
     ) AS f`,
    [needId],
  );
  return r.f;
}

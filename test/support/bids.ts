import { api, cooperative, rows, signInAs } from './e2e';
import { needInput } from './needs';
import { waitFor } from './wait';

// Sealed bids through the gateway. Needs are put into OPEN with SQL here: this stands in for
// submission and moderation (built separately) until they exist, and nothing else does it.

export const BID_FIELDS = `id status revision submittedAt quantity deliveryDate note unitPrice { amount currency } supplier { id }`;
export const SUBMIT_BID = `mutation B($input: BidInput!) { submitBid(input: $input) { ${BID_FIELDS} } }`;
export const WITHDRAW_BID = `mutation W($id: ID!) { withdrawBid(id: $id) { ${BID_FIELDS} } }`;
export const NEED_BIDS = `query N($id: ID!) { need(id: $id) { id status bidCount myBid { ${BID_FIELDS} } bids(first: 100) { totalCount edges { node { ${BID_FIELDS} } } } } }`;

export interface Party {
  token: string;
  orgId: string;
  userId: string;
  name: string;
  /** The owner's sign-in, for browser tests. */
  email: string;
  password: string;
}
export interface BidShape {
  id: string;
  status: string;
  revision: number;
  submittedAt: string;
  quantity: string;
  deliveryDate: string;
  note: string | null;
  unitPrice: { amount: string; currency: string };
  supplier: { id: string };
}

/** A cooperative verified by the admin, signed in again so that its token says VERIFIED. */
export async function verifiedCooperative(name: string): Promise<Party> {
  return verifiedCooperativeIn(name);
}

/** The same, in a given province (its code among the 34). */
export async function verifiedCooperativeIn(name: string, provinceCode?: string): Promise<Party> {
  const c = await cooperative(name, { verified: true, provinceCode });
  return { token: (await signInAs(c.email, c.password)).accessToken, orgId: c.orgId, userId: c.userId, name, email: c.email, password: c.password };
}

/** A buyer (ENTERPRISE) verified by the admin and known as such to procurement (its needs are public only then). */
export async function verifiedBuyer(name = 'Công ty CP Thu mua Nông sản Sài Gòn'): Promise<Party> {
  const b = await cooperative(name, { kind: 'ENTERPRISE', provinceCode: '79', verified: true });
  return { token: (await signInAs(b.email, b.password)).accessToken, orgId: b.orgId, userId: b.userId, name, email: b.email, password: b.password };
}

/**
 * A need created through the gateway and put into OPEN with SQL — standing in for submission and
 * moderation. `deadlineInSeconds` moves the deadline close (in SQL too, by the database's clock).
 */
export async function openNeed(buyerToken: string, over: Record<string, unknown> = {}, deadlineInSeconds?: number): Promise<string> {
  const r = await api<{ createNeed: { id: string } }>(`mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`, { input: needInput(over) }, { token: buyerToken });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const id = r.data!.createNeed.id;
  await rows(`UPDATE procurement.needs SET status = 'OPEN' WHERE id = $1`, [id]);
  if (deadlineInSeconds !== undefined) await setDeadline(id, deadlineInSeconds);
  return id;
}

/** Moves a need's deadline to `seconds` from now (negative: already passed); returns it. */
export async function setDeadline(needId: string, seconds: number): Promise<Date> {
  const [r] = await rows<{ d: Date }>(`UPDATE procurement.needs SET bid_deadline = now() + make_interval(secs => $2) WHERE id = $1 RETURNING bid_deadline AS d`, [needId, seconds]);
  return new Date(r.d);
}

/** Waits until the server's clock (the database's, on this machine) has passed the need's deadline. */
export async function deadlinePassed(needId: string): Promise<void> {
  await waitFor('the bid deadline to pass', async () => {
    const [r] = await rows<{ past: boolean }>(`SELECT bid_deadline < now() AS past FROM procurement.needs WHERE id = $1`, [needId]);
    return r.past;
  }, { timeoutMs: 60_000 });
}

/** A valid bid on the need's default quantity (25.5 t) and window, with `over` on top. */
export const bidInput = (needId: string, over: Record<string, unknown> = {}) => ({
  needId,
  unitPrice: { amount: '48500000', currency: 'VND' },
  quantity: '25.5',
  deliveryDate: needInput().deliveryFrom,
  note: null,
  ...over,
});

/** Every row of every bid table about a need, to compare before and after a refused call. */
export async function bidRows(needId: string): Promise<unknown> {
  const [r] = await rows<{ f: unknown }>(
    `SELECT json_build_object(
       'bids', (SELECT json_agg(b ORDER BY b.id) FROM procurement.bids b WHERE b.need_id = $1),
       'revisions', (SELECT json_agg(json_build_object('bid', r.bid_id, 'rev', r.revision, 'at', r.submitted_at, 'sealed', encode(r.sealed, 'hex')) ORDER BY r.bid_id, r.revision)
                       FROM procurement.bid_revisions r JOIN procurement.bids b ON b.id = r.bid_id WHERE b.need_id = $1),
       'openings', (SELECT json_agg(o) FROM procurement.bid_openings o WHERE o.need_id = $1),
       'lines', (SELECT json_agg(l ORDER BY l.bid_id) FROM procurement.bid_opening_lines l WHERE l.need_id = $1),
       'need', (SELECT row_to_json(n) FROM procurement.needs n WHERE n.id = $1)
     ) AS f`,
    [needId],
  );
  return r.f;
}

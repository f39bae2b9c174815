import { Queue } from 'bullmq';
import { PROCUREMENT_QUEUE, redisConnection } from '@lienket/queue';
import { errorCode, signUpInput, SIGN_UP } from '@lienket/testing';
import { adminToken, api, rows } from './e2e';
import { eventually } from './wait';

export const inDays = (d: number) => new Date(Date.now() + d * 86400_000);
export const day = (d: number) => inDays(d).toISOString().slice(0, 10);

/** A valid need (VND price, delivery in 30–60 days, bids for 20), with `over` on top. */
export const needInput = (over: Record<string, unknown> = {}) => ({
  title: 'Cà phê Robusta nhân xô loại 1',
  categoryCode: '0901',
  quantity: '25.5',
  unitCode: 'TNE',
  targetUnitPrice: { amount: '125000000000', currency: 'VND' },
  deliveryProvinceCode: '79',
  deliveryFrom: day(30),
  deliveryTo: day(60),
  requiredCertifications: ['VietGAP', 'VietGAP'],
  bidDeadline: inDays(20).toISOString(),
  ...over,
});

/**
 * STANDS IN FOR MODERATION: opens a need by SQL, as a moderator's approval will once submitNeed
 * and the NEED moderation queue exist (issue 10); browser tests of the public pages need an OPEN
 * need before then. Replace its callers with submit + approve when those are served.
 * `deadlineInSeconds` moves the bid deadline that close (for a countdown that ends in the test).
 */
export async function openNeedBySql(id: string, o: { deadlineInSeconds?: number } = {}): Promise<void> {
  const opened = await rows<{ id: string }>(
    `UPDATE procurement.needs
        SET status = 'OPEN',
            bid_deadline = CASE WHEN $2::int IS NULL THEN bid_deadline ELSE now() + make_interval(secs => $2::int) END
      WHERE id = $1 AND status = 'DRAFT' RETURNING id`,
    [id, o.deadlineInSeconds ?? null],
  );
  if (opened.length !== 1) throw new Error(`need ${id} is not a draft to open`);
}
// ---- The need lifecycle (submit, moderation, trusted buyers, deadline): buyers procurement knows.


export const NEED_FIELDS = `id status bidDeadline closedAt rejectionReason cancellationReason title buyer { id }`;
export type LifecycleNeed = { id: string; status: string; bidDeadline: string; closedAt: string | null; rejectionReason: string | null; cancellationReason: string | null; title: string };
const CREATE = `mutation C($input: NeedInput!) { createNeed(input: $input) { ${NEED_FIELDS} } }`;
export const SUBMIT = `mutation S($id: ID!) { submitNeed(id: $id) { ${NEED_FIELDS} } }`;
export const CANCEL = `mutation X($id: ID!, $reason: String!) { cancelNeed(id: $id, reason: $reason) { ${NEED_FIELDS} } }`;
export const READ = `query N($id: ID!) { need(id: $id) { ${NEED_FIELDS} } }`;
export const DECIDE = `mutation M($id: ID!, $decision: ModerationDecision!, $reason: String) {
  moderate(subject: NEED, subjectId: $id, decision: $decision, reason: $reason) { id subject subjectId summary } }`;
export const TRUST = `mutation T($id: ID!, $trusted: Boolean!) { setTrustedBuyer(organizationId: $id, trusted: $trusted) { id } }`;

/** What procurement's copy says of an organization (null before its first event arrived). */
export const procurementFacts = async (orgId: string) =>
  (await rows<{ verification: string; trusted_buyer: boolean }>(`SELECT verification, trusted_buyer FROM procurement.organizations WHERE id = $1`, [orgId]))[0] ?? null;

/**
 * An enterprise signed up through the gateway, verified (and trusted) by the admin as asked, and
 * known to procurement as such (its events arrived). The token is the one from sign-up, issued
 * before any decision: procurement must judge by what is true now.
 */
export async function buyer(o: { verified?: boolean; trusted?: boolean; name?: string } = {}) {
  const input = signUpInput({ kind: 'ENTERPRISE', name: o.name ?? 'Công ty CP Thu mua Nông sản Việt', provinceCode: '79' });
  const r = await api<{ signUp: { accessToken: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, { input });
  const b = { token: r.data!.signUp.accessToken, userId: r.data!.signUp.user.id, orgId: r.data!.signUp.user.organization.id, email: input.email, password: input.password };
  const admin = await adminToken();
  if (o.verified) {
    const v = await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, { id: b.orgId }, { token: admin });
    expect(v.errors).toBeUndefined();
  }
  if (o.trusted) expect((await api(TRUST, { id: b.orgId, trusted: true }, { token: admin })).errors).toBeUndefined();
  await eventually(() => procurementFacts(b.orgId), (f) => expect(f).toEqual({ verification: o.verified ? 'VERIFIED' : 'PENDING_VERIFICATION', trusted_buyer: !!o.trusted }));
  return b;
}

/** A draft need of the buyer (the default input, `over` on top). */
export async function draftNeed(token: string, over: Record<string, unknown> = {}): Promise<LifecycleNeed> {
  const r = await api<{ createNeed: LifecycleNeed }>(CREATE, { input: needInput(over) }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.createNeed;
}

/** A draft submitted; returns the need as submitNeed answered it. */
export async function submittedNeed(token: string, over: Record<string, unknown> = {}): Promise<LifecycleNeed> {
  const { id } = await draftNeed(token, over);
  const r = await api<{ submitNeed: LifecycleNeed }>(SUBMIT, { id }, { token });
  expect(errorCode(r)).toBeUndefined();
  return r.data!.submitNeed;
}

/** The stored need, every column, to compare before and after a refused call. */
export const needRow = async (id: string) => (await rows(`SELECT * FROM procurement.needs WHERE id = $1`, [id]))[0];
/** Every row a need call could write: the need and the procurement outbox's events about it. */
export const needTrace = async (id: string) =>
  JSON.stringify({ need: await needRow(id), events: await rows(`SELECT event_type, payload FROM procurement.outbox WHERE payload->>'needId' = $1 ORDER BY id`, [id]) });

// ---- Amendments of an open need: deadline extensions and clarifications.

export const EXTEND = `mutation E($id: ID!, $at: DateTime!) { extendNeedDeadline(needId: $id, bidDeadline: $at) { id status bidDeadline deadlineHistory { previousDeadline newDeadline } } }`;
export const CLARIFY = `mutation C($id: ID!, $text: String!) { publishClarification(needId: $id, text: $text) { id text publishedAt } }`;
export const AMENDMENTS = `query A($id: ID!) { need(id: $id) { id status bidDeadline clarifications { id text publishedAt } deadlineHistory { id previousDeadline newDeadline changedAt } } }`;

/** needTrace and the need's amendments: everything an amendment call could write. */
export const amendmentTrace = async (id: string) =>
  JSON.stringify({ trace: await needTrace(id), amendments: await rows(`SELECT * FROM procurement.need_amendments WHERE need_id = $1 ORDER BY published_at, id`, [id]) });

/** Works with procurement's queue of this e2e run (where the needs' deadline jobs wait). */
export async function withProcurementQueue<T>(work: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = new Queue(PROCUREMENT_QUEUE, { connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0'), prefix: process.env.E2E_PREFIX });
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

/** The state of a need's deadline job for one deadline ('missing' when there is none). */
export const deadlineJobState = (needId: string, deadline: string) =>
  withProcurementQueue(async (q) => (await q.getJob(`need-deadline:${needId}:${Date.parse(deadline)}`))?.getState() ?? 'missing');

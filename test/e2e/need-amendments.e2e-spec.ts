import { simpleParser } from 'mailparser';
import { errorCode } from '@lienket/testing';
import { api, awaitMail, rows } from '../support/e2e';
import { bidInput, BidShape, Party, SUBMIT_BID, verifiedCooperative, WITHDRAW_BID } from '../support/bids';
import {
  AMENDMENTS, amendmentTrace, buyer, CANCEL, CLARIFY, day, deadlineJobState, draftNeed, EXTEND, inDays, LifecycleNeed, needInput, needRow, submittedNeed,
  withProcurementQueue,
} from '../support/needs';
import { ask } from '../support/questions';
import { eventually, waitFor } from '../support/wait';

// Extending an open need's deadline and publishing clarifications, through the gateway: what
// everyone reads afterwards, who is told, the closing job that follows the deadline, refusals that
// write nothing, and an extension racing the deadline itself. The stack runs with MIN_BID_WINDOW_SECONDS=2.

jest.setTimeout(120_000);

type Amended = { id: string; status: string; bidDeadline: string; clarifications: { id: string; text: string; publishedAt: string }[]; deadlineHistory: { previousDeadline: string; newDeadline: string }[] };
const read = async (id: string, token?: string) => (await api<{ need: Amended }>(AMENDMENTS, { id }, { token })).data!.need;
const extend = (token: string, id: string, at: Date | string, lang: 'vi' | 'en' = 'vi') =>
  api<{ extendNeedDeadline: Amended }>(EXTEND, { id, at: typeof at === 'string' ? at : at.toISOString() }, { token, lang });
const clarify = (token: string, id: string, text: string, lang: 'vi' | 'en' = 'vi') => api<{ publishClarification: { id: string; text: string } }>(CLARIFY, { id, text }, { token, lang });
const bid = async (p: Party, needId: string) => {
  const r = await api<{ submitBid: BidShape }>(SUBMIT_BID, { input: bidInput(needId) }, { token: p.token });
  expect(r.errors).toBeUndefined();
  return r.data!.submitBid;
};
const notices = (userId: string) => rows<{ title: string; body: string; link: string }>(`SELECT title, body, link FROM matching.notifications WHERE user_id = $1 AND kind = 'need.amended' ORDER BY created_at`, [userId]);
const amendedEvents = (needId: string) => rows<{ payload: { organizationId: string } }>(`SELECT payload FROM procurement.outbox WHERE event_type = 'need.amended' AND payload->>'needId' = $1`, [needId]);

/** The next e-mail to `to` about an amendment of the need titled `title`. */
async function amendmentMail(to: string, title: string) {
  for (;;) {
    const mail = await awaitMail(to);
    if (!mail) throw new Error(`no e-mail about “${title}” reached ${to}`);
    const parsed = await simpleParser(mail.raw);
    if (parsed.subject?.includes(title)) return parsed;
  }
}

describe('clarifications and extensions of an open need', () => {
  let b: Awaited<ReturnType<typeof buyer>>;
  let need: LifecycleNeed;
  let first: Party;
  let second: Party;
  let withdrawn: Party;
  let asker: Party;
  beforeAll(async () => {
    b = await buyer({ verified: true, trusted: true, name: 'Công ty CP Chè Thái Nguyên' });
    need = await submittedNeed(b.token, { title: 'Chè búp khô Tân Cương' });
    [first, second, withdrawn, asker] = await Promise.all([
      verifiedCooperative('HTX Chè La Bằng'), verifiedCooperative('HTX Chè Tân Cương'), verifiedCooperative('HTX Chè Phú Lương'), verifiedCooperative('HTX Chè Đại Từ'),
    ]);
    // A cooperative that asked a question and has not bid (yet) is concerned too.
    await ask(asker.token, need.id, 'Có cần giấy chứng nhận VietGAP không?');
    await bid(first, need.id);
    await bid(second, need.id);
    const gone = await bid(withdrawn, need.id);
    expect((await api(WITHDRAW_BID, { id: gone.id }, { token: withdrawn.token })).errors).toBeUndefined();
  });

  it('publishes a clarification everyone who reads the need sees, and tells each live bidder and asker once, in the app and by e-mail', async () => {
    const r = await clarify(b.token, need.id, '  Đóng gói túi 500 g, hút chân không.  ');
    expect(r.errors).toBeUndefined();
    expect(r.data!.publishClarification).toMatchObject({ text: 'Đóng gói túi 500 g, hút chân không.' });
    for (const token of [undefined, first.token, withdrawn.token, b.token]) {
      expect((await read(need.id, token)).clarifications).toEqual([r.data!.publishClarification]);
    }
    for (const p of [first, second, asker]) {
      const [n] = await eventually(() => notices(p.userId), (n) => expect(n).toHaveLength(1));
      expect(n).toEqual({ title: 'Bên mua đã đăng làm rõ cho “Chè búp khô Tân Cương”', body: 'Đóng gói túi 500 g, hút chân không.', link: `/nhu-cau/${need.id}` });
    }
    const mail = await amendmentMail((await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE id = $1`, [first.userId]))[0].email, 'Chè búp khô Tân Cương');
    expect(mail.text).toContain('Đóng gói túi 500 g, hút chân không.');
    // A withdrawn bid is no bid: its organization is not told.
    expect((await amendedEvents(need.id)).map((e) => e.payload.organizationId).sort()).toEqual([first.orgId, second.orgId, asker.orgId].sort());
    expect(await notices(withdrawn.userId)).toEqual([]);
  });

  it('extends the deadline: the need, its history and the closing job follow; bidders are told the new time in Vietnam', async () => {
    const previous = need.bidDeadline;
    const at = new Date(Date.parse(previous) + 3 * 86400_000);
    const r = await extend(b.token, need.id, at);
    expect(r.errors).toBeUndefined();
    expect(r.data!.extendNeedDeadline).toMatchObject({ status: 'OPEN', bidDeadline: at.toISOString(), deadlineHistory: [{ previousDeadline: previous, newDeadline: at.toISOString() }] });
    expect(await read(need.id, first.token)).toMatchObject({ bidDeadline: at.toISOString(), deadlineHistory: [{ previousDeadline: previous, newDeadline: at.toISOString() }] });
    expect(await deadlineJobState(need.id, at.toISOString())).toBe('delayed');
    expect(await deadlineJobState(need.id, previous)).toBe('missing');
    const told = await eventually(() => notices(second.userId), (n) => expect(n).toHaveLength(2));
    expect(told[1].title).toBe('Hạn nhận báo giá cho “Chè búp khô Tân Cương” đã được gia hạn');
    expect(told[1].body).toMatch(/^Hạn mới: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\), thay cho /);
  });
});

describe('the old deadline passes without closing', () => {
  it('keeps an extended need open past its old deadline, taking bids, even when a job for the old deadline runs', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const coop = await verifiedCooperative('HTX Rau Đà Lạt');
    const need = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 5_000).toISOString() });
    expect(need.status).toBe('OPEN');
    const r = await extend(b.token, need.id, inDays(2));
    expect(r.errors).toBeUndefined();
    // As if Redis had refused the old job's removal: a job for the old deadline runs after it.
    const stray = await withProcurementQueue((q) => q.add('need.deadline_reached', { needId: need.id, bidDeadline: need.bidDeadline }, { delay: Math.max(0, Date.parse(need.bidDeadline) - Date.now()), attempts: 5, backoff: { type: 'fixed', delay: 200 } }));
    await waitFor('the old deadline to pass', () => Date.now() > Date.parse(need.bidDeadline) + 500, { timeoutMs: 15_000 });
    await waitFor('the stray deadline job to finish', async () => (await withProcurementQueue(async (q) => (await q.getJob(stray.id!))?.getState())) === 'completed', { timeoutMs: 30_000 });
    expect(await deadlineJobState(need.id, need.bidDeadline)).toBe('missing');
    expect((await needRow(need.id)).status).toBe('OPEN');
    expect(await read(need.id)).toMatchObject({ status: 'OPEN', bidDeadline: r.data!.extendNeedDeadline.bidDeadline });
    expect((await bid(coop, need.id)).status).toBe('SUBMITTED');
    expect(await rows(`SELECT 1 FROM procurement.outbox WHERE event_type = 'need.closed' AND payload->>'needId' = $1`, [need.id])).toEqual([]);
    expect(await rows(`SELECT 1 FROM procurement.bid_openings WHERE need_id = $1`, [need.id])).toEqual([]);
  });
});

describe('refusals write nothing', () => {
  it('refuses a deadline that is not later, too far, after the delivery start or not a time', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token, { deliveryFrom: day(120), deliveryTo: day(130), bidDeadline: inDays(10).toISOString() });
    const before = await amendmentTrace(need.id);
    const cases: [string, string, RegExp][] = [
      [need.bidDeadline, 'BAD_USER_INPUT', /^The new deadline must be later than the current bid deadline/],
      [inDays(5).toISOString(), 'BAD_USER_INPUT', /^The new deadline must be later/],
      [new Date(Date.now() - 60_000).toISOString(), 'BAD_USER_INPUT', /^The new deadline must be later/],
      [inDays(95).toISOString(), 'BAD_USER_INPUT', /^The new deadline may not be more than 90 days from now/],
      [inDays(125).toISOString(), 'BAD_USER_INPUT', /^The new deadline may not be more than 90 days/],
    ];
    for (const [at, code, message] of cases) {
      const r = await extend(b.token, need.id, at, 'en');
      expect([at, r.errors?.[0]]).toEqual([at, expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code, field: 'bidDeadline' }) })]);
    }
    const near = await submittedNeed(b.token, { deliveryFrom: day(12), deliveryTo: day(20), bidDeadline: inDays(5).toISOString() });
    const nearBefore = await amendmentTrace(near.id);
    const late = await extend(b.token, near.id, inDays(14));
    expect(late.errors?.[0]).toMatchObject({ message: 'Hạn nộp hồ sơ phải trước ngày bắt đầu giao hàng.', extensions: { code: 'BAD_USER_INPUT', field: 'bidDeadline' } });
    expect(errorCode(await extend(b.token, need.id, 'ngày mai'))).toBe('BAD_USER_INPUT');
    expect(await amendmentTrace(need.id)).toBe(before);
    expect(await amendmentTrace(near.id)).toBe(nearBefore);
  });

  it('refuses an empty or too long clarification, naming the field', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    const before = await amendmentTrace(need.id);
    for (const text of ['', '   ', 'x'.repeat(2001)]) {
      const r = await clarify(b.token, need.id, text);
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
    }
    expect((await clarify(b.token, need.id, 'x'.repeat(2001), 'en')).errors?.[0].message).toBe('Text is longer than 2000 characters.');
    expect(await amendmentTrace(need.id)).toBe(before);
    expect((await clarify(b.token, need.id, 'x'.repeat(2000))).errors).toBeUndefined();
  });

  it('refuses a need that is not open (CONFLICT) or past its deadline (DEADLINE_PASSED), and unknown ids (NOT_FOUND)', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const draft = await draftNeed(b.token);
    const cancelled = await submittedNeed(b.token);
    expect((await api(CANCEL, { id: cancelled.id, reason: 'Đổi kế hoạch' }, { token: b.token })).errors).toBeUndefined();
    const closing = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 3_000).toISOString() });
    await waitFor('the deadline to pass', () => Date.now() > Date.parse(closing.bidDeadline) + 200, { timeoutMs: 10_000 });
    const traces = await Promise.all([draft, cancelled, closing].map((n) => amendmentTrace(n.id)));
    for (const [n, code] of [[draft, 'CONFLICT'], [cancelled, 'CONFLICT'], [closing, 'DEADLINE_PASSED']] as const) {
      expect([n.id, errorCode(await extend(b.token, n.id, inDays(25)))]).toEqual([n.id, code]);
      expect([n.id, errorCode(await clarify(b.token, n.id, 'Bổ sung'))]).toEqual([n.id, code]);
    }
    expect((await extend(b.token, closing.id, inDays(25), 'en')).errors?.[0].message).toBe('The bid deadline of this need has passed, so it can no longer be extended or clarified.');
    expect((await clarify(b.token, draft.id, 'Bổ sung', 'en')).errors?.[0].message).toMatch(/^A need can be extended or clarified only while it is open for bids/);
    expect(await Promise.all([draft, cancelled, closing].map((n) => amendmentTrace(n.id)))).toEqual(traces);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(errorCode(await extend(b.token, id, inDays(25)))).toBe('NOT_FOUND');
      expect(errorCode(await clarify(b.token, id, 'Bổ sung'))).toBe('NOT_FOUND');
    }
  });

  it('stops at five extensions, saying to post a new need', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    for (let i = 1; i <= 5; i++) expect((await extend(b.token, need.id, inDays(20 + i))).errors).toBeUndefined();
    const before = await amendmentTrace(need.id);
    const r = await extend(b.token, need.id, inDays(26), 'en');
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^This need has been extended 5 times.*post a new need\.$/), extensions: { code: 'CONFLICT' } });
    expect(await amendmentTrace(need.id)).toBe(before);
    expect((await read(need.id)).deadlineHistory).toHaveLength(5);
  });

  it('updateNeed on an open need says a material change is a cancellation and a new need', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    const before = await amendmentTrace(need.id);
    const update = `mutation U($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { id } }`;
    const r = await api(update, { id: need.id, input: needInput({ quantity: '80' }) }, { token: b.token });
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringContaining('hãy hủy nhu cầu này và đăng nhu cầu mới'),
      extensions: { code: 'CONFLICT', reason: 'MATERIAL_CHANGE' },
    });
    expect(await amendmentTrace(need.id)).toBe(before);
  });
});

describe('an extension racing the deadline', () => {
  it('either extends before the deadline (the need stays open, its bids sealed) or finds it passed (closed once); never both', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const coop = await verifiedCooperative('HTX Hồ tiêu Chư Sê');
    const outcomes = await Promise.all([0, 1, 2].map(async (i) => {
      const need = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 4_000 + i * 150).toISOString() });
      await bid(coop, need.id);
      const deadline = Date.parse(need.bidDeadline);
      const target = new Date(deadline + 3_600_000);
      await waitFor('the deadline’s last instants', () => Date.now() >= deadline - 60, { timeoutMs: 10_000 });
      // Extensions, the buyer reading its bids (which opens them once the deadline passed) and public reads, all at once.
      const [extensions] = await Promise.all([
        Promise.all(Array.from({ length: 4 }, () => extend(b.token, need.id, target))),
        ...Array.from({ length: 3 }, () => api(`query B($id: ID!) { need(id: $id) { status bids(first: 5) { totalCount } } }`, { id: need.id }, { token: b.token })),
        read(need.id),
      ]);
      const codes = extensions.map((r) => errorCode(r) ?? 'OK');
      const won = codes.filter((c) => c === 'OK').length;
      // After the one extension that won, the others ask for a deadline no later than the current one.
      expect(codes.filter((c) => !['OK', 'BAD_USER_INPUT', 'DEADLINE_PASSED'].includes(c))).toEqual([]);
      expect(won).toBeLessThanOrEqual(1);
      const history = await rows(`SELECT 1 FROM procurement.need_amendments WHERE need_id = $1`, [need.id]);
      const closedEvents = await rows(`SELECT 1 FROM procurement.outbox WHERE event_type = 'need.closed' AND payload->>'needId' = $1`, [need.id]);
      const openings = await rows(`SELECT 1 FROM procurement.bid_openings WHERE need_id = $1`, [need.id]);
      if (won) {
        expect(history).toHaveLength(1);
        expect(await needRow(need.id)).toMatchObject({ status: 'OPEN', bid_deadline: target });
        expect([closedEvents, openings]).toEqual([[], []]);
        expect((await read(need.id)).status).toBe('OPEN');
      } else {
        expect(codes).toContain('DEADLINE_PASSED');
        expect(history).toEqual([]);
        await eventually(() => needRow(need.id), (r) => expect(r.status).toBe('CLOSED'));
        await eventually(() => rows(`SELECT 1 FROM procurement.outbox WHERE event_type = 'need.closed' AND payload->>'needId' = $1`, [need.id]), (e) => expect(e).toHaveLength(1));
      }
      return won ? 'extended' : 'closed';
    }));
    expect(outcomes).toHaveLength(3);
  });
});

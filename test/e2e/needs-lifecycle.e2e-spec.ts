import { simpleParser } from 'mailparser';
import { errorCode } from '@lienket/testing';
import { adminToken, api, awaitMail, moderatorToken, rows, signInAs } from '../support/e2e';
import { buyer, CANCEL, DECIDE, draftNeed, LifecycleNeed, needRow, needTrace, procurementFacts, READ, SUBMIT, submittedNeed } from '../support/needs';
import { eventually, waitFor } from '../support/wait';

// A need's way through the gateway: submit (verified buyers only, judged by procurement's copy of
// catalog's facts, not by the token), moderation in catalog's queue of a need that lives in
// procurement, trusted buyers, cancel, and the deadline that closes it exactly once. The stack runs
// with MIN_BID_WINDOW_SECONDS=2.

const QUEUE = `query Q($subject: ModerationSubject, $first: Int) { moderationQueue(subject: $subject, first: $first) { edges { node { id subject subjectId summary } } } }`;
const PUBLIC = `query P($status: NeedStatus) { needs(filter: { status: $status }, first: 100) { edges { node { id status } } } }`;
const NOTICES = `{ notifications(first: 20) { edges { node { kind title body link } } } }`;
type Queue = { moderationQueue: { edges: { node: { subject: string; subjectId: string; summary: string } }[] } };

let admin: string;
let moderator: string;
beforeAll(async () => {
  admin = await adminToken();
  moderator = await moderatorToken('Đỗ Thị Duyệt');
});

/** The e-mail to `to` about the need (the registration's and verification's come first), parsed. */
async function needMail(to: string, title: string) {
  for (;;) {
    const mail = await awaitMail(to);
    if (!mail) throw new Error(`no e-mail about “${title}” reached ${to}`);
    const parsed = await simpleParser(mail.raw);
    if (parsed.subject?.includes(title)) return parsed;
  }
}

const read = async (id: string, token?: string) => (await api<{ need: LifecycleNeed | null }>(READ, { id }, { token })).data?.need ?? null;
const queued = async (subject: string | null) => (await api<Queue>(QUEUE, { subject, first: 100 }, { token: moderator })).data!.moderationQueue.edges.map((e) => e.node);
const publicIds = async (status?: string) => (await api<{ needs: { edges: { node: { id: string } }[] } }>(PUBLIC, { status })).data!.needs.edges.map((e) => e.node.id);

describe('submit and moderation', () => {
  it('sends a draft to review; the moderator finds it in the queue, approves it, and it opens to everyone', async () => {
    const b = await buyer({ verified: true, name: 'Công ty CP Gạo Sạch Đồng Tháp' });
    const need = await submittedNeed(b.token, { title: 'Gạo ST25 cho bếp ăn' });
    expect(need.status).toBe('PENDING_REVIEW');
    expect(await publicIds()).not.toContain(need.id);
    const item = (await queued('NEED')).find((i) => i.subjectId === need.id);
    expect(item).toEqual({ id: `NEED:${need.id}`, subject: 'NEED', subjectId: need.id, summary: 'Gạo ST25 cho bếp ăn — Công ty CP Gạo Sạch Đồng Tháp — Hồ Chí Minh' });
    expect((await queued(null)).map((i) => i.subjectId)).toContain(need.id);
    // The moderator reads the whole need to judge it; the public does not see it yet.
    expect(await read(need.id, moderator)).toMatchObject({ id: need.id, status: 'PENDING_REVIEW', title: 'Gạo ST25 cho bếp ăn' });
    expect(errorCode(await api(READ, { id: need.id }))).toBe('NOT_FOUND');

    const approved = await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: moderator });
    expect(approved.errors).toBeUndefined();
    expect(await read(need.id)).toMatchObject({ id: need.id, status: 'OPEN' });
    expect(await publicIds('OPEN')).toContain(need.id);
    expect((await queued('NEED')).map((i) => i.subjectId)).not.toContain(need.id);
    // Audited by catalog with the moderator as actor and the need's title.
    const audit = await api<{ auditLog: { edges: { node: { action: string; actor: { fullName: string } | null; subjectName: string | null } }[] } }>(
      `query A($id: ID!) { auditLog(subjectId: $id) { edges { node { action actor { fullName } subjectName } } } }`, { id: need.id }, { token: admin });
    expect(audit.data!.auditLog.edges.map((e) => e.node)).toEqual([{ action: 'need.approved', actor: { fullName: 'Đỗ Thị Duyệt' }, subjectName: 'Gạo ST25 cho bếp ăn' }]);
    // The buyer's owner is told, in the app and by e-mail.
    const mail = await needMail(b.email, 'Gạo ST25 cho bếp ăn');
    expect(mail.subject).toBe('LienKet: nhu cầu mua “Gạo ST25 cho bếp ăn” đã được duyệt');
    const notices = await eventually(
      async () => (await api<{ notifications: { edges: { node: { kind: string; link: string } }[] } }>(NOTICES, {}, { token: b.token })).data!.notifications.edges.map((e) => e.node),
      (n) => expect(n).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'need.approved', link: `/nhu-cau/${need.id}` })])),
    );
    expect(notices.filter((n) => n.kind === 'need.approved')).toHaveLength(1);
  });

  it('rejects with a reason the buyer reads and nobody else does; the buyer is told why', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token, { title: 'Tiêu đen 500 g/l' });
    const r = await api(DECIDE, { id: need.id, decision: 'REJECT', reason: 'Thiếu tiêu chuẩn chất lượng cụ thể.' }, { token: moderator });
    expect(r.errors).toBeUndefined();
    expect(await read(need.id, b.token)).toMatchObject({ status: 'REJECTED', rejectionReason: 'Thiếu tiêu chuẩn chất lượng cụ thể.' });
    const stranger = await buyer({ verified: true });
    expect(errorCode(await api(READ, { id: need.id }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(READ, { id: need.id }))).toBe('NOT_FOUND');
    const mail = await needMail(b.email, 'Tiêu đen 500 g/l');
    expect(mail.subject).toBe('LienKet: nhu cầu mua “Tiêu đen 500 g/l” chưa được duyệt');
    expect(mail.text).toContain('Lý do: Thiếu tiêu chuẩn chất lượng cụ thể.');
  });

  it('refuses a rejection without a reason, and a second decision, and writes nothing', async () => {
    const b = await buyer({ verified: true });
    const need = await submittedNeed(b.token);
    const before = await needTrace(need.id);
    const audits = async () => (await rows(`SELECT id FROM catalog.audit_log WHERE subject_id = $1`, [need.id])).length;
    const noReason = await api(DECIDE, { id: need.id, decision: 'REJECT', reason: '   ' }, { token: moderator, lang: 'en' });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(await needTrace(need.id)).toBe(before);
    expect(await audits()).toBe(0);
    expect((await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: moderator })).errors).toBeUndefined();
    const again = await api(DECIDE, { id: need.id, decision: 'REJECT', reason: 'Muộn' }, { token: admin, lang: 'en' });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('no longer awaiting review'), extensions: { code: 'CONFLICT' } });
    expect((await needRow(need.id)).status).toBe('OPEN');
    expect(await audits()).toBe(1);
    const unknown = await api(DECIDE, { id: '00000000-0000-4000-8000-000000000000', decision: 'APPROVE' }, { token: moderator });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(errorCode(await api(DECIDE, { id: 'not-a-uuid', decision: 'APPROVE' }, { token: moderator }))).toBe('NOT_FOUND');
  });

  it('refuses to open a need whose deadline came too close while it waited, saying why', async () => {
    const b = await buyer({ verified: true });
    const deadline = Date.now() + 8_000;
    const need = await submittedNeed(b.token, { bidDeadline: new Date(deadline).toISOString() });
    // The window is 2 s: once fewer remain, opening it would leave suppliers no time to bid.
    await waitFor('the deadline to come within the bid window', () => Date.now() > deadline - 1_500, { timeoutMs: 15_000 });
    const before = await needTrace(need.id);
    const r = await api(DECIDE, { id: need.id, decision: 'APPROVE' }, { token: moderator });
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringContaining('Hạn nộp hồ sơ của nhu cầu này còn chưa đến 1 phút'), extensions: { code: 'CONFLICT' } });
    expect(await needTrace(need.id)).toBe(before);
    expect((await api(DECIDE, { id: need.id, decision: 'REJECT', reason: 'Hạn quá gần, vui lòng đăng lại.' }, { token: moderator })).errors).toBeUndefined();
  });

  it('opens a trusted buyer’s need at once, without review', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    expect(need.status).toBe('OPEN');
    expect(await publicIds()).toContain(need.id);
    expect((await queued('NEED')).map((i) => i.subjectId)).not.toContain(need.id);
  });

  it('counts needs waiting for review in moderationCounts', async () => {
    const b = await buyer({ verified: true });
    await submittedNeed(b.token);
    // Other tests submit and decide needs meanwhile: compare at a moment when the table did not
    // change around the call (read before and after it), trying again until there is one.
    const pending = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM procurement.needs WHERE status = 'PENDING_REVIEW'`))[0].n;
    await eventually(
      async () => {
        const before = await pending();
        const counts = (await api<{ moderationCounts: { subject: string; state: string; count: number }[] }>(`{ moderationCounts { subject state count } }`, {}, { token: moderator })).data!.moderationCounts;
        return { before, after: await pending(), count: counts.find((c) => c.subject === 'NEED' && c.state === 'PENDING_REVIEW')?.count };
      },
      ({ before, after, count }) => {
        expect(after).toBe(before);
        expect(count).toBe(before);
      },
    );
  });
});

describe('who may submit: verification as it is now', () => {
  it('lets a buyer verified after its token was issued submit with that token', async () => {
    const b = await buyer({ verified: true });
    const claims = JSON.parse(Buffer.from(b.token.split('.')[1], 'base64url').toString()) as { ov?: string };
    expect(claims.ov).toBe('PENDING_VERIFICATION');
    expect((await submittedNeed(b.token)).status).toBe('PENDING_REVIEW');
  });

  it('refuses an unverified buyer with a clear message, and writes nothing', async () => {
    const b = await buyer();
    const need = await draftNeed(b.token);
    const before = await needTrace(need.id);
    const r = await api(SUBMIT, { id: need.id }, { token: b.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringContaining('Your organization is not verified yet'), extensions: { code: 'FORBIDDEN' } });
    expect(await needTrace(need.id)).toBe(before);
  });

  it('refuses a suspended buyer at once: its old token ends, a new one says SUSPENDED, and procurement’s copy says so too', async () => {
    const b = await buyer({ verified: true });
    const need = await draftNeed(b.token);
    const before = await needTrace(need.id);
    expect((await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Vi phạm điều khoản") { id } }`, { id: b.orgId }, { token: admin })).errors).toBeUndefined();
    expect(errorCode(await api(SUBMIT, { id: need.id }, { token: b.token }))).toBe('UNAUTHENTICATED');
    const fresh = (await signInAs(b.email, b.password)).accessToken;
    expect(errorCode(await api(SUBMIT, { id: need.id }, { token: fresh }))).toBe('FORBIDDEN');
    await eventually(() => procurementFacts(b.orgId), (f) => expect(f?.verification).toBe('SUSPENDED'));
    expect(await needTrace(need.id)).toBe(before);
  });

  it('checks procurement’s copy as well as the token: a suspension known there is refused even with a token that predates it', async () => {
    const b = await buyer({ verified: true });
    const need = await draftNeed(b.token);
    const before = await needTrace(need.id);
    // As if the event arrived before the token's revocation marker was set.
    await rows(`UPDATE procurement.organizations SET verification = 'SUSPENDED' WHERE id = $1`, [b.orgId]);
    const r = await api(SUBMIT, { id: need.id }, { token: b.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: expect.stringContaining('suspended'), extensions: { code: 'FORBIDDEN' } });
    expect(await needTrace(need.id)).toBe(before);
  });

  it('refuses a need that is not a draft (CONFLICT), a deadline now too close (bidDeadline), another organization’s need, and writes nothing', async () => {
    const b = await buyer({ verified: true });
    const pending = await submittedNeed(b.token);
    const pendingBefore = await needTrace(pending.id);
    expect(errorCode(await api(SUBMIT, { id: pending.id }, { token: b.token }))).toBe('CONFLICT');
    expect(await needTrace(pending.id)).toBe(pendingBefore);

    const deadline = Date.now() + 5_000;
    const soon = await draftNeed(b.token, { bidDeadline: new Date(deadline).toISOString() });
    await waitFor('the deadline to come within the bid window', () => Date.now() > deadline - 1_500, { timeoutMs: 10_000 });
    const soonBefore = await needTrace(soon.id);
    const late = await api(SUBMIT, { id: soon.id }, { token: b.token });
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'bidDeadline' } });
    expect(await needTrace(soon.id)).toBe(soonBefore);

    const other = await buyer({ verified: true });
    const theirs = await draftNeed(other.token);
    const theirsBefore = await needTrace(theirs.id);
    expect(errorCode(await api(SUBMIT, { id: theirs.id }, { token: b.token }))).toBe('NOT_FOUND');
    expect(await needTrace(theirs.id)).toBe(theirsBefore);
  });
});

describe('the deadline', () => {
  const closedEvents = async (id: string) => rows<{ payload: { needId: string } }>(`SELECT payload FROM procurement.outbox WHERE event_type = 'need.closed' AND payload->>'needId' = $1`, [id]);

  it('closes an open need at its deadline exactly once, with one need.closed event, while the job and many readers race', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 6_000).toISOString() });
    expect(need.status).toBe('OPEN');
    // Readers from the deadline on: each read past it shows CLOSED and may trigger the flip itself.
    const seen = new Set<string>();
    await waitFor('readers to see the need CLOSED', async () => {
      const reads = await Promise.all([
        ...Array.from({ length: 6 }, () => read(need.id, b.token)),
        ...Array.from({ length: 4 }, () => api<{ needs: { edges: { node: { id: string; status: string } }[] } }>(PUBLIC, {}).then((r) => r.data!.needs.edges.find((e) => e.node.id === need.id)?.node ?? null)),
      ]);
      reads.forEach((n) => n && seen.add(n.status));
      return reads.every((n) => n?.status === 'CLOSED') || `saw ${[...new Set(reads.map((n) => n?.status))].join(', ')}`;
    }, { timeoutMs: 30_000 });
    expect([...seen].filter((s) => s !== 'OPEN' && s !== 'CLOSED')).toEqual([]);
    const row = await eventually(() => needRow(need.id), (r) => expect(r.status).toBe('CLOSED'));
    expect(new Date(row.closed_at as string).toISOString()).toBe(need.bidDeadline);
    expect(await read(need.id)).toMatchObject({ status: 'CLOSED', closedAt: need.bidDeadline });
    expect(await publicIds('CLOSED')).toContain(need.id);
    expect(await publicIds('OPEN')).not.toContain(need.id);
    // The deadline job has run too by now (it is due); still one event.
    await waitFor('the deadline job to finish', async () => (await closedEvents(need.id)).length >= 1);
    expect(await closedEvents(need.id)).toEqual([{ payload: expect.objectContaining({ needId: need.id, buyerOrgId: b.orgId, bidDeadline: need.bidDeadline, bidCount: 0 }) }]);
    // The buyer is told once that bidding closed, with where to go.
    const told = await eventually(
      () => rows<{ title: string; link: string }>(`SELECT title, link FROM matching.notifications WHERE user_id = $1 AND kind = 'need.closed'`, [b.userId]),
      (n) => expect(n).toHaveLength(1),
    );
    expect(told[0]).toEqual({ title: expect.stringMatching(/^Đã hết hạn nhận báo giá cho “/), link: `/nhu-cau/${need.id}` });
  });

  it('closes a need nobody reads: the delayed job alone flips it', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 4_000).toISOString() });
    const row = await eventually(() => needRow(need.id), (r) => expect(r.status).toBe('CLOSED'), { timeoutMs: 30_000 });
    expect(new Date(row.closed_at as string).toISOString()).toBe(need.bidDeadline);
    expect(await closedEvents(need.id)).toHaveLength(1);
  });
});

describe('cancelNeed', () => {
  it('cancels a draft, a pending and an open need with the reason shown on the need', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const draft = await draftNeed(b.token);
    const open = await submittedNeed(b.token);
    const reviewer = await buyer({ verified: true });
    const pending = await submittedNeed(reviewer.token);
    for (const [need, token] of [[draft, b.token], [open, b.token], [pending, reviewer.token]] as const) {
      const r = await api<{ cancelNeed: LifecycleNeed }>(CANCEL, { id: need.id, reason: 'Kế hoạch sản xuất thay đổi.' }, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data!.cancelNeed).toMatchObject({ id: need.id, status: 'CANCELLED', cancellationReason: 'Kế hoạch sản xuất thay đổi.' });
      expect(await read(need.id, token)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Kế hoạch sản xuất thay đổi.' });
    }
    expect(await publicIds()).not.toContain(open.id);
    expect((await queued('NEED')).map((i) => i.subjectId)).not.toContain(pending.id);
  });

  it('refuses a missing or too long reason, a closed or cancelled need, and writes nothing', async () => {
    const b = await buyer({ verified: true, trusted: true });
    const need = await submittedNeed(b.token);
    const before = await needTrace(need.id);
    const blank = await api(CANCEL, { id: need.id, reason: '  ' }, { token: b.token });
    expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    const long = await api(CANCEL, { id: need.id, reason: 'x'.repeat(501) }, { token: b.token });
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(await needTrace(need.id)).toBe(before);

    const closing = await submittedNeed(b.token, { bidDeadline: new Date(Date.now() + 4_000).toISOString() });
    await eventually(() => read(closing.id, b.token), (n) => expect(n?.status).toBe('CLOSED'), { timeoutMs: 30_000 });
    const closedBefore = await needTrace(closing.id);
    const late = await api(CANCEL, { id: closing.id, reason: 'Quá hạn' }, { token: b.token, lang: 'en' });
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringContaining('can no longer be cancelled'), extensions: { code: 'CONFLICT' } });
    expect(await needTrace(closing.id)).toBe(closedBefore);

    expect((await api(CANCEL, { id: need.id, reason: 'Đủ hàng' }, { token: b.token })).errors).toBeUndefined();
    const cancelledBefore = await needTrace(need.id);
    expect(errorCode(await api(CANCEL, { id: need.id, reason: 'Lần nữa' }, { token: b.token }))).toBe('CONFLICT');
    expect(await needTrace(need.id)).toBe(cancelledBefore);
  });
});

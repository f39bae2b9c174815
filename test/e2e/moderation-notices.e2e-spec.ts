import { simpleParser } from 'mailparser';
import { errorCode, REFRESH } from '@lienket/testing';
import { adminToken, api, awaitMail, rows, signUpOwner } from '../support/e2e';

// Every moderation outcome through the running stack: the admin decides at the gateway, the owner
// reads the notice at the gateway and receives the e-mail (the e2e SMTP listener), in their language.
const MODERATE = `mutation M($subject: ModerationSubject!, $id: ID!, $decision: ModerationDecision!, $reason: String) {
  moderate(subject: $subject, subjectId: $id, decision: $decision, reason: $reason) { subjectId } }`;
const SUSPEND = `mutation S($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { verification } }`;
const LIST = `query N($unread: Boolean, $first: Int) { notifications(unreadOnly: $unread, first: $first) {
  unreadCount edges { node { id kind title body link readAt } } } }`;
const MARK = `mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
type Notice = { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null };
type List = { notifications: { unreadCount: number; edges: { node: Notice }[] } };
const PRODUCT = { categoryCode: '0906', name: 'Quế vỏ Văn Yên loại 1', unitCode: 'KGM', monthlyCapacity: '5000', harvestMonths: [3, 4, 8, 9] };

/** The next e-mail to `to`, parsed (subject, text). */
async function nextMail(to: string) {
  const mail = await awaitMail(to);
  expect(mail).not.toBeNull();
  return simpleParser(mail!.raw);
}

const notices = async (token: string) => (await api<List>(LIST, { first: 20 }, { token })).data!.notifications;

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});

/** An owner whose registration e-mail has arrived (so the next one is the decision's). */
async function owner(locale?: 'EN') {
  const o = await signUpOwner();
  if (locale) await rows(`UPDATE catalog.users SET locale = 'EN' WHERE id = $1`, [o.userId]);
  await nextMail(o.email);
  return o;
}

async function submittedListing(token: string) {
  const created = await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: PRODUCT }, { token });
  const id = created.data!.createProduct.id;
  expect((await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token })).errors).toBeUndefined();
  return id;
}

describe('moderation outcomes, in-app and by e-mail', () => {
  it('organization verified, then a listing approved and another rejected with the reason (Vietnamese)', async () => {
    const o = await owner();
    expect((await api(MODERATE, { subject: 'ORGANIZATION', id: o.orgId, decision: 'APPROVE' }, { token: admin })).errors).toBeUndefined();
    expect((await nextMail(o.email)).subject).toBe('LienKet: HTX Thử nghiệm Ea Kar đã được xác minh');
    expect((await notices(o.token)).edges[0].node).toMatchObject({ kind: 'organization.verified', title: 'HTX Thử nghiệm Ea Kar đã được xác minh', link: '/tai-khoan' });

    // The verification changed the token's claims: a fresh sign-in may submit.
    const token = (await api<{ signIn: { accessToken: string } }>(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }`, { e: o.email, p: o.password })).data!.signIn.accessToken;
    const good = await submittedListing(token);
    expect((await api(MODERATE, { subject: 'PRODUCT', id: good, decision: 'APPROVE' }, { token: admin })).errors).toBeUndefined();
    const approvedMail = await nextMail(o.email);
    expect([approvedMail.subject, approvedMail.text]).toEqual(['LienKet: sản phẩm “Quế vỏ Văn Yên loại 1” đã được duyệt', expect.stringContaining(`/san-pham/${good}/xem`)]);

    const bad = await submittedListing(token);
    expect((await api(MODERATE, { subject: 'PRODUCT', id: bad, decision: 'REJECT', reason: 'Ảnh chụp không phải quế' }, { token: admin })).errors).toBeUndefined();
    expect((await nextMail(o.email)).text).toContain('Lý do: Ảnh chụp không phải quế');

    const list = await notices(token);
    expect(list.edges.slice(0, 2).map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'product.rejected', title: 'Sản phẩm “Quế vỏ Văn Yên loại 1” chưa được duyệt', body: expect.stringContaining('Lý do: Ảnh chụp không phải quế'), link: `/san-pham/${bad}`, readAt: null }),
      expect.objectContaining({ kind: 'product.approved', link: `/san-pham/${good}/xem`, readAt: null }),
    ]);
    // Welcome, verified, approved, rejected: all unread until marked; then one marked, then none.
    expect(list.unreadCount).toBe(4);
    expect((await api(MARK, { ids: [list.edges[0].node.id] }, { token })).data).toEqual({ markNotificationsRead: 1 });
    expect((await notices(token)).unreadCount).toBe(3);
    const unread = (await api<List>(LIST, { unread: true, first: 20 }, { token })).data!.notifications.edges.map((e) => e.node.id);
    expect((await api(MARK, { ids: unread }, { token })).data).toEqual({ markNotificationsRead: 3 });
    expect((await notices(token)).unreadCount).toBe(0);
  });

  it('organization rejected, with the reason (English)', async () => {
    const o = await owner('EN');
    await api(MODERATE, { subject: 'ORGANIZATION', id: o.orgId, decision: 'REJECT', reason: 'Tax code does not match the name' }, { token: admin });
    const mail = await nextMail(o.email);
    expect([mail.subject, mail.text]).toEqual(['LienKet: HTX Thử nghiệm Ea Kar could not be verified', expect.stringContaining('Reason: Tax code does not match the name')]);
    expect((await notices(o.token)).edges[0].node).toMatchObject({ kind: 'organization.rejected', body: expect.stringContaining('Reason: Tax code does not match the name') });
  });

  it('organization suspended: told in-app and by e-mail with the reason; the ended session says why', async () => {
    const o = await owner();
    await api(MODERATE, { subject: 'ORGANIZATION', id: o.orgId, decision: 'APPROVE' }, { token: admin });
    await nextMail(o.email);
    expect((await api(SUSPEND, { id: o.orgId, reason: 'Bán hàng giả mạo nhãn hiệu' }, { token: admin })).errors).toBeUndefined();
    const mail = await nextMail(o.email);
    expect([mail.subject, mail.text]).toEqual(['LienKet: HTX Thử nghiệm Ea Kar đã bị tạm ngừng hoạt động', expect.stringContaining('Lý do: Bán hàng giả mạo nhãn hiệu')]);

    // The session is over; refreshing it answers why, in the caller's language, not a bare refusal.
    const refused = await api(REFRESH, { token: o.refresh }, { lang: 'en' });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toBe(
      'Your session ended because HTX Thử nghiệm Ea Kar has been suspended; you can still sign in again to see your account. Reason: Bán hàng giả mạo nhãn hiệu',
    );
    const again = await api<{ signIn: { accessToken: string } }>(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }`, { e: o.email, p: o.password });
    const list = await notices(again.data!.signIn.accessToken);
    expect(list.edges[0].node).toMatchObject({ kind: 'organization.suspended', body: expect.stringContaining('Lý do: Bán hàng giả mạo nhãn hiệu'), readAt: null });
  });

  it('refuses bad inputs and writes nothing', async () => {
    const o = await owner();
    const before = await notices(o.token);
    expect(errorCode(await api(LIST, { first: 0 }, { token: o.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(LIST, { first: 101 }, { token: o.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(`{ notifications(after: "not-a-cursor") { unreadCount } }`, {}, { token: o.token }))).toBe('BAD_USER_INPUT');
    const tooMany = await api(MARK, { ids: [...Array.from({ length: 501 }, () => crypto.randomUUID()), before.edges[0].node.id] }, { token: o.token });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).not.toMatch(/select|update|uuid|stack/i);
    expect(await notices(o.token)).toEqual(before);
    expect(before.unreadCount).toBe(1);
  });
});

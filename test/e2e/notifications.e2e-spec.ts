import argon2 from 'argon2';
import { errorCode, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { api, awaitMail, rows } from '../support/e2e';

const LIST = `query N($unread: Boolean) { notifications(unreadOnly: $unread, first: 10) {
  unreadCount edges { node { id kind title body link readAt } } } }`;
const MARK = `mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
type List = { notifications: { unreadCount: number; edges: { node: { id: string; kind: string; title: string; body: string; readAt: string | null } }[] } };

async function owner(lang?: 'EN') {
  const input = { ...signUpInput(), ...(lang ? { locale: lang } : {}) };
  const r = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  // The worker writes the in-app notice before it sends the e-mail: once the mail is here, so is the notice.
  await awaitMail(input.email);
  return { token: r.data!.signUp.accessToken, orgId: r.data!.signUp.user.organization.id, email: input.email };
}

describe('in-app notifications', () => {
  it('welcome a new organization and tell its owner the verification decision, in their language', async () => {
    const o = await owner('EN');
    const first = await api<List>(LIST, {}, { token: o.token });
    expect(first.data?.notifications.unreadCount).toBe(1);
    expect(first.data?.notifications.edges[0].node).toMatchObject({ kind: 'organization.registered', title: 'Welcome to LienKet', readAt: null });

    const modEmail = uniqueEmail('mod');
    await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, 'KDV', 'MODERATOR')`, [modEmail, await argon2.hash('mat-khau-kiem-duyet')]);
    const mod = (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: modEmail, password: 'mat-khau-kiem-duyet' })).data!.signIn.accessToken;
    await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: REJECT, reason: "Thiếu giấy tờ") { subjectId } }`, { id: o.orgId }, { token: mod });
    await awaitMail(o.email);

    const after = await api<List>(LIST, { unread: true }, { token: o.token });
    expect(after.data?.notifications.unreadCount).toBe(2);
    expect(after.data?.notifications.edges[0].node).toMatchObject({ kind: 'organization.rejected', body: expect.stringContaining('Reason: Thiếu giấy tờ') });
  });

  it("marks only the caller's own notices read", async () => {
    const a = await owner();
    const b = await owner();
    const aIds = (await api<List>(LIST, {}, { token: a.token })).data!.notifications.edges.map((e) => e.node.id);
    expect((await api(MARK, { ids: aIds }, { token: b.token })).data).toEqual({ markNotificationsRead: 0 });
    expect((await api(MARK, { ids: [...aIds, 'not-an-id'] }, { token: a.token })).data).toEqual({ markNotificationsRead: 1 });
    expect((await api(MARK, { ids: aIds }, { token: a.token })).data).toEqual({ markNotificationsRead: 0 });
    const unread = await api<List>(LIST, { unread: true }, { token: a.token });
    expect(unread.data?.notifications).toMatchObject({ unreadCount: 0, edges: [] });
    expect((await api<List>(LIST, {}, { token: b.token })).data?.notifications.unreadCount).toBe(1);
  });

  it('are private: no token, no notifications', async () => {
    expect(errorCode(await api(LIST))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(MARK, { ids: [] }))).toBe('UNAUTHENTICATED');
  });
});

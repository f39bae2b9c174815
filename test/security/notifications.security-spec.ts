import { errorCode, gql, REFRESH } from '@lienket/testing';
import { adminToken, api, awaitMail, rows, signUpOwner } from '../support/e2e';

// The notification centre's surfaces: the list, its cursor, mark-as-read, and the reason a refused
// session gives. A person reads and marks only their own notices; a reason is told only to the
// holder of the session it ended.
const LIST = `query N($after: String, $unread: Boolean) { notifications(first: 50, after: $after, unreadOnly: $unread) {
  unreadCount edges { cursor node { id title } } } }`;
const MARK = `mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
type List = { notifications: { unreadCount: number; edges: { cursor: string; node: { id: string; title: string } }[] } };
const procurement = <T>(query: string, variables: Record<string, unknown>, token: string) => gql<T>(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** An owner with their welcome notice written (it is written before the e-mail is sent). */
async function ownerWithNotice() {
  const o = await signUpOwner();
  await awaitMail(o.email);
  const list = (await api<List>(LIST, {}, { token: o.token })).data!.notifications;
  expect(list.edges).toHaveLength(1);
  return { ...o, noticeIds: list.edges.map((e) => e.node.id), cursor: list.edges[0].cursor };
}

const unreadOf = async (userId: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM matching.notifications n WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM procurement.notification_reads r WHERE r.notification_id = n.id)`, [userId]))[0].n;

describe('notifications are private to their person', () => {
  it("another person, platform staff included, neither reads nor marks someone's notices, through the gateway or the subgraph", async () => {
    const victim = await ownerWithNotice();
    const other = await ownerWithNotice();
    const admin = await adminToken();
    for (const token of [other.token, admin]) {
      const seen = (await api<List>(LIST, {}, { token })).data!.notifications.edges.map((e) => e.node.id);
      expect(seen.filter((id) => victim.noticeIds.includes(id))).toEqual([]);
      const direct = await procurement<List>(LIST, {}, token);
      expect(direct.data!.notifications.edges.map((e) => e.node.id).filter((id) => victim.noticeIds.includes(id))).toEqual([]);
      // The victim's own cursor walks the caller's notices, never the victim's.
      const paged = (await api<List>(LIST, { after: victim.cursor }, { token })).data!.notifications.edges.map((e) => e.node.id);
      expect(paged.filter((id) => victim.noticeIds.includes(id))).toEqual([]);
      expect((await api(MARK, { ids: victim.noticeIds }, { token })).data).toEqual({ markNotificationsRead: 0 });
      expect((await procurement(MARK, { ids: victim.noticeIds }, token)).data).toEqual({ markNotificationsRead: 0 });
    }
    expect(await unreadOf(victim.userId)).toBe(1);
    // Mixed with one's own ids, only one's own change.
    expect((await api(MARK, { ids: [...victim.noticeIds, ...other.noticeIds] }, { token: other.token })).data).toEqual({ markNotificationsRead: 1 });
    expect(await unreadOf(victim.userId)).toBe(1);
    expect(await unreadOf(other.userId)).toBe(0);
  });

  it('forged cursors and ids are bad input, never a database error or another person’s rows', async () => {
    const o = await ownerWithNotice();
    for (const after of [cursorOf(['not a time', 'not an id']), cursorOf(['2026-01-01T00:00:00Z']), cursorOf([{ $ne: 1 }, 2]), "'; DROP TABLE matching.notifications; --"]) {
      const r = await api(LIST, { after }, { token: o.token });
      expect([after, errorCode(r)]).toEqual([after, 'BAD_USER_INPUT']);
      expect(r.errors![0].message).not.toMatch(/syntax|uuid|timestamp|postgres|select/i);
    }
    expect((await api(MARK, { ids: ["' OR 1=1 --", '00000000-0000-0000-0000-000000000000'] }, { token: o.token })).data).toEqual({ markNotificationsRead: 0 });
    expect(await unreadOf(o.userId)).toBe(1);
  });

  it('refuses callers without a session', async () => {
    expect(errorCode(await api(LIST, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(MARK, { ids: [crypto.randomUUID()] }))).toBe('UNAUTHENTICATED');
  });
});

describe('a suspension reason is told only to the session it ended', () => {
  it('a forged refresh token naming a suspended member’s session learns nothing; the real one learns why', async () => {
    const o = await signUpOwner();
    const admin = await adminToken();
    await api(`mutation($id: ID!) { moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { subjectId } }`, { id: o.orgId }, { token: admin });
    await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Lý do nội bộ bí mật") { verification } }`, { id: o.orgId }, { token: admin });
    const [rowId] = o.refresh.split('.');
    const forged = await api(REFRESH, { token: `${rowId}.forged-secret` });
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
    expect(forged.errors![0].message).not.toContain('Lý do nội bộ bí mật');
    const real = await api(REFRESH, { token: o.refresh });
    expect(real.errors![0].message).toContain('Lý do nội bộ bí mật');
  });

  it('an ordinary sign-out answers the usual refusal, with no organization named', async () => {
    const o = await signUpOwner();
    const [rowId] = o.refresh.split('.');
    await rows(`UPDATE catalog.refresh_tokens SET revoked_at = now() WHERE id = $1`, [rowId]);
    const r = await api(REFRESH, { token: o.refresh }, { lang: 'en' });
    expect([errorCode(r), r.errors![0].message]).toEqual(['UNAUTHENTICATED', 'This session is no longer valid. Please sign in again.']);
  });
});

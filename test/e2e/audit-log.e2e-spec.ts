import argon2 from 'argon2';
import { errorCode, uniqueEmail } from '@lienket/testing';
import { adminToken, api, rows, signInAs, signUpOwner } from '../support/e2e';

// The readable audit log (issue 9, point 7) through the gateway: entries name their actor and
// subject, and the log narrows by subject kind, actor and a time range.

const LOG = `query L($subjectId: ID, $subject: AuditSubject, $actorId: ID, $from: DateTime, $to: DateTime, $first: Int) {
  auditLog(subjectId: $subjectId, subject: $subject, actorId: $actorId, from: $from, to: $to, first: $first) {
    edges { node { id at action subject subjectId subjectName actorId actor { id fullName } detail } } } }`;
const ACTORS = `{ auditActors { id fullName } }`;

interface Entry { id: string; at: string; action: string; subject: string; subjectId: string; subjectName: string | null; actorId: string | null; actor: { id: string; fullName: string } | null }
type Log = { auditLog: { edges: { node: Entry }[] } };
const entries = (r: { data?: Log | null }) => r.data?.auditLog.edges.map((e) => e.node) ?? [];

async function moderator(fullName: string) {
  const email = uniqueEmail('audit-moderator');
  const [{ id }] = await rows<{ id: string }>(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, $3, 'MODERATOR') RETURNING id`, [email, await argon2.hash('mat-khau-kiem-duyet'), fullName]);
  return { id, token: (await signInAs(email, 'mat-khau-kiem-duyet')).accessToken };
}

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});

describe('the audit log names people and subjects', () => {
  it('answers the actor’s full name and the organization’s name beside their ids', async () => {
    const mod = await moderator('Trần Thị Duyệt');
    const org = await signUpOwner({ name: 'HTX Nhật ký Buôn Hồ' });
    await api(`mutation { moderate(subject: ORGANIZATION, subjectId: "${org.orgId}", decision: APPROVE) { subjectId } }`, {}, { token: mod.token });
    const [verified] = entries(await api<Log>(LOG, { subjectId: org.orgId }, { token: admin }));
    expect(verified).toMatchObject({
      action: 'organization.verified',
      subject: 'ORGANIZATION',
      subjectId: org.orgId,
      subjectName: 'HTX Nhật ký Buôn Hồ',
      actorId: mod.id,
      actor: { id: mod.id, fullName: 'Trần Thị Duyệt' },
    });
    const people = (await api<{ auditActors: { id: string; fullName: string }[] }>(ACTORS, {}, { token: admin })).data!.auditActors;
    expect(people).toContainEqual({ id: mod.id, fullName: 'Trần Thị Duyệt' });
  });
});

describe('filters', () => {
  it('narrows by actor, by subject kind and by a time range (the end excluded)', async () => {
    const mod = await moderator('Phạm Văn Lọc');
    const a = await signUpOwner();
    const b = await signUpOwner();
    await api(`mutation { moderate(subject: ORGANIZATION, subjectId: "${a.orgId}", decision: APPROVE) { subjectId } }`, {}, { token: mod.token });
    await api(`mutation { moderate(subject: ORGANIZATION, subjectId: "${b.orgId}", decision: REJECT, reason: "Thiếu giấy tờ") { subjectId } }`, {}, { token: mod.token });

    const byActor = entries(await api<Log>(LOG, { actorId: mod.id }, { token: admin }));
    expect(byActor.map((e) => [e.action, e.subjectId])).toEqual([['organization.rejected', b.orgId], ['organization.verified', a.orgId]]);

    const users = entries(await api<Log>(LOG, { subject: 'USER', first: 50 }, { token: admin }));
    expect(users.every((e) => e.subject === 'USER')).toBe(true);
    const orgs = entries(await api<Log>(LOG, { subject: 'ORGANIZATION', actorId: mod.id }, { token: admin }));
    expect(orgs).toHaveLength(2);
    expect(entries(await api<Log>(LOG, { subject: 'PRODUCT', actorId: mod.id }, { token: admin }))).toEqual([]);

    const [rejected, verified] = byActor;
    const inRange = entries(await api<Log>(LOG, { actorId: mod.id, from: verified.at, to: rejected.at }, { token: admin }));
    expect(inRange.map((e) => e.id)).toEqual(rejected.at === verified.at ? [] : [verified.id]);
    const later = new Date(Date.parse(rejected.at) + 1).toISOString();
    expect(entries(await api<Log>(LOG, { actorId: mod.id, from: later }, { token: admin }))).toEqual([]);
    expect(entries(await api<Log>(LOG, { actorId: mod.id, to: verified.at }, { token: admin }))).toEqual([]);
  });

  it('refuses an actor id that is not one, a date that is not one and a range that ends before it starts', async () => {
    const bad = await api(LOG, { actorId: 'nguyen-van-a' }, { token: admin, lang: 'en' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toBe('Actor is not valid.');
    expect(errorCode(await api(LOG, { from: 'hôm qua' }, { token: admin }))).toBe('BAD_USER_INPUT');
    const backwards = await api(LOG, { from: '2026-03-02T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' }, { token: admin });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0].message).toBe('Ngày bắt đầu phải trước ngày kết thúc.');
    expect(errorCode(await api(LOG, { subject: 'INVOICE' }, { token: admin }))).toBe('BAD_USER_INPUT');
  });
});

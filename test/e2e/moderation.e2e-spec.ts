import argon2 from 'argon2';
import { simpleParser } from 'mailparser';
import { errorCode, REFRESH, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { api, awaitMail, rows } from '../support/e2e';

const QUEUE = `query Q($after: String) { moderationQueue(subject: ORGANIZATION, first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id subject subjectId summary submittedAt reports } } } }`;
const MODERATE = `mutation M($id: ID!, $decision: ModerationDecision!, $reason: String) {
  moderate(subject: ORGANIZATION, subjectId: $id, decision: $decision, reason: $reason) { subject subjectId } }`;
const SUSPEND = `mutation S($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id verification verificationNote } }`;
const REINSTATE = `mutation R($id: ID!, $reason: String!) { reinstateOrganization(id: $id, reason: $reason) { id verification verificationNote } }`;
const AUDIT = `query A($id: ID) { auditLog(subjectId: $id, first: 20) { edges { node { action actorId subject subjectId detail } } } }`;
const ORG = `query O($id: ID!) { organization(id: $id) { id name verification verificationNote } }`;

type SignedUp = { token: string; refresh: string; orgId: string; email: string };
async function signUp(): Promise<SignedUp> {
  const input = signUpInput();
  const r = await api<{ signUp: { accessToken: string; refreshToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
  return { token: r.data!.signUp.accessToken, refresh: r.data!.signUp.refreshToken, orgId: r.data!.signUp.user.organization.id, email: input.email };
}
async function signInAs(email: string, password: string): Promise<string> {
  return (await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email, password })).data!.signIn.accessToken;
}
async function staffToken(role: 'MODERATOR'): Promise<string> {
  const email = uniqueEmail(role.toLowerCase());
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, 'Kiểm duyệt viên', $3)`, [email, await argon2.hash('mat-khau-kiem-duyet'), role]);
  return signInAs(email, 'mat-khau-kiem-duyet');
}
const status = async (id: string) => (await rows<{ verification: string }>(`SELECT verification FROM catalog.organizations WHERE id = $1`, [id]))[0].verification;
const auditCount = async (id: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.audit_log WHERE subject_id = $1`, [id]))[0].n;

let admin: string;
let moderator: string;
beforeAll(async () => {
  admin = await signInAs(process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
  moderator = await staffToken('MODERATOR');
});

describe('verifying organizations', () => {
  it('queues a new organization; a moderator verifies it; the owner is told by e-mail; it is audited', async () => {
    const org = await signUp();
    await awaitMail(org.email); // the registration e-mail comes first
    let queue = await api<{ moderationQueue: { edges: { node: { subjectId: string; subject: string; summary: string } }[] } }>(QUEUE, {}, { token: moderator });
    expect(queue.data?.moderationQueue.edges.map((e) => e.node.subjectId)).toContain(org.orgId);

    const r = await api(MODERATE, { id: org.orgId, decision: 'APPROVE' }, { token: moderator });
    expect(r.errors).toBeUndefined();
    expect(await status(org.orgId)).toBe('VERIFIED');
    queue = await api(QUEUE, {}, { token: moderator });
    expect(queue.data?.moderationQueue.edges.map((e) => e.node.subjectId)).not.toContain(org.orgId);

    const mail = await simpleParser((await awaitMail(org.email))!.raw);
    expect(mail.subject).toMatch(/đã được xác minh/);

    const audit = await api<{ auditLog: { edges: { node: { action: string; detail: string } }[] } }>(AUDIT, { id: org.orgId }, { token: admin });
    expect(audit.data?.auditLog.edges[0].node).toMatchObject({ action: 'organization.verified' });
    expect(JSON.parse(audit.data!.auditLog.edges[0].node.detail)).toEqual({ before: { verification: 'PENDING_VERIFICATION' }, after: { verification: 'VERIFIED' } });
  });

  it('rejects with a reason that the owner reads on the account page', async () => {
    const org = await signUp();
    expect(errorCode(await api(MODERATE, { id: org.orgId, decision: 'REJECT' }, { token: moderator }))).toBe('BAD_USER_INPUT');
    expect(await status(org.orgId)).toBe('PENDING_VERIFICATION');
    await api(MODERATE, { id: org.orgId, decision: 'REJECT', reason: 'Mã số thuế không khớp với giấy đăng ký kinh doanh' }, { token: moderator });
    const mine = await api<{ organization: { verification: string; verificationNote: string } }>(ORG, { id: org.orgId }, { token: org.token });
    expect(mine.data?.organization).toMatchObject({ verification: 'REJECTED', verificationNote: 'Mã số thuế không khớp với giấy đăng ký kinh doanh' });
  });

  it('lets one of two moderators deciding at once win; the other gets CONFLICT', async () => {
    const org = await signUp();
    const results = await Promise.all([
      api(MODERATE, { id: org.orgId, decision: 'APPROVE' }, { token: moderator }),
      api(MODERATE, { id: org.orgId, decision: 'REJECT', reason: 'Thiếu giấy tờ' }, { token: admin }),
    ]);
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    expect(await auditCount(org.orgId)).toBe(1);
  });

  it('suspends (ending sessions at the next refresh) and reinstates, both audited', async () => {
    const org = await signUp();
    await api(MODERATE, { id: org.orgId, decision: 'APPROVE' }, { token: moderator });
    const s = await api<{ suspendOrganization: { verification: string; verificationNote: string } }>(SUSPEND, { id: org.orgId, reason: 'Nhiều báo cáo gian lận' }, { token: moderator });
    expect(s.data?.suspendOrganization).toMatchObject({ verification: 'SUSPENDED', verificationNote: 'Nhiều báo cáo gian lận' });
    expect(errorCode(await api(REFRESH, { token: org.refresh }))).toBe('UNAUTHENTICATED');
    const r = await api<{ reinstateOrganization: { verification: string; verificationNote: null } }>(REINSTATE, { id: org.orgId, reason: 'Đã giải trình' }, { token: admin });
    expect(r.data?.reinstateOrganization).toEqual({ id: org.orgId, verification: 'VERIFIED', verificationNote: null });
    expect(await auditCount(org.orgId)).toBe(3);
  });
});

describe('who may moderate', () => {
  it('refuses anonymous callers, organization owners and members, writing nothing', async () => {
    const target = await signUp();
    const owner = await signUp();
    for (const token of [undefined, owner.token]) {
      const expected = token ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(errorCode(await api(QUEUE, {}, { token }))).toBe(expected);
      expect(errorCode(await api(MODERATE, { id: target.orgId, decision: 'APPROVE' }, { token }))).toBe(expected);
      expect(errorCode(await api(SUSPEND, { id: target.orgId, reason: 'x' }, { token }))).toBe(expected);
      expect(errorCode(await api(AUDIT, {}, { token }))).toBe(expected);
    }
    // An owner cannot verify even their own organization.
    expect(errorCode(await api(MODERATE, { id: owner.orgId, decision: 'APPROVE' }, { token: owner.token }))).toBe('FORBIDDEN');
    expect([await status(target.orgId), await status(owner.orgId)]).toEqual(['PENDING_VERIFICATION', 'PENDING_VERIFICATION']);
    expect(await auditCount(target.orgId)).toBe(0);
  });

  it('keeps the audit log to admins', async () => {
    expect(errorCode(await api(AUDIT, {}, { token: moderator }))).toBe('FORBIDDEN');
  });

  it('answers an unknown organization as not found', async () => {
    expect(errorCode(await api(MODERATE, { id: '00000000-0000-0000-0000-000000000000', decision: 'APPROVE' }, { token: moderator }))).toBe('NOT_FOUND');
    expect(errorCode(await api(MODERATE, { id: 'not-a-uuid', decision: 'APPROVE' }, { token: moderator }))).toBe('NOT_FOUND');
  });
});

describe('reports', () => {
  it('count once per person in the queue; unknown or unverified subjects read as not found', async () => {
    const reported = await signUp();
    const reporter = await signUp();
    const REPORT = `mutation($id: ID!, $reason: String!) { report(subject: ORGANIZATION, subjectId: $id, reason: $reason) }`;
    expect(errorCode(await api(REPORT, { id: reported.orgId, reason: 'Lừa đảo' }, { token: reporter.token }))).toBe('NOT_FOUND');
    await api(MODERATE, { id: reported.orgId, decision: 'APPROVE' }, { token: moderator });
    expect((await api(REPORT, { id: reported.orgId, reason: 'Giao hàng kém' }, { token: reporter.token })).data).toEqual({ report: true });
    expect((await api(REPORT, { id: reported.orgId, reason: 'Lần nữa' }, { token: reporter.token })).data).toEqual({ report: true });
    expect(errorCode(await api(REPORT, { id: reported.orgId, reason: '   ' }, { token: reporter.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(REPORT, { id: reported.orgId, reason: 'x' }))).toBe('UNAUTHENTICATED');
    expect(await rows(`SELECT reason FROM catalog.reports WHERE subject_id = $1`, [reported.orgId])).toEqual([{ reason: 'Giao hàng kém' }]);
  });
});

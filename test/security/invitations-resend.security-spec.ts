// Re-sending and revoking invitations attacked through the running stack: another organization's
// invitation, the wrong role, no token, ids that are not ids, a suspended organization, and re-sends
// used to get round the daily per-recipient limit. Every refusal writes nothing and sends nothing.
import { errorCode, uniqueEmail } from '@lienket/testing';
import { adminToken, api, awaitMail, rows, signInAs, signUpOwner } from '../support/e2e';
import { memberToken } from '../support/uploads';

jest.setTimeout(60_000);

const INVITE = `mutation I($email: String!, $role: OrganizationRole!) { inviteMember(email: $email, role: $role) { id } }`;
const RESEND = `mutation R($id: ID!) { resendInvitation(id: $id) { id } }`;
const REVOKE = `mutation V($id: ID!) { revokeInvitation(id: $id) }`;
const SUSPEND = `mutation S($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id } }`;

/** Everything a re-send or a revocation of this invitation would write. */
async function footprint(invitationId: string, orgId: string) {
  const [s] = await rows(
    `SELECT (SELECT row_to_json(i) FROM catalog.invitations i WHERE i.id = $1::uuid) AS invitation,
            (SELECT count(*)::int FROM catalog.audit_log WHERE subject_id = $2::text) AS audit,
            (SELECT count(*)::int FROM catalog.outbox WHERE event_type = 'member.invited' AND payload->>'invitationId' = $1::text) AS events`,
    [invitationId, orgId],
  );
  return s;
}

async function invite(token: string, email: string, role = 'MEMBER'): Promise<string> {
  const r = await api<{ inviteMember: { id: string } }>(INVITE, { email, role }, { token });
  expect(r.errors).toBeUndefined();
  expect(await awaitMail(email)).not.toBeNull();
  return r.data!.inviteMember.id;
}

describe('re-sending and revoking invitations, attacked', () => {
  it('treats another organization, a member, a manager on an owner invitation, no token and bad ids as refused, writing nothing', async () => {
    const o = await signUpOwner();
    const email = uniqueEmail('chu-moi');
    const id = await invite(o.token, email, 'OWNER');
    const stranger = await signUpOwner();
    const member = await memberToken(o.orgId);
    const managerEmail = uniqueEmail('quan-ly');
    await rows(
      `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
       SELECT $1, password_hash, 'Quản lý', organization_id, 'MANAGER' FROM catalog.users WHERE id = $2`,
      [managerEmail, o.userId],
    );
    // The owner's password hash was copied, so the owner's password signs the manager in.
    const manager = (await signInAs(managerEmail, o.password)).accessToken;
    const before = await footprint(id, o.orgId);
    for (const m of [RESEND, REVOKE]) {
      expect(errorCode(await api(m, { id }, { token: stranger.token }))).toBe('NOT_FOUND');
      expect(errorCode(await api(m, { id }, { token: member }))).toBe('FORBIDDEN');
      expect(errorCode(await api(m, { id }, { token: manager }))).toBe('FORBIDDEN');
      expect(errorCode(await api(m, { id }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await api(m, { id: 'khong-phai-uuid' }, { token: o.token }))).toBe('NOT_FOUND');
      expect(errorCode(await api(m, { id: crypto.randomUUID() }, { token: o.token }))).toBe('NOT_FOUND');
    }
    expect(await footprint(id, o.orgId)).toEqual(before);
    expect(await awaitMail(email, 1)).toBeNull();
  });

  it('answers an invitation already accepted as not found', async () => {
    const o = await signUpOwner();
    const email = uniqueEmail('da-nhan');
    const id = await invite(o.token, email);
    await rows(`UPDATE catalog.invitations SET accepted_at = now() WHERE id = $1`, [id]);
    const before = await footprint(id, o.orgId);
    expect(errorCode(await api(RESEND, { id }, { token: o.token }))).toBe('NOT_FOUND');
    expect(errorCode(await api(REVOKE, { id }, { token: o.token }))).toBe('NOT_FOUND');
    expect(await footprint(id, o.orgId)).toEqual(before);
  });

  it('does not let re-sends get round the daily limit of invitations per recipient', async () => {
    const target = uniqueEmail('bi-spam');
    const a = await signUpOwner();
    const b = await signUpOwner();
    const fromA = await invite(a.token, target);
    await invite(b.token, target);
    expect((await api(RESEND, { id: fromA }, { token: a.token })).errors).toBeUndefined();
    expect(await awaitMail(target)).not.toBeNull();
    // That was the third e-mail to this address today; B's re-send would be the fourth.
    const fromB = (await rows<{ id: string }>(`SELECT id FROM catalog.invitations WHERE email = $1 AND organization_id = $2`, [target, b.orgId]))[0].id;
    const before = await footprint(fromB, b.orgId);
    const r = await api(RESEND, { id: fromB }, { token: b.token, lang: 'en' });
    expect(r.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(r.errors?.[0].message).toMatch(/^This e-mail address has received as many invitations as allowed for today/);
    expect(await footprint(fromB, b.orgId)).toEqual(before);
    expect(await awaitMail(target, 1)).toBeNull();
  });

  it('refuses a suspended organization re-sending, writing nothing', async () => {
    const o = await signUpOwner();
    const email = uniqueEmail('tam-ngung');
    const id = await invite(o.token, email);
    const admin = await adminToken();
    await rows(`UPDATE catalog.organizations SET verification = 'VERIFIED' WHERE id = $1`, [o.orgId]);
    expect((await api(SUSPEND, { id: o.orgId, reason: 'Thử tạm ngừng' }, { token: admin })).errors).toBeUndefined();
    // Suspension ends the owner's sessions; a new one is refused the re-send all the same.
    const token = (await signInAs(o.email, o.password)).accessToken;
    const before = await footprint(id, o.orgId);
    expect(errorCode(await api(RESEND, { id }, { token }))).toBe('FORBIDDEN');
    expect(await footprint(id, o.orgId)).toEqual(before);
  });
});

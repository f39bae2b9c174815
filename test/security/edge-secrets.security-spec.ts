import { simpleParser } from 'mailparser';
import { AuthUser, invitationToken, issueAccessToken, PlatformRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { errorCode, gql, uniqueEmail } from '@lienket/testing';
import { api, awaitMail, rows, signUpOwner } from '../support/e2e';
import { catalogUrl } from '../support/edge';

// Secrets: nothing anyone can read in the repository signs a token or an invitation link, and the
// access-token key does not open invitation links (docs/security.md, section edge).

/** The secret every copy of the repository shipped before issue 8. */
const OLD_REPOSITORY_SECRET = 'lienket-development-secret-change-me-in-production';

const ME = `{ me { id email } }`;
const QUEUE = `{ moderationQueue(first: 5) { edges { node { subjectId } } } }`;
const INVITE = `mutation I($email: String!) { inviteMember(email: $email, role: MANAGER) { id } }`;
const ACCEPT = `mutation A($token: String!) { acceptInvitation(token: $token, fullName: "Người lạ", password: "mat-khau-nguoi-la") { accessToken } }`;

describe('tokens signed with the old repository secret', () => {
  it('are UNAUTHENTICATED through the gateway and at the subgraph, even naming the real admin', async () => {
    const [admin] = await rows<{ id: string }>(`SELECT id FROM catalog.users WHERE email = $1`, [process.env.E2E_ADMIN_EMAIL]);
    const claims: Omit<AuthUser, 'issuedAt'> = { id: admin.id, organizationId: null, organizationRole: null, platformRole: PlatformRole.ADMIN, organizationVerification: null };
    const forged = issueAccessToken(claims, OLD_REPOSITORY_SECRET, 900);
    const me = await api(ME, {}, { token: forged });
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.data?.me ?? null).toBeNull();
    const queue = await api(QUEUE, {}, { token: forged });
    expect(errorCode(queue)).toBe('UNAUTHENTICATED');
    expect(queue.data?.moderationQueue ?? null).toBeNull();
    // The subgraph verifies the token itself: called as the gateway, the caller is still nobody.
    expect(errorCode(await gql(catalogUrl(), QUEUE, {}, { token: forged }))).toBe('UNAUTHENTICATED');
    // The same claims signed with this installation's key work: the refusal is about the key alone.
    expect((await api(QUEUE, {}, { token: issueAccessToken(claims, loadConfig().auth.jwtSecret, 900) })).errors).toBeUndefined();
  });
});

describe('invitation links', () => {
  it('refuses a link MAC’d with the access-token key, creating no account and leaving the invitation open', async () => {
    const owner = await signUpOwner();
    const email = uniqueEmail('invited');
    expect((await api(INVITE, { email }, { token: owner.token })).errors).toBeUndefined();
    const [inv] = await rows<{ id: string; nonce: string }>(`SELECT id, nonce FROM catalog.invitations WHERE email = $1`, [email]);

    const forged = invitationToken(inv.id, inv.nonce, loadConfig().auth.jwtSecret);
    const refused = await api(ACCEPT, { token: forged });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(refused.data?.acceptInvitation ?? null).toBeNull();
    expect(await rows(`SELECT id FROM catalog.users WHERE email = $1`, [email])).toEqual([]);
    expect(await rows(`SELECT accepted_at FROM catalog.invitations WHERE id = $1`, [inv.id])).toEqual([{ accepted_at: null }]);
    expect(await rows(`SELECT id FROM catalog.audit_log WHERE action = 'organization.member_joined' AND subject_id = $1`, [owner.orgId])).toEqual([]);

    // The link the e-mail carries (MAC'd with the invitation key) is the one that works.
    const mail = await simpleParser((await awaitMail(email))!.raw);
    const link = decodeURIComponent(/loi-moi\?token=([^\s]+)/.exec(mail.text ?? '')![1]);
    expect(link).not.toBe(forged);
    expect((await api(ACCEPT, { token: link })).errors).toBeUndefined();
  });
});

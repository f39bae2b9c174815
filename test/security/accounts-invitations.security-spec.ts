// Abuse by e-mail through the running stack: invitation limits, suspended organizations, and names
// that try to put links into the platform's e-mails (read back from the real SMTP listener).
import { simpleParser, ParsedMail } from 'mailparser';
import { SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { adminToken, api, approve, awaitMail, rows, signInAs, signUpOwner } from '../support/e2e';

jest.setTimeout(60_000);

const INVITE = `mutation I($email: String!) { inviteMember(email: $email, role: MEMBER) { id email } }`;
const PROFILE = `mutation P($input: OrganizationProfileInput!) { updateOrganizationProfile(input: $input) { id description } }`;
const SUSPEND = `mutation S($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id verification } }`;

/** Everything an invitation or a profile edit of one organization writes. */
async function writtenBy(orgId: string) {
  const [s] = await rows(
    `SELECT (SELECT count(*)::int FROM catalog.invitations WHERE organization_id = $1::uuid) AS invitations,
            (SELECT count(*)::int FROM catalog.audit_log WHERE subject_id = $1::text) AS audit,
            (SELECT count(*)::int FROM catalog.outbox WHERE event_type = 'member.invited' AND payload->>'organizationName' = o.name) AS invite_events,
            o.description, o.phone, o.member_count, o.updated_at
       FROM catalog.organizations o WHERE o.id = $1::uuid`,
    [orgId],
  );
  return s;
}

describe('invitation limits', () => {
  it('lets one address receive 3 invitations a day from any organizations, refusing the fourth with nothing written', async () => {
    const target = uniqueEmail('bi-spam');
    const senders = [await signUpOwner(), await signUpOwner(), await signUpOwner(), await signUpOwner()];
    for (const s of senders.slice(0, 3)) expect((await api(INVITE, { email: target }, { token: s.token })).errors).toBeUndefined();
    const last = senders[3];
    const before = await writtenBy(last.orgId);
    const r = await api(INVITE, { email: target }, { token: last.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({
      extensions: { code: 'TOO_MANY_REQUESTS' },
      message: expect.stringMatching(/^This e-mail address has received as many invitations as allowed for today\. Please try again in 2[34] hours\.$/),
    });
    expect(await writtenBy(last.orgId)).toEqual(before);
    expect(await rows(`SELECT count(*)::int AS n FROM catalog.invitations WHERE email = $1`, [target])).toEqual([{ n: 3 }]);
  });
});

describe('a suspended organization', () => {
  async function suspended() {
    const owner = await signUpOwner();
    await approve('ORGANIZATION', owner.orgId);
    expect((await api(SUSPEND, { id: owner.orgId, reason: 'Nhiều báo cáo gian lận' }, { token: await adminToken() })).errors).toBeUndefined();
    // Suspension ended the old session; its owner can still sign in (to read why), with the new state.
    const session = await signInAs(owner.email, owner.password);
    return { ...owner, token: session.accessToken };
  }

  it('cannot invite: FORBIDDEN in the caller language, and nothing written', async () => {
    const org = await suspended();
    const before = await writtenBy(org.orgId);
    const email = uniqueEmail('moi');
    const r = await api(INVITE, { email }, { token: org.token, lang: 'en' });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'Your organization is suspended, so it cannot invite members. See the reason on your account page.' });
    expect(await writtenBy(org.orgId)).toEqual(before);
    expect(await rows(`SELECT 1 FROM catalog.invitations WHERE email = $1`, [email])).toEqual([]);
  });

  it('cannot edit its profile: FORBIDDEN, and the profile and audit log are unchanged', async () => {
    const org = await suspended();
    const before = await writtenBy(org.orgId);
    const r = await api(PROFILE, { input: { description: 'Liên hệ www.lua-dao.vn', phone: '0901234567', memberCount: 9 } }, { token: org.token });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/^Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể sửa hồ sơ/) });
    expect(r.data?.updateOrganizationProfile ?? null).toBeNull();
    expect(await writtenBy(org.orgId)).toEqual(before);
  });
});

describe('names and free text in e-mails', () => {
  const ORG_NAME = 'evil.com <a href="http://evil.com/login">Bấm vào đây</a>';
  const PERSON = 'www.evil.com hoặc ceo@evil.com';
  const REASON = 'Xem chi tiết tại http://x và //evil.com/giai-trinh';
  const ZWJ = /\u200d/g;

  /** Every link a mail client could show: anchors in the HTML part and in the text as mailparser linkifies it. */
  const linksOf = (m: ParsedMail) =>
    [...`${m.html || ''}\n${m.textAsHtml ?? ''}`.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((x) => x[1].replace(/&amp;/g, '&'));

  async function mails(to: string, n: number): Promise<ParsedMail[]> {
    const out: ParsedMail[] = [];
    for (let i = 0; i < n; i++) out.push(await simpleParser((await awaitMail(to))!.raw));
    return out;
  }

  it('arrive as plain text: no link but our own, the names shown exactly as written, markup shown not rendered', async () => {
    const input = { ...signUpInput({ name: ORG_NAME }), fullName: PERSON };
    const signUp = await api<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(SIGN_UP, { input });
    expect(signUp.errors).toBeUndefined();
    const orgId = signUp.data!.signUp.user.organization.id;
    const invitee = uniqueEmail('duoc-moi');
    expect((await api(INVITE, { email: invitee }, { token: signUp.data!.signUp.accessToken })).errors).toBeUndefined();
    await approve('ORGANIZATION', orgId);
    expect((await api(SUSPEND, { id: orgId, reason: REASON }, { token: await adminToken() })).errors).toBeUndefined();

    // Registration received, verified, suspended (with the reason) to the owner; the invitation to the invitee.
    const received = [...(await mails(input.email, 3)), ...(await mails(invitee, 1))];
    const origin = process.env.E2E_GATEWAY_URL!.replace('127.0.0.1', 'localhost');
    for (const m of received) {
      const links = linksOf(m);
      expect([m.subject, links.filter((href) => !href.startsWith(origin))]).toEqual([m.subject, []]);
      expect(links.length).toBeGreaterThan(0);
      expect(m.html || '').not.toMatch(/<a\b[^>]*href="[^"]*evil/i);
      expect(m.text!.replace(ZWJ, '')).toContain(ORG_NAME);
      expect(m.html || '').toContain('&lt;a href=');
    }
    const [invitation] = received.slice(3);
    expect(invitation.text!.replace(ZWJ, '')).toContain(`${PERSON} mời bạn tham gia ${ORG_NAME}`);
    expect(received.some((m) => m.text!.replace(ZWJ, '').includes(REASON))).toBe(true);
  });
});

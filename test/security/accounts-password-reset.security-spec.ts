// Password reset by e-mail, attacked through the running stack: the link is one-time, expires,
// cannot be forged or guessed, is throttled, never tells who has an account, and ends old sessions.
import { createHmac } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { errorCode, REFRESH, SIGN_IN } from '@lienket/testing';
import { api, awaitMail, rows, signUpOwner } from '../support/e2e';

jest.setTimeout(60_000);

const REQUEST = `mutation R($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation P($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) }`;
const ME = `query { me { id email } }`;
const NEW_PASSWORD = 'mat-khau-moi-that-dai-2026';

/** What a reset could change for one user: the password, the links, the sessions, the audit trail. */
async function stateOf(userId: string) {
  const [s] = await rows<{ password_hash: string; open_links: number; live_sessions: number; audit: number }>(
    `SELECT (SELECT password_hash FROM catalog.users WHERE id = $1::uuid) AS password_hash,
            (SELECT count(*)::int FROM catalog.password_resets WHERE user_id = $1 AND used_at IS NULL) AS open_links,
            (SELECT count(*)::int FROM catalog.refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL) AS live_sessions,
            (SELECT count(*)::int FROM catalog.audit_log WHERE subject_id = $1::text) AS audit`,
    [userId],
  );
  return s;
}

/** Reset e-mails queued for these addresses (other test files write the outbox at the same time). */
const eventsFor = async (...emails: string[]) =>
  (
    await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog.outbox WHERE event_type = 'password.reset_requested' AND payload->>'email' = ANY($1)`,
      // PostgreSQL text cannot hold NUL, so such an address cannot have been written either.
      [emails.filter((e) => !e.includes('\u0000')).map((e) => e.trim().toLowerCase())],
    )
  )[0].n;

/** Asks for a link and reads it from the e-mail the SMTP listener received. */
async function resetLink(email: string): Promise<string> {
  const r = await api(REQUEST, { email });
  expect(r).toMatchObject({ data: { requestPasswordReset: true } });
  // The owner's inbox also gets the registration e-mail, in either order.
  for (;;) {
    const received = await awaitMail(email);
    expect(received).not.toBeNull();
    const link = /\/dat-lai-mat-khau\?token=(\S+)/.exec((await simpleParser(received!.raw)).text ?? '');
    if (link) return decodeURIComponent(link[1]);
  }
}

describe('password reset by e-mail', () => {
  it('resets with the e-mailed link, ending every other session, and the new password signs in', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    const before = await stateOf(owner.userId);
    expect(before.open_links).toBe(1);

    expect(await api(RESET, { token, pw: NEW_PASSWORD })).toMatchObject({ data: { resetPassword: true } });

    // The access token issued before stops at once, the refresh token too; the old password is gone.
    expect(errorCode(await api(ME, {}, { token: owner.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(REFRESH, { token: owner.refresh }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api(SIGN_IN, { email: owner.email, password: owner.password }))).toBe('UNAUTHENTICATED');
    const fresh = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: owner.email, password: NEW_PASSWORD });
    expect(fresh.errors).toBeUndefined();
    expect(await api(ME, {}, { token: fresh.data!.signIn.accessToken })).toMatchObject({ data: { me: { id: owner.userId } } });
    const after = await stateOf(owner.userId);
    expect(after).toMatchObject({ open_links: 0, audit: before.audit + 1 });
    expect(after.password_hash).not.toBe(before.password_hash);
    const [entry] = await rows(`SELECT action FROM catalog.audit_log WHERE subject_id = $1::text ORDER BY id DESC LIMIT 1`, [owner.userId]);
    expect(entry).toEqual({ action: 'user.password_reset' });
  });

  it('refuses a second use of the same link, changing nothing', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    expect(await api(RESET, { token, pw: NEW_PASSWORD })).toMatchObject({ data: { resetPassword: true } });
    const signedIn = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: owner.email, password: NEW_PASSWORD });
    const before = await stateOf(owner.userId);

    const again = await api(RESET, { token, pw: 'mat-khau-cua-ke-gian-2026' }, { lang: 'en' });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' }, message: expect.stringMatching(/^This password reset link is no longer valid/) });
    expect(await stateOf(owner.userId)).toEqual(before);
    expect(await api(ME, {}, { token: signedIn.data!.signIn.accessToken })).toMatchObject({ data: { me: { id: owner.userId } } });
  });

  it('lets only one of two parallel uses of one link succeed', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    const results = await Promise.all([api(RESET, { token, pw: 'mat-khau-thu-nhat-2026' }), api(RESET, { token, pw: 'mat-khau-thu-hai-2026' })]);
    expect(results.map((r) => errorCode(r) ?? 'ok').sort()).toEqual(['BAD_USER_INPUT', 'ok']);
    const winner = results.findIndex((r) => !r.errors);
    const password = ['mat-khau-thu-nhat-2026', 'mat-khau-thu-hai-2026'][winner];
    expect((await api(SIGN_IN, { email: owner.email, password })).errors).toBeUndefined();
  });

  it('refuses an expired link (older than its hour), changing nothing', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    await rows(`UPDATE catalog.password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [owner.userId]);
    const before = await stateOf(owner.userId);
    expect(errorCode(await api(RESET, { token, pw: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
    expect(await stateOf(owner.userId)).toEqual(before);
    expect(before.live_sessions).toBeGreaterThan(0);
    expect((await api(SIGN_IN, { email: owner.email, password: owner.password })).errors).toBeUndefined();
  });

  it('refuses forged, guessed, truncated and borrowed tokens, changing nothing', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    const [id, mac] = token.split('.');
    const guessedKey = (key: string) => `${id}.${createHmac('sha256', key).update(`password-reset:${id}:x`).digest('base64url')}`;
    const forgeries = [
      `${id}.${'A'.repeat(mac.length)}`,
      `${id}.${mac.slice(0, -1)}`,
      `${id}.${mac}x`,
      `${id}.${mac.toUpperCase()}`,
      guessedKey('lienket-dev-secret-change-me'),
      guessedKey(''),
      `${id}`,
      `.${mac}`,
      `${id}.${mac}`.replace(id[0], id[0] === 'a' ? 'b' : 'a'),
      'not-a-token',
      '',
      `${id}\u0000.${mac}`,
      `${token}.${'x'.repeat(5000)}`,
    ];
    const before = await stateOf(owner.userId);
    for (const forged of forgeries) {
      const r = await api(RESET, { token: forged, pw: NEW_PASSWORD });
      expect([forged.slice(0, 60), errorCode(r), r.data?.resetPassword ?? null]).toEqual([forged.slice(0, 60), 'BAD_USER_INPUT', null]);
    }
    expect(await stateOf(owner.userId)).toEqual(before);
    // The real link still works after all that.
    expect(await api(RESET, { token, pw: NEW_PASSWORD })).toMatchObject({ data: { resetPassword: true } });
  });

  it('refuses a weak new password without using up the link', async () => {
    const owner = await signUpOwner();
    const token = await resetLink(owner.email);
    const before = await stateOf(owner.userId);
    for (const pw of ['ngan', '', 'x'.repeat(201)]) {
      const r = await api(RESET, { token, pw }, { lang: 'en' });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    }
    expect(await stateOf(owner.userId)).toEqual(before);
    expect(await api(RESET, { token, pw: NEW_PASSWORD })).toMatchObject({ data: { resetPassword: true } });
  });

  it('answers an unknown address exactly like a known one and writes nothing for it', async () => {
    const owner = await signUpOwner();
    const nobody = `khong-co-ai.${Date.now()}@test.lienket.vn`;
    const unknown = await api(REQUEST, { email: nobody });
    const known = await api(REQUEST, { email: owner.email });
    expect(unknown).toEqual(known);
    expect(await eventsFor(nobody)).toBe(0);
    expect(await eventsFor(owner.email)).toBe(1);
  });

  it('refuses malformed addresses as bad input, writing nothing', async () => {
    // A user whose address differs from each bad input only by what makes it bad.
    const owner = await signUpOwner();
    const [local, domain] = owner.email.split('@');
    const bad = ['', local, `${'a'.repeat(250)}${owner.email}`, `${local}@${domain}\u0000`, ` ${local} @${domain}`];
    for (const email of bad) {
      const r = await api(REQUEST, { email });
      expect([email.slice(0, 20), errorCode(r), r.errors?.[0].extensions?.field]).toEqual([email.slice(0, 20), 'BAD_USER_INPUT', 'email']);
    }
    expect(await eventsFor(owner.email, ...bad)).toBe(0);
    expect(await stateOf(owner.userId)).toMatchObject({ open_links: 0 });
  });

  it('sends one account at most 3 links an hour, refusing more with the minutes to wait and writing nothing', async () => {
    const owner = await signUpOwner();
    for (let i = 0; i < 3; i++) expect(await api(REQUEST, { email: owner.email })).toMatchObject({ data: { requestPasswordReset: true } });
    const before = await stateOf(owner.userId);
    const fourth = await api(REQUEST, { email: owner.email });
    expect(fourth.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/^Có quá nhiều yêu cầu đặt lại mật khẩu\. Vui lòng thử lại sau (59|60) phút\.$/) });
    expect(await stateOf(owner.userId)).toEqual(before);
    expect(await eventsFor(owner.email)).toBe(3);
    expect(before.open_links).toBe(3);
  });
});

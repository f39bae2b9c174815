import { errorCode, REFRESH } from '@lienket/testing';
import { api, rows, signInAs, signUpOwner } from '../support/e2e';
import {
  accessThroughBothSubgraphs,
  familyRows,
  openSession,
  REFUSED,
  SERVED,
  sessionCall,
  sessionOf,
  tokenRow,
} from '../support/sessions';

// The stack runs with the default grace (REFRESH_REUSE_GRACE_SECONDS=30); "after the grace" is
// reached by dating the first use back, not by waiting.
const GRACE_SECONDS = 30;
const backdateUse = (cookie: string, seconds: number) =>
  rows(`UPDATE catalog.refresh_tokens SET used_at = now() - make_interval(secs => $2) WHERE id = $1`, [cookie.split('.')[0], seconds]);

describe('the session cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, scoped to /api/session, and the body never carries the refresh token', async () => {
    const owner = await signUpOwner();
    const a = await sessionCall('POST', '', { body: { email: owner.email, password: owner.password } });
    expect(a.status).toBe(200);
    const attributes = a.setCookie!.split(';').slice(1).map((s) => s.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/api/session', 'httponly', 'secure', 'samesite=strict']));
    expect(attributes.some((s) => s.startsWith('max-age=') || s.startsWith('expires='))).toBe(true);
    expect(Object.keys(a.body!).sort()).toEqual(['accessToken', 'user']);
    expect(a.text).not.toContain(a.cookie!.split('.')[1]);
    expect(a.body!.user!.email).toBe(owner.email);
    // The cookie is a live refresh token of the session the access token names.
    expect((await familyRows(sessionOf(a.body!.accessToken!)!)).map((r) => r.id)).toContain(a.cookie!.split('.')[0]);
  });

  it('refuses a wrong password with the code and message of the GraphQL sign-in, and sets no cookie', async () => {
    const owner = await signUpOwner();
    const before = await rows(`SELECT id FROM catalog.refresh_tokens WHERE user_id = $1`, [owner.userId]);
    const a = await sessionCall('POST', '', { body: { email: owner.email, password: 'not-the-password' }, headers: { 'accept-language': 'en' } });
    expect([a.status, a.body?.errors?.[0].extensions?.code, a.body?.errors?.[0].message, a.setCookie]).toEqual([401, 'UNAUTHENTICATED', 'Wrong e-mail or password.', null]);
    expect(await rows(`SELECT id FROM catalog.refresh_tokens WHERE user_id = $1`, [owner.userId])).toEqual(before);
  });

  it('keeps the GraphQL signIn and refreshToken working for other clients, in one session', async () => {
    const owner = await signUpOwner();
    const pair = await signInAs(owner.email, owner.password);
    const refreshed = await api<{ refreshToken: { accessToken: string; refreshToken: string } }>(REFRESH, { token: pair.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    expect(sessionOf(refreshed.data!.refreshToken.accessToken)).toBe(sessionOf(pair.accessToken));
    expect(await accessThroughBothSubgraphs(refreshed.data!.refreshToken.accessToken)).toEqual(SERVED);
  });
});

describe('two tabs refreshing at once', () => {
  it('both get a working session of the same family from one cookie; nothing is revoked', async () => {
    const owner = await signUpOwner();
    const { accessToken, cookie } = await openSession(owner.email, owner.password);
    const answers = await Promise.all([1, 2, 3].map(() => sessionCall('POST', '/refresh', { cookie })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const a of answers) {
      expect(sessionOf(a.body!.accessToken!)).toBe(sessionOf(accessToken));
      expect(a.cookie).not.toBe(cookie);
      expect(await accessThroughBothSubgraphs(a.body!.accessToken!)).toEqual(SERVED);
    }
    const family = await familyRows(sessionOf(accessToken)!);
    expect(family.filter((r) => r.revoked)).toEqual([]);
    // The old cookie plus one successor per tab; each successor refreshes in turn.
    expect(family).toHaveLength(4);
    const next = await sessionCall('POST', '/refresh', { cookie: answers[2].cookie! });
    expect(next.status).toBe(200);
  });

  it('a replay after the grace revokes the whole family: its access tokens stop at once in both subgraphs', async () => {
    const owner = await signUpOwner();
    const first = await openSession(owner.email, owner.password);
    const rotated = await sessionCall('POST', '/refresh', { cookie: first.cookie });
    expect(rotated.status).toBe(200);
    const live = rotated.body!.accessToken!;
    expect(await accessThroughBothSubgraphs(live)).toEqual(SERVED);
    // Another session of the same person, which the replay must not touch.
    const other = await openSession(owner.email, owner.password);

    await backdateUse(first.cookie, GRACE_SECONDS + 1);
    const replay = await sessionCall('POST', '/refresh', { cookie: first.cookie, headers: { 'accept-language': 'en' } });
    expect([replay.status, replay.body?.errors?.[0].extensions?.code, replay.cookie]).toEqual([401, 'UNAUTHENTICATED', '']);

    expect((await familyRows(sessionOf(live)!)).every((r) => r.revoked)).toBe(true);
    expect(await accessThroughBothSubgraphs(live)).toEqual(REFUSED);
    expect((await sessionCall('POST', '/refresh', { cookie: rotated.cookie! })).status).toBe(401);
    expect(await accessThroughBothSubgraphs(other.accessToken)).toEqual(SERVED);
    expect((await familyRows(sessionOf(other.accessToken)!)).some((r) => r.revoked)).toBe(false);
  });

  it('once a replay revoked the family, its newest cookie opens nothing and adds no token', async () => {
    const owner = await signUpOwner();
    const first = await openSession(owner.email, owner.password);
    const rotated = await sessionCall('POST', '/refresh', { cookie: first.cookie });
    await backdateUse(first.cookie, GRACE_SECONDS + 1);
    expect((await sessionCall('POST', '/refresh', { cookie: first.cookie })).status).toBe(401);
    const countBefore = (await familyRows(sessionOf(rotated.body!.accessToken!)!)).length;
    expect((await sessionCall('POST', '/refresh', { cookie: rotated.cookie! })).status).toBe(401);
    expect((await familyRows(sessionOf(rotated.body!.accessToken!)!)).length).toBe(countBefore);
  });
});

describe('signing out', () => {
  it('ends that session’s access tokens at once in catalog and procurement; the person’s other session goes on', async () => {
    const owner = await signUpOwner();
    const here = await openSession(owner.email, owner.password);
    const elsewhere = await openSession(owner.email, owner.password);
    expect(await accessThroughBothSubgraphs(here.accessToken)).toEqual(SERVED);

    const out = await sessionCall('DELETE', '', { cookie: here.cookie, token: here.accessToken });
    expect([out.status, out.cookie]).toEqual([204, '']);
    expect(await accessThroughBothSubgraphs(here.accessToken)).toEqual(REFUSED);
    expect((await sessionCall('POST', '/refresh', { cookie: here.cookie })).status).toBe(401);
    expect((await familyRows(sessionOf(here.accessToken)!)).every((r) => r.revoked)).toBe(true);

    expect(await accessThroughBothSubgraphs(elsewhere.accessToken)).toEqual(SERVED);
    expect((await familyRows(sessionOf(elsewhere.accessToken)!)).some((r) => r.revoked)).toBe(false);
  });

  it('with only the cookie (no access token) ends the session too', async () => {
    const owner = await signUpOwner();
    const s = await openSession(owner.email, owner.password);
    expect((await sessionCall('DELETE', '', { cookie: s.cookie })).status).toBe(204);
    expect(await accessThroughBothSubgraphs(s.accessToken)).toEqual(REFUSED);
  });

  it('with a forged cookie ends nothing', async () => {
    const owner = await signUpOwner();
    const s = await openSession(owner.email, owner.password);
    const forged = `${s.cookie.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await sessionCall('DELETE', '', { cookie: forged })).status).toBe(204);
    expect(await accessThroughBothSubgraphs(s.accessToken)).toEqual(SERVED);
    expect((await familyRows(sessionOf(s.accessToken)!)).some((r) => r.revoked)).toBe(false);
  });
});

describe('cross-site requests to the session routes', () => {
  it('refuses a form-encoded refresh (what a cross-site form can send) with FORBIDDEN and consumes nothing', async () => {
    const owner = await signUpOwner();
    const s = await openSession(owner.email, owner.password);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const a = await sessionCall('POST', '/refresh', { cookie: s.cookie, headers: { 'content-type': type }, body: 'a=b' });
      expect([type, a.status, a.body?.errors?.[0].extensions?.code, a.setCookie]).toEqual([type, 403, 'FORBIDDEN', null]);
    }
    expect(await tokenRow(s.cookie)).toEqual({ used: false, revoked: false });
  });

  it('refuses a JSON refresh and sign-out that the browser says came from another site, and changes nothing', async () => {
    const owner = await signUpOwner();
    const s = await openSession(owner.email, owner.password);
    const headers = { 'sec-fetch-site': 'cross-site' };
    expect((await sessionCall('POST', '/refresh', { cookie: s.cookie, headers })).status).toBe(403);
    expect((await sessionCall('DELETE', '', { cookie: s.cookie, token: s.accessToken, headers })).status).toBe(403);
    expect(await tokenRow(s.cookie)).toEqual({ used: false, revoked: false });
    expect(await accessThroughBothSubgraphs(s.accessToken)).toEqual(SERVED);
  });

  it('refuses a sign-in posted as a form, and writes no token', async () => {
    const owner = await signUpOwner();
    const before = await rows(`SELECT id FROM catalog.refresh_tokens WHERE user_id = $1`, [owner.userId]);
    const a = await sessionCall('POST', '', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${encodeURIComponent(owner.email)}&password=${encodeURIComponent(owner.password)}`,
    });
    expect([a.status, errorCode({ status: a.status, errors: a.body?.errors }), a.setCookie]).toEqual([403, 'FORBIDDEN', null]);
    expect(await rows(`SELECT id FROM catalog.refresh_tokens WHERE user_id = $1`, [owner.userId])).toEqual(before);
  });
});

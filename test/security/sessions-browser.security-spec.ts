import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { uniqueEmail, uniqueTaxCode } from '@lienket/testing';
import { DESKTOP, origin, PHONE, signIn, useBrowser } from '../support/browser';
import { api, awaitMail, cooperative, signUpOwner } from '../support/e2e';
import { accessThroughBothSubgraphs, familyRows, REFUSED, SERVED, SESSION_COOKIE, sessionOf, sessionUrl, tokenRow } from '../support/sessions';

const newPage = useBrowser();

const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE) ?? null;

/** Resolves with the next answer of a session route (path '' or '/refresh') and the method. */
const nextSessionAnswer = (page: Page, path: '' | '/refresh', method: 'POST' | 'DELETE') =>
  page.waitForResponse((r) => r.url() === sessionUrl(path) && r.request().method() === method);

/** Waits until the account page shows this person: the session is there. */
const accountShows = (page: Page, email: string) => page.getByTestId('account-email').filter({ hasText: email }).waitFor();

/** Everything scripts of the page can read: localStorage and sessionStorage, and document.cookie. */
const scriptVisible = (page: Page) =>
  page.evaluate<string>(`JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })`);

describe('the refresh token in the browser', () => {
  it('after sign-in is in an HttpOnly, Secure, SameSite=Strict cookie on /api/session that no script sees; a reload keeps the user signed in', async () => {
    const owner = await signUpOwner();
    const page = await newPage(DESKTOP);
    const opened = nextSessionAnswer(page, '', 'POST');
    await signIn(page, owner.email, owner.password);
    const answer = await opened;
    await accountShows(page, owner.email);

    const cookie = (await sessionCookie(page))!;
    expect({ httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite, path: cookie.path }).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/session',
    });
    const secret = cookie.value.split('.')[1];
    expect(secret).toHaveLength(43);
    expect(await answer.text()).not.toContain(secret);
    const visible = await scriptVisible(page);
    expect(visible).not.toContain(secret);
    expect(visible).not.toContain(SESSION_COOKIE);
    expect(visible).not.toMatch(/token/i);
    // Not even a page on the cookie's own path can read it.
    const onPath = await page.context().newPage();
    await onPath.goto(sessionUrl('/probe'));
    expect(await scriptVisible(onPath)).not.toContain(secret);

    const restored = nextSessionAnswer(page, '/refresh', 'POST');
    await page.reload();
    expect((await restored).status()).toBe(200);
    await accountShows(page, owner.email);
    // The refresh rotated the cookie: the one read above is now used.
    expect((await sessionCookie(page))!.value).not.toBe(cookie.value);
    expect(await tokenRow(cookie.value)).toEqual({ used: true, revoked: false });
    await page.context().close();
  });

  it('two tabs reloading at once both stay signed in, and the session is not revoked', async () => {
    const owner = await signUpOwner();
    const first = await newPage(DESKTOP);
    await signIn(first, owner.email, owner.password);
    const second = await first.context().newPage();
    await second.goto(`${origin()}/tai-khoan`);
    await accountShows(second, owner.email);

    const refreshes = [nextSessionAnswer(first, '/refresh', 'POST'), nextSessionAnswer(second, '/refresh', 'POST')];
    await Promise.all([first.reload(), second.reload()]);
    const answers = await Promise.all(refreshes);
    expect(answers.map((a) => a.status())).toEqual([200, 200]);
    await Promise.all([accountShows(first, owner.email), accountShows(second, owner.email)]);
    const { accessToken } = (await answers[0].json()) as { accessToken: string };
    expect((await familyRows(sessionOf(accessToken)!)).filter((r) => r.revoked)).toEqual([]);
    await first.context().close();
  });

  it('signing out ends the old access token at once in catalog and procurement, clears the cookie, and the other tab follows', async () => {
    const owner = await signUpOwner();
    const page = await newPage(DESKTOP);
    const opened = nextSessionAnswer(page, '', 'POST');
    await signIn(page, owner.email, owner.password);
    const { accessToken } = (await (await opened).json()) as { accessToken: string };
    const other = await page.context().newPage();
    await other.goto(`${origin()}/tai-khoan`);
    await accountShows(other, owner.email);
    expect(await accessThroughBothSubgraphs(accessToken)).toEqual(SERVED);

    const ended = nextSessionAnswer(page, '', 'DELETE');
    await page.getByTestId('signout').click();
    expect((await ended).status()).toBe(204);
    await page.waitForURL(/\/dang-nhap$/);
    expect(await accessThroughBothSubgraphs(accessToken)).toEqual(REFUSED);
    expect(await sessionCookie(page)).toBeNull();
    await other.waitForURL(/\/dang-nhap$/);
    expect((await familyRows(sessionOf(accessToken)!)).every((r) => r.revoked)).toBe(true);

    await page.reload();
    await page.getByTestId('signin-email').waitFor();
    await page.context().close();
  });

  it('after sign-up in the browser the session is in the cookie: a reload keeps the new owner signed in', async () => {
    const page = await newPage(PHONE);
    const email = uniqueEmail('phien');
    await page.goto(`${origin()}/dang-ky`);
    await page.getByTestId('signup-kind-COOPERATIVE').check();
    await page.getByTestId('signup-org-name').fill('HTX Dịch vụ Nông nghiệp Phiên Thử');
    await page.getByTestId('signup-tax-code').fill(uniqueTaxCode());
    await page.getByTestId('signup-province').click();
    await page.keyboard.type('an giang');
    await page.keyboard.press('Enter');
    await page.getByTestId('signup-full-name').fill('Phạm Văn Phiên');
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill('mat-khau-phien-2026');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/tai-khoan$/);
    await accountShows(page, email);
    expect((await sessionCookie(page))?.httpOnly).toBe(true);
    expect(await scriptVisible(page)).not.toMatch(/token/i);

    await page.reload();
    await accountShows(page, email);
    await page.context().close();
  });

  it('after accepting an invitation in the browser the session is in the cookie: a reload keeps the member signed in', async () => {
    const owner = await cooperative('HTX Chè Shan Tuyết Phiên Thử', { verified: true });
    const email = uniqueEmail('moiphien');
    const invited = await api(`mutation I($email: String!) { inviteMember(email: $email, role: MEMBER) { id } }`, { email }, { token: owner.token });
    expect(invited.errors).toBeUndefined();
    const mail = await simpleParser((await awaitMail(email))!.raw);
    const token = /\/loi-moi\?token=(\S+)/.exec(mail.text ?? '')![1];

    const page = await newPage(PHONE);
    await page.goto(`${origin()}/loi-moi?token=${token}`);
    await page.getByTestId('invitation-full-name').fill('Hà Thị Phiên');
    await page.getByTestId('invitation-password').fill('mat-khau-thanh-vien-2026');
    await page.getByTestId('invitation-submit').click();
    await page.waitForURL(/\/to-chuc\/thanh-vien$/);
    const member = page.locator(`[data-testid="member"][data-email="${email}"]`);
    await member.waitFor();
    expect((await sessionCookie(page))?.httpOnly).toBe(true);

    await page.reload();
    await member.waitFor();
    expect(page.url()).toMatch(/\/to-chuc\/thanh-vien$/);
    await page.context().close();
  });
});

describe('a cross-site page', () => {
  let attacker: Server;
  let attackerOrigin: string;
  beforeAll(async () => {
    // Served on localhost while LienKet runs on 127.0.0.1: another site to the browser.
    attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><form id="f" method="POST" action="${sessionUrl('/refresh')}" enctype="text/plain">
        <input name='{"a":"' value='"}'></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

  it('cannot use the session cookie: its form POST to the refresh route is refused and rotates nothing', async () => {
    const owner = await signUpOwner();
    const page = await newPage(DESKTOP);
    await signIn(page, owner.email, owner.password);
    const cookie = (await sessionCookie(page))!;

    const refused = nextSessionAnswer(page, '/refresh', 'POST');
    await page.goto(`${attackerOrigin}/`);
    const answer = await refused;
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain('FORBIDDEN');
    // SameSite=Strict kept the cookie off the request in the first place.
    expect(await answer.request().headerValue('cookie')).toBeNull();
    expect(await tokenRow(cookie.value)).toEqual({ used: false, revoked: false });
    expect((await sessionCookie(page))!.value).toBe(cookie.value);
    await page.context().close();
  });
});

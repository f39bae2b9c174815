import { Locator } from 'playwright-core';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { useBrowser, SHOTS, origin, expectAccessible } from '../support/browser';
import { awaitMail, rows, signUpOwner } from '../support/e2e';

const newPage = useBrowser();

/** Waits (Playwright polls) until the element shows text matching `text`: never a one-time read. */
const shows = (l: Locator, text: RegExp) => l.filter({ hasText: text }).first().waitFor({ state: 'visible' });

/** The reset link from the newest reset e-mail to `email` (the registration e-mail may come first). */
async function resetPath(email: string): Promise<string> {
  for (;;) {
    const mail = await awaitMail(email);
    expect(mail).not.toBeNull();
    const link = /https?:\/\/[^/\s]+(\/dat-lai-mat-khau\?token=\S+)/.exec((await simpleParser(mail!.raw)).text ?? '');
    if (link) return link[1];
  }
}

describe('a cooperative owner who forgot the password, on a 390 px phone', () => {
  it('asks for a link from the sign-in page, sets a new password from the e-mail and signs in with it', async () => {
    const owner = await signUpOwner();
    const page = await newPage({ width: 390, height: 844 });

    await page.goto(`${origin()}/dang-nhap`);
    await page.getByTestId('signin-forgot').click();
    await page.waitForURL(/\/quen-mat-khau$/);
    await page.getByTestId('forgot-email').fill(owner.email);
    await page.getByTestId('forgot-submit').click();
    await shows(page.getByTestId('forgot-sent'), /Nếu e-mail này có tài khoản LienKet/);
    await expectAccessible(page, 'forgot-password-phone');
    await page.screenshot({ path: join(SHOTS, 'forgot-password-phone.png') });

    await page.goto(`${origin()}${await resetPath(owner.email)}`);
    await shows(page.locator('h1'), /Đặt mật khẩu mới/);
    // Too short: the server's message appears under the field, and the link is not used up.
    await page.getByTestId('reset-password').fill('ngan-qua');
    await page.getByTestId('reset-submit').click();
    await shows(page.locator('.ant-form-item-explain-error'), /cần ít nhất 10 ký tự/);
    expect(await rows(`SELECT 1 FROM catalog.password_resets WHERE user_id = $1 AND used_at IS NULL`, [owner.userId])).toHaveLength(1);

    await page.getByTestId('reset-password').fill('mat-khau-moi-cua-htx-2026');
    await page.getByTestId('reset-submit').click();
    await shows(page.getByTestId('reset-done'), /Đã đổi mật khẩu/);
    // Fits the phone: nothing wider than the screen.
    await page.waitForFunction('document.documentElement.scrollWidth <= window.innerWidth');
    await expectAccessible(page, 'reset-password-phone');
    await page.screenshot({ path: join(SHOTS, 'reset-password-phone.png') });

    await page.getByTestId('reset-to-signin').click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.getByTestId('signin-email').fill(owner.email);
    await page.getByTestId('signin-password').fill('mat-khau-moi-cua-htx-2026');
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/tai-khoan$/);
    await shows(page.getByTestId('account-email'), new RegExp(owner.email.replace(/[.]/g, '\\.')));
  });

  it('tells a person whose link was already used to ask for a new one', async () => {
    const owner = await signUpOwner();
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${origin()}/quen-mat-khau`);
    await page.getByTestId('forgot-email').fill(owner.email);
    await page.getByTestId('forgot-submit').click();
    await shows(page.getByTestId('forgot-sent'), /Nếu e-mail này có tài khoản LienKet/);
    const path = await resetPath(owner.email);
    await rows(`UPDATE catalog.password_resets SET used_at = now() WHERE user_id = $1`, [owner.userId]);

    await page.goto(`${origin()}${path}`);
    await page.getByTestId('reset-password').fill('mat-khau-moi-cua-htx-2026');
    await page.getByTestId('reset-submit').click();
    await shows(page.getByTestId('form-error'), /Liên kết đặt lại mật khẩu không còn hiệu lực/);
  });
});

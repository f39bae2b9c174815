import { Page } from 'playwright-core';
import { join } from 'node:path';
import { uniqueEmail, uniqueTaxCode } from '@lienket/testing';
import { useBrowser, SHOTS, origin, expectAccessible } from '../support/browser';
import { soon } from '../support/wait';
import { rows } from '../support/e2e';

const newPage = useBrowser();

/** Waits until a field's validation message is shown (antd renders it asynchronously). */
const fieldError = (page: Page) => page.locator('.ant-form-item-explain-error').first();

describe('a cooperative manager on a phone, in Vietnamese', () => {
  it('signs up, sees the pending verification, signs out and signs in again', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const email = uniqueEmail('chunhiem');
    const password = 'mat-khau-htx-2026';
    const taxCode = uniqueTaxCode();

    await page.goto(`${origin()}/`);
    await page.getByTestId('landing-signup-top').click();
    await page.waitForURL(/\/dang-ky$/);

    await page.getByTestId('signup-kind-COOPERATIVE').check();
    await page.getByTestId('signup-org-name').fill('HTX Nông nghiệp Mỹ Hòa Hưng');
    await page.getByTestId('signup-tax-code').fill('0101248142');
    await page.getByTestId('signup-province').click();
    await page.keyboard.type('an giang');
    await page.keyboard.press('Enter');
    await page.getByTestId('signup-full-name').fill('Lê Thị Hồng');
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(password);
    await page.getByTestId('signup-submit').click();

    // A wrong check digit: the server's Vietnamese message appears under the tax code field.
    await soon(() => fieldError(page).textContent()).toMatch(/Mã số thuế không hợp lệ/);
    expect(await rows(`SELECT 1 FROM catalog.users WHERE email = $1`, [email])).toHaveLength(0);

    await page.getByTestId('signup-tax-code').fill(taxCode);
    await expectAccessible(page, 'sign-up-phone');
    await page.screenshot({ path: join(SHOTS, 'sign-up-phone.png') });
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/tai-khoan$/);

    await soon(() => page.getByTestId('account-org-name').textContent()).toBe('HTX Nông nghiệp Mỹ Hòa Hưng');
    await soon(() => page.getByTestId('account-verification').getAttribute('data-status')).toBe('PENDING_VERIFICATION');
    await soon(() => page.getByTestId('account-verification').textContent()).toMatch(/chờ xác minh/i);
    await expectAccessible(page, 'account-phone');
    await page.screenshot({ path: join(SHOTS, 'account-phone.png'), fullPage: true });

    await page.getByTestId('signout').click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill('sai-mat-khau-roi');
    await page.getByTestId('signin-submit').click();
    await soon(() => page.getByTestId('form-error').textContent()).toMatch(/E-mail hoặc mật khẩu không đúng/);
    await expectAccessible(page, 'sign-in with a wrong password');

    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/tai-khoan$/);
    await soon(() => page.getByTestId('account-email').textContent()).toBe(email);
  });
});

describe('an enterprise buyer on a desktop', () => {
  it('reads the landing page in Vietnamese and switches to English', async () => {
    const page = await newPage({ width: 1280, height: 860 });
    await page.goto(`${origin()}/`);
    await soon(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await soon(() => page.getByTestId('landing-signup-top').textContent()).toMatch(/Đăng ký/);
    await expectAccessible(page, 'landing');
    await page.screenshot({ path: join(SHOTS, 'landing.png') });
    await page.getByTestId('lang-switch').click();
    await soon(() => page.locator('html').getAttribute('lang')).toBe('en');
    await soon(() => page.getByTestId('landing-signup-top').textContent()).toMatch(/Sign up|Register/i);
  });
});

import { Page } from 'playwright-core';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { uniqueEmail } from '@lienket/testing';
import { DESKTOP, expectAccessible, origin, PHONE, SHOTS, signIn, useBrowser } from '../support/browser';
import { api, awaitMail, rows, signUpOwner } from '../support/e2e';
import { productInput } from '../support/products';
import { soon } from '../support/wait';

// Getting started (issue 9 point 8) in the browser, on a 390 px phone and a desktop.

// Four journeys with e-mails and several pages each, on a machine shared with other runs.
jest.setTimeout(120_000);

const newPage = useBrowser();
const CREATE = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
const INVITE = `mutation I($email: String!, $role: OrganizationRole!) { inviteMember(email: $email, role: $role) { id } }`;

const steps = (page: Page) =>
  page
    .getByTestId('onboarding-step')
    .evaluateAll((els: { getAttribute(name: string): string | null }[]) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-done')}`));

/**
 * axe-core once the page is at rest: the pointer off any control (a hovered button is paler) and
 * antd's colour transitions finished, so the check judges the colours a person reads.
 */
async function accessible(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  // Transitions only (a spinner's animation never finishes); a cancelled one rejects `finished`,
  // and is over all the same.
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined)))",
  );
  await expectAccessible(page);
}

/** The link in the next invitation e-mail to `email`. */
async function linkIn(email: string): Promise<string> {
  const mail = await awaitMail(email);
  expect(mail).not.toBeNull();
  const text = (await simpleParser(mail!.raw)).text ?? '';
  return /(\/loi-moi\?token=[^\s]+)/.exec(text)![1];
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('getting started on a %s', (device, viewport) => {
  it('shows a new cooperative its checklist, ticked from what it did, each step leading to its page', async () => {
    const coop = await signUpOwner({ name: `HTX Cà phê Ea Tu ${device}` });
    const page = await newPage(viewport);
    await signIn(page, coop.email, coop.password);
    await soon(() => page.getByTestId('onboarding-progress').textContent()).toBe('Đã xong 0/4 bước');
    expect(await steps(page)).toEqual(['DOCUMENTS:false', 'PROFILE:false', 'FIRST_PRODUCT:false', 'VERIFICATION:false']);
    await accessible(page);
    if (device === 'phone') await page.screenshot({ path: join(SHOTS, 'onboarding-phone.png'), fullPage: true });

    await page.getByRole('link', { name: 'Tải lên giấy tờ xác minh' }).click();
    await page.waitForURL(/\/to-chuc\/tai-lieu$/);
    await page.goBack();
    await page.getByRole('link', { name: 'Thêm sản phẩm đầu tiên' }).click();
    await page.waitForURL(/\/san-pham\/moi$/);
    // Not verified yet: "submit for review" says why before anyone presses it.
    await soon(() => page.getByTestId('submit-blocked').textContent()).toContain('chưa được xác minh');
    expect(await page.getByTestId('product-submit').isDisabled()).toBe(true);
    await accessible(page);

    const created = await api<{ createProduct: { id: string } }>(CREATE, { input: productInput() }, { token: coop.token });
    expect(created.errors).toBeUndefined();
    await page.goto(`${origin()}/tai-khoan`);
    await soon(() => page.getByTestId('onboarding-progress').textContent()).toBe('Đã xong 1/4 bước');
    expect(await steps(page)).toContain('FIRST_PRODUCT:true');
    await soon(() => page.locator('[data-step="VERIFICATION"] [data-testid="onboarding-state"]').textContent()).toBe('Tải giấy tờ lên trước để được xác minh');

    await page.goto(`${origin()}/san-pham/${created.data!.createProduct.id}`);
    await soon(() => page.getByTestId('submit-blocked').isVisible()).toBe(true);
    expect(await page.getByTestId('product-submit').isDisabled()).toBe(true);
    if (device === 'phone') {
      await page.getByTestId('submit-blocked').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'submit-blocked-phone.png') });
    }
    await accessible(page);
    // The listing was not submitted by any of this.
    expect(await rows(`SELECT status FROM catalog.products WHERE id = $1`, [created.data!.createProduct.id])).toEqual([{ status: 'DRAFT' }]);
  });

  it('gives a buyer its own checklist and never "my products"', async () => {
    const buyer = await signUpOwner({ kind: 'ENTERPRISE', name: `Công ty Thực phẩm Sài Gòn ${device}` });
    const page = await newPage(viewport);
    await signIn(page, buyer.email, buyer.password);
    await soon(() => steps(page)).toEqual(['DOCUMENTS:false', 'PROFILE:false', 'TEAM:false', 'VERIFICATION:false']);
    expect(await page.getByTestId('nav-products').count()).toBe(0);
    await accessible(page);
    await page.getByRole('link', { name: 'Mời đồng nghiệp' }).click();
    await page.waitForURL(/\/to-chuc\/thanh-vien$/);

    for (const path of ['/san-pham', '/san-pham/moi']) {
      await page.goto(`${origin()}${path}`);
      await soon(() => page.getByTestId('buyer-no-products').textContent()).toContain('không đăng sản phẩm');
      expect(await page.getByTestId('product-new').count()).toBe(0);
      expect(await page.getByTestId('product-save').count()).toBe(0);
      await accessible(page);
    }
    if (device === 'desktop') await page.screenshot({ path: join(SHOTS, 'buyer-no-products.png') });
  });

  it('does not offer the sole owner "leave", and does once there is another owner', async () => {
    const coop = await signUpOwner();
    const page = await newPage(viewport);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/to-chuc/thanh-vien`);
    const mine = page.locator(`[data-testid="member"][data-email="${coop.email}"]`);
    await soon(() => mine.getByTestId('sole-owner-note').textContent()).toContain('chủ tài khoản duy nhất');
    expect(await mine.getByTestId('member-remove').count()).toBe(0);
    await accessible(page);

    await rows(
      `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role)
       SELECT $1, password_hash, 'Chủ thứ hai', organization_id, 'OWNER' FROM catalog.users WHERE id = $2`,
      [uniqueEmail('chu2'), coop.userId],
    );
    await page.reload();
    await soon(() => mine.getByTestId('member-remove').textContent()).toBe('Rời tổ chức');
    expect(await mine.getByTestId('sole-owner-note').count()).toBe(0);
  });

  it('re-sends an invitation with a new link and revokes another, from the team page', async () => {
    const coop = await signUpOwner();
    const resent = uniqueEmail('gui-lai');
    const revoked = uniqueEmail('thu-hoi');
    for (const email of [resent, revoked]) expect((await api(INVITE, { email, role: 'MEMBER' }, { token: coop.token })).errors).toBeUndefined();
    const oldLink = await linkIn(resent);
    const revokedLink = await linkIn(revoked);
    const page = await newPage(viewport);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/to-chuc/thanh-vien`);

    const row = (email: string) => page.locator(`[data-testid="invitation"][data-email="${email}"]`);
    await row(resent).getByTestId('invitation-resend').click();
    await soon(() => page.getByTestId('team-outcome').textContent()).toContain(`Đã gửi lại lời mời tới ${resent}`);
    await accessible(page);
    const newLink = await linkIn(resent);
    expect(newLink).not.toBe(oldLink);
    // A second press at once is refused with a reason, and sends nothing.
    await row(resent).getByTestId('invitation-resend').click();
    await soon(() => page.getByTestId('team-outcome').textContent()).toContain('vừa được gửi lại');

    await row(revoked).getByTestId('invitation-revoke').click();
    await page.getByTestId('invitation-revoke-confirm').click();
    await soon(() => page.getByTestId('team-outcome').textContent()).toContain(`Đã thu hồi lời mời gửi ${revoked}`);
    await soon(() => row(revoked).count()).toBe(0);
    if (device === 'phone') await page.screenshot({ path: join(SHOTS, 'team-invitations-phone.png'), fullPage: true });

    // The old and the revoked links no longer work; the new one does.
    for (const link of [oldLink, revokedLink]) {
      const visitor = await newPage(viewport);
      await visitor.goto(`${origin()}${link}`);
      await visitor.getByTestId('invitation-full-name').fill('Y Blang');
      await visitor.getByTestId('invitation-password').fill('mat-khau-thanh-vien');
      await visitor.getByTestId('invitation-submit').click();
      await soon(() => visitor.getByTestId('form-error').textContent()).toContain('không còn hiệu lực');
      await accessible(visitor);
      await visitor.context().close();
    }
    const joiner = await newPage(viewport);
    await joiner.goto(`${origin()}${newLink}`);
    await joiner.getByTestId('invitation-full-name').fill('Y Blang');
    await joiner.getByTestId('invitation-password').fill('mat-khau-thanh-vien');
    await joiner.getByTestId('invitation-submit').click();
    // An accepted invitation lands on the team page it joined.
    await joiner.waitForURL(/\/to-chuc\/thanh-vien$/);
    await joiner.context().close();
    expect(await rows(`SELECT organization_id FROM catalog.users WHERE email = $1`, [resent])).toEqual([{ organization_id: coop.orgId }]);
    expect(await rows(`SELECT id FROM catalog.users WHERE email = $1`, [revoked])).toEqual([]);
    expect(await awaitMail(revoked, 1)).toBeNull();
  });
});

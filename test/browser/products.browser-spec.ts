import { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible, pickOption } from '../support/browser';
import { soon } from '../support/wait';
import { cooperative, rows } from '../support/e2e';

const PRODUCT_NAME = 'Cà phê Robusta Krông Pắc';

const newPage = useBrowser();

/** A verified cooperative: signed up through the API, approved by the admin through the API. */
const verifiedCooperative = (name: string) => cooperative(name, { verified: true });


const statusIs = (page: Page, status: string) =>
  page.locator(`[data-testid="product-status"][data-status="${status}"]`).waitFor();

/** The queue lists the oldest first, 20 at a time: "Tải thêm" until this listing shows up. */
async function findInQueue(page: Page, subjectId: string): Promise<Locator> {
  const item = page.locator(`[data-testid="mod-queue-item"][data-subject-id="${subjectId}"]`);
  await page.waitForSelector('[data-testid="mod-queue-item"], [data-testid="mod-empty"]');
  while ((await item.count()) === 0) {
    const more = page.getByTestId('mod-load-more');
    if ((await more.count()) === 0) throw new Error(`product ${subjectId} is not in the queue`);
    const shown = await page.getByTestId('mod-queue-item').count();
    await more.click();
    await page.getByTestId('mod-queue-item').nth(shown).waitFor();
  }
  return item;
}

const statusInDb = async (id: string) =>
  (await rows<{ status: string }>(`SELECT status FROM catalog.products WHERE id = $1`, [id]))[0]
    ?.status;

describe('a cooperative lists a product, staff approve it, a buyer finds it', () => {
  let coop: Awaited<ReturnType<typeof verifiedCooperative>>;
  let productId: string;

  beforeAll(async () => {
    coop = await verifiedCooperative('HTX Cà phê Krông Pắc');
  });

  it('creates, saves and submits a listing in the editor', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, coop.email, coop.password);
    await page.getByTestId('nav-products').click();
    await page.waitForURL(/\/san-pham$/);
    await expectAccessible(page, 'my products (empty)');
    await page.getByTestId('product-new').click();
    await page.waitForURL(/\/san-pham\/moi$/);

    // One picker, by everyday name, typed without diacritics.
    await page.getByTestId('product-category').click();
    await page.keyboard.type('ca phe');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '0901' }).first().click();
    await soon(() => page.getByTestId('product-category').textContent()).toContain('Cà phê (0901)');
    await page.getByTestId('product-name').fill(PRODUCT_NAME);
    await pickOption(page, 'product-unit', 'tấn', 'tấn');
    await page.getByTestId('product-capacity').fill('20');
    // Output in tấn, priced per kg, as Vietnamese sellers quote.
    await page.getByTestId('product-price-min').fill('25000');
    await page.getByTestId('product-price-max').fill('30000');
    await pickOption(page, 'product-price-unit', 'kg', 'kg');
    await page.getByTestId('product-month-11').click();
    await page.getByTestId('product-month-12').click();
    await soon(() => page.getByTestId('product-month-12').getAttribute('aria-pressed')).toBe(
      'true',
    );
    // Tall enough for the whole form: a full-page shot would paint the sticky header mid-page.
    await page.setViewportSize({ width: DESKTOP.width, height: 1320 });
    await page.screenshot({ path: join(SHOTS, 'product-editor.png') });
    await page.setViewportSize(DESKTOP);
    await expectAccessible(page, 'product editor, filled');

    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/san-pham\/[0-9a-f-]{36}$/);
    productId = page.url().split('/').pop()!;
    await statusIs(page, 'DRAFT');
    expect(await statusInDb(productId)).toBe('DRAFT');

    await page.getByTestId('product-submit').click();
    await statusIs(page, 'PENDING_REVIEW');
    await soon(() => page.getByTestId('product-status').textContent()).toBe('Đang chờ duyệt');
    expect(await statusInDb(productId)).toBe('PENDING_REVIEW');
    await expectAccessible(page, 'product editor, submitted');

    // The list shows it too, with the same badge.
    await page.getByTestId('nav-products').click();
    await page
      .locator(`[data-product-id="${productId}"] [data-testid="product-status"]`)
      .filter({ hasText: 'Đang chờ duyệt' })
      .waitFor();
    await expectAccessible(page, 'my products');
    await page.context().close();
  });

  it('is approved by an admin in the console', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
    await page.getByTestId('nav-admin').click();
    await page.waitForURL(/\/quan-tri$/);
    await page.getByTestId('mod-subject-product').click();
    const item = await findInQueue(page, productId);
    await item.click();
    await soon(() => page.getByTestId('mod-detail-name').textContent()).toBe(PRODUCT_NAME);
    // The everyday name first; the tariff wording beside it, for checking the classification.
    await soon(() => page.getByTestId('mod-detail-category').textContent()).toBe('Cà phê');
    await soon(() => page.locator('.category-tariff').first().textContent()).toMatch(/^Mã HS 0901 — Cà phê, rang hoặc chưa rang/);
    await soon(() => page.getByTestId('mod-detail-price').textContent()).toBe('25.000–30.000 đ/kg');
    await expectAccessible(page, 'moderation console, a listing under review');
    await page.getByTestId('mod-approve').click();
    await soon(() => page.getByTestId('mod-success').textContent()).toMatch(
      new RegExp(`Đã duyệt sản phẩm “${PRODUCT_NAME}”`),
    );
    await item.waitFor({ state: 'detached' });
    expect(await statusInDb(productId)).toBe('APPROVED');
    await page.context().close();
  });

  it('is found by an anonymous buyer on a phone, typed without diacritics', async () => {
    const page = await newPage(PHONE);
    await page.goto(origin());
    // On a phone the links are behind the menu button.
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-search').click();
    await page.waitForURL(/\/tim-kiem/);
    await page.getByTestId('search-input').fill('ca phe robusta krong pac');
    const result = page.locator(`[data-testid="search-result"][data-product-id="${productId}"]`);
    await soon(() => result.innerText()).toContain(PRODUCT_NAME);
    await soon(() => result.innerText()).toContain(coop.name);
    await soon(() => result.innerText()).toMatch(/20 tấn \/ tháng/);
    await soon(() => result.locator('.product-card-price').textContent()).toBe('25.000–30.000 đ/kg');
    await expectAccessible(page, 'search on a phone');
    await page.screenshot({ path: join(SHOTS, 'search-phone.png') });
    await page.context().close();
  });
});

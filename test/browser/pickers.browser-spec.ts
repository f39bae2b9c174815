import { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, expectAccessible, origin, PHONE, SHOTS, signIn, useBrowser } from '../support/browser';
import { soon, waitFor } from '../support/wait';
import { api, approve, cooperative, rows } from '../support/e2e';
import { sendFile } from '../support/uploads';

// Issue 9, points 1, 2 and 11: every picker opens inside the screen and can be used with a thumb on
// a 390 px phone, and stays inside a desktop's window; a category is picked by its everyday name;
// the header folds into a menu on a phone; search result photos stay inside their cards.

const newPage = useBrowser();

type Viewport = { width: number; height: number };
type Box = { x: number; y: number; width: number; height: number };

const inside = (box: Box | null, v: Viewport) =>
  !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= v.width + 0.5 && box.y + box.height <= v.height + 0.5;

/** The open picker's list once its opening animation is over (a closing one may still be fading). */
const openList = (page: Page) =>
  page.locator('.ant-select-dropdown:visible:not([class*="-leave"]):not([class*="-appear"]):not([class*="-enter"])');

/**
 * Opens a picker, waits for options that are visible and wholly inside the viewport — the list as
 * well as each option shown — and checks the page with axe-core while the list is open.
 */
async function openPicker(page: Page, testId: string, v: Viewport, typed?: string): Promise<Locator> {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  const list = openList(page);
  await list.locator('.ant-select-item-option').first().waitFor();
  // The list may still be sliding in: wait until it has settled inside the screen.
  await waitFor(`the ${testId} list inside the ${v.width}px viewport`, async () =>
    inside(await list.boundingBox(), v) ? true : JSON.stringify(await list.boundingBox()),
  );
  const options = list.locator('.ant-select-item-option');
  const boxes = await options.evaluateAll((els) =>
    els
      // The test's types know no DOM: the element is only asked for its box.
      .map((e) => (e as unknown as { getBoundingClientRect(): Box }).getBoundingClientRect())
      // Options scrolled out of the list's own scroll area are not on screen, and not wanted.
      .filter((r) => r.height > 0)
      .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
  );
  const listBox = (await list.boundingBox())!;
  const shown = boxes.filter((b) => b.y >= listBox.y - 1 && b.y + b.height <= listBox.y + listBox.height + 1);
  expect(shown.length).toBeGreaterThan(0);
  for (const b of shown) expect({ testId, box: b, inside: inside(b, v) }).toEqual({ testId, box: b, inside: true });
  // A thumb needs rows of about 44 px on a phone.
  if (v.width < 720) for (const b of shown) expect(b.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, `${page.url()} with ${testId} open`);
  return options;
}

/** Picks the visible option containing `text` and waits for the field to show it. */
async function choose(page: Page, testId: string, options: Locator, text: string, shown = text): Promise<void> {
  const option = options.filter({ hasText: text }).first();
  await option.scrollIntoViewIfNeeded();
  await option.click();
  await soon(() => page.getByTestId(testId).textContent()).toContain(shown);
  // Closed, and done fading out, before the next step looks at the page.
  await soon(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('pickers on a phone and a desktop', () => {
  for (const [device, v] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`search filters (${device}): category by everyday name, province and certification open inside the screen`, async () => {
      const page = await newPage(v);
      await page.goto(`${origin()}/tim-kiem`);
      const filters = page.getByTestId('search-filters');
      await filters.waitFor();
      // Folded on a phone so the results come first; open on a wide screen.
      if (device === 'phone') await filters.click();
      await page.getByTestId('search-category').waitFor();

      // Typed without diacritics, the everyday name comes first, before the tariff wording.
      let options = await openPicker(page, 'search-category', v, 'ca phe');
      await soon(() => options.first().textContent()).toMatch(/^Cà phê0901/);
      if (device === 'phone') await page.screenshot({ path: join(SHOTS, 'category-picker-phone.png') });
      await choose(page, 'search-category', options, 'Cà phê0901', 'Cà phê (0901)');
      await soon(() => new URL(page.url()).searchParams.get('nhom')).toBe('0901');

      // English names work too, whatever the interface language.
      options = await openPicker(page, 'search-category', v, 'durian');
      await choose(page, 'search-category', options, 'Sầu riêng', 'Sầu riêng, thanh long, vải, nhãn (0810)');
      await soon(() => new URL(page.url()).searchParams.get('nhom')).toBe('0810');

      options = await openPicker(page, 'search-province', v);
      await choose(page, 'search-province', options, 'Đắk Lắk');
      await soon(() => new URL(page.url()).searchParams.get('tinh')).toBe('66');

      options = await openPicker(page, 'search-certification', v);
      await choose(page, 'search-certification', options, 'VietGAP');
      await soon(() => new URL(page.url()).searchParams.get('chung-nhan')).toBe('VietGAP');
      await expectAccessible(page);
      await page.context().close();
    });

    it(`product editor (${device}): category typed by name, unit and certification kind pickers`, async () => {
      const coop = await cooperative(`HTX Sầu riêng Krông Pắc ${device}`, { verified: true });
      const page = await newPage(v);
      await signIn(page, coop.email, coop.password);
      await page.goto(`${origin()}/san-pham/moi`);
      await page.getByTestId('product-category').waitFor();
      await expectAccessible(page);

      let options = await openPicker(page, 'product-category', v, 'sau rieng');
      await choose(page, 'product-category', options, 'Sầu riêng', '(0810)');
      await page.getByTestId('product-name').fill('Sầu riêng Ri6');
      options = await openPicker(page, 'product-unit', v);
      await choose(page, 'product-unit', options, 'tấn');
      await page.getByTestId('product-capacity').fill('12');
      await page.getByTestId('product-cert-add').click();
      options = await openPicker(page, 'product-cert-kind', v);
      await choose(page, 'product-cert-kind', options, 'VietGAP');
      const month = page.getByTestId('product-month-6');
      expect(inside(await month.boundingBox(), { width: v.width, height: Number.MAX_SAFE_INTEGER })).toBe(true);
      await month.click();
      await soon(() => month.getAttribute('aria-pressed')).toBe('true');

      await page.getByTestId('product-save').click();
      await page.waitForURL(/\/san-pham\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      const [row] = await rows<{ category_code: string; name: string }>(`SELECT category_code, name FROM catalog.products WHERE id = $1`, [id]);
      expect(row).toEqual({ category_code: '0810', name: 'Sầu riêng Ri6' });
      // Opened again, the stored category reads by its everyday name.
      await soon(() => page.getByTestId('product-category').textContent()).toContain('Sầu riêng, thanh long, vải, nhãn (0810)');
      await page.context().close();
    });
  }

  for (const [device, v] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`the other pickers (${device}): sign-up province, directory kind, team role, document kind`, async () => {
      const page = await newPage(v);
      await page.goto(`${origin()}/dang-ky`);
      await page.getByTestId('signup-province').waitFor();
      let options = await openPicker(page, 'signup-province', v, 'dak lak');
      await choose(page, 'signup-province', options, 'Đắk Lắk');

      await page.goto(`${origin()}/nha-cung-cap`);
      await page.getByTestId('directory-filters').waitFor();
      if (device === 'phone') await page.getByTestId('directory-filters').click();
      options = await openPicker(page, 'directory-kind', v);
      const kind = (await options.first().textContent())!;
      await choose(page, 'directory-kind', options, kind);

      const coop = await cooperative(`HTX Hồ tiêu Chư Sê ${device}`);
      await signIn(page, coop.email, coop.password);
      await page.goto(`${origin()}/to-chuc/thanh-vien`);
      await page.getByTestId('invite-role').waitFor();
      options = await openPicker(page, 'invite-role', v);
      const role = (await options.last().textContent())!;
      await choose(page, 'invite-role', options, role);

      await page.goto(`${origin()}/to-chuc/tai-lieu`);
      await page.getByTestId('document-kind').waitFor();
      options = await openPicker(page, 'document-kind', v);
      const documentKind = (await options.last().textContent())!;
      await choose(page, 'document-kind', options, documentKind);
      await page.context().close();
    });
  }

  it('the organization profile (phone): province and ward pickers, and one logo chooser', async () => {
    const coop = await cooperative('HTX Cà phê Ea Kiết', { provinceCode: '66', verified: true });
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/to-chuc`);
    await page.getByTestId('logo-upload').waitFor();
    // The file input is the chooser's machinery, never shown beside the button.
    expect(await page.getByTestId('logo-input').isVisible()).toBe(false);
    await soon(() => page.locator('input[type="file"]:visible').count()).toBe(0);
    await soon(() => page.getByTestId('logo-choose').count()).toBe(1);
    expect(inside(await page.getByTestId('logo-choose').boundingBox(), { width: PHONE.width, height: Number.MAX_SAFE_INTEGER })).toBe(true);
    await expectAccessible(page);
    const options = await openPicker(page, 'profile-ward', PHONE, 'buon ma thuot');
    await choose(page, 'profile-ward', options, 'Buôn Ma Thuột');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-saved').waitFor();
    const [row] = await rows<{ ward_code: string | null }>(`SELECT ward_code FROM catalog.organizations WHERE id = $1`, [coop.orgId]);
    expect(row.ward_code).not.toBeNull();
    await page.context().close();
  });
});

describe('phone navigation', () => {
  it('folds the header into a menu on a phone: sign-up, sign-in and language within reach', async () => {
    const page = await newPage(PHONE);
    await page.goto(origin());
    const button = page.getByTestId('nav-menu-button');
    await button.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('nav-signup').isVisible()).toBe(false);
    // The language switch stays in the header, inside the screen.
    expect(inside(await page.getByTestId('lang-switch').boundingBox(), PHONE)).toBe(true);
    expect(inside(await button.boundingBox(), PHONE)).toBe(true);
    await expectAccessible(page);

    await button.click();
    await soon(() => button.getAttribute('aria-expanded')).toBe('true');
    for (const id of ['nav-search', 'nav-suppliers', 'nav-signin', 'nav-signup']) {
      const link = page.getByTestId(id);
      await link.waitFor();
      const box = await link.boundingBox();
      expect({ id, inside: inside(box, PHONE), tall: (box?.height ?? 0) >= 44 }).toEqual({ id, inside: true, tall: true });
    }
    await expectAccessible(page, 'landing with the menu open');
    await page.screenshot({ path: join(SHOTS, 'menu-phone.png') });
    await page.getByTestId('nav-signup').click();
    await page.waitForURL(/\/dang-ky$/);
    // Following a link closes the menu.
    await soon(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('nav-signup').isVisible()).toBe(false);

    // Escape closes it too; the language switch works from the header.
    await button.click();
    await page.getByTestId('nav-signin').waitFor();
    await page.keyboard.press('Escape');
    await soon(() => page.getByTestId('nav-signin').isVisible()).toBe(false);
    await page.getByTestId('lang-switch').click();
    await soon(() => button.textContent()).toBe('Menu');
    await soon(() => page.getByTestId('lang-switch').textContent()).toBe('Tiếng Việt');
    await page.context().close();
  });

  it('keeps the links in the header on a desktop, with no menu button', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(origin());
    await page.getByTestId('nav-signup').waitFor();
    expect(await page.getByTestId('nav-menu-button').isVisible()).toBe(false);
    for (const id of ['nav-search', 'nav-signin', 'nav-signup', 'lang-switch']) expect(inside(await page.getByTestId(id).boundingBox(), DESKTOP)).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('keeps a search result’s photo inside its card on a phone', async () => {
    const coop = await cooperative('HTX Cà phê Cầu Đất (ảnh)', { verified: true });
    const created = await api<{ createProduct: { id: string } }>(
      `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`,
      { input: { categoryCode: '0901', name: 'Cà phê Arabica ảnh thẻ', unitCode: 'KGM', monthlyCapacity: '500', harvestMonths: [11] } },
      { token: coop.token },
    );
    const id = created.data!.createProduct.id;
    const page = await newPage(PHONE);
    // A real PNG drawn by the browser (no image files ship with the tests), wider than the card.
    const png = Buffer.from(
      String(
        await page.evaluate(`(() => { const c = document.createElement('canvas'); c.width = 1200; c.height = 900;
          const g = c.getContext('2d'); g.fillStyle = '#3f5f2a'; g.fillRect(0, 0, 1200, 900); return c.toDataURL('image/png'); })()`),
      ).split(',')[1],
      'base64',
    );
    expect((await sendFile(`/api/products/${id}/photos`, coop.token, png, 'ca-phe.png')).status).toBeLessThan(300);
    expect((await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id }, { token: coop.token })).errors).toBeUndefined();
    await approve('PRODUCT', id);

    await page.goto(`${origin()}/tim-kiem?q=${encodeURIComponent('arabica anh the')}`);
    const card = page.locator(`[data-testid="search-result"][data-product-id="${id}"]`);
    const photo = card.getByTestId('search-result-photo');
    await photo.waitFor();
    await soon(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const c = (await card.boundingBox())!;
    const p = (await photo.boundingBox())!;
    expect(p.x).toBeGreaterThanOrEqual(c.x - 0.5);
    expect(p.x + p.width).toBeLessThanOrEqual(c.x + c.width + 0.5);
    expect(c.x + c.width).toBeLessThanOrEqual(PHONE.width);
    await soon(() => card.getByTestId('search-result-category').textContent()).toBe('Cà phê');
    await expectAccessible(page);

    // The listing's page names the category the same way, with the tariff wording as detail.
    await card.getByRole('link').click();
    await soon(() => page.getByTestId('product-category').textContent()).toBe('Cà phê');
    await soon(() => page.locator('.category-tariff').textContent()).toMatch(/^Mã HS 0901 — Cà phê, rang hoặc chưa rang/);
    await expectAccessible(page);
    await page.context().close();
  });
});

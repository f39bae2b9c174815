import { Page } from 'playwright-core';
import { join } from 'node:path';
import { DESKTOP, expectAccessible, origin, PHONE, SHOTS, pickOption, signIn, useBrowser } from '../support/browser';
import { approvedListing, cooperative, rows } from '../support/e2e';
import { soon, waitFor } from '../support/wait';

// Issue 9, points 3 and 4: on submit every field error shows at once and the first is brought into
// view and focused; a success message never stands beside a stale error; numbers are read as people
// type them; money shows its thousands as typed; a price says what it is per.

const newPage = useBrowser();
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

const fieldErrors = (page: Page) => page.locator('.ant-form-item-explain-error');
const errorOf = (page: Page, testId: string) =>
  page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

/** Whether the element focused now sits inside the form item that holds `testId`, and that item is on screen. */
const focusedIn = (page: Page, testId: string) =>
  page.evaluate<true | string>(`(() => {
    const item = document.querySelector('[data-testid="${testId}"]')?.closest('.ant-form-item');
    if (!item || !document.activeElement || !item.contains(document.activeElement)) return 'focus is on ' + document.activeElement?.outerHTML.slice(0, 80);
    const box = item.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight ? true : 'item is off screen at ' + box.top;
  })()`);


describe.each(SIZES)('the product editor on a %s', (size, viewport) => {
  let coop: Awaited<ReturnType<typeof cooperative>>;
  beforeAll(async () => {
    coop = await cooperative(`HTX Cà phê Ea Kao (${size})`, { verified: true });
  });

  it('shows every problem at once, focuses the first, reads numbers as typed and saves a price per kg', async () => {
    const page = await newPage(viewport);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/san-pham/moi`);
    await page.getByTestId('product-save').click();

    // Category, name, unit and output are all missing: four messages at once, the first focused.
    await soon(() => fieldErrors(page).count()).toBe(4);
    await waitFor('the category picker focused and on screen', () => focusedIn(page, 'product-category'));
    await expectAccessible(page, `empty product editor (${size})`);

    // One picker, by everyday name, typed without diacritics.
    await page.getByTestId('product-category').click();
    await page.keyboard.type('ca phe');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '0901' }).first().click();
    await soon(() => page.getByTestId('product-category').textContent()).toContain('Cà phê (0901)');
    await waitFor('the list closed', async () => (await page.locator('.ant-select-dropdown:visible').count()) === 0);
    await page.getByTestId('product-name').fill('Cà phê Robusta Ea Kao');
    await pickOption(page, 'product-unit', 'tấn', 'tấn');
    // What people type: a Vietnamese "1,500" could be 1500 or 1,5, so it asks; "1.500" is 1500.
    await page.getByTestId('product-capacity').fill('1,500');
    await soon(() => errorOf(page, 'product-capacity').textContent()).toBe(
      '“1,500” là 1500 hay 1,5? Viết 1500 (không dấu chấm) hoặc 1,5 (dấu phẩy thập phân).',
    );
    await page.getByTestId('product-capacity').fill('1.500');
    await page.getByTestId('product-min-order').fill('khoảng hai tấn');
    await soon(() => errorOf(page, 'product-min-order').textContent()).toBe('Chỉ nhập con số, ví dụ 20 hoặc 2,5.');
    await page.getByTestId('product-min-order').fill(' 2,5 tấn ');

    // Money shows its thousands while it is typed.
    await page.getByTestId('product-price-min').pressSequentially('25000');
    await soon(() => page.getByTestId('product-price-min').inputValue()).toBe('25.000');
    await page.getByTestId('product-price-max').pressSequentially('30000');
    await soon(() => page.getByTestId('product-price-max').inputValue()).toBe('30.000');
    // The price unit started as the capacity unit; a seller counting tấn quotes per kg.
    await soon(() => page.getByTestId('product-price-unit').textContent()).toContain('tấn');
    await pickOption(page, 'product-price-unit', 'kg', 'kg');
    await expectAccessible(page, `filled product editor (${size})`);
    if (size === 'phone') {
      // The screen as the seller sees it at the prices (a full-page shot would paint the sticky header mid-page).
      await page.getByTestId('product-capacity').scrollIntoViewIfNeeded();
      await page.evaluate('window.scrollBy(0, 200)');
      await page.screenshot({ path: join(SHOTS, 'product-editor-prices-phone.png') });
    }

    await page.getByTestId('product-save').click();
    await page.waitForURL(/\/san-pham\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await soon(() => page.getByTestId('product-notice').isVisible()).toBe(true);
    expect(
      await rows(`SELECT unit_code, monthly_capacity::float8 AS monthly_capacity, min_order_quantity::float8 AS min_order_quantity, price_unit_code, price_min::text, price_max::text FROM catalog.products WHERE id = $1`, [id]),
    ).toEqual([{ unit_code: 'TNE', monthly_capacity: 1500, min_order_quantity: 2.5, price_unit_code: 'KGM', price_min: '25000', price_max: '30000' }]);

    // The saved listing comes back as it was typed, grouped.
    await soon(() => page.getByTestId('product-price-min').inputValue()).toBe('25.000');
    // A new mistake: the success notice goes, the error comes, and nothing is written.
    await page.getByTestId('product-price-min').fill('40.000');
    await page.getByTestId('product-save').click();
    await soon(() => errorOf(page, 'product-price-max').textContent()).toBe('Giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất.');
    expect(await page.getByTestId('product-notice').count()).toBe(0);
    await waitFor('the highest price focused', () => focusedIn(page, 'product-price-max'));
    expect(await rows(`SELECT price_min::text FROM catalog.products WHERE id = $1`, [id])).toEqual([{ price_min: '25000' }]);
    await expectAccessible(page, `product editor with a price error (${size})`);
    await page.context().close();
  });
});

describe.each(SIZES)('a price per kg on a listing counted in tấn, on a %s', (size, viewport) => {
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let productId: string;
  const name = `Hồ tiêu đen Chư Sê (${size})`;
  beforeAll(async () => {
    coop = await cooperative(`HTX Hồ tiêu Chư Sê (${size})`, { verified: true });
    productId = await approvedListing(coop.token, {
      categoryCode: '0904',
      name,
      unitCode: 'TNE',
      monthlyCapacity: '30',
      priceUnitCode: 'KGM',
      priceMin: { amount: '140000', currency: 'VND' },
      priceMax: { amount: '165000', currency: 'VND' },
    });
  });

  it('reads "140.000–165.000 đ/kg" on the card, the product page and the supplier page, and "tấn" for output', async () => {
    const page = await newPage(viewport);
    await page.goto(`${origin()}/tim-kiem?q=${encodeURIComponent(name)}`);
    const card = page.locator(`[data-testid="search-result"][data-product-id="${productId}"]`);
    await soon(() => card.locator('.product-card-price').textContent()).toBe('140.000–165.000 đ/kg');
    await soon(() => card.innerText()).toContain('30 tấn / tháng');
    await expectAccessible(page, `search results (${size})`);

    await page.goto(`${origin()}/san-pham/${productId}/xem`);
    await soon(() => page.getByTestId('product-price').textContent()).toBe('140.000–165.000 đ/kg');
    await soon(() => page.locator('.fields').first().innerText()).toContain('30 tấn');
    await expectAccessible(page, `product page (${size})`);
    if (size === 'phone') await page.screenshot({ path: join(SHOTS, 'product-price-phone.png'), fullPage: true });

    await page.goto(`${origin()}/nha-cung-cap/${coop.orgId}`);
    const onSupplier = page.locator(`[data-testid="search-result"][data-product-id="${productId}"]`);
    await soon(() => onSupplier.locator('.product-card-price').textContent()).toBe('140.000–165.000 đ/kg');
    await expectAccessible(page, `supplier page (${size})`);

    // In English: English grouping, the currency named, the units in English words.
    await page.getByTestId('lang-switch').click();
    await soon(() => onSupplier.locator('.product-card-price').textContent()).toBe('140,000–165,000 VND/kg');
    await soon(() => onSupplier.innerText()).toContain('30 tonnes / month');
    await page.context().close();
  });
});

describe.each(SIZES)('the organization profile on a %s', (size, viewport) => {
  let coop: Awaited<ReturnType<typeof cooperative>>;
  beforeAll(async () => {
    coop = await cooperative(`HTX Rau an toàn Đà Lạt (${size})`);
  });

  it('reads "40 hộ", explains what to type for a year, and never leaves "saved" beside an error', async () => {
    const page = await newPage(viewport);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/to-chuc`);
    await page.getByTestId('profile-member-count').fill('1,5');
    await page.getByTestId('profile-founded-year').fill('khoảng 2012');
    await page.getByTestId('profile-save').click();
    // Both problems at once, each saying what to type; the first is focused.
    await soon(() => errorOf(page, 'profile-member-count').textContent()).toBe('Nhập số nguyên, không có phần lẻ, ví dụ 40.');
    await soon(() => errorOf(page, 'profile-founded-year').textContent()).toBe('Chỉ nhập con số, ví dụ 2012.');
    await waitFor('the member count focused', () => focusedIn(page, 'profile-member-count'));
    await expectAccessible(page, `profile with errors (${size})`);

    await page.getByTestId('profile-member-count').fill('40 hộ');
    await page.getByTestId('profile-founded-year').fill('2012');
    await page.getByTestId('profile-save').click();
    await soon(() => page.getByTestId('profile-saved').isVisible()).toBe(true);
    expect(await rows(`SELECT member_count, founded_year FROM catalog.organizations WHERE id = $1`, [coop.orgId])).toEqual([
      { member_count: 40, founded_year: 2012 },
    ]);
    await expectAccessible(page, `profile saved (${size})`);

    await page.getByTestId('profile-founded-year').fill('1850');
    await page.getByTestId('profile-save').click();
    await soon(() => errorOf(page, 'profile-founded-year').textContent()).toMatch(/^Nhập năm bằng 4 chữ số, từ 1900 đến \d{4}, ví dụ 2012\.$/);
    expect(await page.getByTestId('profile-saved').count()).toBe(0);
    expect(await rows(`SELECT founded_year FROM catalog.organizations WHERE id = $1`, [coop.orgId])).toEqual([{ founded_year: 2012 }]);
    await page.context().close();
  });
});

describe.each(SIZES)('sign-up and team invitations on a %s', (size, viewport) => {
  it('lists every missing field of the sign-up at once and focuses the first', async () => {
    const page = await newPage(viewport);
    await page.goto(`${origin()}/dang-ky`);
    await page.getByTestId('signup-submit').click();
    await soon(() => fieldErrors(page).allTextContents()).toEqual([
      'Hãy chọn Hợp tác xã hoặc Doanh nghiệp.',
      'Hãy nhập tên tổ chức.',
      'Hãy nhập mã số thuế.',
      'Hãy chọn tỉnh hoặc thành phố.',
      'Hãy nhập họ và tên.',
      'Hãy nhập địa chỉ e-mail.',
      'Hãy đặt mật khẩu.',
    ]);
    // The kind is two radio cards: the focus lands on the first card, scrolled into view.
    await waitFor('the first kind focused', () => focusedIn(page, 'signup-kind-COOPERATIVE'));
    await expectAccessible(page, `sign-up with every field missing (${size})`);
    await page.context().close();
  });

  it('takes "invitation sent" away when the next invitation has a problem', async () => {
    const owner = await cooperative(`HTX Mời thành viên (${size})`);
    const page = await newPage(viewport);
    await signIn(page, owner.email, owner.password);
    await page.goto(`${origin()}/to-chuc/thanh-vien`);
    const email = `thanh.vien.${size}.${Date.now()}@example.vn`;
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-submit').click();
    await soon(() => page.getByTestId('invite-sent').textContent()).toBe(`Đã gửi lời mời tới ${email}.`);

    await page.getByTestId('invite-submit').click();
    await soon(() => errorOf(page, 'invite-email').textContent()).toBe('Hãy nhập e-mail người được mời.');
    expect(await page.getByTestId('invite-sent').count()).toBe(0);
    await waitFor('the e-mail focused', () => focusedIn(page, 'invite-email'));
    await expectAccessible(page, `team invitation with a problem (${size})`);
    await page.context().close();
  });
});

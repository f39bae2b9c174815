import type { Page } from 'playwright-core';
import { approvedListing, cooperative } from '../support/e2e';
import { DESKTOP, expectAccessible, origin, PHONE, useBrowser } from '../support/browser';
import { soon } from '../support/wait';

// Each page tells the browser tab, bookmarks and shared links what it is: its own title and
// description, in the reader's language, a product or supplier page by its name; a page that does
// not exist says so.

const newPage = useBrowser();
const description = (page: Page) => page.locator('meta[name="description"]').getAttribute('content');

describe('page titles and descriptions', () => {
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let productId: string;

  beforeAll(async () => {
    coop = await cooperative('HTX Bưởi Diễn Phú Thượng', { provinceCode: '01', verified: true });
    productId = await approvedListing(coop.token, {
      categoryCode: '0805',
      name: 'Bưởi Diễn Phú Thượng loại 1',
      description: 'Bưởi Diễn chín tự nhiên, quả 1–1,3 kg, vỏ vàng, tép ngọt.',
      unitCode: 'TNE',
      monthlyCapacity: '12',
    });
  });

  for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`names every page as the reader moves through the app, in Vietnamese then English (${device})`, async () => {
      const page = await newPage(viewport);
      await page.goto(origin());
      await soon(() => page.title()).toBe('LienKet — Liên kết hợp tác xã và doanh nghiệp');
      await expectAccessible(page, `landing (${device})`);

      await page.goto(`${origin()}/tim-kiem`);
      await soon(() => page.title()).toBe('Tìm nông sản từ hợp tác xã — LienKet');
      await soon(() => description(page)).toBe('Tìm nông sản của các hợp tác xã đã xác minh theo tên, nhóm hàng, tỉnh, chứng nhận và sản lượng.');
      await expectAccessible(page, `search (${device})`);

      // A product page: its name once loaded, its own description.
      await page.goto(`${origin()}/san-pham/${productId}/xem`);
      await soon(() => page.getByTestId('product-title').textContent()).toBe('Bưởi Diễn Phú Thượng loại 1');
      await soon(() => page.title()).toBe('Bưởi Diễn Phú Thượng loại 1 — LienKet');
      await soon(() => description(page)).toBe('Bưởi Diễn chín tự nhiên, quả 1–1,3 kg, vỏ vàng, tép ngọt.');
      await expectAccessible(page, `product (${device})`);

      // Its supplier, reached by the link on the product page.
      await page.getByTestId('product-supplier-link').click();
      await page.waitForURL(new RegExp(`/nha-cung-cap/${coop.orgId}$`));
      await soon(() => page.title()).toBe('HTX Bưởi Diễn Phú Thượng — LienKet');
      await soon(() => description(page)).toBe('HTX Bưởi Diễn Phú Thượng trên LienKet: sản phẩm, chứng nhận và lịch sử hợp đồng.');
      await expectAccessible(page, `supplier (${device})`);

      // The language switch renames the page at once.
      await page.getByTestId('lang-switch').click();
      await soon(() => page.title()).toBe('HTX Bưởi Diễn Phú Thượng — LienKet');
      await soon(() => description(page)).toBe('HTX Bưởi Diễn Phú Thượng on LienKet: products, certifications and contract record.');
      await soon(() => page.locator('html').getAttribute('lang')).toBe('en');
      await page.goto(`${origin()}/tim-kiem`);
      await soon(() => page.title()).toBe('Find produce from cooperatives — LienKet');
      await page.goto(`${origin()}/dang-nhap`);
      await soon(() => page.title()).toBe('Sign in — LienKet');
      await expectAccessible(page, `sign-in in English (${device})`);
    });
  }

  it('draws the search page\'s and a product\'s first screen with the page itself, before any script arrives (phone)', async () => {
    // A slow phone link: the scripts have not come yet (here they never do). What the visitor sees
    // is what the gateway wrote into the page: the search page's title, the product's name,
    // category and description.
    const page = await newPage(PHONE);
    await page.route(/\.js(\?.*)?$/, (route) => route.abort());
    await page.goto(`${origin()}/tim-kiem?q=buoi`);
    await soon(() => page.locator('h1').textContent()).toBe('Tìm nguồn hàng');
    await expectAccessible(page, 'search page before its scripts');
    await page.goto(`${origin()}/san-pham/${productId}/xem`);
    await soon(() => page.locator('h1').textContent()).toBe('Bưởi Diễn Phú Thượng loại 1');
    await soon(() => page.locator('main').innerText()).toContain('Mã HS 0805');
    await soon(() => page.locator('main').innerText()).toContain('Bưởi Diễn chín tự nhiên, quả 1–1,3 kg, vỏ vàng, tép ngọt.');
    await expectAccessible(page, 'product page before its scripts');

    // Once the scripts arrive, the app takes the page over: the same product, now with its facts.
    await page.unroute(/\.js(\?.*)?$/);
    await page.reload();
    await soon(() => page.getByTestId('product-title').textContent()).toBe('Bưởi Diễn Phú Thượng loại 1');
    await soon(() => page.getByTestId('product-price').isVisible()).toBe(true);
    await soon(() => page.locator('h1').count()).toBe(1);
    await expectAccessible(page, 'product page with its scripts');
  });

  it('says "page not found" in the title and on the page for an unknown path and an unknown product (phone)', async () => {
    const page = await newPage(PHONE);
    const answer = await page.goto(`${origin()}/khong-co-trang-nay`);
    expect(answer?.status()).toBe(404);
    await soon(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    await soon(() => page.title()).toBe('Không tìm thấy trang — LienKet');
    await expectAccessible(page, 'unknown path');

    const product = await page.goto(`${origin()}/san-pham/00000000-0000-4000-8000-000000000000/xem`);
    expect(product?.status()).toBe(404);
    await soon(() => page.getByTestId('product-not-found').textContent()).toMatch(/^Không tìm thấy sản phẩm này/);
    // The app, once it asked, agrees with the server.
    await soon(() => page.title()).toBe('Không tìm thấy trang — LienKet');
    await soon(() => description(page)).toBe('Trang này không có trên LienKet.');
    await expectAccessible(page, 'unknown product');
  });
});

import { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible, pickTyped, pickOption } from '../support/browser';
import { eventually, soon } from '../support/wait';
import { approvedListing, cooperative, rows } from '../support/e2e';
import { buyer, day, procurementFacts, submittedNeed } from '../support/needs';
import { openNeedInConsole, signInAdmin } from '../support/browser-steps';
import { openNeed, verifiedBuyer } from '../support/bids';

const newPage = useBrowser();

// "Yêu cầu báo giá" from a supplier's page to an invited need the cooperative finds, and the open
// needs' search box and delivery-month filter on a phone.

const TITLE = 'Mắc ca sấy nứt vỏ loại A';
const UUID_PATH = /\/nhu-cau\/([0-9a-f-]{36})$/;
/** Nothing on the page is wider than the screen: no sideways scrolling. */
const pageWidth = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

describe('an enterprise asks one cooperative for a quote', () => {
  let company: Awaited<ReturnType<typeof buyer>>;
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let second: Awaited<ReturnType<typeof cooperative>>;
  let productId: string;
  let needId: string;

  beforeAll(async () => {
    company = await buyer({ verified: true, trusted: true, name: 'Công ty CP Hạt Dinh Dưỡng' });
    coop = await cooperative('HTX Mắc ca Tây Nguyên Mời', { verified: true, provinceCode: '66' });
    second = await cooperative('HTX Hạt Điều Bù Đăng Mời Thêm', { verified: true });
    productId = await approvedListing(coop.token, { categoryCode: '0802', name: 'Mắc ca sấy Krông Năng', unitCode: 'TNE', monthlyCapacity: '12' });
  });

  it('a visitor is asked to sign in first; a cooperative sees no button; a product page asks in its category', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${origin()}/nha-cung-cap/${coop.orgId}`);
    await soon(() => page.getByTestId('request-quote').textContent()).toBe('Đăng nhập để yêu cầu báo giá');
    await page.context().close();
    const shopper = await newPage(PHONE);
    await signIn(shopper, company.email, company.password);
    await shopper.goto(`${origin()}/san-pham/${productId}/xem`);
    await soon(() => shopper.getByTestId('request-quote').getAttribute('href')).toBe(`/nhu-cau/moi?nha-cung-cap=${coop.orgId}&nhom=0802`);
    await expectAccessible(shopper, 'a product page with "Yêu cầu báo giá"');
    await shopper.context().close();
    const own = await newPage(DESKTOP);
    await signIn(own, coop.email, coop.password);
    await own.goto(`${origin()}/nha-cung-cap/${coop.orgId}`);
    await soon(() => own.getByTestId('supplier-name').textContent()).toBe('HTX Mắc ca Tây Nguyên Mời');
    expect(await own.getByTestId('request-quote').count()).toBe(0);
    await own.context().close();
  });

  it('clicks "Yêu cầu báo giá" on the supplier page, posts an INVITED need, and it opens', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nha-cung-cap/${coop.orgId}`);
    await page.getByTestId('request-quote').click();
    await page.waitForURL(/\/nhu-cau\/moi\?nha-cung-cap=/);
    // The wizard opens as "Chỉ mời nhà cung cấp" with the cooperative chosen, by name.
    await soon(() => page.getByTestId('need-visibility-invited').isChecked()).toBe(true);
    await soon(() => page.getByTestId('need-invited-suppliers').textContent()).toContain('HTX Mắc ca Tây Nguyên Mời');
    await expectAccessible(page, 'the need wizard inviting a supplier');
    await page.screenshot({ path: join(SHOTS, 'need-wizard-invited.png') });

    // A second cooperative, found by its name typed without diacritics.
    await page.getByTestId('need-invited-suppliers').click();
    await page.keyboard.type('hat dieu bu dang moi them');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'HTX Hạt Điều Bù Đăng Mời Thêm' }).click();
    await soon(() => page.getByTestId('need-invited-suppliers').textContent()).toContain('HTX Hạt Điều Bù Đăng Mời Thêm');
    await page.keyboard.press('Escape');
    await page.getByTestId('need-title').fill(TITLE);
    await pickTyped(page, 'need-category', 'mac ca', 'Hạt mắc ca');
    await page.getByTestId('need-next').click();
    await page.getByTestId('need-quantity').fill('3');
    await pickTyped(page, 'need-unit', 'tan', 'tấn');
    await page.getByTestId('need-next').click();
    await pickTyped(page, 'need-province', 'ho chi minh', 'Hồ Chí Minh');
    await page.getByTestId('need-delivery-from').fill(day(30));
    await page.getByTestId('need-delivery-to').fill(day(45));
    await page.getByTestId('need-deadline-date').fill(day(20));
    await page.getByTestId('need-next').click();
    await soon(() => page.getByTestId('need-review-audience').textContent()).toBe('Chỉ 2 hợp tác xã được mời');
    await page.getByTestId('need-save').click();
    await page.waitForURL(UUID_PATH);
    needId = UUID_PATH.exec(page.url())![1];
    await page.getByTestId('need-submit').click();
    await soon(() => page.getByTestId('need-status').getAttribute('data-status')).toBe('OPEN');
    await soon(() => page.getByTestId('need-invited-only').textContent()).toBe('Chỉ người được mời');
    expect(await rows(`SELECT visibility, invited_supplier_ids FROM procurement.needs WHERE id = $1`, [needId])).toEqual([
      { visibility: 'INVITED', invited_supplier_ids: [coop.orgId, second.orgId] },
    ]);
    await page.context().close();
  });

  it("its buyer's page names the invited cooperatives, each a link to its page, on a phone", async () => {
    const page = await newPage(PHONE);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    const invitees = page.getByTestId('need-invitee');
    await soon(() => invitees.allTextContents()).toEqual(['HTX Mắc ca Tây Nguyên Mời', 'HTX Hạt Điều Bù Đăng Mời Thêm']);
    expect(await page.locator('.field', { has: page.getByTestId('need-invitees') }).locator('dt').textContent()).toBe('Nhà cung cấp được mời');
    expect([await invitees.nth(0).getAttribute('href'), await invitees.nth(1).getAttribute('href')]).toEqual([
      `/nha-cung-cap/${coop.orgId}`,
      `/nha-cung-cap/${second.orgId}`,
    ]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'an invited need, its buyer on a phone');
    await page.screenshot({ path: join(SHOTS, 'need-invited-buyer-phone.png'), fullPage: true });
    await invitees.nth(1).click();
    await page.waitForURL(new RegExp(`/nha-cung-cap/${second.orgId}$`));
    await soon(() => page.getByTestId('supplier-name').textContent()).toBe('HTX Hạt Điều Bù Đăng Mời Thêm');
    await page.context().close();
  });

  it('the invited cooperative finds it among the needs inviting it and may bid; a visitor finds nothing', async () => {
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau?moi=1`);
    const card = page.locator(`[data-testid="need-card"][data-need-id="${needId}"]`);
    await soon(() => card.getByTestId('need-invites-you').textContent()).toBe('Bạn được mời báo giá');
    await expectAccessible(page, 'open needs, the ones inviting me, on a phone');
    await card.getByRole('link', { name: TITLE }).click();
    await soon(() => page.getByTestId('need-title').textContent()).toBe(TITLE);
    await soon(() => page.getByTestId('bid-submit').count()).toBe(1);
    // Whom else the buyer invited is the buyer's to know.
    expect(await page.getByTestId('need-invitees').count()).toBe(0);
    await page.context().close();

    const visitor = await newPage(PHONE);
    await visitor.goto(`${origin()}/nhu-cau/${needId}`);
    await visitor.getByTestId('need-not-found').waitFor();
    await visitor.context().close();
  });
});

describe('a moderator reviews an invited need', () => {
  it('the console says the need invites suppliers only, and whom, on a phone', async () => {
    const title = 'Hạt điều rang muối mời riêng';
    const coop = await cooperative('HTX Điều Bình Phước Được Mời', { verified: true });
    const company = await buyer({ verified: true, name: 'Công ty CP Hạt Điều Bình Phước' });
    // Only a cooperative procurement knows as verified may be invited.
    await eventually(() => procurementFacts(coop.orgId), (f) => expect(f?.verification).toBe('VERIFIED'));
    const { id } = await submittedNeed(company.token, { title, visibility: 'INVITED', invitedSupplierIds: [coop.orgId] });
    const page = await newPage(PHONE);
    await signInAdmin(page);
    await openNeedInConsole(page, id, title);
    await soon(() => page.getByTestId('mod-need-visibility').textContent()).toBe('Chỉ mời nhà cung cấp');
    expect(await page.getByTestId('mod-need-visibility').getAttribute('data-visibility')).toBe('INVITED');
    await soon(() => page.getByTestId('need-invitee').allTextContents()).toEqual(['HTX Điều Bình Phước Được Mời']);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'an invited need in the moderation console, on a phone');
    await page.context().close();
  });
});

describe('open needs: the search box and the delivery month, on a phone', () => {
  const marker = `q${randomBytes(4).toString('hex')}`;
  // Delivered in the month three months from now (the filter offers six back to eighteen ahead).
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
  const month = (d: Date) => ({ iso: d.toISOString().slice(0, 7), label: `Tháng ${d.getUTCMonth() + 1}/${d.getUTCFullYear()}` });
  const delivery = month(at);
  const later = month(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)));
  beforeAll(async () => {
    const b = await verifiedBuyer('Công ty CP Tìm Nhu Cầu Trên Điện Thoại');
    await openNeed(b.token, { title: 'Cà phê Arabica Cầu Đất', description: marker, deliveryFrom: `${delivery.iso}-05`, deliveryTo: `${delivery.iso}-25` });
  });

  it('finds "Cà phê" typed without diacritics, then narrows by delivery month', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${origin()}/nhu-cau`);
    await page.getByTestId('open-needs-query').fill(`ca phe cau dat ${marker}`);
    await page.getByTestId('open-needs-query').press('Enter');
    await soon(() => page.getByTestId('need-card').allTextContents()).toEqual([expect.stringContaining('Cà phê Arabica Cầu Đất')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(`ca phe cau dat ${marker}`);
    await page.getByTestId('open-needs-filters').click();
    await pickOption(page, 'open-needs-month', later.label, later.label);
    await soon(() => page.getByTestId('need-card').count()).toBe(0);
    await pickOption(page, 'open-needs-month', delivery.label, delivery.label);
    await soon(() => page.getByTestId('need-card').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('thang')).toBe(delivery.iso);
    await expectAccessible(page, 'open needs searched and filtered by month, on a phone');
    await page.context().close();
  });
});

import { Page } from 'playwright-core';
import { join } from 'node:path';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible, pickTyped } from '../support/browser';
import { soon } from '../support/wait';
import { followNav, pickCoffee, wizardStep as step } from '../support/browser-steps';
import { api, cooperative, joinOrganization, rows, signUpOwner } from '../support/e2e';
import { day, inDays, openNeedBySql } from '../support/needs';

const newPage = useBrowser();

const TITLE = 'Cà phê Robusta nhân xô loại 1';
const UUID_PATH = /\/nhu-cau\/([0-9a-f-]{36})$/;

interface NeedRow extends Record<string, unknown> {
  id: string;
  title: string;
  quantity: string;
  unit_code: string;
  target_unit_price: string | null;
  category_code: string;
  delivery_province_code: string;
  delivery_from: string;
  delivery_to: string;
  required_certifications: string[];
  allow_partial: boolean;
  deadline: string;
  status: string;
}

const needsOf = (orgId: string) =>
  rows<NeedRow>(
    `SELECT id, title, quantity::text, unit_code, target_unit_price::text, category_code, delivery_province_code,
            delivery_from::text, delivery_to::text, required_certifications, allow_partial,
            to_char(bid_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline, status
       FROM procurement.needs WHERE buyer_org_id = $1 ORDER BY created_at`,
    [orgId],
  );

const fieldErrors = (page: Page) => page.locator('section:not([hidden]) .ant-form-item-explain-error').allTextContents();
const focusedTestId = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null);

/** A draft need through the API, opened by SQL (standing in for moderation); returns its id. */
async function openNeed(token: string, over: Record<string, unknown> = {}, deadlineInSeconds?: number): Promise<string> {
  const input = {
    title: 'Gạo ST25 đóng bao 50 kg',
    categoryCode: '1006',
    quantity: '40',
    unitCode: 'TNE',
    targetUnitPrice: { amount: '18500000', currency: 'VND' },
    deliveryProvinceCode: '79',
    deliveryFrom: day(30),
    deliveryTo: day(45),
    requiredCertifications: ['VietGAP'],
    bidDeadline: inDays(20).toISOString(),
    ...over,
  };
  const r = await api<{ createNeed: { id: string } }>(`mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`, { input }, { token });
  expect(r.errors).toBeUndefined();
  await openNeedBySql(r.data!.createNeed.id, { deadlineInSeconds });
  return r.data!.createNeed.id;
}

describe('an enterprise posts a need through the wizard, on a phone', () => {
  let buyer: Awaited<ReturnType<typeof signUpOwner>>;
  let needId: string;

  beforeAll(async () => {
    buyer = await signUpOwner({ name: 'Công ty Cà phê Sài Gòn', kind: 'ENTERPRISE' });
  });

  it('shows every problem of a step at once with focus on the first, and writes nothing', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await followNav(page, 'nav-post-need');
    await page.waitForURL(/\/nhu-cau\/moi$/);
    await step(page, 'what');
    await soon(() => page.title()).toBe('Đăng nhu cầu mua — LienKet');
    await expectAccessible(page, 'post a need, step 1');

    await page.getByTestId('need-next').click();
    await soon(() => fieldErrors(page)).toEqual(['Nhập tên nhu cầu.', 'Chọn nhóm hàng.']);
    await soon(() => focusedTestId(page)).toBe('need-title');
    // Still on the first step, and nothing saved.
    await step(page, 'what');
    expect(await needsOf(buyer.orgId)).toEqual([]);
    await expectAccessible(page, 'post a need, step 1 with problems');
    await page.screenshot({ path: join(SHOTS, 'need-wizard-phone.png') });
    await page.context().close();
  });

  it('walks the steps, shows the server refusing a quantity under its field, then saves the draft', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await page.goto(`${origin()}/nhu-cau/moi`);

    await step(page, 'what');
    await page.getByTestId('need-title').fill(TITLE);
    await pickCoffee(page, 'need-category');
    await page.getByTestId('need-description').fill('Sàng 16, độ ẩm dưới 12,5%, đóng bao đay 60 kg.');
    await pickTyped(page, 'need-certifications', 'VietGAP', 'VietGAP');
    await page.keyboard.press('Escape');
    await page.getByTestId('need-next').click();

    await step(page, 'amount');
    // Four decimals: the page accepts the number, the server keeps three (decimalPrecision).
    await page.getByTestId('need-quantity').fill('25,1234');
    await pickTyped(page, 'need-unit', 'tan', 'tấn');
    await page.getByTestId('need-target-price').fill('125000000');
    await soon(() => page.getByTestId('need-target-price').inputValue()).toBe('125.000.000');
    await soon(() => page.getByText('Giá mong muốn (đ/tấn)').count()).toBe(1);
    await page.getByTestId('need-partial-yes').check();
    await expectAccessible(page, 'post a need, step 2');
    await page.getByTestId('need-next').click();

    await step(page, 'where');
    await pickTyped(page, 'need-province', 'ho chi minh', 'Hồ Chí Minh');
    await page.getByTestId('need-delivery-from').fill(day(30));
    await page.getByTestId('need-delivery-to').fill(day(60));
    await page.getByTestId('need-deadline-date').fill(day(20));
    // 17:00 is offered; the deadline is read as Vietnam time whatever the phone's zone.
    await soon(() => page.getByTestId('need-deadline-time').inputValue()).toBe('17:00');
    await expectAccessible(page, 'post a need, step 3');
    await page.getByTestId('need-next').click();

    await step(page, 'review');
    const review = page.getByTestId('need-review');
    await soon(() => review.innerText()).toContain(TITLE);
    await soon(() => review.innerText()).toContain('125.000.000 đ/tấn');
    await soon(() => review.innerText()).toContain('17:00 (giờ Việt Nam)');
    await expectAccessible(page, 'post a need, review');
    await page.screenshot({ path: join(SHOTS, 'need-wizard-review-phone.png') });

    await page.getByTestId('need-save').click();
    // The server's message, under the field, on the step that asks for it; nothing written.
    await step(page, 'amount');
    await soon(() => fieldErrors(page)).toEqual([expect.stringMatching(/./)]);
    await soon(() => focusedTestId(page)).toBe('need-quantity');
    expect(await needsOf(buyer.orgId)).toEqual([]);

    await page.getByTestId('need-quantity').fill('25,5');
    await page.getByTestId('need-next').click();
    await step(page, 'where');
    await page.getByTestId('need-next').click();
    await step(page, 'review');
    await page.getByTestId('need-save').click();

    await page.waitForURL(UUID_PATH);
    needId = UUID_PATH.exec(page.url())![1];
    await page.getByTestId('need-notice').waitFor();
    await soon(() => page.getByTestId('need-status').getAttribute('data-status')).toBe('DRAFT');
    await soon(() => page.getByTestId('need-status').textContent()).toBe('Bản nháp');
    await soon(() => page.getByTestId('need-quantity').textContent()).toBe('25,5 tấn');
    await soon(() => page.getByTestId('need-target-price').textContent()).toBe('125.000.000 đ/tấn');
    await soon(() => page.title()).toBe(`${TITLE} — Nhu cầu mua — LienKet`);
    const [row] = await needsOf(buyer.orgId);
    expect(row).toEqual(
      expect.objectContaining({
        id: needId,
        title: TITLE,
        quantity: '25.500',
        unit_code: 'TNE',
        target_unit_price: '125000000',
        category_code: '0901',
        delivery_province_code: '79',
        delivery_from: day(30),
        delivery_to: day(60),
        required_certifications: ['VietGAP'],
        allow_partial: true,
        // 17:00 in Việt Nam is 10:00 UTC.
        deadline: `${day(20)}T10:00:00Z`,
        status: 'DRAFT',
      }),
    );
    await expectAccessible(page, 'the saved draft');
    await page.context().close();
  });

  it('lists the draft in my needs and edits it', async () => {
    const page = await newPage(PHONE);
    await signIn(page, buyer.email, buyer.password);
    await followNav(page, 'nav-my-needs');
    await page.waitForURL(/\/nhu-cau\/cua-toi$/);
    const card = page.locator(`[data-testid="need-card"][data-need-id="${needId}"]`);
    await soon(() => card.getByTestId('need-status').textContent()).toBe('Bản nháp');
    await soon(() => page.getByTestId('my-needs-count').textContent()).toBe('1 nhu cầu');
    await expectAccessible(page, 'my needs');
    await page.screenshot({ path: join(SHOTS, 'my-needs-phone.png') });

    await card.getByTestId('need-edit').click();
    await page.waitForURL(new RegExp(`/nhu-cau/${needId}/sua$`));
    await soon(() => page.getByTestId('need-title').inputValue()).toBe(TITLE);
    await soon(() => page.title()).toBe('Sửa nhu cầu — LienKet');
    await expectAccessible(page, 'edit a draft need');
    await page.getByTestId('need-next').click();
    await step(page, 'amount');
    await soon(() => page.getByTestId('need-target-price').inputValue()).toBe('125.000.000');
    await page.getByTestId('need-quantity').fill('30');
    await page.getByTestId('need-next').click();
    await step(page, 'where');
    await soon(() => page.getByTestId('need-deadline-time').inputValue()).toBe('17:00');
    await page.getByTestId('need-next').click();
    await step(page, 'review');
    await page.getByTestId('need-save').click();
    await page.waitForURL(UUID_PATH);
    await soon(() => page.getByTestId('need-quantity').textContent()).toBe('30 tấn');
    expect((await needsOf(buyer.orgId)).map((r) => [r.id, r.quantity, r.deadline])).toEqual([[needId, '30.000', `${day(20)}T10:00:00Z`]]);
    await page.context().close();
  });

  it('keeps the enterprise\'s links in a desktop header, and speaks English when asked', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, buyer.email, buyer.password);
    for (const id of ['nav-my-needs', 'nav-post-need', 'nav-account']) {
      const box = await page.getByTestId(id).boundingBox();
      expect({ id, inside: !!box && box.x >= 0 && box.x + box.width <= DESKTOP.width && box.y < 70 }).toEqual({ id, inside: true });
    }
    expect(await page.getByTestId('nav-open-needs').count()).toBe(0);
    await page.getByTestId('nav-post-need').click();
    await step(page, 'what');
    await page.getByTestId('lang-switch').click();
    await soon(() => page.locator('h1').textContent()).toBe('Post a need');
    await soon(() => page.title()).toBe('Post a need — LienKet');
    await page.getByTestId('need-next').click();
    await soon(() => fieldErrors(page)).toEqual(['Enter a title.', 'Choose a category.']);
    await expectAccessible(page, 'post a need, in English');
    await page.context().close();
  });

  it('tells a member that only owners and managers post needs', async () => {
    const member = await joinOrganization(buyer.token, 'MEMBER');
    const page = await newPage(PHONE);
    await signIn(page, member.email, member.password);
    await page.goto(`${origin()}/nhu-cau/moi`);
    await soon(() => page.getByTestId('need-not-allowed').textContent()).toContain('Chỉ chủ sở hữu hoặc quản lý');
    expect(await page.getByTestId('need-title').count()).toBe(0);
    // The member still sees the organization's needs, but is not offered what it may not do.
    await page.goto(`${origin()}/nhu-cau/cua-toi`);
    await page.locator(`[data-testid="need-card"][data-need-id="${needId}"]`).waitFor();
    expect(await page.getByTestId('need-edit').count()).toBe(0);
    expect(await page.getByTestId('need-new').count()).toBe(0);
    await expectAccessible(page, 'post a need, as a member');
    await page.context().close();
  });

  it('keeps another organization out of the draft: it reads as not found', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await page.getByTestId('need-not-found').waitFor();
    await soon(() => page.title()).toBe('Không tìm thấy trang — LienKet');
    await expectAccessible(page, 'a private need, anonymously');
    await page.context().close();
  });
});

describe('anyone browses open needs and opens one', () => {
  let buyer: Awaited<ReturnType<typeof signUpOwner>>;
  let riceId: string;
  let coffeeId: string;

  beforeAll(async () => {
    // Verified, as a buyer must be to submit: the public does not see an unverified organization.
    buyer = await cooperative('Công ty Lương thực Phương Nam', { kind: 'ENTERPRISE', verified: true });
    // Delivered to Quảng Ninh, which no other test uses: other test files open needs of their own at
    // the same time, so the unfiltered list's first page may be theirs.
    riceId = await openNeed(buyer.token, { title: 'Gạo ST25 đóng bao 50 kg (tìm theo bộ lọc)', deliveryProvinceCode: '22' });
    coffeeId = await openNeed(buyer.token, { title: 'Cà phê Arabica Cầu Đất', categoryCode: '0901', deliveryProvinceCode: '22' });
  });

  it('filters by category and province on a desktop and opens the need page, anonymously', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(origin());
    await page.getByTestId('nav-open-needs').click();
    await page.waitForURL(/\/nhu-cau$/);
    await soon(() => page.title()).toBe('Nhu cầu đang mở — LienKet');
    const rice = page.locator(`[data-testid="need-card"][data-need-id="${riceId}"]`);
    const coffee = page.locator(`[data-testid="need-card"][data-need-id="${coffeeId}"]`);
    await page.getByTestId('need-card').first().waitFor();
    await expectAccessible(page, 'open needs');

    // The delivery province finds both; a chapter includes its headings: "Ngũ cốc" (10) finds
    // rice (1006), not coffee (0901); another province finds neither; clearing shows every need.
    await pickTyped(page, 'open-needs-province', 'quang ninh', 'Quảng Ninh');
    await page.waitForURL(/tinh=22/);
    await coffee.waitFor();
    await page.getByTestId('open-needs-category').click();
    await page.keyboard.type('ngu coc');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ has: page.locator('[data-code="10"]') }).click();
    await page.waitForURL(/nhom=10(&|$)/);
    await soon(() => rice.innerText()).toContain('Công ty Lương thực Phương Nam');
    await soon(() => coffee.count()).toBe(0);
    await pickTyped(page, 'open-needs-province', 'ha noi', 'Hà Nội');
    await page.waitForURL(/tinh=01/);
    await page.getByTestId('open-needs-empty').waitFor();
    await page.getByTestId('open-needs-clear').click();
    await page.waitForURL(/\/nhu-cau$/);
    await page.getByTestId('need-card').first().waitFor();
    // The filters live in the address: a shared link opens the same list.
    await page.goto(`${origin()}/nhu-cau?nhom=10&tinh=22`);

    await rice.getByRole('link', { name: /Gạo ST25/ }).click();
    await page.waitForURL(new RegExp(`/nhu-cau/${riceId}$`));
    await soon(() => page.getByTestId('need-title').textContent()).toBe('Gạo ST25 đóng bao 50 kg (tìm theo bộ lọc)');
    await soon(() => page.getByTestId('need-buyer').textContent()).toBe('Công ty Lương thực Phương Nam');
    await soon(() => page.getByTestId('need-quantity').textContent()).toBe('40 tấn');
    await soon(() => page.getByTestId('need-target-price').textContent()).toBe('18.500.000 đ/tấn');
    await soon(() => page.getByTestId('need-status').textContent()).toBe('Đang nhận báo giá');
    await soon(() => page.getByTestId('need-certifications').textContent()).toBe('VietGAP');
    await soon(() => page.getByTestId('need-deadline').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)$/);
    // The countdown ticks on screen; a screen reader hears only its coarse step, politely.
    const announced = page.getByTestId('need-countdown-announced');
    await soon(() => announced.textContent()).toMatch(/^Còn (19|20) ngày đến hạn chót$/);
    expect(await announced.getAttribute('aria-live')).toBe('polite');
    await soon(() => page.getByTestId('bid-panel').isVisible()).toBe(true);
    // Nobody but the buyer is offered the draft's edit.
    expect(await page.getByTestId('need-edit').count()).toBe(0);
    await soon(() => page.title()).toBe('Gạo ST25 đóng bao 50 kg (tìm theo bộ lọc) — Nhu cầu mua — LienKet');
    await expectAccessible(page, 'a public need');
    await page.screenshot({ path: join(SHOTS, 'need-page.png'), fullPage: true });
    await page.context().close();
  });

  it('shows open needs in a cooperative\'s phone menu, and the countdown reaching the deadline', async () => {
    const coop = await cooperative('HTX Nông nghiệp Tân Phú');
    const closingId = await openNeed(buyer.token, { title: 'Sầu riêng Ri6 loại A', deliveryProvinceCode: '22' }, 6);
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.getByTestId('nav-menu-button').click();
    expect(await page.getByTestId('nav-post-need').count()).toBe(0);
    await page.getByTestId('nav-open-needs').click();
    await page.waitForURL(/\/nhu-cau$/);
    await expectAccessible(page, 'open needs on a phone');
    // Its own province, as a cooperative narrows the list (others' needs may fill the first page).
    await page.goto(`${origin()}/nhu-cau?tinh=22`);
    await page.locator(`[data-testid="need-card"][data-need-id="${closingId}"] a`).first().click();
    await page.waitForURL(new RegExp(`/nhu-cau/${closingId}$`));
    await soon(() => page.getByTestId('need-title').textContent()).toBe('Sầu riêng Ri6 loại A');
    await expectAccessible(page, 'a public need on a phone');
    await page.screenshot({ path: join(SHOTS, 'need-page-phone.png'), fullPage: true });
    await soon(() => page.getByTestId('need-countdown-announced').textContent(), { timeoutMs: 30_000 }).toBe('Đã hết hạn nhận báo giá');
    await soon(() => page.getByTestId('need-countdown').innerText()).toContain('Đã hết hạn nhận báo giá');
    await page.context().close();
  });

  it('answers an unknown need id with the not-found page', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${origin()}/nhu-cau/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('need-not-found').waitFor();
    await soon(() => page.title()).toBe('Không tìm thấy trang — LienKet');
    await expectAccessible(page, 'an unknown need');
    await page.context().close();
  });
});

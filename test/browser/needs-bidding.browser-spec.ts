import { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible } from '../support/browser';
import { needStatusOf, openNeedInConsole, signInAdmin } from '../support/browser-steps';
import { soon } from '../support/wait';
import { api, cooperative, rows } from '../support/e2e';
import { buyer, day, draftNeed, procurementFacts, READ, submittedNeed } from '../support/needs';
import { bidInput, bidRows, deadlinePassed, setDeadline, SUBMIT_BID, verifiedCooperative } from '../support/bids';

const newPage = useBrowser();

// The default need (test/support/needs.ts needInput): 25,5 tấn of coffee, delivery in 30–60 days.
const TITLE = 'Cà phê Robusta nhân xô loại 1';

const needStatus = async (id: string) =>
  (await rows<{ status: string }>(`SELECT status FROM procurement.needs WHERE id = $1`, [id]))[0]?.status;
const liveBids = (needId: string) =>
  rows<{ revision: number; status: string }>(
    `SELECT revision, status FROM procurement.bids WHERE need_id = $1 ORDER BY created_at`,
    [needId],
  );
const fieldErrors = (page: Page) => page.locator('.ant-form-item-explain-error').allTextContents();
/** Opens the need's review in the moderation console's NEED queue. */
const openInConsole = (page: Page, needId: string) => openNeedInConsole(page, needId, TITLE);

describe('a need from submission to bids, across the three roles', () => {
  let company: Awaited<ReturnType<typeof buyer>>;
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let needId: string;

  beforeAll(async () => {
    company = await buyer({ verified: true, name: 'Công ty CP Cà phê Đất Việt' });
    coop = await cooperative('HTX Cà phê Ea Tu', { verified: true, provinceCode: '66' });
    needId = (await draftNeed(company.token)).id;
  });

  it('the buyer sends its draft for review from the need page', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => needStatusOf(page)).toBe('DRAFT');
    await expectAccessible(page, 'a draft need, its buyer');
    await page.getByTestId('need-submit').click();
    await soon(() => needStatusOf(page)).toBe('PENDING_REVIEW');
    expect(await needStatus(needId)).toBe('PENDING_REVIEW');
    // Pending: no edit or submit any more, cancelling still offered.
    expect(await page.getByTestId('need-submit').count()).toBe(0);
    expect(await page.getByTestId('need-cancel').count()).toBe(1);
    await page.context().close();
  });

  it('the moderator approves it in the console, and it opens', async () => {
    const page = await newPage(DESKTOP);
    await signInAdmin(page);
    await openInConsole(page, needId);
    await soon(() => page.getByTestId('mod-need-buyer').textContent()).toBe('Công ty CP Cà phê Đất Việt');
    await soon(() => page.getByTestId('mod-need-visibility').textContent()).toBe('Công khai');
    await expectAccessible(page, 'a pending need in the moderation console');
    await page.screenshot({ path: join(SHOTS, 'need-moderation.png') });
    await page.getByTestId('mod-approve').click();
    await soon(() => page.getByTestId('mod-success').textContent()).toContain(`Đã duyệt nhu cầu “${TITLE}”`);
    expect(await needStatus(needId)).toBe('OPEN');
    await page.context().close();
  });

  it('a visitor is asked to sign in to bid', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('bid-sign-in').textContent()).toBe('Đăng nhập để báo giá');
    expect(await page.getByTestId('bid-submit').count()).toBe(0);
    await page.context().close();
  });

  it('the cooperative bids on a phone: every problem at once, then submits, revises, withdraws and bids again', async () => {
    const page = await newPage(PHONE);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('bid-quantity-fixed').textContent()).toBe('25,5 tấn');
    await expectAccessible(page, 'the bid form, on a phone');

    const before = await bidRows(needId);
    await page.getByTestId('bid-submit').click();
    await soon(() => fieldErrors(page)).toEqual(['Nhập đơn giá.', 'Chọn ngày giao.']);
    expect(await bidRows(needId)).toEqual(before);

    await page.getByTestId('bid-price').fill('48500000');
    await soon(() => page.getByTestId('bid-price').inputValue()).toBe('48.500.000');
    await page.getByTestId('bid-delivery-date').fill(day(35));
    await page.getByTestId('bid-note').fill('Hàng vụ mới, sàng 16.');
    await page.getByTestId('bid-submit').click();
    await soon(() => page.getByTestId('bid-notice').textContent()).toContain('Đã gửi báo giá');
    await soon(() => page.getByTestId('my-bid-status').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await liveBids(needId)).toEqual([{ revision: 1, status: 'SUBMITTED' }]);
    await page.screenshot({ path: join(SHOTS, 'bid-form-phone.png'), fullPage: true });

    await page.getByTestId('bid-price').fill('47000000');
    await page.getByTestId('bid-submit').click();
    await soon(() => page.getByTestId('my-bid-revision').textContent()).toBe('Lần sửa 2');
    await soon(() => page.getByTestId('my-bid-price').textContent()).toBe('47.000.000 đ/tấn');
    expect(await liveBids(needId)).toEqual([{ revision: 2, status: 'SUBMITTED' }]);

    await page.getByTestId('bid-withdraw').click();
    await page.getByTestId('bid-withdraw-confirm').click();
    await soon(() => page.getByTestId('bid-notice').textContent()).toBe('Đã rút báo giá.');
    await soon(() => page.getByTestId('my-bid').count()).toBe(0);
    expect(await liveBids(needId)).toEqual([{ revision: 2, status: 'WITHDRAWN' }]);

    await page.getByTestId('bid-price').fill('46500000');
    await page.getByTestId('bid-delivery-date').fill(day(40));
    await page.getByTestId('bid-note').fill('Hàng vụ mới, sàng 16.');
    await page.getByTestId('bid-submit').click();
    await soon(() => page.getByTestId('my-bid-status').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await liveBids(needId)).toEqual([
      { revision: 2, status: 'WITHDRAWN' },
      { revision: 1, status: 'SUBMITTED' },
    ]);

    // "Báo giá của tôi", from the phone's header menu: both bids, the live and the withdrawn one.
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-my-bids').click();
    await page.waitForURL(/\/bao-gia$/);
    await soon(async () => Promise.all((await page.getByTestId('my-bids-status').all()).map((tag) => tag.getAttribute('data-status'))))
      .toEqual(['SUBMITTED', 'WITHDRAWN']);
    await soon(() => page.getByTestId('my-bids-price').allTextContents()).toEqual(['46.500.000 đ/tấn', '47.000.000 đ/tấn']);
    expect(await page.getByRole('link', { name: TITLE }).first().getAttribute('href')).toBe(`/nhu-cau/${needId}`);
    await expectAccessible(page, 'my bids, on a phone');
    await page.screenshot({ path: join(SHOTS, 'my-bids-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('the buyer sees how many bids came, never what they say', async () => {
    const rival = await verifiedCooperative('HTX Nông nghiệp Krông Pắc');
    const r = await api(SUBMIT_BID, { input: bidInput(needId, { unitPrice: { amount: '45000000', currency: 'VND' }, deliveryDate: day(50) }) }, { token: rival.token });
    expect(r.errors).toBeUndefined();
    const page = await newPage(PHONE);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('need-bid-count').textContent()).toBe('2 báo giá');
    expect(await page.getByTestId('bid-panel').count()).toBe(0);
    expect(await page.content()).not.toContain('46.500.000');
    expect(await page.content()).not.toContain('45.000.000');
    await expectAccessible(page, 'an open need, its buyer');
    await page.context().close();
  });

  it('a bid sent after the deadline is refused with the reason, and the own bid stays read-only', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, coop.email, coop.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => page.getByTestId('bid-price').inputValue()).toBe('46.500.000');
    // The deadline passes while the form is open (the page still counts to the old one).
    await setDeadline(needId, -1);
    await deadlinePassed(needId);
    // Any read closes a need past its deadline; the refused bid must then add nothing to that.
    expect((await api(READ, { id: needId })).errors).toBeUndefined();
    const before = await bidRows(needId);
    await page.getByTestId('bid-price').fill('45000000');
    await page.getByTestId('bid-submit').click();
    await soon(() => page.getByTestId('bid-too-late').textContent()).toContain('Đã hết hạn');
    await soon(() => page.getByTestId('bid-submit').count()).toBe(0);
    await soon(() => page.getByTestId('my-bid-price').textContent()).toBe('46.500.000 đ/tấn');
    expect(await bidRows(needId)).toEqual(before);
    await expectAccessible(page, 'a closed need, the bidder');
    await page.context().close();
  });

  it('after the deadline the buyer compares the bids, sorts them and downloads the spreadsheet', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/nhu-cau/${needId}`);
    const suppliers = () => page.getByTestId('compare-supplier').allTextContents();
    // Lowest price first by default; the withdrawn bid is not among them.
    await soon(suppliers).toEqual(['HTX Nông nghiệp Krông Pắc', 'HTX Cà phê Ea Tu']);
    expect(await page.getByTestId('compare-price').allTextContents()).toEqual(['45.000.000', '46.500.000']);
    expect(await page.getByTestId('compare-revisions').allTextContents()).toEqual(['1', '1']);
    expect(await page.getByTestId('compare-contracts').allTextContents()).toEqual(['0', '0']);
    expect(await page.getByTestId('need-bid-count').count()).toBe(0);
    await expectAccessible(page, 'the bid comparison, desktop');
    await page.screenshot({ path: join(SHOTS, 'bid-comparison.png'), fullPage: true });

    await page.getByTestId('compare-sort-date').click();
    await soon(suppliers).toEqual(['HTX Cà phê Ea Tu', 'HTX Nông nghiệp Krông Pắc']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()]);
    expect(download.suggestedFilename()).toBe(`bao-gia-${needId.slice(0, 8)}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNhà cung cấp,Đơn giá (đ/tấn),Số lượng (tấn),Ngày giao,Số lần sửa,Hợp đồng đã hoàn thành,Giao đúng hạn,Giao đủ số lượng,Đánh giá,Ghi chú');
    expect(lines[1]).toBe(`HTX Cà phê Ea Tu,46500000,25.5,${day(40)},1,0,—,—,—,"Hàng vụ mới, sàng 16."`);
    expect(lines[2]).toBe(`HTX Nông nghiệp Krông Pắc,45000000,25.5,${day(50)},1,0,—,—,—,`);
    await page.context().close();

    // On a phone each bid is a card: every cell with its column's name, nothing wider than the screen.
    const phone = await newPage(PHONE);
    await signIn(phone, company.email, company.password);
    await phone.goto(`${origin()}/nhu-cau/${needId}`);
    await soon(() => phone.getByTestId('compare-row').count()).toBe(2);
    const width = await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone, 'the bid comparison, phone');
    await phone.screenshot({ path: join(SHOTS, 'bid-comparison-phone.png'), fullPage: true });
    await phone.context().close();
  });
});

describe('a rejected or cancelled need says why', () => {
  let company: Awaited<ReturnType<typeof buyer>>;

  beforeAll(async () => {
    company = await buyer({ verified: true, name: 'Công ty TNHH Gạo Mekong' });
  });

  it('the moderator rejects with a reason, which the buyer reads on the need page', async () => {
    const need = await submittedNeed(company.token);
    const admin = await newPage(DESKTOP);
    await signInAdmin(admin);
    await openInConsole(admin, need.id);
    await admin.getByTestId('mod-reject').click();
    await admin.getByTestId('mod-reject-confirm').click();
    await soon(() => fieldErrors(admin)).toHaveLength(1);
    expect(await needStatus(need.id)).toBe('PENDING_REVIEW');
    await admin.getByTestId('mod-reject-reason').fill('Thiếu quy cách đóng gói; hãy đăng lại với mô tả đầy đủ.');
    await admin.getByTestId('mod-reject-confirm').click();
    await soon(() => admin.getByTestId('mod-success').textContent()).toContain('Đã từ chối nhu cầu');
    await admin.context().close();

    // The buyer's notice of the decision opens the need's page.
    const page = await newPage(PHONE);
    await signIn(page, company.email, company.password);
    await page.goto(`${origin()}/thong-bao`);
    const open = page.locator(`[data-testid="notification-open"][href="/nhu-cau/${need.id}"]`);
    await soon(async () => {
      if ((await open.count()) === 0) await page.reload();
      return open.count();
    }).toBe(1);
    await open.click();
    await page.waitForURL(new RegExp(`/nhu-cau/${need.id}$`));
    await soon(() => page.getByTestId('need-rejection-reason').textContent()).toContain('Thiếu quy cách đóng gói');
    expect(await page.getByTestId('need-repost').getAttribute('href')).toBe('/nhu-cau/moi');
    await expectAccessible(page, 'a rejected need, its buyer');
    await page.screenshot({ path: join(SHOTS, 'need-rejected-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('an approval too close to the deadline is refused in the console with the reason, and nothing changes', async () => {
    const need = await submittedNeed(company.token);
    const admin = await newPage(DESKTOP);
    await signInAdmin(admin);
    await openInConsole(admin, need.id);
    // The deadline came too close while the need waited (in SQL: the server's own clock).
    await setDeadline(need.id, 1);
    const before = await rows(`SELECT * FROM procurement.needs WHERE id = $1`, [need.id]);
    await admin.getByTestId('mod-approve').click();
    await soon(() => admin.getByTestId('mod-problem').textContent()).toContain('hãy từ chối kèm lý do');
    expect(await rows(`SELECT * FROM procurement.needs WHERE id = $1`, [need.id])).toEqual(before);
    await expectAccessible(admin, 'a refused approval in the console');
    await admin.context().close();
  });

  it('the buyer cancels an open need with a reason (required), which bidders read', async () => {
    const trusted = await buyer({ verified: true, trusted: true, name: 'Công ty CP Nông sản Tin Cậy' });
    const need = await submittedNeed(trusted.token);
    expect(need.status).toBe('OPEN');
    const page = await newPage(DESKTOP);
    await signIn(page, trusted.email, trusted.password);
    await page.goto(`${origin()}/nhu-cau/${need.id}`);
    await page.getByTestId('need-cancel').click();
    await page.getByTestId('need-cancel-confirm').click();
    await soon(() => fieldErrors(page)).toHaveLength(1);
    expect(await needStatus(need.id)).toBe('OPEN');
    await page.getByTestId('need-cancel-reason').fill('Kế hoạch sản xuất thay đổi.');
    await page.getByTestId('need-cancel-confirm').click();
    await soon(() => needStatusOf(page)).toBe('CANCELLED');
    await soon(() => page.getByTestId('need-cancellation-reason').textContent()).toContain('Kế hoạch sản xuất thay đổi.');
    expect(await needStatus(need.id)).toBe('CANCELLED');
    await page.context().close();
  });

  it('an unverified buyer is told why it cannot send its draft yet', async () => {
    const pending = await buyer({ name: 'Công ty TNHH Chờ Xác Minh' });
    const need = await draftNeed(pending.token);
    const page = await newPage(PHONE);
    await signIn(page, pending.email, pending.password);
    await page.goto(`${origin()}/nhu-cau/${need.id}`);
    await soon(() => page.getByTestId('submit-blocked').count()).toBe(1);
    expect(await page.getByTestId('need-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('need-submit').getAttribute('aria-describedby')).toBe('submit-blocked');
    await expectAccessible(page, 'a draft of an unverified buyer');
    await page.context().close();
  });

  it('the admin marks a buyer trusted on its desk view; a moderator has no such switch', async () => {
    const company = await buyer({ verified: true, name: 'Công ty CP Chế biến Nông sản Tây Nguyên' });
    const trustedOf = async () =>
      (await rows<{ trusted_buyer: boolean }>(`SELECT trusted_buyer FROM catalog.organizations WHERE id = $1`, [company.orgId]))[0].trusted_buyer;
    const admin = await newPage(DESKTOP);
    await signInAdmin(admin);
    await admin.goto(`${origin()}/quan-tri?tab=to-chuc&id=${company.orgId}`);
    const toggle = admin.getByTestId('trusted-buyer-switch');
    await soon(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expectAccessible(admin, 'an enterprise on the desk, the admin');
    await toggle.click();
    await soon(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect(await trustedOf()).toBe(true);
    // Once procurement has heard of it, the buyer's next need opens without review.
    await soon(async () => (await procurementFacts(company.orgId))?.trusted_buyer).toBe(true);
    expect((await submittedNeed(company.token)).status).toBe('OPEN');
    await admin.context().close();

    const moderator = await newPage(DESKTOP);
    const email = `kiem-duyet-${Date.now()}@example.vn`;
    await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) SELECT $1, password_hash, 'Lê Văn Kiểm', 'MODERATOR' FROM catalog.users WHERE email = $2`, [email, process.env.E2E_ADMIN_EMAIL]);
    await signIn(moderator, email, process.env.E2E_ADMIN_PASSWORD!);
    await moderator.goto(`${origin()}/quan-tri?tab=to-chuc&id=${company.orgId}`);
    await soon(() => moderator.getByTestId('mod-detail-name').textContent()).toBe('Công ty CP Chế biến Nông sản Tây Nguyên');
    expect(await moderator.getByTestId('trusted-buyer-switch').count()).toBe(0);
    await moderator.context().close();
  });
});

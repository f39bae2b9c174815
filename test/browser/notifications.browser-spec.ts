import { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { SIGN_UP, signUpInput } from '@lienket/testing';
import { clickToClose, DESKTOP, expectAccessible, origin, PHONE, selectQueueItem, SHOTS, signIn, useBrowser } from '../support/browser';
import { adminToken, api, approve, awaitMail, rows, signInAs } from '../support/e2e';
import { soon } from '../support/wait';

// The notification centre as people use it: an admin decides, the cooperative's bell count goes up,
// the drawer and /thong-bao list what happened with links, marking read brings the count down; a
// member of a suspended organization is told why their session ended.
const newPage = useBrowser();

interface Owner {
  orgId: string;
  userId: string;
  email: string;
  password: string;
}

/** A cooperative signed up through the API, its welcome notice written (the e-mail follows it). */
async function cooperative(name: string): Promise<Owner> {
  const input = signUpInput({ name });
  const r = await api<{ signUp: { user: { id: string; organization: { id: string } } } }>(SIGN_UP, { input });
  expect(r.errors).toBeUndefined();
  expect(await awaitMail(input.email)).not.toBeNull();
  return { orgId: r.data!.signUp.user.organization.id, userId: r.data!.signUp.user.id, email: input.email, password: input.password };
}

/** The part of the DOM this file asks for (the tests compile without the DOM's types). */
type Animated = { document: { getAnimations(): { playState: string }[] } };

const bell = (page: Page) => page.getByTestId('notify-bell');
/** The badge's number, or '' when there is none (nothing unread). */
const count = async (page: Page) => ((await page.getByTestId('notify-count').count()) ? ((await page.getByTestId('notify-count').textContent()) ?? '') : '');
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Thông báo mới nhất' });

/** The box comes to lie inside the viewport (a drawer slides in): nothing of it off screen, left or right. */
async function expectInViewport(page: Page, locator: Locator) {
  const width = page.viewportSize()!.width;
  await soon(async () => {
    const box = await locator.boundingBox();
    return box && { left: box.x >= 0, right: box.x + box.width <= width + 0.5 };
  }).toEqual({ left: true, right: true });
}

async function approveInConsole(admin: Page, orgId: string) {
  await signIn(admin, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
  const item = await selectQueueItem(admin, '/quan-tri', orgId);
  await admin.getByTestId('mod-approve').click();
  // These organizations uploaded no document: the desk asks the moderator to confirm.
  await clickToClose(admin, 'mod-approve-nodocs-confirm');
  await item.waitFor({ state: 'detached' });
}

describe('the notification centre', () => {
  it('on a desktop: the admin verifies the organization, the bell counts it, the drawer and the page mark read', async () => {
    const owner = await cooperative('HTX Rau sạch Mộc Châu');
    const page = await newPage(DESKTOP);
    await signIn(page, owner.email, owner.password);
    await soon(() => count(page)).toBe('1');

    const admin = await newPage(DESKTOP);
    await approveInConsole(admin, owner.orgId);
    expect(await awaitMail(owner.email)).not.toBeNull();

    // Moving to another page asks the server again.
    await page.locator('a.logo').click();
    await page.waitForURL(`${origin()}/`);
    await soon(() => count(page)).toBe('2');
    await soon(() => bell(page).getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc');

    await bell(page).click();
    await drawer(page).waitFor();
    const items = drawer(page).getByTestId('notification');
    await soon(() => items.count()).toBe(2);
    await soon(() => items.nth(0).innerText()).toMatch(/HTX Rau sạch Mộc Châu đã được xác minh[\s\S]*Xem chi tiết/);
    await expectInViewport(page, drawer(page));
    await expectAccessible(page, 'notification drawer (desktop)');

    await items.nth(1).getByTestId('notification-mark-read').click();
    await soon(() => count(page)).toBe('1');
    await soon(() => items.nth(1).getAttribute('data-read')).toBe('true');

    await drawer(page).getByTestId('notify-see-all').click();
    await page.waitForURL(/\/thong-bao$/);
    const listed = page.getByTestId('notification-list').getByTestId('notification');
    await soon(() => listed.count()).toBe(2);
    await soon(() => page.getByTestId('notifications-unread').textContent()).toBe('1 chưa đọc');
    await page.screenshot({ path: join(SHOTS, 'notifications-desktop.png') });
    await expectAccessible(page, '/thong-bao (desktop)');

    await page.getByTestId('notifications-mark-all').click();
    await soon(() => page.getByTestId('notifications-unread').textContent()).toBe('Bạn đã đọc hết thông báo.');
    await soon(() => count(page)).toBe('');
    expect(await rows(`SELECT count(*)::int AS n FROM matching.notifications n WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM procurement.notification_reads r WHERE r.notification_id = n.id)`, [owner.userId])).toEqual([{ n: 0 }]);
    await soon(() => Promise.all([0, 1].map((i) => listed.nth(i).getAttribute('data-read')))).toEqual(['true', 'true']);

    // In English the centre speaks English (the notices keep the language they were written in).
    await page.getByTestId('lang-switch').click();
    await soon(() => page.locator('h1').textContent()).toBe('Notifications');
    await soon(() => page.getByTestId('notifications-unread').textContent()).toBe('You have read all your notifications.');
    await soon(() => bell(page).getAttribute('aria-label')).toBe('Notifications');
    await expectAccessible(page, '/thong-bao (desktop, English)');
  });

  it('on a phone: a listing rejected with its reason, followed from the drawer; then a suspension explained at sign-in', async () => {
    const owner = await cooperative('HTX Quế hồi Văn Yên');
    await approve('ORGANIZATION', owner.orgId);
    expect(await awaitMail(owner.email)).not.toBeNull();
    const { accessToken } = await signInAs(owner.email, owner.password);
    const created = await api<{ createProduct: { id: string } }>(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, {
      input: { categoryCode: '0906', name: 'Quế vỏ Văn Yên loại 1', unitCode: 'KGM', monthlyCapacity: '5000', harvestMonths: [3, 4, 8, 9] },
    }, { token: accessToken });
    const productId = created.data!.createProduct.id;
    expect((await api(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id: productId }, { token: accessToken })).errors).toBeUndefined();

    const page = await newPage(PHONE);
    await signIn(page, owner.email, owner.password);
    await soon(() => count(page)).toBe('2');
    await expectInViewport(page, bell(page));

    const admin = await adminToken();
    const rejected = await api(`mutation($id: ID!) { moderate(subject: PRODUCT, subjectId: $id, decision: REJECT, reason: "Ảnh chụp không phải quế") { subjectId } }`, { id: productId }, { token: admin });
    expect(rejected.errors).toBeUndefined();
    expect(await awaitMail(owner.email)).not.toBeNull();

    await page.locator('a.logo').click();
    await page.waitForURL(`${origin()}/`);
    await soon(() => count(page)).toBe('3');

    await bell(page).click();
    await drawer(page).waitFor();
    const first = drawer(page).getByTestId('notification').first();
    await soon(() => first.innerText()).toMatch(/Sản phẩm “Quế vỏ Văn Yên loại 1” chưa được duyệt[\s\S]*Lý do: Ảnh chụp không phải quế/);
    await expectInViewport(page, drawer(page));
    await expectInViewport(page, first.getByTestId('notification-open'));
    await page.screenshot({ path: join(SHOTS, 'notifications-phone.png') });
    await expectAccessible(page, 'notification drawer (phone)');

    // Following the notice opens the listing's editor and counts it read.
    await first.getByTestId('notification-open').click();
    await page.waitForURL(new RegExp(`/san-pham/${productId}$`));
    await drawer(page).waitFor({ state: 'hidden' });
    await soon(() => count(page)).toBe('2');

    await page.goto(`${origin()}/thong-bao`);
    await soon(() => page.getByTestId('notification').count()).toBe(3);
    await soon(() => page.getByTestId('notifications-mark-all').isEnabled()).toBe(true);
    // The button fades in from disabled (the count arrives after the page): shoot once it settled.
    await page.waitForFunction(() => (globalThis as unknown as Animated).document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: join(SHOTS, 'notifications-page-phone.png') });
    await expectAccessible(page, '/thong-bao (phone)');

    // Suspended: the session ends; the next screen says why, with the moderator's reason.
    const suspended = await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Nhiều báo cáo giao hàng sai cam kết") { verification } }`, { id: owner.orgId }, { token: admin });
    expect(suspended.errors).toBeUndefined();
    await page.reload();
    await page.waitForURL(/\/dang-nhap$/);
    await soon(() => page.getByTestId('signin-session-ended').innerText()).toMatch(
      /HTX Quế hồi Văn Yên đã bị tạm ngừng hoạt động[\s\S]*Lý do: Nhiều báo cáo giao hàng sai cam kết/,
    );
    expect(await bell(page).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'signin-suspended-phone.png') });
    await expectAccessible(page, 'sign-in after suspension (phone)');

    // Signing in again goes back where the person was, and the message is gone for good.
    await page.getByTestId('signin-email').fill(owner.email);
    await page.getByTestId('signin-password').fill(owner.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/thong-bao$/);
    await page.goto(`${origin()}/dang-nhap`);
    await page.getByTestId('signin-email').waitFor();
    expect(await page.getByTestId('signin-session-ended').count()).toBe(0);
  });
});

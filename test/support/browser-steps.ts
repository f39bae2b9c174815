import { Locator, Page } from 'playwright-core';
import { clickToClose, origin, selectQueueItem, signIn } from './browser';
import { soon, waitFor } from './wait';

// Steps a person takes on the pages, shared by the browser specs that each test one page and the
// journey that walks them all (test/browser/procurement-journey.browser-spec.ts).

/** The header link `testId`; on a phone the links are behind the menu button. */
export async function followNav(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId('nav-menu-button');
  if (await button.isVisible()) {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  await page.getByTestId(testId).click();
}

/** Chooses coffee (HS 0901) in a category select, typed as a person would without accents. */
export async function pickCoffee(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type('ca phe');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '0901' }).first().click();
  await soon(() => page.getByTestId(testId).textContent()).toContain('Cà phê (0901)');
}

/** Waits for the need wizard to show its step `key` (what, amount, where, review). */
export const wizardStep = (page: Page, key: string) => page.locator(`[data-testid="need-step"][data-step="${key}"]`).waitFor();

/** The need page's status tag, as its data attribute says it. */
export const needStatusOf = (page: Page) => page.getByTestId('need-status').first().getAttribute('data-status');
/** The contract page's status tag, as its data attribute says it. */
export const contractStatusOf = (page: Page) => page.getByTestId('contract-status').first().getAttribute('data-status');

/** The texts of `testId` inside the need page's Q&A list `list` (qa-answered, qa-waiting). */
export const qaTexts = (page: Page, list: string, testId: string) => page.getByTestId(list).getByTestId(testId).allTextContents();

/** The award dialog's row of one supplier's bid. */
export const awardRow = (page: Page, name: string) => page.getByTestId('award-row').filter({ hasText: name });

/** Taps a star count: antd's radio button hides its input under the label a person taps. */
export const rate = (page: Page, stars: number) => page.locator('label', { has: page.getByTestId(`review-rating-${stars}`) }).click();

/** The buyer completes the contract shown, through its confirmation, until the page says COMPLETED. */
export async function completeContract(page: Page): Promise<void> {
  await page.getByTestId('complete').click();
  // The confirmation pops up over the button; clickToClose treats a hidden button as closed.
  await page.getByTestId('complete-confirm').waitFor();
  await clickToClose(page, 'complete-confirm');
  await soon(() => contractStatusOf(page)).toBe('COMPLETED');
}

/** Reviews the completed contract shown (stars, an optional comment) and waits for the page to say so. */
export async function reviewContract(page: Page, stars: number, comment?: string): Promise<void> {
  await rate(page, stars);
  if (comment) await page.getByTestId('review-comment').fill(comment);
  await page.getByTestId('review-submit').click();
  await soon(() => page.getByTestId('review-given').textContent()).toBe(`Bạn đã đánh giá ${stars}/5.`);
}

export const signInAdmin = (page: Page) => signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);

/** Opens the need's review in the moderation console's NEED queue, and waits for its title. */
export async function openNeedInConsole(page: Page, needId: string, title: string): Promise<void> {
  await selectQueueItem(page, '/quan-tri?loai=nhu-cau', needId);
  await soon(() => page.getByTestId('mod-detail-name').textContent()).toBe(title);
}

/**
 * The newest notice of `kind` in the bell's drawer. The worker writes notices a moment after the
 * step that causes them and the bell asks again only on another page, so the page is reloaded
 * until the drawer lists one (each opening of the drawer asks the server afresh).
 */
export async function noticeInBell(page: Page, kind: string): Promise<Locator> {
  const drawer = page.getByRole('dialog', { name: 'Thông báo mới nhất' });
  const notice = drawer.locator(`[data-testid="notification"][data-kind="${kind}"]`).first();
  await waitFor(`a “${kind}” notice in the bell`, async () => {
    await page.getByTestId('notify-bell').click();
    await drawer.getByTestId('notification').first().or(drawer.getByTestId('notifications-empty')).waitFor();
    if ((await notice.count()) > 0) return true;
    await page.reload();
    return 'not in the drawer yet';
  }, { timeoutMs: 30_000 });
  return notice;
}

/** Follows a notice's link (which closes the drawer) and waits for the page it leads to. */
export async function followNotice(page: Page, notice: Locator, path: RegExp): Promise<void> {
  await notice.getByTestId('notification-open').click();
  await page.waitForURL(path);
}

/** Opens a need's page (the `origin` the e2e stack serves). */
export const gotoNeed = (page: Page, needId: string) => page.goto(`${origin()}/nhu-cau/${needId}`);

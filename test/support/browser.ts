import { AxeBuilder } from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { soon, waitFor } from './wait';

// Debian's Chromium (apt-get install chromium); Playwright's own browser downloads are unavailable here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the networking flags Chromium keeps dialling Google's hosts, which this closed network refuses.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Screenshots land in test-results/ on every run; `UPDATE_SCREENSHOTS=1 npm test` refreshes the ones
// the README and docs show (they hold random e-mails, so a plain run must not rewrite them).
export const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'docs', 'screenshots')
  : join(__dirname, '..', '..', 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
export const origin = () => process.env.E2E_GATEWAY_URL!;
export const DESKTOP = { width: 1280, height: 860 };
/** The phone the issues name: 390 × 844 (an iPhone 12–15), touch and a phone's pixel density. */
export const PHONE = { width: 390, height: 844 };

/** Launches Chromium for the spec file (closed after it) and hands out fresh, Vietnamese pages. */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(() => browser?.close());
  /**
   * A fresh context: no tokens, no cache, Vietnamese, and reduced motion (the app then opens lists
   * and dialogs without animation, so a click never lands on something still moving in).
   */
  return async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', reducedMotion: 'reduce' });
    return context.newPage();
  };
}

/** Signs in through the sign-in page, as a person would, and waits for the account page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${origin()}/dang-nhap`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(/\/tai-khoan$/);
}

/**
 * axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A/AA rules and
 * best practices). The violations are listed by rule, with the first offending elements, so a
 * failure says what to fix.
 */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  // The page as a person sees it once it is still: an error message fading out or a list closing
  // would otherwise be judged by its colours halfway through the animation. Endless ones (spinners) do not count.
  // A function, not a string: the app's CSP forbids the eval a string would need. Typed by hand, as
  // the tests compile without the DOM library.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect({ page: what, violations: bad }).toEqual({ page: what, violations: [] });
}

/**
 * Opens an antd Select, types, clicks the option whose label starts with `label`, and waits until
 * the select shows it and its list has closed (axe would judge an open list as part of the page).
 */
export async function pickOption(page: Page, testId: string, typed: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(typed);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${label}"]`).first().click();
  await waitFor(`“${label}” chosen in ${testId}`, async () => ((await select.textContent()) ?? '').includes(label) || `it shows “${await select.textContent()}”`);
  await waitFor('the list closed', async () => (await page.locator('.ant-select-dropdown:visible').count()) === 0);
}

/** Opens an antd Select, types, and presses Enter on the first match; waits until it shows `shown`. */
export async function pickTyped(page: Page, testId: string, typed: string, shown: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await soon(() => page.getByTestId(testId).textContent()).toContain(shown);
}

/**
 * Selects an item of the moderation console's queue as it is on screen (`path`: `/quan-tri`, or
 * with `?loai=` for another subject), loading more while it is not shown: oldest first, 20 at a
 * time, and other suites leave items waiting ahead of it. Returns the item.
 */
export async function selectQueueItem(page: Page, path: string, subjectId: string) {
  await page.goto(`${origin()}${path}`);
  const item = page.locator(`[data-testid="mod-queue-item"][data-subject-id="${subjectId}"]`);
  await page.waitForSelector('[data-testid="mod-queue-item"], [data-testid="mod-empty"]');
  while ((await item.count()) === 0) {
    const shown = await page.getByTestId('mod-queue-item').count();
    await page.getByTestId('mod-load-more').click();
    await page.getByTestId('mod-queue-item').nth(shown).waitFor();
  }
  await item.click();
  return item;
}

/** Clicks a dialog's button that closes it and waits until the dialog has closed. */
export async function clickToClose(page: Page, buttonTestId: string): Promise<void> {
  const button = page.getByTestId(buttonTestId);
  await button.click();
  await button.waitFor({ state: 'hidden' });
}

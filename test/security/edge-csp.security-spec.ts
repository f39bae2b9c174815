import { Page } from 'playwright-core';
import { DESKTOP, origin, signIn, useBrowser } from '../support/browser';
import { signUpOwner } from '../support/e2e';

// The web app works under the gateway's Content Security Policy: no page the app shows trips it,
// and an injected inline script is blocked (docs/security.md, section edge; decision 45).

const newPage = useBrowser();

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchedPage(): Promise<Page> {
  const page = await newPage(DESKTOP);
  // Strings, not functions: the test project compiles without the DOM's types.
  await page.addInitScript(`window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  return page;
}
const violations = (page: Page) => page.evaluate<string[]>('window.__violations');

describe('the web app under the CSP', () => {
  it('renders its public and signed-in pages without a single violation', async () => {
    const owner = await signUpOwner();
    const page = await watchedPage();
    for (const path of ['/', '/tim-kiem?q=ca%20phe', '/nha-cung-cap', '/dang-ky']) {
      await page.goto(`${origin()}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('#root *').first().waitFor();
    }
    await signIn(page, owner.email, owner.password);
    for (const path of ['/tai-khoan', '/to-chuc', '/san-pham/moi']) {
      await page.goto(`${origin()}${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('#root *').first().waitFor();
    }
    expect(await violations(page)).toEqual([]);
  });

  it('blocks a script injected into the page, and reports it', async () => {
    const page = await watchedPage();
    await page.goto(`${origin()}/`);
    await page.waitForLoadState('networkidle');
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
    })()`);
    await page.waitForFunction('window.__violations.length > 0');
    expect(await violations(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    expect(await page.evaluate('window.__injected === undefined')).toBe(true);
  });
});

import { Page } from 'playwright-core';
import { join } from 'node:path';
import { expectAccessible, origin, PHONE, SHOTS, signIn, useBrowser } from '../support/browser';
import { soon } from '../support/wait';
import { EXE, PDF } from '../support/attachments';
import { buyer, draftNeed } from '../support/needs';

const newPage = useBrowser();

/** A specification of about 1.5 MB: long enough on a slow line for its progress to show. */
const LONG_PDF = Buffer.concat([PDF, Buffer.alloc(1536 * 1024, 0x20)]);

/** A phone's slow upload (≈ 256 kB/s), through Chromium's own network emulation. */
async function slowUpload(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
}

const names = (page: Page) => page.getByTestId('need-attachment-name').allTextContents();

describe('a buyer attaches a specification to a draft on a phone', () => {
  it('attaches a PDF in the wizard with its progress shown, is told a renamed program is refused, and sees the file on the need page', async () => {
    const b = await buyer({ name: 'Công ty CP Cà phê Đính kèm' });
    const need = await draftNeed(b.token, { title: 'Cà phê Robusta có quy cách' });
    const page = await newPage(PHONE);
    await signIn(page, b.email, b.password);
    await page.goto(`${origin()}/nhu-cau/${need.id}/sua`);
    await page.getByTestId('need-attachment-add').waitFor();

    await slowUpload(page);
    await page.getByTestId('need-attachment-input').setInputFiles({ name: 'Quy cách cà phê.pdf', mimeType: 'application/pdf', buffer: LONG_PDF });
    await page.getByTestId('need-attachment-progress').waitFor();
    await soon(() => names(page), { timeoutMs: 30_000 }).toEqual(['Quy cách cà phê.pdf']);
    await soon(() => page.getByTestId('need-attachment-progress').count()).toBe(0);

    await page.getByTestId('need-attachment-input').setInputFiles({ name: 'quy-cach-that.pdf', mimeType: 'application/pdf', buffer: EXE });
    await soon(() => page.getByTestId('need-attachment-problem').textContent()).toBe('Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP.');
    await soon(() => names(page)).toEqual(['Quy cách cà phê.pdf']);
    await expectAccessible(page, 'need wizard with an attachment (phone)');
    await page.screenshot({ path: join(SHOTS, 'need-attachments-wizard-phone.png'), fullPage: true });

    await page.goto(`${origin()}/nhu-cau/${need.id}`);
    await page.getByTestId('need-attachments').waitFor();
    await soon(() => names(page)).toEqual(['Quy cách cà phê.pdf']);
    // "Mở" opens the PDF in a tab of its own, from the bytes fetched with the buyer's token.
    const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('need-attachment-open').click()]);
    await soon(() => tab.url()).toMatch(/^blob:/);
    await expectAccessible(page, 'need page with an attachment (phone)');
  });
});

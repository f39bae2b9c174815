import { Page } from 'playwright-core';
import { join } from 'node:path';
import { expectAccessible, origin, PHONE, pickTyped, SHOTS, signIn, useBrowser } from '../support/browser';
import { pickCoffee, wizardStep as step } from '../support/browser-steps';
import { rows } from '../support/e2e';
import { soon } from '../support/wait';
import { attachmentTrace, EXE, PDF } from '../support/attachments';
import { buyer, day, draftNeed } from '../support/needs';

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

const needsOf = (orgId: string) =>
  rows<{ id: string; title: string; status: string }>(`SELECT id, title, status FROM procurement.needs WHERE buyer_org_id = $1 ORDER BY created_at`, [orgId]);
const fieldErrors = (page: Page) => page.locator('section:not([hidden]) .ant-form-item-explain-error').allTextContents();
const focusedTestId = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null);
const choosePdf = (page: Page, name: string) => page.getByTestId('need-attachment-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });

describe('a buyer attaches a specification to a new need before ever saving it, on a phone', () => {
  it('is shown what the need still lacks and nothing is written; once filled in, the file saves the draft, goes up and is listed at the draft\'s edit address', async () => {
    const TITLE = 'Hồ tiêu đen 500 g/l';
    const b = await buyer({ name: 'Công ty TNHH Hồ tiêu Đính kèm' });
    const page = await newPage(PHONE);
    await signIn(page, b.email, b.password);
    await page.goto(`${origin()}/nhu-cau/moi`);
    await step(page, 'what');
    await soon(() => page.locator('.need-attachments').innerText()).toContain('Khi bạn chọn tệp, nhu cầu được lưu nháp trước');

    // Nothing typed yet: the checks "Lưu nháp" makes, focus on the first; no draft and no file.
    await choosePdf(page, 'Quy cách hồ tiêu.pdf');
    await soon(() => fieldErrors(page)).toEqual(['Nhập tên nhu cầu.', 'Chọn nhóm hàng.']);
    await soon(() => focusedTestId(page)).toBe('need-title');
    expect(new URL(page.url()).pathname).toBe('/nhu-cau/moi');
    expect(await needsOf(b.orgId)).toEqual([]);
    expect(await attachmentTrace(b.orgId)).toEqual({ rows: [], files: [] });
    expect(await page.getByTestId('need-attachment').count()).toBe(0);

    await page.getByTestId('need-title').fill(TITLE);
    await pickCoffee(page, 'need-category');
    await page.getByTestId('need-next').click();
    await step(page, 'amount');
    await page.getByTestId('need-quantity').fill('12');
    await pickTyped(page, 'need-unit', 'tan', 'tấn');
    await page.getByTestId('need-next').click();
    await step(page, 'where');
    await pickTyped(page, 'need-province', 'ho chi minh', 'Hồ Chí Minh');
    await page.getByTestId('need-delivery-from').fill(day(30));
    await page.getByTestId('need-delivery-to').fill(day(60));
    await page.getByTestId('need-deadline-date').fill(day(20));

    await choosePdf(page, 'Quy cách hồ tiêu.pdf');
    await page.waitForURL(/\/nhu-cau\/[0-9a-f-]{36}\/sua$/);
    await soon(() => names(page)).toEqual(['Quy cách hồ tiêu.pdf']);
    const [draft] = await needsOf(b.orgId);
    expect(new URL(page.url()).pathname).toBe(`/nhu-cau/${draft.id}/sua`);
    expect(draft).toEqual({ id: draft.id, title: TITLE, status: 'DRAFT' });
    // The same wizard stays: on the step the buyer was on, with what was typed.
    expect(await page.getByTestId('need-step').getAttribute('data-step')).toBe('where');
    expect(await page.getByTestId('need-deadline-date').inputValue()).toBe(day(20));
    await soon(() => page.title()).toBe('Sửa nhu cầu — LienKet');
    await expectAccessible(page, 'a new need with a file chosen before its first save (phone)');

    // "Lưu nháp" then saves that draft rather than a second one, and its page shows the file.
    await page.getByTestId('need-next').click();
    await step(page, 'review');
    await page.getByTestId('need-save').click();
    await page.waitForURL(new RegExp(`/nhu-cau/${draft.id}$`));
    await page.getByTestId('need-attachments').waitFor();
    await soon(() => names(page)).toEqual(['Quy cách hồ tiêu.pdf']);
    expect(await needsOf(b.orgId)).toEqual([draft]);
  });
});

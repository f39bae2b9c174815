import { Page } from 'playwright-core';
import { join } from 'node:path';
import sharp from 'sharp';
import { uniqueTaxCode } from '@lienket/testing';
import { DESKTOP, expectAccessible, origin, PHONE, SHOTS, signIn, useBrowser } from '../support/browser';
import { approve, gatewayUrl, rows, signUpOwner } from '../support/e2e';
import { soon } from '../support/wait';

// The verification desk (issue 9, point 6) and the readable audit log (point 7) in Chromium, on a
// desktop and on a 390 px phone: evidence shown in place, the checksum state, look-alike
// organizations, the confirmation before approving without evidence, search, counts, and a log a
// person can read and filter.

const newPage = useBrowser();
const api = () => gatewayUrl().replace(/\/graphql$/, '');

/** A one-page PDF with a line of text, its cross-reference offsets computed: a viewer can show it. */
function pdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 24 Tf 60 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 24 Tf 60 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function upload(token: string, file: Buffer, name: string, kind: string): Promise<void> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([new Uint8Array(file)]), name);
  const res = await fetch(`${api()}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(201);
}

const signInAsAdmin = (page: Page) => signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
const status = async (id: string) => (await rows<{ verification: string }>(`SELECT verification FROM catalog.organizations WHERE id = $1`, [id]))[0].verification;
/** Nothing on the page is wider than the phone: no sideways scrolling. */
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe('the verification desk', () => {
  // A place no other suite names: the directory's test expects its own cooperative alone.
  const tag = `Ea Súp ${Date.now().toString(36)}`;
  const folded = `ca phe ea sup ${tag.split(' ')[2]}`;
  let evidenced: Awaited<ReturnType<typeof signUpOwner>>;
  let branch: Awaited<ReturnType<typeof signUpOwner>>;

  beforeAll(async () => {
    const base = uniqueTaxCode();
    evidenced = await signUpOwner({ name: `HTX Cà phê ${tag}`, taxCode: base });
    branch = await signUpOwner({ name: `Chi nhánh HTX ${tag}`, taxCode: `${base}-001` });
    await rows(`UPDATE catalog.organizations SET phone = '0262 3789 456' WHERE id = $1`, [evidenced.orgId]);
    await upload(evidenced.token, pdf('GIAY CHUNG NHAN DANG KY HTX'), 'Giấy chứng nhận đăng ký HTX.pdf', 'BUSINESS_REGISTRATION');
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 230, g: 240, b: 225 } } }).png().toBuffer();
    await upload(evidenced.token, png, 'Chứng nhận VietGAP.png', 'CERTIFICATE');
  });

  it('finds an organization typed without diacritics and shows its documents, checksum and look-alikes beside its details (desktop)', async () => {
    const page = await newPage(DESKTOP);
    await signInAsAdmin(page);
    await page.goto(`${origin()}/quan-tri`);
    const pendingCount = page.getByTestId('desk-count-ORGANIZATION-PENDING_VERIFICATION');
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.organizations WHERE verification = 'PENDING_VERIFICATION'`);
    await soon(() => pendingCount.innerText()).toMatch(new RegExp(`^${n}\\s+chờ xác minh$`));

    await page.getByRole('tab', { name: 'Tổ chức' }).click();
    await page.getByTestId('desk-search').fill(folded);
    await page.getByTestId('desk-search-submit').click();
    const results = page.getByTestId('desk-search-result');
    await soon(() => results.allInnerTexts()).toEqual([expect.stringContaining(`HTX Cà phê ${tag}`)]);
    await results.first().click();

    await soon(() => page.getByTestId('mod-detail-name').textContent()).toBe(`HTX Cà phê ${tag}`);
    await soon(() => page.getByTestId('desk-taxcode').innerText()).toBe('Mã số thuế hợp lệ (đúng số kiểm tra)');
    const duplicate = page.getByTestId('desk-duplicate');
    await soon(() => duplicate.allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`Chi nhánh HTX ${tag}[\\s\\S]*Cùng mã số thuế`))]);
    // The PDF shows in place, from an object URL the frame may load under the CSP.
    const frame = page.getByTestId('desk-doc-pdf');
    await soon(() => frame.getAttribute('src')).toMatch(/^blob:/);
    await soon(() => frame.getAttribute('title')).toBe('Bản PDF: Giấy chứng nhận đăng ký HTX.pdf');
    await expectAccessible(page, 'verification desk, desktop');
    await page.screenshot({ path: join(SHOTS, 'verification-desk.png') });

    await page.getByTestId('desk-doc').nth(1).click();
    const image = page.getByTestId('desk-doc-image');
    await soon(() => page.evaluate<number>(`(() => { const img = document.querySelector('[data-testid="desk-doc-image"]'); return img && img.complete ? img.naturalWidth : 0; })()`)).toBe(640);
    await soon(() => image.getAttribute('alt')).toBe('Chứng nhận VietGAP.png');

    // With evidence there is nothing to confirm: approving approves.
    await page.getByTestId('mod-approve').click();
    await soon(() => page.getByTestId('mod-success').textContent()).toMatch(/Đã duyệt/);
    expect(await status(evidenced.orgId)).toBe('VERIFIED');
    await expectAccessible(page, 'verification desk after approving');

    // The look-alike is a link to its own review; without documents, approving asks first.
    await duplicate.getByRole('link').click();
    await soon(() => page.getByTestId('mod-detail-name').textContent()).toBe(`Chi nhánh HTX ${tag}`);
    await soon(() => page.getByTestId('desk-no-documents').innerText()).toBe('Tổ chức chưa tải lên giấy tờ nào.');
    await page.getByTestId('mod-approve').click();
    await soon(() => page.getByTestId('mod-approve-nodocs').innerText()).toMatch(/Chỉ duyệt khi bạn đã đối chiếu mã số thuế/);
    // axe reads colours as painted: wait until the dialog has finished zooming in.
    await soon(() => page.locator('.ant-modal').getAttribute('class')).not.toMatch(/zoom/);
    await soon(() => page.evaluate<string>(`getComputedStyle(document.querySelector('.ant-modal')).opacity`)).toBe('1');
    await expectAccessible(page, 'approve without documents dialog');
    await page.getByTestId('mod-approve-nodocs-cancel').click();
    await soon(() => page.getByTestId('mod-approve-nodocs').count()).toBe(0);
    expect(await status(branch.orgId)).toBe('PENDING_VERIFICATION');
  });

  it('works on a phone: search by tax code, the review, and the refusal of a search that is too long', async () => {
    const page = await newPage(PHONE);
    await signInAsAdmin(page);
    const [{ tax_code: taxCode }] = await rows<{ tax_code: string }>(`SELECT tax_code FROM catalog.organizations WHERE id = $1`, [branch.orgId]);
    await page.goto(`${origin()}/quan-tri?tab=to-chuc`);
    await page.getByTestId('desk-search').fill('x'.repeat(101));
    await page.getByTestId('desk-search-submit').click();
    await soon(() => page.getByRole('alert').first().innerText()).toBe('Từ khoá tối đa 100 ký tự.');

    await page.getByTestId('desk-search').fill(taxCode.replace('-', ''));
    await page.getByTestId('desk-search-submit').click();
    const results = page.getByTestId('desk-search-result');
    await soon(() => results.allInnerTexts()).toEqual([expect.stringContaining(`Chi nhánh HTX ${tag}`)]);
    await results.first().click();
    await soon(() => page.getByTestId('mod-detail-name').textContent()).toBe(`Chi nhánh HTX ${tag}`);
    await soon(() => page.getByTestId('desk-duplicate').allInnerTexts()).toEqual([expect.stringContaining(`HTX Cà phê ${tag}`)]);
    await page.getByTestId('mod-detail-name').scrollIntoViewIfNeeded();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'verification desk, phone');
    await page.screenshot({ path: join(SHOTS, 'verification-desk-phone.png') });
  });
});

describe('the readable audit log', () => {
  it('names actions, people and organizations in words, filters by kind, actor and day, and fits a phone', async () => {
    const org = await signUpOwner({ name: 'HTX Nhật ký Krông Pắc' });
    const phone = await newPage(PHONE);
    await signInAsAdmin(phone);
    await approve('ORGANIZATION', org.orgId);
    const adminId = (await rows<{ id: string }>(`SELECT id FROM catalog.users WHERE email = $1`, [process.env.E2E_ADMIN_EMAIL!.toLowerCase()]))[0].id;

    await phone.goto(`${origin()}/quan-tri/nhat-ky?id=${org.orgId}`);
    const entries = phone.getByTestId('audit-entry');
    await soon(() => entries.first().getAttribute('data-action')).toBe('organization.verified');
    await soon(() => entries.first().locator('h2').innerText()).toBe('Xác minh tổ chức');
    await soon(() => entries.first().getByTestId('audit-actor').innerText()).toBe('Quản trị viên LienKet');
    await soon(() => entries.first().getByTestId('audit-subject').innerText()).toBe('Tổ chức: HTX Nhật ký Krông Pắc');
    await soon(() => entries.first().innerText()).toMatch(/Đang chờ xác minh\s*→\s*Đã xác minh/);
    expect(await entries.first().innerText()).not.toMatch(/ORGANIZATION_VERIFIED|organization\.verified/);

    // Filters: the admin as actor, organizations only, today in Vietnam.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await phone.getByTestId('audit-filter-subject').selectOption('ORGANIZATION');
    await phone.getByTestId('audit-filter-actor').selectOption(adminId);
    await phone.getByTestId('audit-filter-from').fill(today);
    await phone.getByTestId('audit-filter-to').fill(today);
    await phone.getByTestId('audit-filter-apply').click();
    await phone.waitForURL(/loai=ORGANIZATION/);
    await soon(() => entries.count()).toBe(1);
    await soon(() => entries.first().getByTestId('audit-actor').innerText()).toBe('Quản trị viên LienKet');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone, 'audit log, phone');
    await entries.first().scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(SHOTS, 'audit-log-phone.png') });

    // A range that ends before it starts is refused on the page, before any request.
    await phone.getByTestId('audit-filter-from').fill('2026-03-02');
    await phone.getByTestId('audit-filter-to').fill('2026-03-01');
    await phone.getByTestId('audit-filter-apply').click();
    await soon(() => phone.getByTestId('audit-filter-problem').innerText()).toBe('“Từ ngày” phải trước hoặc bằng “Đến ngày”.');

    // A day with nothing: the filtered log is empty, and says so.
    await phone.goto(`${origin()}/quan-tri/nhat-ky?id=${org.orgId}&tu=2020-01-01&den=2020-01-02`);
    await soon(() => phone.getByTestId('audit-empty').innerText()).toBe('Đối tượng này chưa có thay đổi nào.');

    const desktop = await newPage(DESKTOP);
    await signInAsAdmin(desktop);
    await desktop.goto(`${origin()}/quan-tri/nhat-ky?loai=ORGANIZATION`);
    await soon(() => desktop.getByTestId('audit-entry').first().locator('h2').innerText()).not.toMatch(/^organization\./);
    await expectAccessible(desktop, 'audit log, desktop');
    await desktop.screenshot({ path: join(SHOTS, 'audit-log.png') });

    // In English the same entry reads in English.
    await desktop.goto(`${origin()}/quan-tri/nhat-ky?id=${org.orgId}`);
    await desktop.getByTestId('lang-switch').click();
    const first = desktop.getByTestId('audit-entry').first();
    await soon(() => first.locator('h2').innerText()).toBe('Organization verified');
    await soon(() => first.getByTestId('audit-subject').innerText()).toBe('Organization: HTX Nhật ký Krông Pắc');
    await soon(() => first.innerText()).toMatch(/Awaiting verification\s*→\s*Verified/);
    await expectAccessible(desktop, 'audit log, desktop, English');
  });
});

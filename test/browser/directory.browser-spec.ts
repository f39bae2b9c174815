import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { uniqueEmail } from '@lienket/testing';
import { DESKTOP, origin, PHONE, SHOTS, signIn, useBrowser, expectAccessible } from '../support/browser';
import { soon } from '../support/wait';
import { approvedListing, awaitMail, cooperative, rows } from '../support/e2e';

// A buyer finds a cooperative in the supplier directory and reads its page; an owner keeps the
// organization's profile, team and documents.

const newPage = useBrowser();

describe('a buyer finds a cooperative in the directory', () => {
  let coop: Awaited<ReturnType<typeof cooperative>>;
  let productId: string;

  beforeAll(async () => {
    coop = await cooperative('HTX Nông nghiệp Cà phê Buôn Đôn', {
      provinceCode: '66',
      verified: true,
    });
    productId = await approvedListing(coop.token, {
      categoryCode: '0901',
      name: 'Cà phê Robusta Buôn Đôn',
      unitCode: 'TNE',
      monthlyCapacity: '25',
      certifications: [{ kind: 'VietGAP', issuer: 'QUACERT', validUntil: '2099-06-30' }],
    });
  });

  it('types the name without diacritics, opens the supplier page with products and certifications', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(origin());
    await page.getByTestId('nav-suppliers').click();
    await page.waitForURL(/\/nha-cung-cap$/);
    await page.getByTestId('directory-input').fill('htx ca phe buon don');
    // The search reaches the URL after a typing pause; then only this cooperative matches.
    await page.waitForURL(/\?q=htx\+ca\+phe\+buon\+don$/);
    await soon(() => page.getByTestId('directory-count').textContent()).toBe('1 nhà cung cấp');
    const card = page.locator(`[data-testid="supplier-result"][data-org-id="${coop.orgId}"]`);
    for (const part of [coop.name, 'Đắk Lắk', '1 sản phẩm', 'VietGAP']) {
      await soon(() => card.innerText()).toContain(part);
    }
    await expectAccessible(page, 'directory');
    await page.screenshot({ path: join(SHOTS, 'directory.png') });

    await card.getByTestId('supplier-link').click();
    await page.waitForURL(new RegExp(`/nha-cung-cap/${coop.orgId}$`));
    await soon(() => page.getByTestId('supplier-name').textContent()).toBe(coop.name);
    const cert = page.locator(
      '[data-testid="supplier-certifications"] [data-testid="certification"][data-kind="VietGAP"]',
    );
    await soon(() => cert.innerText()).toMatch(
      /VietGAP[\s\S]*QUACERT[\s\S]*Hiệu lực đến 30\/06\/2099/,
    );
    await soon(() => page.getByTestId('supplier-no-record').textContent()).toBe(
      'Chưa có hợp đồng hoàn thành',
    );
    const product = page.locator(
      `[data-testid="supplier-products"] [data-product-id="${productId}"]`,
    );
    await soon(() => product.innerText()).toContain('Cà phê Robusta Buôn Đôn');
    await page.setViewportSize({ width: DESKTOP.width, height: 1100 });
    await expectAccessible(page, 'supplier-page');
    await page.screenshot({ path: join(SHOTS, 'supplier-page.png') });
    await page.setViewportSize(DESKTOP);

    // The product card leads to the listing's public page, and back to its supplier.
    await product.getByRole('link').click();
    await page.waitForURL(new RegExp(`/san-pham/${productId}/xem$`));
    await soon(() => page.getByTestId('product-title').textContent()).toBe(
      'Cà phê Robusta Buôn Đôn',
    );
    await expectAccessible(page, 'public product page');
    await page.getByTestId('product-supplier-link').click();
    await page.waitForURL(new RegExp(`/nha-cung-cap/${coop.orgId}$`));
    await page.context().close();
  });

  it('works on a phone, filtered by province and certification', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${origin()}/nha-cung-cap?q=buon+don&tinh=66&chung-nhan=VietGAP`);
    await page.locator(`[data-testid="supplier-result"][data-org-id="${coop.orgId}"]`).waitFor();
    await expectAccessible(page, 'directory-phone');
    await page.screenshot({ path: join(SHOTS, 'directory-phone.png') });
    await page.goto(`${origin()}/nha-cung-cap?q=buon+don&chung-nhan=OCOP_5`);
    await page.getByTestId('directory-empty').waitFor();
    await page.context().close();
  });
});

describe("an owner keeps the organization's profile, team and documents", () => {
  let owner: Awaited<ReturnType<typeof cooperative>>;

  beforeAll(async () => {
    owner = await cooperative('HTX Dịch vụ Nông nghiệp Tuy Hoà', {
      provinceCode: '66',
      verified: true,
    });
  });

  it('edits the profile with a ward of its province', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, owner.email, owner.password);
    await page.getByTestId('nav-organization').click();
    await page.waitForURL(/\/to-chuc$/);
    await page.getByTestId('logo-upload').waitFor();
    await page.getByTestId('profile-description').fill('Cà phê và hồ tiêu sạch, 86 thành viên.');
    await page.getByTestId('profile-address').fill('Thôn 3');
    await page.getByTestId('profile-ward').click();
    await page.keyboard.type('tuy hoa');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="Phường Tuy Hoà"]')
      .click();
    await page.getByTestId('profile-phone').fill('0257 3823 456');
    await page.getByTestId('profile-member-count').fill('86');
    await page.getByTestId('profile-founded-year').fill('2012');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-saved').waitFor();
    const [row] = await rows<Record<string, unknown>>(
      `SELECT description, address, ward_code, phone, member_count, founded_year FROM catalog.organizations WHERE id = $1`,
      [owner.orgId],
    );
    expect(row).toEqual({
      description: 'Cà phê và hồ tiêu sạch, 86 thành viên.',
      address: 'Thôn 3',
      ward_code: '22015',
      phone: '0257 3823 456',
      member_count: 86,
      founded_year: 2012,
    });
    await page.setViewportSize({ width: DESKTOP.width, height: 1180 });
    await page.evaluate('window.scrollTo(0, 0)');
    await expectAccessible(page, 'organization-profile');
    await page.screenshot({ path: join(SHOTS, 'organization-profile.png') });
    await page.context().close();
  });

  it('invites a member, who accepts through the e-mailed link and appears on the team page', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, owner.email, owner.password);
    await page.goto(`${origin()}/to-chuc/thanh-vien`);
    const email = uniqueEmail('thanhvien');
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-sent').waitFor();
    await expectAccessible(page, 'team page, invitation sent');
    await page.locator(`[data-testid="invitation"][data-email="${email}"]`).waitFor();

    const mail = await simpleParser((await awaitMail(email))!.raw);
    const link = /https?:\/\/\S+\/loi-moi\?token=(\S+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const member = await newPage(PHONE);
    await member.goto(`${origin()}/loi-moi?token=${link![1]}`);
    await member.getByTestId('invitation-full-name').fill("H'Hen Niê");
    await member.getByTestId('invitation-password').fill('mat-khau-thanh-vien');
    await member.getByTestId('invitation-submit').click();
    await member.waitForURL(/\/to-chuc\/thanh-vien$/);
    await member.locator(`[data-testid="member"][data-email="${email}"]`).waitFor();
    await expectAccessible(member, 'team page of the new member');
    await member.context().close();

    await page.reload();
    const row = page.locator(`[data-testid="member"][data-email="${email}"]`);
    await soon(() => row.getByTestId('member-role').textContent()).toBe('Thành viên');
    await soon(() => page.locator(`[data-testid="invitation"][data-email="${email}"]`).count()).toBe(0);
    await expectAccessible(page, 'team');
    await page.screenshot({ path: join(SHOTS, 'team.png') });

    // The only owner is not offered "leave": told what to do first, and nothing changes.
    const self = page.locator(`[data-testid="member"][data-email="${owner.email}"]`);
    await soon(() => self.getByTestId('sole-owner-note').innerText()).toMatch(
      /chủ tài khoản duy nhất/,
    );
    expect(await self.getByTestId('member-remove').count()).toBe(0);
    const [still] = await rows<{ organization_role: string }>(
      `SELECT organization_role FROM catalog.users WHERE email = $1`,
      [owner.email],
    );
    expect(still.organization_role).toBe('OWNER');
    await page.context().close();
  });

  it('uploads a business registration, sees its size first, and is told in Vietnamese what is refused', async () => {
    const page = await newPage(PHONE);
    await signIn(page, owner.email, owner.password);
    await page.goto(`${origin()}/to-chuc/tai-lieu`);
    await page.getByTestId('documents-none').waitFor();

    await page
      .getByTestId('document-file')
      .setInputFiles({
        name: 'ghi-chu.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('không phải PDF'),
      });
    await soon(() => page.getByTestId('document-error').textContent()).toBe(
      'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
    );

    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(2134, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    await page
      .getByTestId('document-file')
      .setInputFiles({
        name: 'giấy-đăng-ký-kinh-doanh.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      });
    await soon(() => page.getByTestId('document-chosen').textContent()).toBe(
      'giấy-đăng-ký-kinh-doanh.pdf — 2,1 kB',
    );
    await soon(() => page.getByTestId('document-error').count()).toBe(0);
    await page.getByTestId('document-upload').click();
    await page.getByTestId('document-uploaded').waitFor();
    const doc = page.locator('[data-testid="document"][data-kind="BUSINESS_REGISTRATION"]');
    await soon(() => doc.innerText()).toContain('giấy-đăng-ký-kinh-doanh.pdf');
    await expectAccessible(page, 'documents-phone');
    await page.screenshot({ path: join(SHOTS, 'documents-phone.png') });
    const stored = await rows<{ kind: string; filename: string; size_bytes: number }>(
      `SELECT kind, filename, size_bytes FROM catalog.documents WHERE organization_id = $1`,
      [owner.orgId],
    );
    expect(stored).toEqual([
      {
        kind: 'BUSINESS_REGISTRATION',
        filename: 'giấy-đăng-ký-kinh-doanh.pdf',
        size_bytes: pdf.length,
      },
    ]);
    await page.context().close();
  });
});

import { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { SIGN_IN, SIGN_UP, signUpInput } from '@lienket/testing';
import { useBrowser, SHOTS, origin, DESKTOP, PHONE, signIn, expectAccessible, clickToClose, selectQueueItem } from '../support/browser';
import { soon } from '../support/wait';
import { api, rows } from '../support/e2e';

const newPage = useBrowser();

interface Pending {
  orgId: string;
  name: string;
  email: string;
  password: string;
}

/** Signs up a cooperative through the API; it waits in the queue as PENDING_VERIFICATION. */
async function pendingOrganization(name: string): Promise<Pending> {
  const input = signUpInput({ name });
  const r = await api<{ signUp: { user: { organization: { id: string } } } }>(SIGN_UP, { input });
  expect(r.errors).toBeUndefined();
  return {
    orgId: r.data!.signUp.user.organization.id,
    name,
    email: input.email,
    password: input.password,
  };
}

const signInAsAdmin = (page: Page) =>
  signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);

const queueItemOf = (page: Page, orgId: string) =>
  page.locator(`[data-testid="mod-queue-item"][data-subject-id="${orgId}"]`);

/**
 * The queue lists the oldest first, 20 at a time, and other suites leave organizations waiting:
 * "Tải thêm" until this one shows up.
 */
async function findInQueue(page: Page, orgId: string): Promise<Locator> {
  const item = queueItemOf(page, orgId);
  await page.waitForSelector('[data-testid="mod-queue-item"], [data-testid="mod-empty"]');
  while ((await item.count()) === 0) {
    const more = page.getByTestId('mod-load-more');
    if ((await more.count()) === 0) throw new Error(`organization ${orgId} is not in the queue`);
    const shown = await page.getByTestId('mod-queue-item').count();
    await more.click();
    await page.getByTestId('mod-queue-item').nth(shown).waitFor();
  }
  return item;
}

/** Waits until the detail shows this status (it may arrive after other parts of the page). */
const detailStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="mod-detail-status"][data-status="${status}"]`).waitFor();

const verificationOf = async (orgId: string) =>
  (
    await rows<{ verification: string; verification_note: string | null }>(
      `SELECT verification, verification_note FROM catalog.organizations WHERE id = $1`,
      [orgId],
    )
  )[0];

const MODERATE = `mutation M($id: ID!) {
  moderate(subject: ORGANIZATION, subjectId: $id, decision: APPROVE) { id } }`;

describe('platform staff verify organizations in the admin console', () => {
  const REJECT_REASON = 'Thiếu giấy đăng ký kinh doanh / giấy chứng nhận HTX';
  let approved: Pending;
  let rejected: Pending;
  let contested: Pending;
  let desktop: Page;

  beforeAll(async () => {
    approved = await pendingOrganization('HTX Rau an toàn Đơn Dương');
    rejected = await pendingOrganization('HTX Cà phê Ea Tu');
    contested = await pendingOrganization('HTX Dệt thổ cẩm Lâm Đồng');
  });

  it('approves an organization from the queue on a desktop', async () => {
    desktop = await newPage(DESKTOP);
    await signInAsAdmin(desktop);
    await desktop.getByTestId('nav-admin').click();
    await desktop.waitForURL(/\/quan-tri$/);

    const item = await findInQueue(desktop, approved.orgId);
    await item.click();
    await soon(() => desktop.getByTestId('mod-detail-name').textContent()).toBe(approved.name);
    await desktop.getByTestId('mod-approve').waitFor();
    await expectAccessible(desktop, 'admin-console');
    await desktop.screenshot({ path: join(SHOTS, 'admin-console.png') });

    await desktop.getByTestId('mod-approve').click();
    // It uploaded no document: the console asks before approving it.
    await soon(() => desktop.getByTestId('mod-approve-nodocs').textContent()).toMatch(/chưa tải lên giấy tờ nào/);
    await clickToClose(desktop, 'mod-approve-nodocs-confirm');
    await soon(() => desktop.getByTestId('mod-success').textContent()).toMatch(
      new RegExp(`Đã duyệt “${approved.name}”`),
    );
    await item.waitFor({ state: 'detached' });
    expect(await verificationOf(approved.orgId)).toEqual({
      verification: 'VERIFIED',
      verification_note: null,
    });
  });

  it('suspends it from the "Tổ chức" tab; the audit log shows both decisions', async () => {
    await desktop.getByRole('tab', { name: 'Tổ chức' }).click();
    await desktop.getByTestId('desk-search').fill(` ${approved.orgId} `);
    await desktop.getByTestId('desk-search-submit').click();
    await detailStatus(desktop, 'VERIFIED');

    await desktop.getByTestId('mod-suspend').click();
    // Confirming without a reason is refused in the dialog, before any request.
    await desktop.getByTestId('mod-suspend-confirm').click();
    await soon(() => desktop.locator('.ant-modal .ant-form-item-explain-error').first().textContent()).toMatch(/Hãy nhập lý do/);
    await desktop.getByTestId('mod-suspend-reason').fill('Nhiều báo cáo gian lận từ đối tác');
    await desktop.getByTestId('mod-suspend-confirm').click();
    await soon(() => desktop.getByTestId('mod-success').textContent()).toMatch(/Đã tạm ngưng/);
    await detailStatus(desktop, 'SUSPENDED');
    expect(await verificationOf(approved.orgId)).toEqual({
      verification: 'SUSPENDED',
      verification_note: 'Nhiều báo cáo gian lận từ đối tác',
    });

    await desktop.getByText('Xem nhật ký của tổ chức này').click();
    await desktop.waitForURL(/\/quan-tri\/nhat-ky\?id=/);
    const entries = desktop.getByTestId('audit-entry');
    await entries.nth(1).waitFor();
    await soon(() => entries.count()).toBe(2);
    // Newest first, before → after in words, the reason as text.
    await soon(() => entries.nth(0).innerText()).toMatch(
      /Tạm ngưng tổ chức[\s\S]*Đã xác minh\s*→\s*Đang bị tạm ngưng[\s\S]*Nhiều báo cáo gian lận/,
    );
    await soon(() => entries.nth(1).innerText()).toMatch(
      /Xác minh tổ chức[\s\S]*Đang chờ xác minh\s*→\s*Đã xác minh/,
    );
    await expectAccessible(desktop, 'audit log of an organization');
  });

  it('tells a moderator who decides too late, and refreshes the queue', async () => {
    // A fresh load of the console: arriving by the header link shows the earlier visit's cached
    // pages first, then the first page alone once the network answers, and others' sign-ups can
    // push this organization past it.
    const item = await selectQueueItem(desktop, '/quan-tri', contested.orgId);
    await desktop.getByTestId('mod-approve').waitFor();

    // Another moderator approves it while this one is still reading.
    const admin = await api<{ signIn: { accessToken: string } }>(SIGN_IN, {
      email: process.env.E2E_ADMIN_EMAIL,
      password: process.env.E2E_ADMIN_PASSWORD,
    });
    const other = await api(
      MODERATE,
      { id: contested.orgId },
      { token: admin.data!.signIn.accessToken },
    );
    expect(other.errors).toBeUndefined();

    await desktop.getByTestId('mod-approve').click();
    await clickToClose(desktop, 'mod-approve-nodocs-confirm');
    await soon(() => desktop.getByTestId('mod-problem').textContent()).toMatch(
      /đã được xử lý/,
    );
    await item.waitFor({ state: 'detached' });
    await detailStatus(desktop, 'VERIFIED');
    await soon(() => desktop.getByTestId('mod-success').count()).toBe(0);
  });

  it('rejects another on a phone with a ready-made reason', async () => {
    const phone = await newPage(PHONE);
    // Signed out, the console sends the user to sign in, then back to the console.
    await phone.goto(`${origin()}/quan-tri`);
    await phone.waitForURL(/\/dang-nhap$/);
    await phone.getByTestId('signin-email').fill(process.env.E2E_ADMIN_EMAIL!);
    await phone.getByTestId('signin-password').fill(process.env.E2E_ADMIN_PASSWORD!);
    await phone.getByTestId('signin-submit').click();
    await phone.waitForURL(/\/quan-tri$/);
    const item = await findInQueue(phone, rejected.orgId);
    await item.click();
    await soon(() => phone.getByTestId('mod-detail-name').textContent()).toBe(rejected.name);
    await expectAccessible(phone, 'admin-console-phone');
    await phone.screenshot({ path: join(SHOTS, 'admin-console-phone.png') });

    await phone.getByTestId('mod-reject').click();
    await phone.getByTestId('mod-reject-template').getByText(REJECT_REASON).click();
    await soon(() => phone.getByTestId('mod-reject-reason').inputValue()).toBe(REJECT_REASON);
    await phone.getByTestId('mod-reject-confirm').click();
    await soon(() => phone.getByTestId('mod-success').textContent()).toMatch(
      new RegExp(`Đã từ chối “${rejected.name}”`),
    );
    await item.waitFor({ state: 'detached' });
    expect(await verificationOf(rejected.orgId)).toEqual({
      verification: 'REJECTED',
      verification_note: REJECT_REASON,
    });
  });

  it("shows the reason on the owner's account page, and keeps the owner out of the console", async () => {
    const owner = await newPage(PHONE);
    await signIn(owner, rejected.email, rejected.password);
    await soon(() => owner.getByTestId('account-verification').getAttribute('data-status')).toBe('REJECTED');
    await soon(() => owner.getByTestId('account-verification-note').textContent()).toBe(
      REJECT_REASON,
    );
    await soon(() => owner.getByTestId('nav-admin').count()).toBe(0);
    await expectAccessible(owner, 'account page of a rejected organization');

    await owner.goto(`${origin()}/quan-tri`);
    await soon(() => owner.getByTestId('admin-not-allowed').textContent()).toMatch(
      /không có quyền quản trị/,
    );
  });
});

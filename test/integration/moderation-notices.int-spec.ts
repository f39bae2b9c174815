import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { simpleParser } from 'mailparser';
import { AuthUser, PlatformRole } from '@lienket/auth';
import { loadConfig } from '@lienket/config';
import { ModerationDecision, ModerationService, ModerationSubject } from '@lienket/moderation';
import { organizationWithTeam, queryRows, SmtpListener, uniqueEmail } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { waitFor } from '../support/wait';
import { eventsQueue, startWorker } from '../support/worker';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';

// Every moderation outcome, traced through the real path: the decision's transaction writes the
// outbox row, the catalog's relay adds it to BullMQ, the worker's handler writes the in-app notice
// and sends the e-mail (real PostgreSQL, Redis, BullMQ and an SMTP listener).
let catalog: RunningApp;
let smtp: SmtpListener;
let worker: INestApplicationContext;
let queue: Queue;
let events: QueueEvents;
let moderation: ModerationService;
let staff: AuthUser;
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(catalog.databaseUrl, text, params);

const organization = (verification = 'PENDING_VERIFICATION') => organizationWithTeam(catalog.databaseUrl, verification, { owner: 'VI', manager: 'EN' });

async function pendingListing(orgId: string) {
  const [p] = await sql<{ id: string }>(
    `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, harvest_months, certifications, status, submitted_at)
     VALUES ($1, '0902', 'Chè Shan tuyết', 'KGM', 3000, '{3,4,5}', '[]', 'PENDING_REVIEW', now()) RETURNING id`,
    [orgId],
  );
  return p.id;
}

const notices = (userId: string) =>
  sql<{ kind: string; title: string; body: string; link: string }>(`SELECT kind, title, body, link FROM matching.notifications WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email.toLowerCase()));
const parsed = (email: string, i = 0) => simpleParser(mailsTo(email)[i].raw);
/** Waits until the worker has handled the decision: each recipient has `n` mails (the notice is written first). */
const told = (emails: string[], n = 1) => waitFor(`${n} e-mail(s) to each recipient`, () => emails.every((e) => mailsTo(e).length >= n));

beforeAll(async () => {
  catalog = await startSubgraph(CatalogAppModule);
  smtp = new SmtpListener();
  process.env.SMTP_URL = await smtp.start();
  worker = await startWorker();
  const { redisUrl, queuePrefix } = loadConfig();
  ({ queue, events } = await eventsQueue(redisUrl, queuePrefix));
  moderation = catalog.app.get(ModerationService);
  const [admin] = await sql<{ id: string }>(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, 'x', 'Kiểm duyệt viên', 'MODERATOR') RETURNING id`, [uniqueEmail('mod')]);
  staff = { id: admin.id, organizationId: null, organizationRole: null, platformRole: PlatformRole.MODERATOR, issuedAt: 0 };
});
afterAll(async () => {
  await events?.close();
  await queue?.close();
  await worker?.close();
  await catalog?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
});

describe('moderation outcomes reach the organization in-app and by e-mail, in each person’s language', () => {
  it('organization verified', async () => {
    const org = await organization();
    await moderation.moderate(staff, ModerationSubject.ORGANIZATION, org.id, ModerationDecision.APPROVE, null);
    await told([org.owner.email, org.manager.email]);
    expect(await notices(org.owner.id)).toEqual([expect.objectContaining({ kind: 'organization.verified', title: 'HTX Chè Tân Cương đã được xác minh', link: '/tai-khoan' })]);
    expect(await notices(org.manager.id)).toEqual([expect.objectContaining({ kind: 'organization.verified', title: 'HTX Chè Tân Cương has been verified' })]);
    expect((await parsed(org.owner.email)).subject).toBe('LienKet: HTX Chè Tân Cương đã được xác minh');
    // Members are not told decisions about the organization (owners and managers act on them).
    expect(await notices(org.member.id)).toEqual([]);
    expect(mailsTo(org.member.email)).toEqual([]);
  });

  it('organization rejected, with the reason', async () => {
    const org = await organization();
    await moderation.moderate(staff, ModerationSubject.ORGANIZATION, org.id, ModerationDecision.REJECT, 'Thiếu giấy chứng nhận đăng ký');
    await told([org.owner.email, org.manager.email]);
    expect(await notices(org.owner.id)).toEqual([expect.objectContaining({ kind: 'organization.rejected', body: expect.stringContaining('Lý do: Thiếu giấy chứng nhận đăng ký') })]);
    expect((await parsed(org.manager.email)).text).toContain('Reason: Thiếu giấy chứng nhận đăng ký');
  });

  it('organization suspended, with the reason', async () => {
    const org = await organization('VERIFIED');
    await moderation.changeStatus(staff, org.id, 'SUSPENDED', 'Bán hàng giả');
    await told([org.owner.email, org.manager.email]);
    expect(await notices(org.owner.id)).toEqual([expect.objectContaining({ kind: 'organization.suspended', title: 'HTX Chè Tân Cương đã bị tạm ngừng hoạt động', body: expect.stringContaining('Lý do: Bán hàng giả') })]);
    const mail = await parsed(org.manager.email);
    expect([mail.subject, mail.text]).toEqual(['LienKet: HTX Chè Tân Cương has been suspended', expect.stringContaining('Reason: Bán hàng giả')]);
  });

  it('listing approved: a link to its public page', async () => {
    const org = await organization('VERIFIED');
    const id = await pendingListing(org.id);
    await moderation.moderate(staff, ModerationSubject.PRODUCT, id, ModerationDecision.APPROVE, null);
    await told([org.owner.email, org.manager.email]);
    expect(await notices(org.owner.id)).toEqual([expect.objectContaining({ kind: 'product.approved', title: 'Sản phẩm “Chè Shan tuyết” đã được duyệt', link: `/san-pham/${id}/xem` })]);
    expect(await notices(org.manager.id)).toEqual([expect.objectContaining({ kind: 'product.approved', title: 'Listing “Chè Shan tuyết” has been approved' })]);
    const mail = await parsed(org.owner.email);
    expect([mail.subject, mail.text]).toEqual(['LienKet: sản phẩm “Chè Shan tuyết” đã được duyệt', expect.stringContaining(`/san-pham/${id}/xem`)]);
    expect(await notices(org.member.id)).toEqual([]);
  });

  it('listing rejected, with the reason and a link to the editor', async () => {
    const org = await organization('VERIFIED');
    const id = await pendingListing(org.id);
    await moderation.moderate(staff, ModerationSubject.PRODUCT, id, ModerationDecision.REJECT, 'Ảnh không đúng sản phẩm');
    await told([org.owner.email, org.manager.email]);
    expect(await notices(org.owner.id)).toEqual([
      expect.objectContaining({ kind: 'product.rejected', body: expect.stringContaining('Lý do: Ảnh không đúng sản phẩm'), link: `/san-pham/${id}` }),
    ]);
    const mail = await parsed(org.manager.email);
    expect([mail.subject, mail.text]).toEqual(['LienKet: listing “Chè Shan tuyết” was not approved', expect.stringContaining('Reason: Ảnh không đúng sản phẩm')]);
  });

  it('a rejection without a reason is refused and tells nobody: no change, no outbox row', async () => {
    const org = await organization('VERIFIED');
    const id = await pendingListing(org.id);
    const [before] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.outbox`);
    await expect(moderation.moderate(staff, ModerationSubject.PRODUCT, id, ModerationDecision.REJECT, '  ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await sql(`SELECT status FROM catalog.products WHERE id = $1`, [id])).toEqual([{ status: 'PENDING_REVIEW' }]);
    expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.outbox`)).toEqual([before]);
  });

  it('a decision delivered twice is told once (dedupe by decision and recipient)', async () => {
    const org = await organization('VERIFIED');
    const id = await pendingListing(org.id);
    await moderation.moderate(staff, ModerationSubject.PRODUCT, id, ModerationDecision.REJECT, 'Thiếu mô tả');
    await told([org.owner.email, org.manager.email]);
    // The same event again, as after a relay crash between adding the job and marking the row.
    const [row] = await sql<{ payload: unknown }>(`SELECT payload FROM catalog.outbox WHERE event_type = 'product.moderation_decided' AND payload->>'productId' = $1`, [id]);
    const jobs = await queue.addBulk(['a', 'b'].map((k) => ({ name: 'product.moderation_decided', data: row.payload, opts: { jobId: `again-${k}-${id}` } })));
    await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 20_000)));
    expect(await notices(org.owner.id)).toHaveLength(1);
    expect(mailsTo(org.owner.email)).toHaveLength(1);
    expect(mailsTo(org.manager.email)).toHaveLength(1);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@lienket/config';
import { clearRedisPrefix, organizationWithTeam, queryRows, SmtpListener, truncateAll } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';
import { eventsQueue, startWorker } from '../support/worker';

// The daily expiry scan in the real worker: real PostgreSQL, Redis, BullMQ and an SMTP listener.
const { databaseUrl, redisUrl, queuePrefix } = loadConfig();
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(databaseUrl, text, params);
let smtp: SmtpListener;
let worker: INestApplicationContext;
let queue: Queue;
let events: QueueEvents;

/** A day relative to today in Vietnam, as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const organization = (verification = 'VERIFIED') => organizationWithTeam(databaseUrl, verification, { owner: 'EN', manager: 'VI' });

async function listing(orgId: string, name: string, certifications: { kind: string; issuer: string | null; validUntil: string | null }[], status = 'APPROVED') {
  const version = { name, description: null, categoryCode: '0902', unitCode: 'KGM', monthlyCapacity: '3000', minOrderQuantity: null, priceMin: null, priceMax: null, harvestMonths: [3, 4, 5], certifications };
  const approved = status === 'DRAFT' ? null : { ...version, monthlyCapacityBase: '3000', approvedAt: new Date().toISOString() };
  const [p] = await sql<{ id: string }>(
    `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, harvest_months, certifications, status, approved)
     VALUES ($1, '0902', $2, 'KGM', 3000, '{3,4,5}', $3, $4, $5) RETURNING id`,
    [orgId, name, JSON.stringify(certifications), status, approved && JSON.stringify(approved)],
  );
  return p.id;
}

/** Runs the scan as BullMQ would, `times` jobs at once, and waits for every one to finish. */
async function scan(times = 1) {
  const jobs = await queue.addBulk(Array.from({ length: times }, () => ({ name: 'certifications.expiry_scan', data: {}, opts: { jobId: `scan-${crypto.randomUUID()}` } })));
  await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 20_000)));
}
const notices = (userId: string) => sql<{ kind: string; title: string; body: string; link: string }>(`SELECT kind, title, body, link FROM matching.notifications WHERE user_id = $1`, [userId]);
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email.toLowerCase()));

beforeAll(async () => {
  await migrateAll(databaseUrl);
  await truncateAll(databaseUrl);
  await clearRedisPrefix(redisUrl, queuePrefix);
  smtp = new SmtpListener();
  process.env.SMTP_URL = await smtp.start();
  worker = await startWorker();
  ({ queue, events } = await eventsQueue(redisUrl, queuePrefix));
});
afterAll(async () => {
  await events?.close();
  await queue?.close();
  await worker?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
});

describe('certification expiry notices', () => {
  it('are scheduled daily at 07:00 Vietnam time by the worker', async () => {
    const scheduler = await queue.getJobScheduler('certifications-expiry-daily');
    expect(scheduler).toMatchObject({ name: 'certifications.expiry_scan', pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' });
  });

  it('tell owners and managers once, in their language, about certifications expiring within 30 days', async () => {
    const org = await organization();
    const soon = day(12);
    const tea = await listing(org.id, 'Chè búp Tân Cương', [
      { kind: 'VietGAP', issuer: 'QUACERT', validUntil: soon },
      { kind: 'OCOP_4', issuer: null, validUntil: day(45) },
      { kind: 'ORGANIC_TCVN', issuer: null, validUntil: day(-1) },
      { kind: 'GlobalGAP', issuer: null, validUntil: null },
    ]);
    await listing(org.id, 'Chè nháp', [{ kind: 'VietGAP', issuer: null, validUntil: day(3) }], 'DRAFT');
    await listing(org.id, 'Chè ngừng bán', [{ kind: 'VietGAP', issuer: null, validUntil: day(3) }], 'ARCHIVED');

    await scan();

    expect(await notices(org.owner.id)).toEqual([
      {
        kind: 'product.certification_expiring',
        title: 'The VietGAP certificate of "Chè búp Tân Cương" expires soon',
        body: `The VietGAP certificate (issued by QUACERT) of "Chè búp Tân Cương" expires in 12 days, on ${soon}. After that day it no longer counts in buyers' searches and matching. Renew it and update the listing with the new expiry date.`,
        link: `/san-pham/${tea}`,
      },
    ]);
    const [managerNotice] = await notices(org.manager.id);
    expect(managerNotice.title).toBe('Chứng nhận VietGAP của "Chè búp Tân Cương" sắp hết hạn');
    expect(await notices(org.member.id)).toEqual([]);

    const [ownerMail] = mailsTo(org.owner.email);
    const parsed = await simpleParser(ownerMail.raw);
    expect(parsed.subject).toBe('LienKet: The VietGAP certificate of "Chè búp Tân Cương" expires soon');
    expect(parsed.text).toContain(`/san-pham/${tea}`);
    const managerMail = await simpleParser(mailsTo(org.manager.email)[0].raw);
    expect(managerMail.text).toContain(`hết hạn sau 12 ngày, ngày ${soon.split('-').reverse().join('/')}`);
    expect(await sql(`SELECT kind, valid_until::text AS "validUntil", recipients FROM matching.certification_expiry_notices WHERE product_id = $1`, [tea])).toEqual([
      { kind: 'VietGAP', validUntil: soon, recipients: 2 },
    ]);
  });

  it('tell nothing more when the scan runs again, or twice at the same time', async () => {
    const org = await organization();
    await listing(org.id, 'Chè xanh đặc sản', [{ kind: 'OCOP_3', issuer: null, validUntil: day(0) }]);
    await scan(2);
    await scan();
    expect(await notices(org.owner.id)).toHaveLength(1);
    expect(await notices(org.manager.id)).toHaveLength(1);
    expect(mailsTo(org.owner.email)).toHaveLength(1);
    expect(mailsTo(org.manager.email)).toHaveLength(1);
  });

  it('tell again for a renewed certificate’s new expiry date, and never for an unverified organization', async () => {
    const org = await organization();
    const id = await listing(org.id, 'Chè Thái', [{ kind: 'VietGAP', issuer: null, validUntil: day(5) }]);
    await scan();
    const renewed = [{ kind: 'VietGAP', issuer: null, validUntil: day(25) }];
    await sql(`UPDATE catalog.products SET approved = jsonb_set(approved, '{certifications}', $2::jsonb) WHERE id = $1`, [id, JSON.stringify(renewed)]);
    await scan();
    expect((await notices(org.owner.id)).map((n) => n.body)).toEqual([expect.stringContaining('in 5 days'), expect.stringContaining('in 25 days')]);

    const suspended = await organization('SUSPENDED');
    await listing(suspended.id, 'Chè ẩn', [{ kind: 'VietGAP', issuer: null, validUntil: day(5) }]);
    await scan();
    expect(await notices(suspended.owner.id)).toEqual([]);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@lienket/config';
import { JobPayloads } from '@lienket/queue';
import { clearRedisPrefix, organizationWithTeam, queryRows, SmtpListener, truncateAll } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';
import { eventsQueue, startWorker } from '../support/worker';

// Procurement's notices as the worker writes them: the event names one organization, the worker
// finds its owners and managers in catalog.users and tells each in their language, in the app and
// by e-mail, once per occurrence however often the job runs (real PostgreSQL, Redis, BullMQ, SMTP).

const { databaseUrl, redisUrl, queuePrefix } = loadConfig();
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(databaseUrl, text, params);
let smtp: SmtpListener;
let worker: INestApplicationContext;
let queue: Queue;
let events: QueueEvents;

const notices = (userId: string) => sql<{ kind: string; title: string; body: string; link: string }>(`SELECT kind, title, body, link FROM matching.notifications WHERE user_id = $1 ORDER BY created_at`, [userId]);
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email.toLowerCase()));

/** Runs the event as BullMQ would, `times` jobs at once (a redelivery), and waits for each. */
async function deliver<N extends keyof JobPayloads>(name: N, data: JobPayloads[N], times = 1) {
  const jobs = await queue.addBulk(Array.from({ length: times }, () => ({ name, data, opts: { jobId: `t-${crypto.randomUUID()}` } })));
  await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 20_000)));
}

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

describe('procurement notices', () => {
  it("tell a losing bidder's owners and managers its debrief once, in their language; members are not told", async () => {
    const org = await organizationWithTeam(databaseUrl, 'VERIFIED', { owner: 'VI', manager: 'EN' });
    const needId = crypto.randomUUID();
    await deliver('bid.not_awarded', {
      occurrenceId: `not-awarded:${crypto.randomUUID()}`, organizationId: org.id, needId, needTitle: 'Chè búp Tân Cương', contractId: null,
      reason: null, debrief: { priceRank: 3, priceGapPercent: 6, deliveryRank: 2, deliveryGapDays: 2, awardedCount: 2, totalBids: 3 },
    }, 3);
    expect(await notices(org.owner.id)).toEqual([{
      kind: 'bid.not_awarded', title: 'Báo giá cho “Chè búp Tân Cương” không được chọn', link: `/nhu-cau/${needId}`,
      body: 'Giá của bạn xếp thứ 3 (chênh 6% so với giá trúng thấp nhất), ngày giao xếp thứ 2 (chênh 2 ngày); 2/3 báo giá được chọn.',
    }]);
    expect(await notices(org.manager.id)).toEqual([expect.objectContaining({ title: 'Your bid on “Chè búp Tân Cương” was not awarded', body: expect.stringMatching(/^Your price ranked 3 \(6% from the lowest awarded price\)/) })]);
    expect(await notices(org.member.id)).toEqual([]);
    expect(mailsTo(org.owner.email)).toHaveLength(1);
    expect(mailsTo(org.member.email)).toEqual([]);
    const mail = await simpleParser(mailsTo(org.manager.email)[0].raw);
    expect(mail.subject).toBe('LienKet: Your bid on “Chè búp Tân Cương” was not awarded');
    expect(mail.text).toContain(`/nhu-cau/${needId}`);
  });

  it('tell a winner its contract with the total as people write it', async () => {
    const org = await organizationWithTeam(databaseUrl, 'VERIFIED', { owner: 'VI', manager: 'EN' });
    const contractId = crypto.randomUUID();
    const needId = crypto.randomUUID();
    await deliver('need.awarded', { occurrenceId: `award:${contractId}`, organizationId: org.id, needId, needTitle: 'Cà phê Robusta', contractId, quantity: '13.25', total: '642625000' });
    expect(await notices(org.owner.id)).toEqual([expect.objectContaining({ title: 'Bạn đã trúng thầu “Cà phê Robusta”', body: expect.stringContaining('tổng 642.625.000 đ'), link: `/hop-dong/${contractId}` })]);
    expect(await notices(org.manager.id)).toEqual([expect.objectContaining({ body: expect.stringContaining('642,625,000 VND in total') })]);
  });

  it('tell each occurrence once: two shipments are two notices, a redelivered one adds nothing', async () => {
    const org = await organizationWithTeam(databaseUrl, 'VERIFIED', { owner: 'EN', manager: 'VI' });
    const base = { organizationId: org.id, needId: crypto.randomUUID(), needTitle: 'Gạo ST25', contractId: crypto.randomUUID() };
    await deliver('shipment.recorded', { ...base, occurrenceId: 'shipment:1', quantity: '10' }, 2);
    await deliver('shipment.recorded', { ...base, occurrenceId: 'shipment:2', quantity: '3.25' });
    expect((await notices(org.owner.id)).map((n) => [n.title, n.body, n.link])).toEqual([
      ['A shipment for “Gạo ST25” was sent', 'A shipment of 10 units is on its way. Confirm the accepted quantity on receipt.', `/hop-dong/${base.contractId}`],
      ['A shipment for “Gạo ST25” was sent', 'A shipment of 3.25 units is on its way. Confirm the accepted quantity on receipt.', `/hop-dong/${base.contractId}`],
    ]);
    expect(mailsTo(org.manager.email)).toHaveLength(2);
  });
});

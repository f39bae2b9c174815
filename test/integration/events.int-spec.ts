import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@lienket/config';
import { inTransaction } from '@lienket/database';
import { EVENTS_QUEUE, JobPayloads, OutboxRelay, redisConnection, writeOutbox } from '@lienket/queue';
import { queryRows, SmtpListener, uniqueEmail } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { waitFor } from '../support/wait';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { startWorker } from '../support/worker';

// Outbox → relay → BullMQ → worker → SMTP, against real PostgreSQL, Redis and an SMTP listener.
let catalog: RunningApp;
let smtp: SmtpListener;
let worker: INestApplicationContext;
const config = () => loadConfig();

const event = (email: string): JobPayloads['organization.registered'] => ({
  organizationId: crypto.randomUUID(),
  organizationName: 'HTX Chè Tân Cương',
  kind: 'COOPERATIVE',
  ownerUserId: crypto.randomUUID(),
  ownerEmail: email,
  ownerName: 'Đỗ Thị Hạnh',
  locale: 'VI',
});

beforeAll(async () => {
  catalog = await startSubgraph(CatalogAppModule);
  smtp = new SmtpListener();
  process.env.SMTP_URL = await smtp.start();
  worker = await startWorker();
});
afterAll(async () => {
  await worker?.close();
  await catalog?.close();
  await smtp?.stop();
  delete process.env.SMTP_URL;
});

describe('domain events', () => {
  it('leave only after commit and arrive as an e-mail in the owner’s language', async () => {
    const email = uniqueEmail('owner');
    const ds = catalog.app.get(DataSource);
    await inTransaction(ds, (m) => writeOutbox(m, 'catalog', 'organization.registered', event(email)));
    const mail = await smtp.waitFor(email);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('LienKet đã nhận đăng ký của HTX Chè Tân Cương');
    expect(parsed.text).toContain('Chào Đỗ Thị Hạnh');
    const [row] = await queryRows<{ published: boolean }>(catalog.databaseUrl, `SELECT published_at IS NOT NULL AS published FROM catalog.outbox ORDER BY id DESC LIMIT 1`);
    expect(row.published).toBe(true);
  });

  it('never leave when the transaction rolls back', async () => {
    const ds = catalog.app.get(DataSource);
    const before = await queryRows(catalog.databaseUrl, `SELECT id FROM catalog.outbox`);
    await expect(
      inTransaction(ds, async (m) => {
        await writeOutbox(m, 'catalog', 'organization.registered', event(uniqueEmail('ghost')));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await queryRows(catalog.databaseUrl, `SELECT id FROM catalog.outbox`)).toEqual(before);
  });

  it('send one e-mail even when the same job is delivered twice', async () => {
    const email = uniqueEmail('twice');
    const payload = event(email);
    const { redisUrl, queuePrefix } = config();
    const queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix: queuePrefix });
    // Two jobs with different ids but the same event (as after a relay crash between add and mark).
    const jobs = await queue.addBulk([
      { name: 'organization.registered', data: payload, opts: { jobId: `dup-a-${payload.organizationId}` } },
      { name: 'organization.registered', data: payload, opts: { jobId: `dup-b-${payload.organizationId}` } },
    ]);
    const events = new (await import('bullmq')).QueueEvents(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix: queuePrefix });
    await events.waitUntilReady();
    await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 20_000)));
    await events.close();
    await queue.close();
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  // The claim is about publishing, so it is judged on the queue: e-mails are deduplicated downstream
  // and would hide a double publish. Every add the relays make is seen through BullMQ's event stream,
  // including an add refused as a duplicate job id.
  it('are added to the queue exactly once each by two relays racing over the same outbox, and never re-added', async () => {
    const { databaseUrl, redisUrl, queuePrefix } = config();
    const ds = catalog.app.get(DataSource);
    const emails = Array.from({ length: 5 }, () => uniqueEmail('race'));
    const { QueueEvents } = await import('bullmq');
    const events = new QueueEvents(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix: queuePrefix });
    await events.waitUntilReady();
    const adds: string[] = [];
    events.on('added', ({ jobId }) => adds.push(jobId));
    events.on('duplicated', ({ jobId }) => adds.push(jobId));
    const queue = new Queue(EVENTS_QUEUE, { connection: redisConnection(redisUrl), prefix: queuePrefix });
    const second = new OutboxRelay('catalog', databaseUrl, redisUrl, queuePrefix, 50);
    await second.start();
    try {
      await Promise.all(emails.map((e) => inTransaction(ds, (m) => writeOutbox(m, 'catalog', 'organization.registered', event(e)))));
      await Promise.all(emails.map((e) => smtp.waitFor(e)));
      const mine = async () => {
        const jobs = await Promise.all([...new Set(adds)].map((id) => queue.getJob(id)));
        return jobs.filter((j) => j && emails.includes((j.data as { ownerEmail?: string }).ownerEmail ?? ''));
      };
      // Every row published and each of its adds reported; then no row may have been added twice.
      await waitFor('the five rows to be published and their adds reported', async () => {
        const [{ n }] = await queryRows<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM catalog.outbox WHERE payload->>'ownerEmail' = ANY($1) AND published_at IS NOT NULL`, [emails]);
        return n === emails.length && (await mine()).length === emails.length;
      });
      const perEmail = (await mine()).map((j) => (j!.data as { ownerEmail: string }).ownerEmail);
      expect(perEmail.sort()).toEqual([...emails].sort());
      const ids = new Set((await mine()).map((j) => j!.id));
      expect(adds.filter((id) => ids.has(id))).toHaveLength(emails.length);
    } finally {
      await second.stop();
      await events.close();
      await queue.close();
    }
  });
});

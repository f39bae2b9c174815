import { INestApplicationContext, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { OrphanSweepModule } from '@lienket/storage';
import { ConfigModule, loadConfig } from '@lienket/config';
import { DatabaseModule } from '@lienket/database';
import { MATCHING_MIGRATIONS, NotificationsModule } from '@lienket/notifications';
import { RedisModule, WorkerHost } from '@lienket/queue';
import { clearRedisPrefix, queryRows, truncateAll, uniqueEmail, uniqueTaxCode } from '@lienket/testing';
import { ReadModelModule } from '../../apps/matcher/src/read-model/read-model.module';
import { migrateAll } from '../../scripts/migrate';
import { eventsQueue, startWorker } from '../support/worker';

// A worker running as many jobs as its pool has connections: every job must finish. A handler that
// holds a pooled connection while asking for another (the expiry scan did) deadlocks here: each
// running job holds one connection and waits for a second that none will release (decision 57).
const CONCURRENCY = 4;
process.env.WORKER_CONCURRENCY = String(CONCURRENCY);
const { databaseUrl, redisUrl, queuePrefix } = loadConfig();
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(databaseUrl, text, params);

/** The matcher's modules with a pool of exactly one connection per running job. */
@Module({
  imports: [ConfigModule, DatabaseModule.forService('matching', [], MATCHING_MIGRATIONS, (c) => c.matcher.concurrency), RedisModule, DiscoveryModule, NotificationsModule, OrphanSweepModule, ReadModelModule],
  providers: [WorkerHost],
})
class TightWorkerModule {}

let worker: INestApplicationContext;
let queue: Queue;
let events: QueueEvents;

/** A verified cooperative with an owner and a manager and a listing whose certificate expires in 10 days. */
async function expiringListing() {
  const [org] = await sql<{ id: string }>(
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification) VALUES ('COOPERATIVE', 'HTX Chè Thái Nguyên', $1, '19', 'VERIFIED') RETURNING id`,
    [uniqueTaxCode()],
  );
  for (const role of ['OWNER', 'MANAGER'])
    await sql(`INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role, locale) VALUES ($1, 'x', 'Hà Thị Thu', $2, $3, 'VI')`, [uniqueEmail(role.toLowerCase()), org.id, role]);
  const validUntil = new Date(Date.now() + 7 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
  const certifications = [{ kind: 'VietGAP', issuer: null, validUntil }];
  const approved = {
    name: 'Chè móc câu', description: null, categoryCode: '0902', unitCode: 'KGM', monthlyCapacity: '1000', minOrderQuantity: null,
    priceMin: null, priceMax: null, harvestMonths: [3, 4], certifications, monthlyCapacityBase: '1000', approvedAt: new Date().toISOString(),
  };
  await sql(
    `INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, harvest_months, certifications, status, approved)
     VALUES ($1, '0902', 'Chè móc câu', 'KGM', 1000, '{3,4}', $2, 'APPROVED', $3)`,
    [org.id, JSON.stringify(certifications), JSON.stringify(approved)],
  );
  return org.id;
}

beforeAll(async () => {
  await migrateAll(databaseUrl);
  await truncateAll(databaseUrl);
  await clearRedisPrefix(redisUrl, queuePrefix);
  worker = await startWorker(TightWorkerModule);
  ({ queue, events } = await eventsQueue(redisUrl, queuePrefix));
});
afterAll(async () => {
  await events?.close();
  await queue?.close();
  await worker?.close();
  delete process.env.WORKER_CONCURRENCY;
});

describe('a worker with one pooled connection per running job', () => {
  it('finishes as many expiry scans at once as it runs jobs, and tells each owner and manager once', async () => {
    const orgs = [await expiringListing(), await expiringListing()];
    const jobs = await queue.addBulk(Array.from({ length: CONCURRENCY }, () => ({ name: 'certifications.expiry_scan', data: {}, opts: { jobId: `scan-${crypto.randomUUID()}` } })));
    const outcomes = await Promise.allSettled(jobs.map((j) => j.waitUntilFinished(events, 30_000)));
    expect(outcomes.map((o) => o.status)).toEqual(Array(CONCURRENCY).fill('fulfilled'));
    const told = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM matching.notifications n JOIN catalog.users u ON u.id = n.user_id WHERE u.organization_id = ANY($1) GROUP BY n.user_id`,
      [orgs],
    );
    expect(told).toEqual(Array(4).fill({ n: 1 }));
    expect(await sql(`SELECT 1 FROM matching.certification_expiry_notices WHERE organization_id = ANY($1)`, [orgs])).toHaveLength(2);
  });
});

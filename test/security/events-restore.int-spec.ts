import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@lienket/database';
import { JobPayloads, writeOutbox } from '@lienket/queue';
import { queryRows, uniqueEmail } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';
import { startWorker } from '../support/worker';

// A database restored to an earlier dump hands out outbox row ids again. Events written after the
// restore must still be handled, not dropped as jobs that already ran (decision 56).
let catalog: RunningApp;
let worker: INestApplicationContext;

const registered = (): JobPayloads['organization.registered'] => ({
  organizationId: crypto.randomUUID(),
  organizationName: 'HTX Cà phê Ea Tu',
  kind: 'COOPERATIVE',
  ownerUserId: crypto.randomUUID(),
  ownerEmail: uniqueEmail('restore'),
  ownerName: 'Y Bhin Niê',
  locale: 'VI',
});

/** Polls until the handler of every event left its notice (one per organization). */
async function handled(events: JobPayloads['organization.registered'][]) {
  const keys = events.map((e) => `registration-received:${e.organizationId}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await queryRows<{ k: string }>(catalog.databaseUrl, `SELECT dedupe_key AS k FROM matching.notifications WHERE dedupe_key = ANY($1)`, [keys]);
    if (rows.length === keys.length || Date.now() > deadline) return rows.map((r) => r.k).sort();
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function publish(n: number) {
  const events = Array.from({ length: n }, registered);
  const ds = catalog.app.get(DataSource);
  for (const e of events) await inTransaction(ds, (m) => writeOutbox(m, 'catalog', 'organization.registered', e));
  return events;
}

beforeAll(async () => {
  catalog = await startSubgraph(CatalogAppModule);
  worker = await startWorker();
});
afterAll(async () => {
  await worker?.close();
  await catalog?.close();
});

describe('events after a database restore', () => {
  it('are all handled although the restored outbox hands out the same row ids again', async () => {
    const before = await publish(3);
    expect(await handled(before)).toEqual(before.map((e) => `registration-received:${e.organizationId}`).sort());
    const firstIds = await queryRows<{ id: string }>(catalog.databaseUrl, `SELECT id FROM catalog.outbox ORDER BY id`);

    // What a restore to a dump taken before these events does to the outbox: its rows and its
    // sequence go back (the queue in Redis keeps the jobs it ran).
    await queryRows(catalog.databaseUrl, `DELETE FROM catalog.outbox; ALTER SEQUENCE catalog.outbox_id_seq RESTART WITH 1`);
    const after = await publish(3);
    expect(await queryRows<{ id: string }>(catalog.databaseUrl, `SELECT id FROM catalog.outbox ORDER BY id`)).toEqual(firstIds);

    expect(await handled(after)).toEqual(after.map((e) => `registration-received:${e.organizationId}`).sort());
  });
});

import { DataSource } from 'typeorm';
import { loadConfig } from '@lienket/config';
import { createDataSource } from '@lienket/database';
import { JobPayloads } from '@lienket/queue';
import { queryRows, truncateAll } from '@lienket/testing';
import { OrganizationChangedHandler } from '../../libs/procurement/src/events/organization-changed.handler';
import { migrateAll } from '../../scripts/migrate';
import { DEMO_ORGANIZATIONS } from '../../scripts/demo-data';
import { replayOrganizations } from '../../scripts/replay-organizations';
import { seedDemo } from '../../scripts/seed';

// Procurement's copy of catalog's organizations: what the demo seed and the replay command tell it
// (catalog's outbox), and the handler that keeps the copy, fed those events as BullMQ would —
// including twice and out of order.

type Changed = JobPayloads['organization.changed'];
const { databaseUrl } = loadConfig();
let ds: DataSource;
let handler: OrganizationChangedHandler;
const told = async () =>
  (await queryRows<{ payload: Changed }>(databaseUrl, `SELECT payload FROM catalog.outbox WHERE event_type = 'organization.changed' ORDER BY id`)).map((r) => r.payload);
const copy = async (id: string) =>
  (await queryRows<{ verification: string; trusted_buyer: boolean; name: string; version: string }>(databaseUrl, `SELECT verification, trusted_buyer, name, version FROM procurement.organizations WHERE id = $1`, [id]))[0];

beforeAll(async () => {
  await migrateAll(databaseUrl);
  await truncateAll(databaseUrl);
  ds = await createDataSource({ url: databaseUrl, schema: 'procurement', entities: [], migrations: [], poolSize: 2 }).initialize();
  handler = new OrganizationChangedHandler(ds);
});
afterAll(async () => {
  await ds?.destroy();
});

describe('the demo data reaches procurement', () => {
  it('tells every seeded organization once, and the copy ends with the verified demo buyers VERIFIED', async () => {
    await seedDemo(databaseUrl);
    const events = await told();
    expect(events).toHaveLength(DEMO_ORGANIZATIONS.length);
    for (const e of events) await handler.handle(e);
    const buyers = await queryRows<{ name: string; verification: string }>(
      databaseUrl,
      `SELECT name, verification FROM procurement.organizations WHERE kind = 'ENTERPRISE' ORDER BY name`,
    );
    const demoBuyers = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'ENTERPRISE');
    expect(buyers).toEqual(
      demoBuyers.map((o) => ({ name: o.name, verification: o.verified ? 'VERIFIED' : 'PENDING_VERIFICATION' })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    // Known now: a second replay tells nobody; `all` tells everyone again, with newer versions.
    expect(await replayOrganizations(databaseUrl)).toBe(0);
    expect(await replayOrganizations(databaseUrl, { all: true })).toBe(DEMO_ORGANIZATIONS.length);
    const again = (await told()).slice(DEMO_ORGANIZATIONS.length);
    const first = new Map(events.map((e) => [e.organizationId, BigInt(e.version)]));
    expect(again.every((e) => BigInt(e.version) > first.get(e.organizationId)!)).toBe(true);
  });
});

describe('the handler keeps the copy', () => {
  const event = (over: Partial<Changed>): Changed => ({
    organizationId: '6f1a3c1e-2d4b-4c5a-9e8f-0a1b2c3d4e5f',
    kind: 'ENTERPRISE',
    name: 'Công ty CP Thu mua Thử',
    verification: 'PENDING_VERIFICATION',
    trustedBuyer: false,
    version: '1',
    ...over,
  });

  it('applies newer versions, ignores older and repeated ones', async () => {
    const id = event({}).organizationId;
    await handler.handle(event({}));
    await handler.handle(event({ verification: 'VERIFIED', version: '3' }));
    await handler.handle(event({ verification: 'SUSPENDED', version: '5' }));
    // Late: the verification and the trust change arrive after the suspension.
    await handler.handle(event({ verification: 'VERIFIED', version: '3' }));
    await handler.handle(event({ verification: 'VERIFIED', trustedBuyer: true, version: '4' }));
    expect(await copy(id)).toEqual({ verification: 'SUSPENDED', trusted_buyer: false, name: 'Công ty CP Thu mua Thử', version: '5' });
    await handler.handle(event({ verification: 'VERIFIED', trustedBuyer: true, name: 'Công ty CP Thu mua Mới', version: '6' }));
    await handler.handle(event({ verification: 'VERIFIED', trustedBuyer: true, name: 'Công ty CP Thu mua Mới', version: '6' }));
    expect(await copy(id)).toEqual({ verification: 'VERIFIED', trusted_buyer: true, name: 'Công ty CP Thu mua Mới', version: '6' });
  });

  it('lands one state when the same organization’s events are handled at once, in any order', async () => {
    const id = '7a2b4d6f-8e0c-4b1d-a3f5-c7e9b1d3f5a7';
    const versions = Array.from({ length: 20 }, (_, i) => event({ organizationId: id, version: String(100 + i), name: `Tên ${100 + i}` }));
    await Promise.all([...versions].reverse().map((e) => handler.handle(e)));
    expect(await copy(id)).toMatchObject({ name: 'Tên 119', version: '119' });
  });
});

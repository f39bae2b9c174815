import { DataSource } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { loadConfig } from '@lienket/config';
import { createDataSource } from '@lienket/database';
import { queryRows, truncateAll } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';

describe('the audit log', () => {
  const { databaseUrl } = loadConfig();
  let ds: DataSource;
  beforeAll(async () => {
    await migrateAll(databaseUrl);
    await truncateAll(databaseUrl);
    ds = await createDataSource({ url: databaseUrl, schema: 'catalog', entities: [], migrations: [] }).initialize();
  });
  afterAll(() => ds.destroy());

  it('is append-only: the database refuses updates and deletes', async () => {
    await ds.transaction((m) => recordAudit(m, { actorId: null, action: 'organization.verified', subject: 'ORGANIZATION', subjectId: 'o1', before: { v: 'PENDING_VERIFICATION' }, after: { v: 'VERIFIED' } }));
    await expect(ds.query(`UPDATE catalog.audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM catalog.audit_log`)).rejects.toThrow(/append-only/);
    expect(await queryRows(databaseUrl, `SELECT action, detail FROM catalog.audit_log`)).toEqual([
      { action: 'organization.verified', detail: { before: { v: 'PENDING_VERIFICATION' }, after: { v: 'VERIFIED' } } },
    ]);
  });
});

import { Client } from 'pg';
import { loadConfig, ServiceSchema } from '@lienket/config';
import { queryRows, truncateAll, uniqueEmail, uniqueTaxCode } from '@lienket/testing';
import { migrateAll } from '../../scripts/migrate';

// Least privilege (decision 58): each service logs in as its own role, with its password, and can
// touch only its schema and the columns it is explicitly granted elsewhere. Each refused statement
// is followed by a check, as the superuser, that nothing was written.
const config = loadConfig();
const { databaseUrl } = config;
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(databaseUrl, text, params);
const clients = new Map<ServiceSchema, Client>();
const as = (schema: ServiceSchema) => clients.get(schema)!;
/** The SQLSTATE a statement failed with ('' when it succeeded). */
const refusal = (schema: ServiceSchema, text: string, params: unknown[] = []) =>
  as(schema).query(text, params).then(
    () => '',
    (e: { code?: string }) => e.code ?? 'unknown',
  );
const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

let orgId: string;
let userId: string;

beforeAll(async () => {
  await migrateAll(databaseUrl);
  await truncateAll(databaseUrl);
  [{ id: orgId }] = await sql<{ id: string }>(
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code) VALUES ('COOPERATIVE', 'HTX Rau Đà Lạt', $1, '68') RETURNING id`,
    [uniqueTaxCode()],
  );
  [{ id: userId }] = await sql<{ id: string }>(
    `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ($1, 'hash', 'Lê Văn Rau', $2, 'OWNER') RETURNING id`,
    [uniqueEmail('roles'), orgId],
  );
  await sql(`INSERT INTO catalog.audit_log (action, subject, subject_id) VALUES ('organization.verified', 'ORGANIZATION', $1)`, [orgId]);
  await sql(`INSERT INTO matching.notifications (user_id, kind, title, body, link, dedupe_key) VALUES ($1, 'x', 'Tiêu đề', 'Nội dung', NULL, 'roles-test')`, [userId]);
  for (const schema of ['catalog', 'procurement', 'matching'] as const) {
    const c = new Client({ connectionString: config.database.serviceUrls[schema] });
    await c.connect();
    clients.set(schema, c);
  }
});
afterAll(async () => {
  await Promise.all([...clients.values()].map((c) => c.end()));
});

describe('each service’s database role', () => {
  it('is its own non-superuser login, not the migrating superuser', async () => {
    for (const [schema, role] of [['catalog', 'lienket_catalog'], ['procurement', 'lienket_procurement'], ['matching', 'lienket_matcher']] as const) {
      const { rows } = await as(schema).query<{ me: string; su: boolean }>(`SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su`);
      expect(rows[0]).toEqual({ me: role, su: false });
    }
  });

  it('cannot read or write a schema it has no grant for, and nothing is written', async () => {
    const users = await count('catalog.users');
    const outbox = await count('catalog.outbox');
    const needs = await count('procurement.needs');
    const sent = await count('matching.sent_emails');
    expect(await refusal('procurement', `SELECT email FROM catalog.users`)).toBe('42501');
    expect(await refusal('procurement', `INSERT INTO catalog.outbox (event_type, payload) VALUES ('member.invited', '{}')`)).toBe('42501');
    expect(await refusal('procurement', `SELECT * FROM matching.sent_emails`)).toBe('42501');
    expect(await refusal('catalog', `SELECT * FROM procurement.needs`)).toBe('42501');
    expect(await refusal('catalog', `SELECT * FROM matching.notifications`)).toBe('42501');
    expect(await refusal('catalog', `INSERT INTO matching.sent_emails (dedupe_key, recipient) VALUES ('forged', 'a@b.vn')`)).toBe('42501');
    expect(await refusal('matching', `SELECT * FROM procurement.needs`)).toBe('42501');
    expect(await refusal('matching', `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role) VALUES ('x@y.vn', 'h', 'X', $1, 'OWNER')`, [orgId])).toBe('42501');
    expect(await refusal('matching', `INSERT INTO catalog.outbox (event_type, payload) VALUES ('member.invited', '{}')`)).toBe('42501');
    expect([await count('catalog.users'), await count('catalog.outbox'), await count('procurement.needs'), await count('matching.sent_emails')]).toEqual([users, outbox, needs, sent]);
  });

  it('reads of another schema are limited to the granted columns: the worker never sees password hashes', async () => {
    expect(await refusal('matching', `SELECT email, full_name, locale FROM catalog.users WHERE organization_id = $1`, [orgId])).toBe('');
    expect(await refusal('matching', `SELECT password_hash FROM catalog.users`)).toBe('42501');
    expect(await refusal('matching', `SELECT * FROM catalog.refresh_tokens`)).toBe('42501');
    expect(await refusal('matching', `UPDATE catalog.organizations SET verification = 'VERIFIED' WHERE id = $1`, [orgId])).toBe('42501');
    expect((await sql<{ v: string }>(`SELECT verification AS v FROM catalog.organizations WHERE id = $1`, [orgId]))[0].v).toBe('PENDING_VERIFICATION');
  });

  it('procurement may read notices but not write them: it keeps who read what in its own table', async () => {
    expect(await refusal('procurement', `SELECT title FROM matching.notifications WHERE user_id = $1`, [userId])).toBe('');
    expect(await refusal('procurement', `UPDATE matching.notifications SET title = 'forged' WHERE user_id = $1`, [userId])).toBe('42501');
    expect(await refusal('procurement', `DELETE FROM matching.notifications WHERE user_id = $1`, [userId])).toBe('42501');
    expect(await refusal('procurement', `INSERT INTO matching.notifications (user_id, kind, title, body, dedupe_key) VALUES ($1, 'x', 'forged', 'x', 'forged')`, [userId])).toBe('42501');
    expect(await sql(`SELECT title FROM matching.notifications WHERE user_id = $1`, [userId])).toEqual([{ title: 'Tiêu đề' }]);
    expect(await refusal('procurement', `UPDATE matching.notifications SET created_at = now() WHERE user_id = $1`, [userId])).toBe('42501');
    expect(await refusal('procurement', `INSERT INTO procurement.notification_reads (notification_id, user_id) SELECT id, user_id FROM matching.notifications WHERE user_id = $1`, [userId])).toBe('');
  });

  it('cannot change its schema or the migration history', async () => {
    expect(await refusal('catalog', `CREATE TABLE catalog.intruder (id int)`)).toBe('42501');
    expect(await refusal('catalog', `DROP TABLE catalog.products`)).toBe('42501');
    expect(await refusal('catalog', `ALTER TABLE catalog.audit_log DISABLE TRIGGER ALL`)).toBe('42501');
    expect(await refusal('catalog', `DELETE FROM catalog.migrations`)).toBe('42501');
    expect(await sql(`SELECT 1 FROM pg_tables WHERE schemaname = 'catalog' AND tablename IN ('intruder', 'products')`)).toHaveLength(1);
    expect(await count('catalog.migrations')).toBeGreaterThan(0);
  });
});

describe('the audit log', () => {
  it('takes new entries from the catalog role but refuses its UPDATE, DELETE and TRUNCATE, and the superuser’s TRUNCATE too', async () => {
    const entries = await sql(`SELECT * FROM catalog.audit_log ORDER BY id`);
    expect(await refusal('catalog', `UPDATE catalog.audit_log SET action = 'forged'`)).toBe('42501');
    expect(await refusal('catalog', `DELETE FROM catalog.audit_log`)).toBe('42501');
    expect(await refusal('catalog', `TRUNCATE catalog.audit_log`)).toBe('42501');
    await expect(sql(`TRUNCATE catalog.audit_log`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    expect(await sql(`SELECT * FROM catalog.audit_log ORDER BY id`)).toEqual(entries);
    expect(await refusal('catalog', `INSERT INTO catalog.audit_log (action, subject, subject_id) VALUES ('organization.suspended', 'ORGANIZATION', $1)`, [orgId])).toBe('');
  });
});

import { Client } from 'pg';
import { loadConfig } from '@lienket/config';
import { writeOrganizationChanged } from '../libs/accounts/src/organizations/organization-changed';

/**
 * Tells procurement about organizations it does not know yet (or, with `all`, every organization):
 * one `organization.changed` event each in catalog's outbox, which catalog's relay publishes once
 * catalog runs. For an installation that predates procurement's copy, and for the demo data, which
 * is written as rows rather than through sign-up. Runs as the superuser (like migrations), the only
 * role that reads both schemas; the services never do (decision 104). Safe to repeat: each event
 * carries a newer version of the same facts.
 */
export async function replayOrganizations(databaseUrl: string, o: { all?: boolean } = {}): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // writeOrganizationChanged writes through an EntityManager's `query`; a pg client answers rows in `.rows`.
  const manager = { query: async (sql: string, params?: unknown[]): Promise<unknown[]> => (await db.query(sql, params)).rows as unknown[] } as unknown as Parameters<typeof writeOrganizationChanged>[0];
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT o.id FROM catalog.organizations o
        WHERE $1 OR NOT EXISTS (SELECT 1 FROM procurement.organizations p WHERE p.id = o.id) ORDER BY o.id`,
      [!!o.all],
    );
    let told = 0;
    for (let i = 0; i < rows.length; i += 500) {
      await db.query('BEGIN');
      // Locked like a decision would lock them, so each version follows the state it carries.
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      await db.query(`SELECT 1 FROM catalog.organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`, [ids]);
      told += await writeOrganizationChanged(manager, ids);
      await db.query('COMMIT');
    }
    return told;
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

if (require.main === module) {
  replayOrganizations(loadConfig().databaseUrl, { all: process.argv.includes('--all') })
    .then((n) => process.stdout.write(`organization.changed written for ${n} organizations; catalog's relay publishes them\n`))
    .catch((e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    });
}

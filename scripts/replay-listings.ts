import { Client } from 'pg';
import { loadConfig } from '@lienket/config';
import { writeListingChanged } from '../libs/products/src/products/listing-changed';
import type { ProductEntity } from '../libs/products/src/products/product.entity';

/**
 * Tells the matcher every listing's public version: one `listing.changed` each in catalog's outbox
 * (APPROVED for a listing with an approved version on the market, ARCHIVED for one taken off it).
 * For an installation whose listings predate the event, and for the demo data, written as rows.
 * Runs as the superuser, like replayOrganizations. Safe to repeat: each event carries a newer version.
 */
export async function replayListings(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const manager = { query: async (sql: string, params?: unknown[]): Promise<unknown[]> => (await db.query(sql, params)).rows as unknown[] } as unknown as Parameters<typeof writeListingChanged>[0];
  try {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM catalog.products WHERE approved IS NOT NULL ORDER BY id`);
    let told = 0;
    for (const { id } of rows) {
      await db.query('BEGIN');
      // Locked like a moderator's decision locks it, so the version follows the state it carries.
      const [p] = (
        await db.query<{ id: string; organizationId: string; status: string; approved: ProductEntity['approved'] }>(
          `SELECT id, organization_id AS "organizationId", status, approved FROM catalog.products WHERE id = $1 FOR UPDATE`,
          [id],
        )
      ).rows;
      await writeListingChanged(manager, p as unknown as ProductEntity, p.status === 'ARCHIVED' ? 'ARCHIVED' : 'APPROVED');
      await db.query('COMMIT');
      told++;
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
  replayListings(loadConfig().databaseUrl)
    .then((n) => process.stdout.write(`listing.changed written for ${n} listings; catalog's relay publishes them\n`))
    .catch((e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    });
}

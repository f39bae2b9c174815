import { loadConfig } from '@lienket/config';
import { ServiceDatabaseUrls } from '@lienket/config';
import { createDataSource, ensureDatabase, migrate, ServiceSchema, setRolePasswords } from '@lienket/database';
// Migrations only (plain SQL): importing the domain libs whole would register every subgraph's
// GraphQL types in one process, and two subgraphs both name a type "Organization".
import * as accounts from '../libs/accounts/src/migrations';
import * as audit from '../libs/audit/src/migrations';
import * as moderation from '../libs/moderation/src/migrations';
import * as matching from '../libs/notifications/src/migrations';
import * as procurement from '../libs/procurement/src/migrations';
import * as products from '../libs/products/src/migrations';
import { ensureSearchIndex, searchIndexWarning } from '../libs/products/src/migrations/search-index';

const SERVICES: [ServiceSchema, Function[]][] = [
  // TypeORM orders a schema's migrations by their timestamps, whichever lib they come from.
  ['catalog', [...Object.values(accounts), ...Object.values(audit), ...Object.values(moderation), ...Object.values(products)]],
  ['procurement', Object.values(procurement)],
  ['matching', Object.values(matching)],
];

/**
 * Creates the database when missing and applies every service's migrations to its own schema; then
 * gives product search the index PostgreSQL and SEARCH_RUM allow (RUM, or the GIN fallback with a
 * warning), so a database migrated without RUM gains it at the first start after it is installed. The
 * migrations run as the superuser and create the service roles and grant them their tables; each
 * role then logs in with the password of its service's URL.
 */
export async function migrateAll(
  databaseUrl = loadConfig().databaseUrl,
  log: (line: string) => void = () => undefined,
  search = loadConfig().search,
  serviceUrls: ServiceDatabaseUrls = loadConfig().database.serviceUrls,
) {
  if (await ensureDatabase(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  for (const [schema, migrations] of SERVICES) {
    const ds = createDataSource({ url: databaseUrl, schema, entities: [], migrations, poolSize: 1 });
    try {
      const applied = await migrate(ds, schema);
      log(`${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
      if (schema === 'catalog') {
        const index = await ds.transaction((m) => ensureSearchIndex((sql, params) => m.query(sql, params), search.rum));
        if (index.changed) log(`catalog: product search index built as ${index.kind.toUpperCase()}`);
        const warning = searchIndexWarning(index);
        if (warning) log(warning);
      }
    } finally {
      await ds.destroy();
    }
  }
  await setRolePasswords(databaseUrl, serviceUrls);
}

if (require.main === module) {
  migrateAll(undefined, (l) => process.stdout.write(`migrate: ${l}\n`)).catch((e) => {
    process.stderr.write(`migrate failed: ${(e as Error).message}\n`);
    process.exit(1);
  });
}

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

const SERVICES: [ServiceSchema, Function[]][] = [
  // TypeORM orders a schema's migrations by their timestamps, whichever lib they come from.
  ['catalog', [...Object.values(accounts), ...Object.values(audit), ...Object.values(moderation), ...Object.values(products)]],
  ['procurement', Object.values(procurement)],
  ['matching', Object.values(matching)],
];

/**
 * Creates the database when missing, applies every service's migrations to its own schema as the
 * superuser (the migrations create the service roles and grant them their tables), then lets each
 * role log in with the password of its service's URL.
 */
export async function migrateAll(
  databaseUrl = loadConfig().databaseUrl,
  log: (line: string) => void = () => undefined,
  serviceUrls: ServiceDatabaseUrls = loadConfig().database.serviceUrls,
) {
  if (await ensureDatabase(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  for (const [schema, migrations] of SERVICES) {
    const ds = createDataSource({ url: databaseUrl, schema, entities: [], migrations, poolSize: 1 });
    try {
      const applied = await migrate(ds, schema);
      log(`${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
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

import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { SERVICE_ROLES, ServiceDatabaseUrls, ServiceSchema } from '@lienket/config';

const role = (schema: ServiceSchema) => escapeIdentifier(SERVICE_ROLES[schema]);

/**
 * Creates every service role that does not exist yet. Roles are cluster-wide and databases migrate
 * concurrently (test workers), so a role created by someone else meanwhile is fine.
 */
const createRolesSql = () =>
  (Object.keys(SERVICE_ROLES) as ServiceSchema[])
    .map(
      (s) => `
  DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${escapeLiteral(SERVICE_ROLES[s])}) THEN
      CREATE ROLE ${role(s)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$;`,
    )
    .join('');

/**
 * For a service's grants migration: the roles, and the service's own rows — read and write every
 * table of its schema, now and those later migrations create (the migrating superuser's default
 * privileges) — but not the migration history, no DDL and no TRUNCATE (decision 58).
 */
export const serviceRoleSql = (schema: ServiceSchema) => `
  ${createRolesSql()}
  GRANT USAGE ON SCHEMA "${schema}" TO ${role(schema)};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role(schema)};
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role(schema)};
  ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role(schema)};
  ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT ON SEQUENCES TO ${role(schema)};
  REVOKE ALL ON "${schema}".migrations FROM ${role(schema)};`;

/** The reverse of serviceRoleSql for one database (the roles stay: other databases may use them). */
export const revokeServiceRoleSql = (schema: ServiceSchema) => `
  ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON TABLES FROM ${role(schema)};
  ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON SEQUENCES FROM ${role(schema)};
  REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM ${role(schema)};
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${schema}" FROM ${role(schema)};
  REVOKE USAGE ON SCHEMA "${schema}" FROM ${role(schema)};`;

/** The SQL role name of a service, for migrations that grant it something of another schema. */
export const serviceRole = role;

/**
 * Lets each role log in with the password of its service's URL (derived from the installation's
 * DATABASE_ROLE_SECRET unless given). Run by the migrating superuser after the migrations; two
 * databases migrating at once may both set it (same value): PostgreSQL then answers "tuple
 * concurrently updated" to one of them, which tries again.
 */
export async function setRolePasswords(superuserUrl: string, urls: ServiceDatabaseUrls): Promise<void> {
  const db = new Client({ connectionString: superuserUrl });
  await db.connect();
  try {
    await db.query(createRolesSql());
    for (const schema of Object.keys(SERVICE_ROLES) as ServiceSchema[]) {
      const password = decodeURIComponent(new URL(urls[schema]).password);
      const sql = `ALTER ROLE ${role(schema)} LOGIN ${password ? `PASSWORD ${escapeLiteral(password)}` : ''}`;
      for (let attempt = 1; ; attempt++) {
        try {
          await db.query(sql);
          break;
        } catch (e) {
          if (attempt >= 10 || !/concurrently/.test((e as Error).message)) throw e;
          await new Promise((r) => setTimeout(r, 20 * attempt));
        }
      }
    }
  } finally {
    await db.end();
  }
}

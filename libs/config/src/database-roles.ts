import { createHmac } from 'node:crypto';

/** The service schemas, each owned by one service. */
export type ServiceSchema = 'catalog' | 'procurement' | 'matching';

/**
 * The PostgreSQL login each service uses (decision 58): its own schema's rows and the few columns
 * of others it is granted, nothing else. Roles are cluster-wide: several databases (and test runs)
 * share them, and the migrations create them idempotently.
 */
export const SERVICE_ROLES: Readonly<Record<ServiceSchema, string>> = {
  catalog: 'lienket_catalog',
  procurement: 'lienket_procurement',
  matching: 'lienket_matcher',
};

export type ServiceDatabaseUrls = Record<ServiceSchema, string>;

/** A service role's password: an HMAC of its name under the installation's DATABASE_ROLE_SECRET. */
export const rolePassword = (secret: string, role: string) => createHmac('sha256', secret).update(`postgres-role:${role}`).digest('base64url');

/**
 * Each service's connection URL: given explicitly (its user must be the service's role), or
 * DATABASE_URL with the role as user and the derived password. Returns a message when one is wrong.
 */
export function serviceDatabaseUrls(
  databaseUrl: string,
  given: Partial<Record<ServiceSchema, string>>,
  secret: string | undefined,
): ServiceDatabaseUrls | string {
  const urls = {} as ServiceDatabaseUrls;
  for (const schema of Object.keys(SERVICE_ROLES) as ServiceSchema[]) {
    const role = SERVICE_ROLES[schema];
    const explicit = given[schema];
    if (explicit) {
      if (decodeURIComponent(new URL(explicit).username) !== role) {
        return `${variableOf(schema)}: its user must be ${role} (the role the migrations grant ${schema}'s tables to)`;
      }
      urls[schema] = explicit;
      continue;
    }
    const url = new URL(databaseUrl);
    url.username = role;
    url.password = secret ? rolePassword(secret, role) : '';
    urls[schema] = url.toString();
  }
  return urls;
}

export const variableOf = (schema: ServiceSchema) => `${schema === 'matching' ? 'MATCHER' : schema.toUpperCase()}_DATABASE_URL`;

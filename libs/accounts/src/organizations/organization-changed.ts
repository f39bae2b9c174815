import { EntityManager } from 'typeorm';
import { JobPayloads, writeOutbox } from '@lienket/queue';

/** The organization's state as procurement copies it, with the next version drawn. */
const STATE_SQL = `SELECT id AS "organizationId", kind, name, verification, trusted_buyer AS "trustedBuyer", province_code AS "provinceCode",
                          nextval('catalog.organization_versions')::text AS version
                     FROM catalog.organizations WHERE id = ANY($1::uuid[]) ORDER BY id`;

/**
 * Tells procurement and the matcher what an organization now is (`organization.changed`), in the transaction that
 * changed it. Call it after the change, while holding the organization's row lock (or on a row
 * just inserted), so versions follow the order of the changes.
 */
export async function writeOrganizationChanged(m: EntityManager, organizationIds: string[]): Promise<number> {
  const states: JobPayloads['organization.changed'][] = await m.query(STATE_SQL, [organizationIds]);
  for (const state of states) await writeOutbox(m, 'catalog', 'organization.changed', state);
  return states.length;
}

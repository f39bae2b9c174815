import { EntityManager } from 'typeorm';
import { forbidden, notFound } from '@lienket/graphql';

/**
 * The organization's row says it is not suspended. Called before storing (nothing is written for a
 * suspended organization) and again in the transaction that commits the upload, where FOR SHARE
 * keeps a suspension from committing in between.
 */
export async function requireNotSuspendedToUpload(m: Pick<EntityManager, 'query'>, organizationId: string, lock = false): Promise<void> {
  const [org] = await m.query<{ verification: string }[]>(
    `SELECT verification FROM catalog.organizations WHERE id = $1 ${lock ? 'FOR SHARE' : ''}`,
    [organizationId],
  );
  if (!org) throw notFound();
  if (org.verification === 'SUSPENDED') throw forbidden('uploadSuspended');
}

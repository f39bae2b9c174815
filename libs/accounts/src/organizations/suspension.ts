import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, MessageKey, notFound } from '@lienket/graphql';
import { VerificationStatus } from './organization.entity';

/**
 * Refuses (FORBIDDEN) what a suspended organization may not do. Reads the row FOR SHARE in the
 * caller's transaction: a suspension, which locks the row for update, commits wholly before or after.
 */
export async function assertNotSuspended(m: EntityManager, organizationId: string, refused: MessageKey): Promise<void> {
  const [org] = await m.query<{ verification: VerificationStatus }[]>(
    `SELECT verification FROM catalog.organizations WHERE id = $1 FOR SHARE`,
    [organizationId],
  );
  if (!org) throw notFound();
  refuseIfSuspended(org.verification, refused);
}

/** The same rule for a caller that already holds the organization's row. */
export function refuseIfSuspended(verification: VerificationStatus, refused: MessageKey): void {
  if (verification === VerificationStatus.SUSPENDED) throw new DomainError(ErrorCode.FORBIDDEN, refused);
}

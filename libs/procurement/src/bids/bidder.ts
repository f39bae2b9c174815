import { EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { DomainError, ErrorCode } from '@lienket/graphql';
import { organizationFacts } from '../events/organization-changed.handler';

/**
 * Who may bid: an OWNER or MANAGER of a COOPERATIVE that is VERIFIED now and not suspended, judged
 * by procurement's own copy of catalog's facts (learned from its events), not by the token's claim:
 * a cooperative verified a minute ago bids with the session it has, and one suspended since its
 * token was issued is refused (its older tokens also end at once by the Redis marker every subgraph
 * checks). Not yet known to procurement (the event is on its way) reads as not verified.
 */
export async function requireBidder(em: EntityManager, user: AuthUser): Promise<string> {
  const organizationId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedBids');
  const facts = await organizationFacts(em, organizationId);
  if (facts?.verification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedBids');
  if (facts?.verification !== 'VERIFIED') throw new DomainError(ErrorCode.FORBIDDEN, 'bidVerificationRequired');
  if (facts.kind !== 'COOPERATIVE') throw new DomainError(ErrorCode.FORBIDDEN, 'bidCooperativesOnly');
  return organizationId;
}

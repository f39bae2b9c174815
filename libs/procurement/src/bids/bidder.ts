import { AuthUser } from '@lienket/auth';
import { DomainError, ErrorCode } from '@lienket/graphql';
import { OrganizationFacts } from '../events/organization-changed.handler';

/**
 * Who may bid: an OWNER or MANAGER (checked before this) of a COOPERATIVE that is VERIFIED now and
 * not suspended, judged by procurement's own copy of catalog's facts (learned from its events), not
 * by the token's claim: a cooperative verified a minute ago bids with the session it has, and one
 * suspended since its token was issued is refused (its older tokens also end at once by the Redis
 * marker every subgraph checks). Not yet known to procurement (the event is on its way) reads as not
 * verified. The facts come with the need's locked row (BidService), in the same statement.
 */
export function requireBidder(user: AuthUser, facts: Pick<OrganizationFacts, 'kind' | 'verification'> | null): void {
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedBids');
  if (facts?.verification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedBids');
  if (facts?.verification !== 'VERIFIED') throw new DomainError(ErrorCode.FORBIDDEN, 'bidVerificationRequired');
  if (facts.kind !== 'COOPERATIVE') throw new DomainError(ErrorCode.FORBIDDEN, 'bidCooperativesOnly');
}

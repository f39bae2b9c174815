import { EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { DomainError, ErrorCode, MessageKey } from '@lienket/graphql';
import { organizationFacts, OrganizationFacts } from '../events/organization-changed.handler';

/** What a refusal says; bidding's by default, asking a question has its own words (same rule). */
export interface BidderRefusals {
  suspended: MessageKey;
  unverified: MessageKey;
  notCooperative: MessageKey;
}
const BID_REFUSALS: BidderRefusals = { suspended: 'organizationSuspendedBids', unverified: 'bidVerificationRequired', notCooperative: 'bidCooperativesOnly' };

/**
 * Who may bid: an OWNER or MANAGER (checked before this) of a COOPERATIVE that is VERIFIED now and
 * not suspended, judged by procurement's own copy of catalog's facts (learned from its events), not
 * by the token's claim: a cooperative verified a minute ago bids with the session it has, and one
 * suspended since its token was issued is refused (its older tokens also end at once by the Redis
 * marker every subgraph checks). Not yet known to procurement (the event is on its way) reads as not
 * verified. BidService reads the facts with the need's locked row, in the same statement.
 */
export function judgeBidder(user: AuthUser, facts: Pick<OrganizationFacts, 'kind' | 'verification'> | null, say: BidderRefusals = BID_REFUSALS): void {
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, say.suspended);
  if (facts?.verification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, say.suspended);
  if (facts?.verification !== 'VERIFIED') throw new DomainError(ErrorCode.FORBIDDEN, say.unverified);
  if (facts.kind !== 'COOPERATIVE') throw new DomainError(ErrorCode.FORBIDDEN, say.notCooperative);
}

/** The same rule where the facts are not at hand (asking a question): reads them, then judges. */
export async function requireBidder(em: EntityManager, user: AuthUser, say: BidderRefusals = BID_REFUSALS): Promise<string> {
  const organizationId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, say.suspended);
  judgeBidder(user, await organizationFacts(em, organizationId), say);
  return organizationId;
}

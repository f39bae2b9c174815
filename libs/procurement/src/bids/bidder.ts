import { EntityManager } from 'typeorm';
import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { DomainError, ErrorCode, MessageKey } from '@lienket/graphql';
import { organizationFacts } from '../events/organization-changed.handler';

/**
 * Who may bid: an OWNER or MANAGER of a COOPERATIVE that is VERIFIED now and not suspended, judged
 * by procurement's own copy of catalog's facts (learned from its events), not by the token's claim:
 * a cooperative verified a minute ago bids with the session it has, and one suspended since its
 * token was issued is refused (its older tokens also end at once by the Redis marker every subgraph
 * checks). Not yet known to procurement (the event is on its way) reads as not verified.
 */
/** What a refusal says; bidding's by default, asking a question has its own words (same rule). */
export interface BidderRefusals {
  suspended: MessageKey;
  unverified: MessageKey;
  notCooperative: MessageKey;
}
const BID_REFUSALS: BidderRefusals = { suspended: 'organizationSuspendedBids', unverified: 'bidVerificationRequired', notCooperative: 'bidCooperativesOnly' };

export async function requireBidder(em: EntityManager, user: AuthUser, say: BidderRefusals = BID_REFUSALS): Promise<string> {
  const organizationId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, say.suspended);
  const facts = await organizationFacts(em, organizationId);
  if (facts?.verification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, say.suspended);
  if (facts?.verification !== 'VERIFIED') throw new DomainError(ErrorCode.FORBIDDEN, say.unverified);
  if (facts.kind !== 'COOPERATIVE') throw new DomainError(ErrorCode.FORBIDDEN, say.notCooperative);
  return organizationId;
}

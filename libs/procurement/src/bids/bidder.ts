import { AuthUser, requireOrganizationManager } from '@lienket/auth';
import { DomainError, ErrorCode } from '@lienket/graphql';

/**
 * Who may bid: an OWNER or MANAGER of a VERIFIED organization that is not suspended. For now the
 * verification is the token's claim; a suspension ends older tokens at once (the Redis marker the
 * subgraph checks on every request), and a token issued after it says SUSPENDED. The one place to
 * swap for procurement's own record of organizations (learned from catalog's events), which will
 * also tell the organization's kind, so that only cooperatives bid.
 */
export function requireBidder(user: AuthUser): string {
  const organizationId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw new DomainError(ErrorCode.FORBIDDEN, 'organizationSuspendedBids');
  if (user.organizationVerification !== 'VERIFIED') throw new DomainError(ErrorCode.FORBIDDEN, 'bidVerificationRequired');
  return organizationId;
}

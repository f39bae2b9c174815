import type { VerificationStatus } from '../gql/graphql';

/** Colours of a verification status: the badge's tag colour and the matching alert type. */
export const VERIFICATION_STYLE: Record<
  VerificationStatus,
  { tag: string; alert: 'info' | 'success' | 'warning' | 'error' }
> = {
  PENDING_VERIFICATION: { tag: 'gold', alert: 'warning' },
  VERIFIED: { tag: 'green', alert: 'success' },
  REJECTED: { tag: 'red', alert: 'error' },
  SUSPENDED: { tag: 'volcano', alert: 'error' },
};

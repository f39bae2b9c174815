import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

const NeedPosterDocument = graphql(`
  query NeedPoster {
    me {
      id
      organizationRole
      organization {
        id
        kind
        verification
      }
    }
  }
`);

/**
 * Who the reader is to needs: its organization (for "is this my need?") and whether it may post
 * and edit them (an enterprise's OWNER or MANAGER, as createNeed and updateNeed require), or bid
 * on them (a cooperative's, as submitBid requires).
 * Undefined while loading; the server decides anyway.
 */
export function useNeedPoster() {
  const { data } = useQuery(NeedPosterDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) return undefined;
  const organization = data.me?.organization ?? null;
  const role = data.me?.organizationRole ?? null;
  const manager = role === 'OWNER' || role === 'MANAGER';
  return {
    organizationId: organization?.id ?? null,
    verification: organization?.verification ?? null,
    buyer: organization?.kind === 'ENTERPRISE',
    canPost: organization?.kind === 'ENTERPRISE' && manager,
    /** A cooperative's OWNER or MANAGER, whom submitBid accepts once it is verified. */
    canBid: organization?.kind === 'COOPERATIVE' && manager,
    /** The organization's OWNER or MANAGER, whom a contract's steps and reviews require. */
    manager: !!organization && manager,
    cooperative: organization?.kind === 'COOPERATIVE',
  };
}

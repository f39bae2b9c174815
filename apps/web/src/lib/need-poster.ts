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
      }
    }
  }
`);

/**
 * Who the reader is to needs: its organization (for "is this my need?") and whether it may post
 * and edit them (an enterprise's OWNER or MANAGER, as createNeed and updateNeed require).
 * Undefined while loading; the server decides anyway.
 */
export function useNeedPoster() {
  const { data } = useQuery(NeedPosterDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) return undefined;
  const organization = data.me?.organization ?? null;
  const role = data.me?.organizationRole ?? null;
  return {
    organizationId: organization?.id ?? null,
    buyer: organization?.kind === 'ENTERPRISE',
    canPost: organization?.kind === 'ENTERPRISE' && (role === 'OWNER' || role === 'MANAGER'),
  };
}

import { graphql } from '../gql';
import type { NeedStatus } from '../gql/graphql';

/** What a need's card shows in a list: my needs and open needs spread it, so they stay in step. */
export const NeedSummaryFields = graphql(`
  fragment NeedSummaryFields on ProcurementNeed {
    id
    title
    status
    quantity
    unit {
      code
      name
      symbol
    }
    category {
      code
      shortName
    }
    deliveryProvince {
      code
      name
    }
    deliveryFrom
    deliveryTo
    bidDeadline
    visibility
    invitesYou
    buyer {
      id
      name
    }
  }
`);

/** Tag colour of a need's status. */
export const NEED_STATUS_COLOR: Record<NeedStatus, string> = {
  DRAFT: 'default',
  PENDING_REVIEW: 'gold',
  OPEN: 'green',
  CLOSED: 'blue',
  AWARDED: 'purple',
  CANCELLED: 'default',
  REJECTED: 'red',
};

/** The statuses anyone may see (the server's PUBLIC_NEED_STATUSES): the open needs' status filter. */
export const PUBLIC_NEED_STATUSES: readonly NeedStatus[] = ['OPEN', 'CLOSED', 'AWARDED'];

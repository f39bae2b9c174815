import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';
import type {
  NotificationsQuery,
  UnreadNotificationIdsQuery,
  UnreadNotificationIdsQueryVariables,
} from '../../gql/graphql';

export const NotificationCountDocument = graphql(`
  query NotificationCount {
    notifications(unreadOnly: true, first: 1) {
      unreadCount
    }
  }
`);

export const NotificationsDocument = graphql(`
  query Notifications($unreadOnly: Boolean, $first: Int!, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          title
          body
          link
          readAt
          createdAt
        }
      }
    }
  }
`);

const UnreadIdsDocument = graphql(`
  query UnreadNotificationIds($after: String) {
    notifications(unreadOnly: true, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
        }
      }
    }
  }
`);

const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export type NotificationItem = NotificationsQuery['notifications']['edges'][number]['node'];

// Modest on purpose: a minute between polls, only while the tab is visible, plus a check when the
// person moves to another page (paced by people: no more than they click) or comes back to the tab
// (focus and visibilitychange often fire together, hence the short gap). One small query per
// signed-in tab and minute is fresh enough for moderation outcomes.
const POLL_MS = 60_000;
const MIN_GAP_MS = 2_000;

/** The unread count for the bell, kept fresh without hammering the server. */
export function useUnreadCount(): number {
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(NotificationCountDocument, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState !== 'visible',
  });
  // Another page: ask again (not on the first render, which the query itself fetched).
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    void refetch().catch(() => undefined);
  }, [pathname, refetch]);
  // Back to the tab: ask again, once for the focus and visibilitychange that arrive together.
  const last = useRef(Date.now());
  useEffect(() => {
    const check = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last.current < MIN_GAP_MS) return;
      last.current = Date.now();
      void refetch().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [refetch]);
  return data?.notifications.unreadCount ?? 0;
}

/**
 * Marks notices read: the server answers how many changed; the notices shown turn read at once and
 * the bell's count is asked again (the server's count is the truth, other tabs included).
 */
export function useMarkRead() {
  const client = useApolloClient();
  const mark = async (ids: string[]): Promise<number> => {
    if (ids.length === 0) return 0;
    const { data } = await client.mutate({
      mutation: MarkReadDocument,
      variables: { ids },
      refetchQueries: [NotificationCountDocument],
    });
    const now = new Date().toISOString();
    for (const id of ids) {
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Notification', id }),
        fields: { readAt: (value: unknown) => value ?? now },
      });
    }
    return data?.markNotificationsRead ?? 0;
  };
  /** Every unread notice, not only those shown: their ids are read a page at a time, then marked. */
  const markAll = async (): Promise<number> => {
    const ids: string[] = [];
    let after: string | null = null;
    // At most 500 per call (the server's limit); a person with more marks the rest with a second tap.
    for (let page = 0; page < 5; page++) {
      const variables: UnreadNotificationIdsQueryVariables = { after };
      const result = await client.query({
        query: UnreadIdsDocument,
        variables,
        fetchPolicy: 'network-only',
      });
      const connection: UnreadNotificationIdsQuery['notifications'] | undefined =
        result.data?.notifications;
      if (!connection) break;
      ids.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    return mark(ids);
  };
  return { mark, markAll };
}

/** A notice's link when it is one of the app's own paths (never another site). */
export function internalLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/**
 * Following a notice to the page already shown changes no route, so that page would keep showing
 * what it read before the news (a need still "pending" after its approval): it reads again instead.
 */
export function useFollowNotice(): (link: string) => void {
  const { pathname } = useLocation();
  const client = useApolloClient();
  return (link) => {
    if (link === pathname) void client.refetchQueries({ include: 'active' }).catch(() => undefined);
  };
}

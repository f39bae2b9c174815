import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import { graphql } from '../gql';
import {
  clearTokens,
  getAccessToken,
  getRefreshToken,
  type OrganizationKindHint,
  type PlatformRoleHint,
  storeOrganizationKind,
  storePlatformRole,
  storeTokens,
  type TokenPair,
} from './auth';
import { hasErrorCode } from './errors';
import i18n, { currentLanguage } from './i18n';

const RefreshTokenMutation = graphql(`
  mutation RefreshToken($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      refreshToken
    }
  }
`);

const REFRESH_OPERATION = 'RefreshToken';
// Operations that establish a session. They go without the stored token: a wrong password while
// an old session lingers must read as a wrong password, not trigger a refresh and a sign-out.
const SESSION_OPERATIONS = new Set([REFRESH_OPERATION, 'SignIn', 'SignUp']);

interface AuthContext {
  /** The access token this request was sent with, to tell a stale failure from a fresh one. */
  sentAccessToken?: string | null;
  retriedAfterRefresh?: boolean;
}

const authLink = new SetContextLink((prevContext, operation) => {
  const headers: Record<string, string> = {
    ...(prevContext.headers as Record<string, string> | undefined),
    'Accept-Language': currentLanguage(),
  };
  const token = SESSION_OPERATIONS.has(operation.operationName ?? '') ? null : getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return { headers, sentAccessToken: token } satisfies AuthContext & { headers: object };
});

let refreshInFlight: Promise<boolean> | null = null;

/** Exchanges the refresh token once, however many requests failed at the same moment. */
export function refreshTokens(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    const refreshToken = getRefreshToken();
    if (!refreshToken) return false;
    try {
      const { data } = await client.mutate({
        mutation: RefreshTokenMutation,
        variables: { refreshToken },
        fetchPolicy: 'no-cache',
      });
      if (!data) return false;
      storeTokens(data.refreshToken);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** A session the server just opened (sign-in, accepted invitation): remember it, forget the cache. */
export async function startSession(
  session: TokenPair & {
    user: {
      platformRole?: PlatformRoleHint | null;
      organization?: { kind: OrganizationKindHint } | null;
    };
  },
): Promise<void> {
  storeTokens(session);
  storePlatformRole(session.user.platformRole);
  storeOrganizationKind(session.user.organization?.kind);
  // Whatever was cached belonged to nobody or to someone else.
  await client.clearStore();
}

export function signOut(): void {
  clearTokens();
  // Drop the previous user's data without refetching anything on their behalf.
  void client.clearStore();
}

const errorLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
  const context = operation.getContext() as AuthContext;
  // Only a request made with a token can be saved by a new one; this also skips SESSION_OPERATIONS.
  if (!context.sentAccessToken) return;

  if (context.retriedAfterRefresh) {
    // A freshly issued token was refused too: the session is over.
    signOut();
    return;
  }
  operation.setContext({ retriedAfterRefresh: true } satisfies AuthContext);

  // Another request may already have rotated the pair while this one was in flight.
  const current = getAccessToken();
  if (current && current !== context.sentAccessToken) return forward(operation);

  return from(refreshTokens()).pipe(
    switchMap((refreshed) => {
      if (refreshed) return forward(operation);
      signOut();
      return throwError(() => error);
    }),
  );
});

const httpLink = new HttpLink({ uri: '/graphql' });

export const client = new ApolloClient({
  // The error link sits before the auth link so that a retry picks up the new token.
  link: ApolloLink.from([errorLink, authLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      Province: { keyFields: ['code'] },
      Category: { keyFields: ['code'] },
      Unit: { keyFields: ['code'] },
    },
  }),
});

// Names (provinces, categories) and messages come back localized, so cached ones go stale.
i18n.on('languageChanged', () => {
  void client.resetStore().catch(() => undefined);
});

/**
 * `fetch` for the REST endpoints (document upload and download) with the session's bearer token
 * and the page's language; an expired access token is refreshed once, as for GraphQL.
 */
export async function fetchWithSession(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const headers = new Headers(init.headers);
    const token = getAccessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept-Language', currentLanguage());
    return fetch(url, { ...init, headers });
  };
  const response = await send();
  if (response.status !== 401 || !(await refreshTokens())) return response;
  return send();
}

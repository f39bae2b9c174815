import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type Reference } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import {
  clearTokens,
  forgetAccessToken,
  getAccessToken,
  getSessionPhase,
  type OrganizationKindHint,
  rememberSessionEnded,
  sessionEndedMessage,
  type PlatformRoleHint,
  storeAccessToken,
  storeOrganizationKind,
  storePlatformRole,
} from './auth';
import { ApiRequestError, hasErrorCode } from './errors';
import i18n, { currentLanguage } from './i18n';

// Operations that establish a session. They go without the token: a wrong password while an old
// session lingers must read as a wrong password, not trigger a refresh and a sign-out.
const SESSION_OPERATIONS = new Set(['SignUp', 'AcceptInvitation']);

/** What /api/session answers (the refresh token went into the HttpOnly cookie, not here). */
interface OpenedSession {
  accessToken: string;
  user: {
    platformRole: PlatformRoleHint | null;
    organization: { kind: OrganizationKindHint } | null;
  };
}

/**
 * A call to the session routes: JSON (which a cross-site form cannot send), the cookie rides along
 * by itself on this path, and the language of the page for the server's messages.
 */
function sessionRequest(
  path: string,
  method: 'POST' | 'DELETE',
  body: object = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const token = getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method, headers, body: JSON.stringify(body), credentials: 'same-origin' });
}

function adopt(session: OpenedSession): void {
  storeAccessToken(session.accessToken);
  storePlatformRole(session.user.platformRole);
  storeOrganizationKind(session.user.organization?.kind);
}

interface AuthContext {
  /** The access token this request was sent with, to tell a stale failure from a fresh one. */
  sentAccessToken?: string | null;
  retriedAfterRefresh?: boolean;
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the cookie for a new access token once, however many requests failed at the same
 * moment. Two tabs doing this at once is fine: the server honours a just-rotated cookie briefly.
 */
export function refreshTokens(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      const response = await sessionRequest('/api/session/refresh', 'POST');
      if (response.ok) {
        adopt((await response.json()) as OpenedSession);
        return true;
      }
      // The server said the session is over; anything else (a proxy's 502) may pass: a reload retries.
      if (response.status === 401) {
        // Why (suspended, with the reason; or simply ended): the sign-in page tells the person.
        const [error] = (await ApiRequestError.from(response)).errors;
        if (typeof error?.message === 'string' && error.extensions?.code === 'UNAUTHENTICATED')
          rememberSessionEnded(error.message);
        clearTokens();
      } else forgetAccessToken();
      return false;
    } catch {
      forgetAccessToken();
      return false;
    }
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Resolves once a session this page load inherited is restored (or known to be gone). */
export async function sessionReady(): Promise<void> {
  if (getSessionPhase() === 'restoring') await refreshTokens();
}

/**
 * Signs in through /api/session: the server sets the cookie and answers the access token. Also
 * how sign-up and an accepted invitation end: their GraphQL mutations set no cookie.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  const response = await sessionRequest('/api/session', 'POST', { email, password });
  if (!response.ok) throw await ApiRequestError.from(response);
  adopt((await response.json()) as OpenedSession);
  sessionEndedMessage(true);
  // Whatever was cached belonged to nobody or to someone else.
  await client.clearStore();
}

/**
 * Ends the session on the server (its access tokens stop at once, the cookie is cleared) and in
 * every tab. Resolves when the server has answered, so that a sign-in right after cannot race it.
 */
export async function signOut(): Promise<void> {
  const ending = sessionRequest('/api/session', 'DELETE').catch(() => undefined);
  clearTokens();
  // Drop the previous user's data without refetching anything on their behalf.
  void client.clearStore();
  await ending;
}

const authLink = new SetContextLink(async (prevContext, operation) => {
  const headers: Record<string, string> = {
    ...(prevContext.headers as Record<string, string> | undefined),
    'Accept-Language': currentLanguage(),
  };
  const opensSession = SESSION_OPERATIONS.has(operation.operationName ?? '');
  if (!opensSession) await sessionReady();
  const token = opensSession ? null : getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return { headers, sentAccessToken: token } satisfies AuthContext & { headers: object };
});

const errorLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
  const context = operation.getContext() as AuthContext;
  // Only a request made with a token can be saved by a new one; this also skips SESSION_OPERATIONS.
  if (!context.sentAccessToken) return;

  if (context.retriedAfterRefresh) {
    // A freshly issued token was refused too: the session is over.
    void signOut();
    return;
  }
  operation.setContext({ retriedAfterRefresh: true } satisfies AuthContext);

  // Another request may already have rotated the pair while this one was in flight.
  const current = getAccessToken();
  if (current && current !== context.sentAccessToken) return forward(operation);

  return from(refreshTokens()).pipe(
    switchMap((refreshed) => {
      if (refreshed) return forward(operation);
      void signOut();
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
      Query: {
        fields: {
          // One thread per contract, however it was read: lib/ContractThread.tsx asks for the
          // messages after the last one it shows (its poll too), and each answer joins the list.
          // Messages are never edited or deleted, so one already known is simply skipped.
          contractMessages: {
            keyArgs: ['contractId'],
            merge(
              existing: readonly Reference[] = [],
              incoming: readonly Reference[],
              { readField },
            ) {
              const known = new Set(existing.map((m) => readField<string>('id', m)));
              const added = incoming.filter((m) => !known.has(readField<string>('id', m)));
              return added.length > 0 ? [...existing, ...added] : existing;
            },
          },
        },
      },
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
  await sessionReady();
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

// A page load with a session to restore starts on it at once, before any page asks.
void sessionReady();

import { useSyncExternalStore } from 'react';

/**
 * The session as this tab knows it. The refresh token is an HttpOnly cookie the server sets on
 * /api/session (decision 52): no script ever sees it. The access token lives in memory only, so a
 * new page load starts `restoring` (one refresh through the cookie) when this browser had a session.
 */
export type SessionPhase = 'restoring' | 'in' | 'out';

// Not a secret: whether this browser signed in and did not sign out, so that a page load knows
// whether a refresh is worth trying (anonymous visitors send none) and other tabs follow sign-outs.
const SESSION_KEY = 'lienket.session';
// What `me.platformRole` said last time; only decides whether the header shows the admin link,
// so the header needs neither Apollo nor a request. The admin pages ask the server again.
const ROLE_KEY = 'lienket.platformRole';
const PLATFORM_ROLES = ['ADMIN', 'MODERATOR'] as const;
// Whether the user belongs to an organization, as the server last said; like the role, it only
// decides whether the header shows "Sản phẩm" without a request. The product pages ask again.
const ORG_KEY = 'lienket.orgKind';
const ORGANIZATION_KINDS = ['COOPERATIVE', 'ENTERPRISE'] as const;
// Where earlier versions kept the tokens: dropped at start, so no refresh token outlives the upgrade.
const LEGACY_KEYS = ['lienket.accessToken', 'lienket.refreshToken'];
export type OrganizationKindHint = (typeof ORGANIZATION_KINDS)[number];
export type PlatformRoleHint = (typeof PLATFORM_ROLES)[number];

const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Private browsing modes may refuse storage; treat that as signed out.
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Without storage the session lasts as long as the tab; the hints stay hidden.
  }
}

for (const key of LEGACY_KEYS) write(key, null);

let accessToken: string | null = null;
let phase: SessionPhase = read(SESSION_KEY) ? 'restoring' : 'out';

function notify(): void {
  for (const listener of listeners) listener();
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getSessionPhase(): SessionPhase {
  return phase;
}

/** Signed in, or about to be once the session is restored: pages render and their requests wait. */
export function isSignedIn(): boolean {
  return phase !== 'out';
}

/** Keeps the access token of a session the server opened or refreshed. */
export function storeAccessToken(token: string): void {
  accessToken = token;
  phase = 'in';
  write(SESSION_KEY, '1');
  notify();
}

/** Signed out in this tab only (a refresh that could not reach the server): a reload tries again. */
export function forgetAccessToken(): void {
  accessToken = null;
  phase = 'out';
  notify();
}

/** Signed out: the tab forgets the session, and other tabs follow (the storage event). */
export function clearTokens(): void {
  accessToken = null;
  phase = 'out';
  for (const key of [SESSION_KEY, ROLE_KEY, ORG_KEY]) write(key, null);
  notify();
}

export function getPlatformRole(): PlatformRoleHint | null {
  const value = read(ROLE_KEY);
  return (PLATFORM_ROLES as readonly (string | null)[]).includes(value)
    ? (value as PlatformRoleHint)
    : null;
}

/** Records the signed-in user's platform role, as the server last reported it. */
export function storePlatformRole(role: PlatformRoleHint | null | undefined): void {
  if ((role ?? null) === getPlatformRole()) return;
  // Without storage the admin link stays hidden; /quan-tri still works when typed.
  write(ROLE_KEY, role ?? null);
  notify();
}

export function getOrganizationKind(): OrganizationKindHint | null {
  const value = read(ORG_KEY);
  return (ORGANIZATION_KINDS as readonly (string | null)[]).includes(value)
    ? (value as OrganizationKindHint)
    : null;
}

/** Records the kind of the signed-in user's organization (null: none), as the server reported. */
export function storeOrganizationKind(kind: OrganizationKindHint | null | undefined): void {
  if ((kind ?? null) === getOrganizationKind()) return;
  // Without storage the link stays hidden; /san-pham still works when typed.
  write(ORG_KEY, kind ?? null);
  notify();
}

// Why the server ended this tab's session (its organization was suspended, with the reason), for the
// sign-in page to tell once. sessionStorage: the next screen of this tab reads it, nothing outlives it.
const ENDED_KEY = 'lienket.sessionEnded';

/** Keeps the server's explanation of a session it refused, until the sign-in page shows it. */
export function rememberSessionEnded(message: string): void {
  try {
    sessionStorage.setItem(ENDED_KEY, message);
  } catch {
    // Without storage the sign-in page simply says nothing; the account page still shows the reason.
  }
}

/** The explanation of the last ended session, or null; `forget` drops it (a new session started). */
export function sessionEndedMessage(forget = false): string | null {
  try {
    const message = sessionStorage.getItem(ENDED_KEY);
    if (forget) sessionStorage.removeItem(ENDED_KEY);
    return message;
  } catch {
    return null;
  }
}

// Another tab signed out (the marker went): this one forgets its token too. Another tab signed in
// while this one was out: the next request restores the session through the cookie.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== null && event.key !== SESSION_KEY) {
      if (event.key === ROLE_KEY || event.key === ORG_KEY) notify();
      return;
    }
    const present = read(SESSION_KEY) !== null;
    if (!present && phase !== 'out') {
      accessToken = null;
      phase = 'out';
    } else if (present && phase === 'out') {
      phase = 'restoring';
    }
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, isSignedIn, () => false);
}

/** The platform role for the header link; null when signed out or not platform staff. */
export function usePlatformRole(): PlatformRoleHint | null {
  return useSyncExternalStore(
    subscribe,
    () => (isSignedIn() ? getPlatformRole() : null),
    () => null,
  );
}

/** The organization kind for the header link; null when signed out or in no organization. */
export function useOrganizationKind(): OrganizationKindHint | null {
  return useSyncExternalStore(
    subscribe,
    () => (isSignedIn() ? getOrganizationKind() : null),
    () => null,
  );
}

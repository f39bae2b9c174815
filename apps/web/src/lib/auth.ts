import { useSyncExternalStore } from 'react';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const ACCESS_KEY = 'lienket.accessToken';
const REFRESH_KEY = 'lienket.refreshToken';
// What `me.platformRole` said last time; only decides whether the header shows the admin link,
// so the header needs neither Apollo nor a request. The admin pages ask the server again.
const ROLE_KEY = 'lienket.platformRole';
const PLATFORM_ROLES = ['ADMIN', 'MODERATOR'] as const;
// Whether the user belongs to an organization, as the server last said; like the role, it only
// decides whether the header shows "Sản phẩm" without a request. The product pages ask again.
const ORG_KEY = 'lienket.orgKind';
const ORGANIZATION_KINDS = ['COOPERATIVE', 'ENTERPRISE'] as const;
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

function notify(): void {
  for (const listener of listeners) listener();
}

export function getAccessToken(): string | null {
  return read(ACCESS_KEY);
}

export function getRefreshToken(): string | null {
  return read(REFRESH_KEY);
}

export function isSignedIn(): boolean {
  return getAccessToken() !== null;
}

export function storeTokens(pair: TokenPair): void {
  try {
    localStorage.setItem(ACCESS_KEY, pair.accessToken);
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
  } finally {
    notify();
  }
}

export function clearTokens(): void {
  try {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    localStorage.removeItem(ROLE_KEY);
    localStorage.removeItem(ORG_KEY);
  } finally {
    notify();
  }
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
  try {
    if (role) localStorage.setItem(ROLE_KEY, role);
    else localStorage.removeItem(ROLE_KEY);
  } catch {
    // Without storage the admin link stays hidden; /quan-tri still works when typed.
  } finally {
    notify();
  }
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
  try {
    if (kind) localStorage.setItem(ORG_KEY, kind);
    else localStorage.removeItem(ORG_KEY);
  } catch {
    // Without storage the link stays hidden; /san-pham still works when typed.
  } finally {
    notify();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing out in one tab should sign out the others too.
  const onStorage = (event: StorageEvent) => {
    if (
      event.key === null ||
      event.key === ACCESS_KEY ||
      event.key === ROLE_KEY ||
      event.key === ORG_KEY
    ) {
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
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

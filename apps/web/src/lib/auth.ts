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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing out in one tab should sign out the others too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === ACCESS_KEY || event.key === ROLE_KEY) listener();
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

import { useSyncExternalStore } from 'react';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const ACCESS_KEY = 'lienket.accessToken';
const REFRESH_KEY = 'lienket.refreshToken';

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
  } finally {
    notify();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing out in one tab should sign out the others too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === ACCESS_KEY) listener();
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

import { useEffect, useState } from 'react';
import { getAccessToken } from './auth';
import { refreshTokens, sessionReady } from './apollo';
import { currentLanguage } from './i18n';

/** A refused REST call, with the server's localized message (or none: say "network"). */
export class FileRequestError extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? `HTTP ${status}`);
  }
}

/** fetch() to the file endpoints with the session's token and language; refreshes once on 401. */
export async function fileFetch(path: string, init: RequestInit = {}): Promise<Response> {
  await sessionReady();
  const send = () => {
    const token = getAccessToken();
    return fetch(path, {
      ...init,
      headers: {
        'Accept-Language': currentLanguage(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  };
  const first = await send();
  if (first.status !== 401 || !getAccessToken() || !(await refreshTokens())) return first;
  return send();
}

async function refusal(res: Response): Promise<FileRequestError> {
  const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
  return new FileRequestError(res.status, body?.errors?.[0]?.message ?? null);
}

/** Uploads one file as multipart field `file`; answers the server's JSON. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.set('file', file);
  const res = await fileFetch(path, { method: 'POST', body: form });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

export async function deleteFile(path: string): Promise<void> {
  const res = await fileFetch(path, { method: 'DELETE' });
  if (!res.ok) throw await refusal(res);
}

/**
 * An image that may be private (a draft's photo, an unverified organization's logo): <img> cannot
 * send the token, so the bytes are fetched with it and shown from an object URL.
 */
export function usePrivateImage(url: string | null): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let revoked = false;
    let made: string | null = null;
    void fileFetch(url)
      .then((res) => (res.ok ? res.blob() : null))
      .then((blob) => {
        if (blob && !revoked) setObjectUrl((made = URL.createObjectURL(blob)));
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
      setObjectUrl(null);
    };
  }, [url]);
  return objectUrl;
}

/** The image types the server takes (it decides by the bytes; this only filters the picker). */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp';

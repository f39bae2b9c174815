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

/**
 * Uploads one file as multipart field `file`, telling `onProgress` the share sent (0–1): fetch()
 * cannot report an upload's progress, XMLHttpRequest can (a 10 MB PDF over a phone's network takes
 * a while). Refreshes the session once on 401, as fileFetch does.
 */
export async function uploadFileWithProgress<T>(
  path: string,
  file: File,
  onProgress: (sent: number) => void,
): Promise<T> {
  await sessionReady();
  const send = () =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      const token = getAccessToken();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept-Language', currentLanguage());
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(new FileRequestError(0, null));
      const form = new FormData();
      form.set('file', file);
      xhr.send(form);
    });
  let answer = await send();
  if (answer.status === 401 && getAccessToken() && (await refreshTokens())) answer = await send();
  const body = (() => {
    try {
      return JSON.parse(answer.body) as unknown;
    } catch {
      return null;
    }
  })();
  if (answer.status >= 200 && answer.status < 300) return body as T;
  const message = (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message;
  throw new FileRequestError(answer.status, message ?? null);
}

/**
 * Opens a file that may be private in a new tab: the tab is opened at the click (a later
 * window.open, after the download, is what pop-up blockers stop), then shown the bytes fetched with
 * the token. Without a tab (blocked anyway), the file is saved under its name instead.
 */
export async function openPrivateFile(url: string, fileName: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const res = await fileFetch(url);
    if (!res.ok) throw await refusal(res);
    const href = URL.createObjectURL(await res.blob());
    window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
    if (tab) {
      tab.location.href = href;
      return;
    }
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    link.click();
  } catch (e) {
    tab?.close();
    throw e;
  }
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

/** "850 kB", "2,4 MB" in the page's language. */
export function formatBytes(bytes: number, language: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024 * 1024) return format(Math.max(bytes / 1024, 0.1), 'kB');
  return format(bytes / (1024 * 1024), 'MB');
}

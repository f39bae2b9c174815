import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode, HTTP_STATUS, Lang, toGraphqlError } from '@lienket/graphql';

/** Domain errors answer like GraphQL errors (code, field, localized message) with an HTTP status. */
export async function answerRest(res: Response, lang: Lang, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    restError(res, lang, e);
  }
}

/** One error as REST answers it; a file past its route's limit is 413 (BAD_USER_INPUT on `file`). */
export function restError(res: Response, lang: Lang, e: unknown): void {
  const error = toGraphqlError(e, lang);
  const code = e instanceof DomainError ? e.code : ErrorCode.INTERNAL_SERVER_ERROR;
  const status = e instanceof DomainError && e.messageKey === 'fileTooLarge' ? 413 : (HTTP_STATUS[code] ?? 500);
  res.status(status).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/**
 * Streams a stored file a person opens in the browser (a need's specification PDF or photo): shown
 * inline under its name, never sniffed into another type, never cached by anyone else, and never
 * allowed to run anything — the types are sniffed PDF or images, this is the second fence.
 */
export function sendStoredFile(res: Response, file: { fileName: string; contentType: string; stream: Readable }): void {
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  res.setHeader('cache-control', 'private, no-store');
  file.stream.on('error', () => res.destroy());
  file.stream.pipe(res);
}

/**
 * Streams a stored image. Stored files never change (a new upload is a new id), so public ones may
 * be cached by browsers and proxies; private ones must not be kept by anyone else.
 */
export function sendImage(res: Response, file: { contentType: string; stream: Readable; public: boolean }): void {
  res.setHeader('content-type', file.contentType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', file.public ? 'public, max-age=86400' : 'private, no-store');
  file.stream.on('error', () => res.destroy());
  file.stream.pipe(res);
}

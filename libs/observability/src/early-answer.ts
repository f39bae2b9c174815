import type { IncomingMessage } from 'node:http';

/** Boundaries, part headers and small text fields around an upload's one file (a document's kind). */
export const UPLOAD_FORM_OVERHEAD = 16 * 1024;

/** What is read (and dropped) of a body after it was answered early, before the connection closes. */
export const DISCARD_AFTER_ANSWER = { maxBytes: 32 * 1024 * 1024, maxMs: 10_000 };

/**
 * For a request answered before its body was read (an upload refused on its headers or stopped at
 * its limit). Closing at once would reset the connection while the client is still sending, and
 * many clients (fetch, some browsers) then report a network error instead of the answer; reading
 * on would let anyone make the server take any amount. So the rest is dropped as it arrives, never
 * buffered, up to a bound of bytes and time, and the connection is closed past either.
 */
export function discardRestOfBody(req: IncomingMessage, bound = DISCARD_AFTER_ANSWER): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, bound.maxMs).unref();
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > bound.maxBytes) close();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

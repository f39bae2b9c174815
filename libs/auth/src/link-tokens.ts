import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret part of a password reset link, like an invitation's: an HMAC of the reset and its
 * nonce under a key the database never holds, so the token is never stored and only the worker that
 * writes the e-mail computes it. The `password-reset:` label keeps it from ever equalling an
 * invitation link made with the same key.
 */
export function passwordResetToken(resetId: string, nonce: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(`password-reset:${resetId}:${nonce}`).digest('base64url');
  return `${resetId}.${mac}`;
}

/** Compares a presented link token with the expected one in constant time. */
export function sameToken(given: string, expected: string): boolean {
  const x = Buffer.from(given);
  const y = Buffer.from(expected);
  return x.length === y.length && timingSafeEqual(x, y);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a one-time link sent by e-mail: the row's id and an HMAC of its purpose, id and nonce
 * under a key the database never holds, so the secret part is never stored, only the worker that
 * writes the e-mail computes it, and a new nonce voids older links. The purpose label keeps a link
 * of one kind from ever equalling one of another kind made with the same key.
 */
function linkToken(purpose: 'invitation' | 'password-reset', id: string, nonce: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(`${purpose}:${id}:${nonce}`).digest('base64url');
  return `${id}.${mac}`;
}

/** An invitation link's token: a re-invite (new nonce) voids older links. */
export const invitationToken = (invitationId: string, nonce: string, secret: string) => linkToken('invitation', invitationId, nonce, secret);

/** A password reset link's token. */
export const passwordResetToken = (resetId: string, nonce: string, secret: string) => linkToken('password-reset', resetId, nonce, secret);

/** Compares a presented link token with the expected one in constant time. */
export function sameToken(given: string, expected: string): boolean {
  const x = Buffer.from(given);
  const y = Buffer.from(expected);
  return x.length === y.length && timingSafeEqual(x, y);
}

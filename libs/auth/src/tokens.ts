import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthUser, OrganizationRole, OrganizationVerification, PlatformRole } from './roles';

interface Claims {
  sub: string;
  iat?: number;
  org?: string;
  orole?: OrganizationRole;
  prole?: PlatformRole;
  ov?: OrganizationVerification;
  /** Issued at, in milliseconds: revocation markers compare against it (`iat` has only seconds). */
  ims?: number;
  /** The session (refresh-token family): signing out revokes it, and with it this token. */
  sid?: string;
}

const ISSUER = 'lienket';
const ALGORITHM = 'HS256';

export function issueAccessToken(user: Omit<AuthUser, 'issuedAt'>, secret: string, ttlSeconds: number): string {
  const claims: Claims = { sub: user.id, ims: Date.now() };
  if (user.organizationId) claims.org = user.organizationId;
  if (user.organizationRole) claims.orole = user.organizationRole;
  if (user.platformRole) claims.prole = user.platformRole;
  if (user.organizationVerification) claims.ov = user.organizationVerification;
  if (user.sessionId) claims.sid = user.sessionId;
  return jwt.sign(claims, secret, { algorithm: ALGORITHM, expiresIn: ttlSeconds, issuer: ISSUER });
}

export type TokenCheck = { user: AuthUser } | { error: 'expired' | 'invalid' };

/**
 * Given a string, jsonwebtoken builds a KeyObject on every call after first trying, and failing,
 * to read the secret as a PEM public key: about a fifth of a subgraph's CPU under load
 * (bench:gateway profile). The key of a secret is built once.
 */
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Verifies a bearer token locally (no I/O): every subgraph checks the caller itself. */
export function verifyAccessToken(token: string, secret: string): TokenCheck {
  try {
    const c = jwt.verify(token, secretKey(secret), { algorithms: [ALGORITHM], issuer: ISSUER }) as Claims;
    if (typeof c.sub !== 'string') return { error: 'invalid' };
    return {
      user: {
        id: c.sub,
        organizationId: c.org ?? null,
        organizationRole: c.orole ?? null,
        platformRole: c.prole ?? null,
        organizationVerification: c.ov ?? null,
        sessionId: typeof c.sid === 'string' ? c.sid : null,
        issuedAt: c.ims ?? (c.iat ?? 0) * 1000,
      },
    };
  } catch (e) {
    return { error: e instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
  }
}

import { Lang, pickLang, unauthenticated } from '@lienket/graphql';
import type { IncomingHttpHeaders } from 'node:http';
import { clientAddress } from './gateway';
import { AuthUser } from './roles';
import { verifyAccessToken } from './tokens';

/** What every resolver gets: the caller (or null), the language, and request-scoped loaders. */
export interface RequestContext {
  user: AuthUser | null;
  authError?: 'expired' | 'invalid';
  lang: Lang;
  /** The client's address as the gateway vouched for it (see gateway.ts), else the TCP peer. */
  ip: string;
  loaders: Map<string, unknown>;
}

export function buildRequestContext(
  req: { headers: IncomingHttpHeaders; socket?: { remoteAddress?: string } },
  jwtSecret: string,
): RequestContext {
  const lang = pickLang(req.headers['accept-language']);
  const base = { lang, ip: clientAddress(req), loaders: new Map<string, unknown>() };
  const header = req.headers.authorization;
  if (!header) return { ...base, user: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { ...base, user: null, authError: 'invalid' };
  const check = verifyAccessToken(match[1], jwtSecret);
  return 'user' in check ? { ...base, user: check.user } : { ...base, user: null, authError: check.error };
}

/** The signed-in caller, or UNAUTHENTICATED (saying "expired" when it was). */
export function requireUser(ctx: RequestContext): AuthUser {
  if (ctx.user) return ctx.user;
  throw unauthenticated(ctx.authError === 'expired' ? 'sessionExpired' : 'unauthenticated');
}

/** Memoizes one loader per request and key, so `_entities` batches go through one DataLoader. */
export function loader<T>(ctx: RequestContext, key: string, create: () => T): T {
  let l = ctx.loaders.get(key) as T | undefined;
  if (!l) {
    l = create();
    ctx.loaders.set(key, l);
  }
  return l;
}

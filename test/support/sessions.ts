import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { errorCode } from '@lienket/testing';
import { api, rows } from './e2e';

/** The cookie the session routes set (libs/accounts/src/auth/session.controller.ts). */
export const SESSION_COOKIE = '__Secure-lienket-session';
export const sessionUrl = (path = '') => `${process.env.E2E_GATEWAY_URL}/api/session${path}`;

export interface SessionAnswer {
  status: number;
  /** The parsed JSON body (null for 204). */
  body: { accessToken?: string; user?: { id: string; email: string }; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  text: string;
  /** The raw Set-Cookie line for the session cookie, if any. */
  setCookie: string | null;
  /** The cookie's new value ('' when cleared), or null when the answer did not touch it. */
  cookie: string | null;
}

/** One call to a session route through the gateway, as the web app makes it unless told otherwise. */
export async function sessionCall(
  method: 'POST' | 'DELETE',
  path: '' | '/refresh',
  o: { cookie?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<SessionAnswer> {
  const res = await fetch(sessionUrl(path), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(o.cookie !== undefined ? { cookie: `${SESSION_COOKIE}=${o.cookie}` } : {}),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body ?? {}),
  });
  const text = await res.text();
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as SessionAnswer['body']) : null,
    text,
    setCookie,
    cookie: setCookie === null ? null : setCookie.slice(SESSION_COOKIE.length + 1).split(';')[0],
  };
}

/** Signs in through POST /api/session; fails the test unless it answers a session and a cookie. */
export async function openSession(email: string, password: string): Promise<{ accessToken: string; cookie: string }> {
  const a = await sessionCall('POST', '', { body: { email, password } });
  expect([a.status, typeof a.body?.accessToken]).toEqual([200, 'string']);
  expect(a.cookie).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
  return { accessToken: a.body!.accessToken!, cookie: a.cookie! };
}

/** The session (refresh-token family) an access token belongs to. */
export const sessionOf = (accessToken: string) => (jwt.decode(accessToken) as { sid?: string }).sid;

/** Each refresh-token row of a session: whether it was used and whether it is revoked. */
export const familyRows = (familyId: string) =>
  rows<{ id: string; used: boolean; revoked: boolean }>(
    `SELECT id, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM catalog.refresh_tokens WHERE family_id = $1 ORDER BY created_at`,
    [familyId],
  );

/** The refresh-token row a cookie names. */
export const tokenRow = async (cookie: string) =>
  (await rows<{ used: boolean; revoked: boolean }>(`SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM catalog.refresh_tokens WHERE id = $1`, [cookie.split('.')[0]]))[0];

const ME = `{ me { id } }`;
const NOTIFICATIONS = `{ notifications(first: 1) { unreadCount } }`;

/** What an access token gets through the gateway from catalog (`me`) and procurement (`notifications`): null when served, else the code. */
export async function accessThroughBothSubgraphs(token: string): Promise<{ catalog: unknown; procurement: unknown }> {
  const [me, notifications] = await Promise.all([api(ME, {}, { token }), api(NOTIFICATIONS, {}, { token })]);
  return { catalog: errorCode(me) ?? null, procurement: errorCode(notifications) ?? null };
}
export const SERVED = { catalog: null, procurement: null };
export const REFUSED = { catalog: 'UNAUTHENTICATED', procurement: 'UNAUTHENTICATED' };

/**
 * The callers every mutation must answer UNAUTHENTICATED, each claiming to be `owner` (an
 * organization's OWNER): no token, one signed with another secret, and an expired one.
 */
export function unauthenticatedTokens(owner: { userId: string; orgId: string }) {
  const claims = { sub: owner.userId, org: owner.orgId, orole: 'OWNER' };
  return {
    anonymous: undefined,
    forged: jwt.sign(claims, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' }),
    expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 }, loadConfig().auth.jwtSecret, { issuer: 'lienket' }),
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { ErrorCode, localize, pickLang } from '@lienket/graphql';

/**
 * The trust boundary between the gateway and the subgraphs (decision 43): the gateway adds a shared
 * secret to every call it makes to a subgraph, and the client's address as the gateway determined
 * it. A subgraph answers nothing but `/health` without the secret, and believes the address only
 * from a caller that proved it is the gateway.
 */
export const GATEWAY_SECRET_HEADER = 'x-lienket-gateway-secret';
/** Set by the gateway to exactly one address, replacing whatever the client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-forwarded-for';

/** What the gateway adds to every request it forwards to a subgraph (GraphQL and REST). */
export function gatewayHeaders(clientAddress: string | undefined, gatewaySecret: string): Record<string, string> {
  return { [GATEWAY_SECRET_HEADER]: gatewaySecret, ...(clientAddress ? { [CLIENT_ADDRESS_HEADER]: clientAddress } : {}) };
}

/**
 * Whether a header holds the secret, in time independent of where the two differ and of the given
 * value's length: both sides are hashed to 32 bytes first, and only the hashes are compared.
 */
export function secretMatcher(secret: string): (given: string | string[] | undefined) => boolean {
  const expected = createHash('sha256').update(secret, 'utf8').digest();
  return (given) => {
    const value = typeof given === 'string' ? given : '';
    const actual = createHash('sha256').update(value, 'utf8').digest();
    return timingSafeEqual(expected, actual) && value.length > 0;
  };
}

interface RequestLike {
  url?: string;
  method?: string;
  headers: IncomingHttpHeaders;
  socket?: { remoteAddress?: string };
}
interface ResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/** Client addresses the gateway vouched for, by request (set only after the secret matched). */
const vouched = new WeakMap<object, string>();

/**
 * The address a subgraph acts on (sign-in limits, logs): the one the gateway passed, or the TCP
 * peer when the request did not come through the gateway. Never a header the caller chose.
 */
export function clientAddress(req: { socket?: { remoteAddress?: string } }): string {
  return vouched.get(req) ?? req.socket?.remoteAddress ?? '';
}

/** Paths a subgraph answers without the gateway: health reveals only up or down. */
const OPEN_PATHS = new Set(['/health']);

/**
 * Express-compatible middleware for a subgraph: runs before any body is read, so an upload that
 * does not come from the gateway is refused without reading it. The refusal is a coded error in
 * the GraphQL error shape (the REST routes answer the same shape), in the caller's language.
 */
export function onlyFromGateway(gatewaySecret: string) {
  const matches = secretMatcher(gatewaySecret);
  return (req: RequestLike, res: ResponseLike, next: () => void): void => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && OPEN_PATHS.has(path)) return next();
    const given = req.headers[GATEWAY_SECRET_HEADER];
    delete req.headers[GATEWAY_SECRET_HEADER];
    if (!matches(given)) {
      const message = localize('gatewayOnly', pickLang(req.headers['accept-language']));
      res.statusCode = 403;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('connection', 'close');
      res.end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.FORBIDDEN } }] }));
      return;
    }
    const address = req.headers[CLIENT_ADDRESS_HEADER];
    if (typeof address === 'string' && isIP(address.trim())) vouched.set(req, address.trim());
    next();
  };
}

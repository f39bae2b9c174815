import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { gatewayHeaders, GATEWAY_SECRET_HEADER } from '@lienket/auth';
import { badInput, pickLang, toGraphqlError } from '@lienket/graphql';
import { discardRestOfBody } from '@lienket/observability';

export interface ForwardRoute {
  prefix: string;
  target: URL;
  /** Uploads: the most a POST body may carry (the file's limit plus room for the form around it). */
  maxBody?: { bytes: number; fileBytes: number };
}

/**
 * What a client may not tell a subgraph: who the client is (the gateway says that, from the socket
 * and the proxies TRUST_PROXY trusts) and the gateway's own secret.
 */
const CLIENT_CLAIMS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', GATEWAY_SECRET_HEADER];

/** The client's headers for the subgraph: its claims dropped, the gateway's vouching added. */
export function forwardedHeaders(req: Request, target: URL, gatewaySecret: string): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
  for (const h of CLIENT_CLAIMS) delete headers[h];
  return { ...headers, ...gatewayHeaders(req.ip, gatewaySecret) };
}

/**
 * Streams REST paths to the service that owns them, untouched — Stripe signs the raw webhook body,
 * uploads are multipart — so it must run before any body parser. An upload's body is counted as it
 * passes: past the route's bound nothing more is forwarded and the client gets 413 at once (the
 * service counts too, for callers that reach it without the gateway).
 */
export function forwardPaths(routes: ForwardRoute[], gatewaySecret: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const route = routes.find((r) => req.url.startsWith(r.prefix));
    if (!route) return next();
    const { target } = route;
    let answered = false;
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: forwardedHeaders(req, target, gatewaySecret) },
      (answer) => {
        answered = true;
        // An answer before the whole body arrived (an upload refused on its headers, or stopped at
        // its limit): nothing more goes upstream, and the rest is dropped within a bound.
        if (!req.complete) {
          req.unpipe(upstream);
          discardRestOfBody(req);
          answer.once('end', () => upstream.destroy());
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.status(502).json({ error: 'service unavailable' });
      // An answer cut off half-way must not leave the client waiting for the rest.
      else if (!res.writableEnded) res.destroy();
    });
    if (route.maxBody && req.method === 'POST') countBody(req, res, upstream, route.maxBody, () => answered);
    req.pipe(upstream);
  };
}

/**
 * Counts an upload's body at the gateway. When the service has already answered (it refuses at the
 * file's own limit, a little before this bound), its answer is on its way to the client and the
 * rest of the body is already being dropped: nothing is cut, or the client would lose that answer.
 */
function countBody(req: Request, res: Response, upstream: ReturnType<typeof request>, max: NonNullable<ForwardRoute['maxBody']>, answered: () => boolean) {
  let seen = 0;
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= max.bytes) return;
    req.off('data', count);
    if (answered()) return;
    req.unpipe(upstream);
    upstream.destroy();
    discardRestOfBody(req);
    if (res.headersSent) return;
    const error = toGraphqlError(badInput('file', 'fileTooLarge', { max: Math.round((max.fileBytes / 1048576) * 10) / 10 }), pickLang(req.headers['accept-language']));
    res.status(413).json({ errors: [{ message: error.message, extensions: error.extensions }] });
  };
  req.on('data', count);
}

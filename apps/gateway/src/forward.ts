import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { gatewayHeaders, GATEWAY_SECRET_HEADER } from '@lienket/auth';

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
 * uploads are multipart — so it must run before any body parser.
 */
export function forwardPaths(routes: { prefix: string; target: URL }[], gatewaySecret: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const target = routes.find((r) => req.url.startsWith(r.prefix))?.target;
    if (!target) return next();
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: forwardedHeaders(req, target, gatewaySecret) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.status(502).json({ error: 'service unavailable' });
    });
    req.pipe(upstream);
  };
}

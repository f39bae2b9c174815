import { request } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { discardRestOfBody } from '@lienket/observability';

/**
 * Streams REST paths to the service that owns them, untouched — Stripe signs the raw webhook body,
 * uploads are multipart — so it must run before any body parser.
 */
export function forwardPaths(routes: { prefix: string; target: URL }[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const target = routes.find((r) => req.url.startsWith(r.prefix))?.target;
    if (!target) return next();
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
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
    });
    req.pipe(upstream);
  };
}

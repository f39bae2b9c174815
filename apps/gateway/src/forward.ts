import { request } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Streams `/webhooks/*` to the procurement subgraph untouched (Stripe signs the raw body), so it
 * must run before any body parser.
 */
export function forwardWebhooks(target: URL) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.url.startsWith('/webhooks/')) return next();
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.status(502).json({ error: 'procurement service unavailable' });
    });
    req.pipe(upstream);
  };
}

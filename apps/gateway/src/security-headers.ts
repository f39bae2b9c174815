import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The browser's defences, on every gateway response (GraphQL, REST forwards, the web app, errors
 * and 404s): it runs first, so whatever answers later keeps the headers.
 *
 * - CSP: scripts from this origin only — the Vite build has no inline script, and GraphiQL (which
 *   needs inline and CDN scripts) is off; styles may be inline because antd writes them at run time.
 *   Images may be `blob:` (the editor shows private photos as object URLs) and `data:`; frames only
 *   this origin and `blob:` (the verification desk shows a private PDF from an object URL).
 * - `frame-ancestors 'none'` (and X-Frame-Options DENY for old browsers): no clickjacking.
 * - nosniff, `Referrer-Policy: no-referrer` (invitation links carry their token in the URL).
 * - HSTS and `upgrade-insecure-requests` only when the request came over TLS, as `req.secure` says
 *   (X-Forwarded-Proto counts only from a proxy TRUST_PROXY trusts): sent over plain HTTP, HSTS
 *   would be ignored at best, and on a LAN address it would lock browsers out.
 */
export function securityHeaders() {
  const forTransport = (tls: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          // The verification desk shows an uploaded PDF in a frame from an object URL (the bytes
          // need the bearer token, so it cannot frame /api/documents itself); nothing else frames.
          'frame-src': ["'self'", 'blob:'],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(tls ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
  const plain = forTransport(false);
  const tls = forTransport(true);
  return (req: Request, res: Response, next: NextFunction) => (req.secure ? tls : plain)(req, res, next);
}

import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const API_PREFIXES = ['/graphql', '/health', '/webhooks/', '/api/'];

/** Serves the built web app; unknown GET paths get index.html so client-side routes load. */
export function serveWeb(dir: string) {
  const index = join(dir, 'index.html');
  const files = express.static(dir, { index: false, maxAge: '1h', immutable: false });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    files(req, res, () => {
      if (!existsSync(index)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  };
}

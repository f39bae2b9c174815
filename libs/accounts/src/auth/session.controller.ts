import { Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SessionRevocations } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { forbidden } from '@lienket/graphql';
import { answerRest } from '@lienket/storage';
import { BrowserSession, SessionService } from './session.service';
import { refreshInvalid } from './token.service';

/** Every route that reads or writes the cookie lives under this path, and nothing else sees it. */
export const SESSION_PATH = '/api/session';
/**
 * `__Secure-`: browsers keep it only with `Secure`. Chromium (156, Debian) sets and sends Secure
 * cookies over plain http on loopback (127.0.0.1, localhost), which count as trustworthy origins;
 * on any other host the app must be served over TLS.
 */
export const SESSION_COOKIE = '__Secure-lienket-session';

/** The cookie's value, or null (a header with several cookies of that name: the first). */
export function sessionCookie(req: Request): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * A cross-site page cannot send these routes what they require: SameSite=Strict keeps the cookie
 * off its requests, and a JSON content type (not a "simple" one an HTML form or a no-CORS fetch can
 * use) would need a CORS preflight that is never granted. Browsers that say where a request comes
 * from (`Sec-Fetch-Site`) are held to the same origin.
 */
export function assertSameOriginJson(req: Request): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const site = req.headers['sec-fetch-site'];
  if (type !== 'application/json' || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    throw forbidden('crossSiteRefused');
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The web app's sessions (decision 52): sign-in and refresh answer the access token and the user,
 * and put the refresh token in an HttpOnly, Secure, SameSite=Strict cookie scoped to this path;
 * sign-out ends the session and clears it. The gateway streams the path here untouched.
 */
@Controller(SESSION_PATH.slice(1))
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  async signIn(@Req() req: Request, @Res() res: Response) {
    const ctx = await this.revocations.read(req);
    await answerRest(res, ctx.lang, async () => {
      assertSameOriginJson(req);
      const body = (req.body ?? {}) as { email?: unknown; password?: unknown };
      this.answer(res, await this.sessions.signIn(text(body.email), text(body.password), ctx.ip));
    });
  }

  @Post('refresh')
  async refresh(@Req() req: Request, @Res() res: Response) {
    const ctx = await this.revocations.read(req);
    await answerRest(res, ctx.lang, async () => {
      assertSameOriginJson(req);
      const token = sessionCookie(req);
      if (!token) throw refreshInvalid();
      try {
        this.answer(res, await this.sessions.refresh(token));
      } catch (e) {
        // A refused cookie is of no further use: the browser drops it.
        this.clear(res);
        throw e;
      }
    });
  }

  @Delete()
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res() res: Response) {
    const ctx = await this.revocations.read(req);
    await answerRest(res, ctx.lang, async () => {
      assertSameOriginJson(req);
      await this.sessions.signOut(sessionCookie(req), ctx.user);
      this.clear(res);
      res.status(204).end();
    });
  }

  private answer(res: Response, s: BrowserSession): void {
    res.cookie(SESSION_COOKIE, s.refreshToken, { ...this.cookieOptions(), maxAge: this.config.auth.refreshTtlSeconds * 1000 });
    res.setHeader('cache-control', 'no-store');
    res.status(200).json({ accessToken: s.accessToken, user: s.user });
  }

  private clear(res: Response): void {
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions() {
    return { httpOnly: true, secure: true, sameSite: 'strict', path: SESSION_PATH } as const;
  }
}

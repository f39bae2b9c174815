import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, mixin, NestInterceptor, Type, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { catchError, Observable, of } from 'rxjs';
import { AuthUser, requireOrganizationManager, requireUser, SessionRevocations } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { discardRestOfBody, UPLOAD_FORM_OVERHEAD } from '@lienket/observability';
import { badInput, forbidden } from '@lienket/graphql';
import { fileTooLarge } from './image';
import { restError } from './rest';

/** The upload routes and the size each allows (documented in docs/decisions.md, enforced here). */
export type UploadRoute = 'document' | 'photo' | 'logo' | 'attachment';
export function uploadMaxBytes(config: AppConfig, route: UploadRoute): number {
  if (route === 'photo') return config.photos.maxBytes;
  return route === 'logo' ? config.maxLogoBytes : config.maxUploadBytes;
}


/**
 * Who may upload for an organization: its owners and managers, while it is not suspended (as the
 * token says; the services check the row again in the transaction that commits the upload).
 */
export function requireUploader(user: AuthUser): string {
  const organizationId = requireOrganizationManager(user);
  if (user.organizationVerification === 'SUSPENDED') throw forbidden('uploadSuspended');
  return organizationId;
}

const admitted = new WeakMap<Request, AuthUser>();
/** Per request: what to do when the body passes the route's limit (answer 413 at once). */
const onOverflow = new WeakMap<Request, () => void>();

type Busboy = NodeJS.WritableStream & { destroy(error?: Error): void };

/**
 * Feeds multer's parser, counting the body: past `maxBytes` it stops feeding and the request is
 * answered at once. (multer alone, at its file-size limit, reads the rest of the body before it
 * reports the error — all 60 MB of a chunked upload — to spare clients a reset connection.)
 */
const countingFeed = (maxBytes: number) => (req: Request, busboy: Busboy) => {
  let seen = 0;
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= maxBytes) return;
    req.off('data', count);
    req.unpipe(busboy);
    onOverflow.get(req)?.();
    busboy.destroy(new Error('upload past its limit'));
  };
  req.on('data', count);
  req.pipe(busboy);
};

/** The caller the upload gate admitted for this request. */
export function uploader(req: Request): AuthUser {
  const user = admitted.get(req);
  if (!user) throw new Error('uploader() outside an @Upload() route');
  return user;
}

/**
 * Everything that can be decided from the request line and headers is decided before one byte of
 * the body is read: the session (also one revoked since its token was issued), the caller's role
 * and organization, and the declared length against the route's limit. Only then does multer read
 * the body, in memory and stopping at the route's limit (not a larger one of its own). After an
 * answer given while the body is still arriving, the rest is dropped, within a bound, then the
 * connection closes (discardRestOfBody).
 */
function UploadGate(route: UploadRoute): Type<NestInterceptor> {
  @Injectable()
  class Gate implements NestInterceptor {
    private readonly maxBytes: number;
    private readonly multer: NestInterceptor;

    constructor(
      @Inject(SessionRevocations) private readonly sessions: SessionRevocations,
      @Inject(APP_CONFIG) config: AppConfig,
    ) {
      this.maxBytes = uploadMaxBytes(config, route);
      const limits = { fileSize: this.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 20 };
      // streamHandler is multer's own option (2.x), which Nest passes through untyped.
      const Multer = FileInterceptor('file', { limits, streamHandler: countingFeed(this.maxBytes + UPLOAD_FORM_OVERHEAD) } as Parameters<typeof FileInterceptor>[1]);
      this.multer = new Multer();
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<Request>();
      const res = context.switchToHttp().getResponse<Response>();
      const ctx = await this.sessions.read(req);
      const refuse = (e: unknown) => {
        if (res.headersSent) return of(undefined);
        discardRestOfBody(req);
        restError(res, ctx.lang, this.uploadError(e));
        return of(undefined);
      };
      try {
        const user = requireUser(ctx);
        requireUploader(user);
        if (Number(req.headers['content-length'] ?? 0) > this.maxBytes + UPLOAD_FORM_OVERHEAD) throw fileTooLarge(this.maxBytes);
        admitted.set(req, user);
        onOverflow.set(req, () => refuse(fileTooLarge(this.maxBytes)));
        const handled = await this.multer.intercept(context, next);
        return handled.pipe(catchError(refuse));
      } catch (e) {
        return refuse(e);
      }
    }

    /** multer's refusals as domain errors: past the limit is 413, a malformed form 400. */
    private uploadError(e: unknown): unknown {
      if (!(e instanceof HttpException)) return e;
      return e.getStatus() === 413 ? fileTooLarge(this.maxBytes) : badInput('file', 'uploadMalformed');
    }
  }
  return mixin(Gate);
}

/** An upload route: the gate above, then one file in field `file` (read it with @UploadedFile()). */
export const Upload = (route: UploadRoute) => UseInterceptors(UploadGate(route));



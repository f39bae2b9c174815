import { Controller, Delete, Get, Param, Post, Req, Res, UploadedFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { pickLang } from '@lienket/graphql';
import { answerRest, sendStoredFile, Upload, uploader } from '@lienket/storage';
import { NeedAttachmentService } from './attachment.service';

/** A need's files over REST (GraphQL carries no bytes); the gateway streams /api/needs/ here untouched. */
@Controller('api/needs')
export class NeedAttachmentController {
  constructor(
    private readonly attachments: NeedAttachmentService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post(':needId/attachments')
  @Upload('attachment')
  async add(@Param('needId') needId: string, @Req() req: Request, @Res() res: Response, @UploadedFile() file?: { originalname: string; buffer: Buffer }) {
    await answerRest(res, pickLang(req.headers['accept-language']), async () => {
      // Multipart file names arrive as latin1-decoded bytes; browsers send UTF-8 (Vietnamese names).
      const fileName = file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : undefined;
      res.status(201).json(await this.attachments.add(uploader(req), needId, fileName, file?.buffer));
    });
  }

  @Delete(':needId/attachments/:attachmentId')
  async remove(@Param('needId') needId: string, @Param('attachmentId') attachmentId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      await this.attachments.remove(requireUser(ctx), needId, attachmentId);
      res.status(204).end();
    });
  }

  @Get(':needId/attachments/:attachmentId')
  open(@Param('needId') needId: string, @Param('attachmentId') attachmentId: string, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, needId, attachmentId, 'full');
  }

  @Get(':needId/attachments/:attachmentId/thumbnail')
  thumbnail(@Param('needId') needId: string, @Param('attachmentId') attachmentId: string, @Req() req: Request, @Res() res: Response) {
    return this.send(req, res, needId, attachmentId, 'thumbnail');
  }

  /**
   * Anyone may read a public need's files without a token, but a token that is sent must be valid:
   * an expired one answers 401 (the web app then refreshes and asks again), not the 404 a stranger
   * would get for a draft's file.
   */
  private async send(req: Request, res: Response, needId: string, attachmentId: string, variant: 'full' | 'thumbnail') {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      const viewer = ctx.authError ? requireUser(ctx) : ctx.user;
      sendStoredFile(res, await this.attachments.open(viewer, needId, attachmentId, variant));
    });
  }
}

import { Controller, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { answerRest } from '../storage/rest';
import { DocumentService } from './document.service';

/** REST for files (GraphQL carries no bytes): the gateway streams /api/documents here untouched. */
@Controller('api/documents')
export class DocumentController {
  constructor(
    private readonly documents: DocumentService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post()
  // Multer stops reading past the limit (+1 byte tells "too large" apart from "exactly the limit").
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 64 * 1024 * 1024, files: 1 } }))
  async upload(@Req() req: Request, @Res() res: Response, @UploadedFile() file?: { originalname: string; buffer: Buffer }) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      const body = req.body as { kind?: string };
      // Multipart file names arrive as latin1-decoded bytes; browsers send UTF-8 (Vietnamese names).
      const filename = file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : undefined;
      const doc = await this.documents.upload(requireUser(ctx), { kind: body?.kind, filename }, file?.buffer);
      res.status(201).json(doc);
    });
  }

  @Get(':id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      const { doc, stream } = await this.documents.open(requireUser(ctx), id);
      res.setHeader('content-type', doc.contentType);
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      res.setHeader('x-content-type-options', 'nosniff');
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  }
}

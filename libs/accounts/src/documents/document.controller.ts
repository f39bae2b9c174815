import { Controller, Get, Param, Post, Req, Res, UploadedFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pickLang } from '@lienket/graphql';
import { isPlatformStaff, requireUser, SessionRevocations } from '@lienket/auth';
import { answerRest, Upload, uploader } from '@lienket/storage';
import { DocumentService } from './document.service';

/** REST for files (GraphQL carries no bytes): the gateway streams /api/documents here untouched. */
@Controller('api/documents')
export class DocumentController {
  constructor(
    private readonly documents: DocumentService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post()
  @Upload('document')
  async upload(@Req() req: Request, @Res() res: Response, @UploadedFile() file?: { originalname: string; buffer: Buffer }) {
    await answerRest(res, pickLang(req.headers['accept-language']), async () => {
      const body = req.body as { kind?: string };
      // Multipart file names arrive as latin1-decoded bytes; browsers send UTF-8 (Vietnamese names).
      const filename = file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : undefined;
      const doc = await this.documents.upload(uploader(req), { kind: body?.kind, filename }, file?.buffer);
      res.status(201).json(doc);
    });
  }

  @Get(':id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      const viewer = requireUser(ctx);
      const { doc, stream } = await this.documents.open(viewer, id);
      // Staff read evidence beside the organization on the verification desk (?inline=1); everyone
      // else, and staff by default, gets a download. The types are sniffed PDF/JPEG/PNG only, never HTML.
      const inline = req.query.inline === '1' && isPlatformStaff(viewer);
      res.setHeader('content-type', doc.contentType);
      res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      res.setHeader('x-content-type-options', 'nosniff');
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  }
}

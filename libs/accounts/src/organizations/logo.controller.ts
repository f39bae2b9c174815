import { Controller, Delete, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { answerRest, IMAGE_UPLOAD_LIMITS, sendImage } from '../storage/rest';
import { LogoService } from './logo.service';

/** The caller's organization's logo over REST; the gateway streams these paths here untouched. */
@Controller('api')
export class LogoController {
  constructor(
    private readonly logos: LogoService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post('organization/logo')
  @UseInterceptors(FileInterceptor('file', { limits: IMAGE_UPLOAD_LIMITS }))
  async replace(@Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      res.status(201).json(await this.logos.replace(requireUser(ctx), file?.buffer));
    });
  }

  @Delete('organization/logo')
  async remove(@Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      await this.logos.remove(requireUser(ctx));
      res.status(204).end();
    });
  }

  @Get('logos/:logoId')
  async open(@Param('logoId') logoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.logos.open(ctx.user, logoId)));
  }
}

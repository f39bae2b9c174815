import { Controller, Delete, Get, Param, Post, Req, Res, UploadedFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { pickLang } from '@lienket/graphql';
import { answerRest, sendImage, Upload, uploader } from '@lienket/storage';
import { LogoService } from './logo.service';

/** The caller's organization's logo over REST; the gateway streams these paths here untouched. */
@Controller('api')
export class LogoController {
  constructor(
    private readonly logos: LogoService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post('organization/logo')
  @Upload('logo')
  async replace(@Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    await answerRest(res, pickLang(req.headers['accept-language']), async () => {
      res.status(201).json(await this.logos.replace(uploader(req), file?.buffer));
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

  @Get('logos/:logoId/thumbnail')
  async thumbnail(@Param('logoId') logoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.logos.open(ctx.user, logoId, 'thumbnail')));
  }
}

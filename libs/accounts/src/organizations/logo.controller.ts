import { Controller, Delete, Get, Inject, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { buildRequestContext, requireUser } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { answerRest, IMAGE_UPLOAD_LIMITS, sendImage } from '../storage/rest';
import { LogoService } from './logo.service';

/** The caller's organization's logo over REST; the gateway streams these paths here untouched. */
@Controller('api')
export class LogoController {
  constructor(
    private readonly logos: LogoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('organization/logo')
  @UseInterceptors(FileInterceptor('file', { limits: IMAGE_UPLOAD_LIMITS }))
  async replace(@Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => {
      res.status(201).json(await this.logos.replace(requireUser(ctx), file?.buffer));
    });
  }

  @Delete('organization/logo')
  async remove(@Req() req: Request, @Res() res: Response) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => {
      await this.logos.remove(requireUser(ctx));
      res.status(204).end();
    });
  }

  @Get('logos/:logoId')
  async open(@Param('logoId') logoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.logos.open(ctx.user, logoId)));
  }
}

import { Controller, Delete, Get, Inject, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { answerRest, IMAGE_UPLOAD_LIMITS, sendImage } from '@lienket/accounts';
import { buildRequestContext, requireUser } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { ProductPhotoService } from './photo.service';

/** Photo bytes over REST; the gateway streams /api/products/ and /api/photos/ here untouched. */
@Controller('api')
export class ProductPhotoController {
  constructor(
    private readonly photos: ProductPhotoService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('products/:productId/photos')
  @UseInterceptors(FileInterceptor('file', { limits: IMAGE_UPLOAD_LIMITS }))
  async add(@Param('productId') productId: string, @Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => {
      res.status(201).json(await this.photos.add(requireUser(ctx), productId, file?.buffer));
    });
  }

  @Delete('products/:productId/photos/:photoId')
  async remove(@Param('productId') productId: string, @Param('photoId') photoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => {
      await this.photos.remove(requireUser(ctx), productId, photoId);
      res.status(204).end();
    });
  }

  @Get('photos/:photoId')
  async open(@Param('photoId') photoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = buildRequestContext(req, this.config.auth.jwtSecret);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.photos.open(ctx.user, photoId)));
  }
}

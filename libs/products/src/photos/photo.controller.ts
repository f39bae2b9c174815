import { Controller, Delete, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { answerRest, IMAGE_UPLOAD_LIMITS, sendImage } from '@lienket/accounts';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { ProductPhotoService } from './photo.service';

/** Photo bytes over REST; the gateway streams /api/products/ and /api/photos/ here untouched. */
@Controller('api')
export class ProductPhotoController {
  constructor(
    private readonly photos: ProductPhotoService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post('products/:productId/photos')
  @UseInterceptors(FileInterceptor('file', { limits: IMAGE_UPLOAD_LIMITS }))
  async add(@Param('productId') productId: string, @Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      res.status(201).json(await this.photos.add(requireUser(ctx), productId, file?.buffer));
    });
  }

  @Delete('products/:productId/photos/:photoId')
  async remove(@Param('productId') productId: string, @Param('photoId') photoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => {
      await this.photos.remove(requireUser(ctx), productId, photoId);
      res.status(204).end();
    });
  }

  @Get('photos/:photoId')
  async open(@Param('photoId') photoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.photos.open(ctx.user, photoId)));
  }
}

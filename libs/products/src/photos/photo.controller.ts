import { Controller, Delete, Get, Param, Post, Req, Res, UploadedFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { answerRest, sendImage, Upload, uploader } from '@lienket/storage';
import { requireUser, SessionRevocations } from '@lienket/auth';
import { pickLang } from '@lienket/graphql';
import { ProductPhotoService } from './photo.service';

/** Photo bytes over REST; the gateway streams /api/products/ and /api/photos/ here untouched. */
@Controller('api')
export class ProductPhotoController {
  constructor(
    private readonly photos: ProductPhotoService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Post('products/:productId/photos')
  @Upload('photo')
  async add(@Param('productId') productId: string, @Req() req: Request, @Res() res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    await answerRest(res, pickLang(req.headers['accept-language']), async () => {
      res.status(201).json(await this.photos.add(uploader(req), productId, file?.buffer));
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

  @Get('photos/:photoId/thumbnail')
  async thumbnail(@Param('photoId') photoId: string, @Req() req: Request, @Res() res: Response) {
    const ctx = await this.sessions.read(req);
    await answerRest(res, ctx.lang, async () => sendImage(res, await this.photos.open(ctx.user, photoId, 'thumbnail')));
  }
}

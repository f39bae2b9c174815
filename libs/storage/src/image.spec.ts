import sharp from 'sharp';
import { EXIF_CAMERA, image, jpegWithGps, PNG_1X1, pngBomb, WEBP_1X1 } from '@lienket/testing';
import { DomainError } from '@lienket/graphql';
import { PHOTO_SIZES, storeableImage } from './image';

const RULES = { maxBytes: 5 * 1024 * 1024, maxPixels: 50_000_000, ...PHOTO_SIZES };

async function refusal(bytes: Buffer, rules = RULES) {
  const e = await storeableImage(bytes, rules).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return { code: (e as DomainError).code, key: (e as DomainError).messageKey, field: (e as DomainError).field, params: (e as DomainError).params };
}

describe('storeableImage', () => {
  it('re-encodes a phone photo without its EXIF (camera, GPS), keeping format and size, with a WebP thumbnail', async () => {
    const upload = await jpegWithGps(1200, 800);
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const stored = await storeableImage(upload, RULES);
    expect(stored).toMatchObject({ type: 'image/jpeg', ext: 'jpg', width: 1200, height: 800 });
    const meta = await sharp(stored.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp, meta.icc]).toEqual(['jpeg', 1200, 800, undefined, undefined, undefined]);
    expect(stored.bytes.includes(Buffer.from(EXIF_CAMERA))).toBe(false);
    const thumb = await sharp(stored.thumbnail.bytes).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 480, 320]);
    expect(stored.thumbnail).toMatchObject({ width: 480, height: 320 });
  });

  it('shrinks a large image to the stored size and never enlarges a small one', async () => {
    const big = await storeableImage(await image(4000, 1000, 'png'), RULES);
    expect([big.type, big.width, big.height]).toEqual(['image/png', 2560, 640]);
    const tiny = await storeableImage(WEBP_1X1, RULES);
    expect([tiny.type, tiny.width, tiny.height, tiny.thumbnail.width]).toEqual(['image/webp', 1, 1, 1]);
    expect((await storeableImage(PNG_1X1, RULES)).type).toBe('image/png');
  });

  it('refuses a decompression bomb (a tiny PNG declaring 50,000 × 50,000 pixels) with a coded error', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2048);
    expect(await refusal(bomb)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'imagePixels', field: 'file', params: { max: 50 } });
  });

  it('refuses files that only start like an image, other formats, and files over the size limit', async () => {
    expect(await refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatchObject({ key: 'imageType', field: 'file' });
    expect(await refusal((await image(64, 64, 'png')).subarray(0, 60))).toMatchObject({ key: 'imageType' });
    expect(await refusal(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).gif().toBuffer())).toMatchObject({ key: 'imageType' });
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toMatchObject({ key: 'imageType' });
    expect(await refusal(PNG_1X1, { ...RULES, maxBytes: 10 })).toMatchObject({ key: 'fileTooLarge' });
  });
});

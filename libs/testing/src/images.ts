import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';

/** Small real images for upload tests (each decodes in a browser and in libvips). */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const WEBP_1X1 = Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');

/** Where the test photo says it was taken (Buôn Ma Thuột), and the camera it names. */
export const EXIF_CAMERA = 'LienKetTestCam';
export const EXIF_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '12/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '108/1 3/1 0/1' };

/** A real JPEG of the given size, as phones write them: EXIF with the camera and a GPS position. */
export function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 60, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: EXIF_CAMERA, Model: 'LK-1' }, IFD3: EXIF_GPS })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A real image of the given size and format, without metadata. */
export function image(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 160, b: 60 } } })[format]().toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header declares `width` × `height`
 * grey pixels (50,000 × 50,000 = 2.5 gigapixels), with the first rows' data compressed from zeros.
 * A decoder that trusts the header allocates gigabytes before it notices the data is short.
 */
export function pngBomb(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filtering, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG of a given length: valid, padded past its end (refused for its size before it is decoded). */
export const pngOfSize = (bytes: number) => Buffer.concat([PNG_1X1, Buffer.alloc(Math.max(0, bytes - PNG_1X1.length))]);

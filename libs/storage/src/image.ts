import sharp from 'sharp';
import { badInput } from '@lienket/graphql';
import { FileContentType, FileExtension, IMAGE_TYPES, sniffContentType } from './content-type';

/** What is stored for an uploaded photo or logo: the re-encoded image and its thumbnail. */
export interface StoredImage {
  type: FileContentType;
  ext: FileExtension;
  width: number;
  height: number;
  bytes: Buffer;
  thumbnail: { bytes: Buffer; width: number; height: number };
}

export interface ImageRules {
  maxBytes: number;
  /** Width × height the header may declare; more is refused before any pixel is decoded. */
  maxPixels: number;
  /** The stored image is shrunk to fit this square; the thumbnail to fit `thumbnailSide`. */
  maxSide: number;
  thumbnailSide: number;
}

/** Megabytes for messages: "0.5", "1", "5". */
export const megabytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The file is larger than its route allows (HTTP 413). */
export const fileTooLarge = (maxBytes: number) => badInput('file', 'fileTooLarge', { max: megabytes(maxBytes) });

/**
 * Decodes an uploaded photo or logo with libvips and re-encodes it, so what is served is pixels the
 * server produced, never the uploaded file: no EXIF (GPS position, camera serial), ICC or XMP, and
 * no bytes hidden after the image. Only JPEG, PNG and WebP (by their first bytes) reach the decoder,
 * so SVG, TIFF, GIF, HEIF and PDF never do; a header declaring more than `maxPixels` is refused
 * before decoding (a 50,000 × 50,000 PNG of a few hundred bytes would need gigabytes). The EXIF
 * orientation is applied before the metadata goes, so a phone photo keeps its way up.
 */
export async function storeableImage(bytes: Buffer | undefined, rules: ImageRules): Promise<StoredImage> {
  if (!bytes?.length) throw badInput('file', 'required');
  if (bytes.length > rules.maxBytes) throw fileTooLarge(rules.maxBytes);
  const sniffed = sniffContentType(bytes, IMAGE_TYPES);
  if (!sniffed) throw badInput('file', 'imageType');
  const input = () => sharp(bytes, { limitInputPixels: rules.maxPixels, failOn: 'error', animated: false });
  // The header alone: libvips refuses here, before decoding, when it declares too many pixels.
  const header = await input().metadata().catch((e: Error) => {
    if (/pixel limit/.test(e.message)) throw badInput('file', 'imagePixels', { max: Math.floor(rules.maxPixels / 1e6) });
    return null;
  });
  if (!header?.width || !header.height) throw badInput('file', 'imageType');
  try {
    const oriented = input().rotate();
    const fit = { fit: 'inside', withoutEnlargement: true } as const;
    const main = await encode(oriented.clone().resize(rules.maxSide, rules.maxSide, fit), sniffed.type).toBuffer({ resolveWithObject: true });
    const thumb = await oriented.clone().resize(rules.thumbnailSide, rules.thumbnailSide, fit).webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    return {
      ...sniffed,
      width: main.info.width,
      height: main.info.height,
      bytes: main.data,
      thumbnail: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch {
    // Truncated or corrupt pixel data: a file that only starts like an image.
    throw badInput('file', 'imageType');
  }
}

/** The same format as uploaded (what the uploader chose), without metadata (sharp's default). */
function encode(image: sharp.Sharp, type: FileContentType): sharp.Sharp {
  if (type === 'image/png') return image.png({ compressionLevel: 8 });
  if (type === 'image/webp') return image.webp({ quality: 82 });
  return image.jpeg({ quality: 82, mozjpeg: true });
}

/** Listing photos: a 2560 px image for the product page, a 480 px thumbnail for cards and lists. */
export const PHOTO_SIZES = { maxSide: 2560, thumbnailSide: 480 } as const;
/** Logos: shown at most 160 px; 128 px for lists and cards. */
export const LOGO_SIZES = { maxSide: 512, thumbnailSide: 128 } as const;

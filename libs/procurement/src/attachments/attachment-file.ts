import { badInput } from '@lienket/graphql';
import { ATTACHMENT_TYPES, FileContentType, FileExtension, fileTooLarge, PHOTO_SIZES, sniffContentType, storeableImage } from '@lienket/storage';

/** What is stored for one attachment: the bytes (a photo re-encoded) and, for a photo, its thumbnail. */
export interface StoreableAttachment {
  type: FileContentType;
  ext: FileExtension;
  bytes: Buffer;
  thumbnail: Buffer | null;
}

/**
 * A PDF, JPEG, PNG or WebP by its first bytes (never by its name or the client's content type),
 * within the size limit. A PDF is stored as sent; a photo is decoded and re-encoded like a listing's
 * (no EXIF position or camera, a decompression bomb refused before decoding) with a thumbnail.
 */
export async function storeableAttachment(bytes: Buffer | undefined, limits: { maxBytes: number; maxPixels: number }): Promise<StoreableAttachment> {
  if (!bytes?.length) throw badInput('file', 'required');
  if (bytes.length > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
  const sniffed = sniffContentType(bytes, ATTACHMENT_TYPES);
  if (!sniffed) throw badInput('file', 'attachmentType');
  if (sniffed.type === 'application/pdf') return { ...sniffed, bytes, thumbnail: null };
  const image = await storeableImage(bytes, { maxBytes: limits.maxBytes, maxPixels: limits.maxPixels, ...PHOTO_SIZES });
  return { type: image.type, ext: image.ext, bytes: image.bytes, thumbnail: image.thumbnail.bytes };
}

const EXTENSIONS: Record<FileExtension, RegExp> = { pdf: /\.pdf$/i, jpg: /\.jpe?g$/i, png: /\.png$/i, webp: /\.webp$/i };
const MAX_NAME = 200;

/**
 * The name to show and to download under: the client's, without folders, leading dots, control
 * characters or quotes, at most 200 characters, ending in the extension of what the bytes are (a
 * PNG sent as "spec.pdf" is offered as "spec.pdf.png", so no program opens it as something else).
 */
export function attachmentFileName(raw: string | undefined, ext: FileExtension): string {
  const name = (raw ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = name.lastIndexOf('.');
  const [stem, suffix] = EXTENSIONS[ext].test(name) ? [name.slice(0, dot), name.slice(dot)] : [name, `.${ext}`];
  // Cut by code points (as PostgreSQL's length counts), never inside a letter.
  // Leading dots go too: no hidden file, no "..".
  const kept = [...stem.replace(/^[.\s]+/, '').trim()].slice(0, MAX_NAME - suffix.length).join('');
  return `${kept || 'tep-dinh-kem'}${suffix}`;
}

/** File types told by their first bytes (never by the name or the header a client sends). */
export type FileContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';
export type FileExtension = 'pdf' | 'jpg' | 'png' | 'webp';

/** `null` in a signature matches any byte (WebP: "RIFF", a 4-byte length, "WEBP"). */
const SIGNATURES: { type: FileContentType; ext: FileExtension; magic: (number | null)[] }[] = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/webp', ext: 'webp', magic: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
];

/** Evidence: scans and photos of papers. */
export const DOCUMENT_TYPES: readonly FileContentType[] = ['application/pdf', 'image/jpeg', 'image/png'];
/** Listing photos and logos: what every browser shows. */
export const IMAGE_TYPES: readonly FileContentType[] = ['image/jpeg', 'image/png', 'image/webp'];

export function sniffContentType(
  bytes: Buffer,
  allowed: readonly FileContentType[] = DOCUMENT_TYPES,
): { type: FileContentType; ext: FileExtension } | null {
  const hit = SIGNATURES.find((s) => allowed.includes(s.type) && bytes.length >= s.magic.length && s.magic.every((b, i) => b === null || bytes[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

/**
 * Width and height from an image's header (no decoding). `null` when the header is not there or
 * not whole: such a file only starts like an image, and is refused as not being what it claims.
 */
export function imageSize(bytes: Buffer, type: FileContentType): { width: number; height: number } | null {
  const size = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : type === 'image/webp' ? webpSize(bytes) : null;
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function pngSize(b: Buffer) {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Walks the JPEG segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Buffer) {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function webpSize(b: Buffer) {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

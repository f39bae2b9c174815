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
/** A need's attachments: a specification (PDF) and photos of the goods wanted. */
export const ATTACHMENT_TYPES: readonly FileContentType[] = ['application/pdf', ...IMAGE_TYPES];

export function sniffContentType(
  bytes: Buffer,
  allowed: readonly FileContentType[] = DOCUMENT_TYPES,
): { type: FileContentType; ext: FileExtension } | null {
  const hit = SIGNATURES.find((s) => allowed.includes(s.type) && bytes.length >= s.magic.length && s.magic.every((b, i) => b === null || bytes[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

/** The file types evidence may be, told by their first bytes (never by the name or the header). */
const SIGNATURES: { type: DocumentContentType; ext: 'pdf' | 'jpg' | 'png'; magic: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
];
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export function sniffContentType(bytes: Buffer): { type: DocumentContentType; ext: 'pdf' | 'jpg' | 'png' } | null {
  const hit = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

import { badInput } from '@lienket/graphql';
import { FileContentType, FileExtension, IMAGE_TYPES, imageSize, sniffContentType } from './content-type';

export interface CheckedImage {
  type: FileContentType;
  ext: FileExtension;
  width: number;
  height: number;
}

/** Megabytes for messages: "0.5", "1", "5". */
const megabytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * An uploaded listing photo or logo: present, within `maxBytes`, and a JPEG, PNG or WebP by its
 * bytes with a readable size. Anything else is BAD_USER_INPUT on `file`, before anything is written.
 */
export function checkImage(bytes: Buffer | undefined, maxBytes: number): CheckedImage {
  if (!bytes?.length) throw badInput('file', 'required');
  if (bytes.length > maxBytes) throw badInput('file', 'fileTooLarge', { max: megabytes(maxBytes) });
  const sniffed = sniffContentType(bytes, IMAGE_TYPES);
  const size = sniffed && imageSize(bytes, sniffed.type);
  if (!sniffed || !size) throw badInput('file', 'imageType');
  return { ...sniffed, ...size };
}

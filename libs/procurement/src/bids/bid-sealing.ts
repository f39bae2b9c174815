import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@lienket/config';

/** What a bid says, sealed until the opening. Amounts and quantities are exact decimal strings. */
export interface BidContent {
  unitPrice: string;
  quantity: string;
  deliveryDate: string;
  note: string | null;
}

/** Which revision of whose bid on which need a ciphertext belongs to: bound in as GCM's AAD. */
export interface SealedFor {
  needId: string;
  supplierOrgId: string;
  revision: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The note is padded to a multiple of this, so a ciphertext's length tells nothing but the note's size class. */
const NOTE_BLOCK = 256;
const aad = (f: SealedFor) => Buffer.from(`lienket:bid:v1:${f.needId}:${f.supplierOrgId}:${f.revision}`, 'utf8');

/**
 * AES-256-GCM over a bid's content with a key derived from BID_SEALING_KEY (configuration, never the
 * database), a fresh random IV per row, and the need, the organization and the revision as
 * associated data: a row copied onto another bid or revision fails to open instead of lying.
 * Prices and quantities are written at a fixed width and the note padded, so the ciphertext's length
 * does not leak the number of digits of a price.
 */
@Injectable()
export class BidSealer {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.procurement.bidSealingKey, '', 'lienket bid sealing v1', 32));
  }

  seal(content: BidContent, sealedFor: SealedFor): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(sealedFor));
    const body = Buffer.concat([cipher.update(encode(content)), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** The content, or an error when the key, the row or its binding is not the one it was sealed with. */
  open(sealed: Buffer, sealedFor: SealedFor): BidContent {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(aad(sealedFor));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return decode(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]));
    } catch (e) {
      // Said for the operator's log: the caller sees an internal error and nothing of the row.
      throw new Error(`bid ${sealedFor.needId}/${sealedFor.supplierOrgId}#${sealedFor.revision} does not open: moved, altered, or sealed with another BID_SEALING_KEY`, { cause: e });
    }
  }
}

/** Fixed-width fields, then the note padded with NULs to its block: `price|quantity|date|hasNote|note…`. */
function encode(c: BidContent): Buffer {
  const head = `${c.unitPrice.padStart(18, '0')}|${c.quantity.padStart(21, ' ')}|${c.deliveryDate}|${c.note === null ? 0 : 1}|`;
  if (head.length !== HEAD_BYTES) throw new Error('bid content out of its fixed widths');
  const note = Buffer.from(c.note ?? '', 'utf8');
  const padded = Buffer.alloc(Math.ceil((note.length + 1) / NOTE_BLOCK) * NOTE_BLOCK);
  note.copy(padded);
  return Buffer.concat([Buffer.from(head, 'utf8'), padded]);
}

/** 18 + 1 + 21 + 1 + 10 + 1 + 1 + 1 ASCII bytes. */
const HEAD_BYTES = 54;

function decode(b: Buffer): BidContent {
  const [price, quantity, deliveryDate, hasNote] = b.subarray(0, HEAD_BYTES).toString('utf8').split('|');
  const rest = b.subarray(HEAD_BYTES);
  const end = rest.indexOf(0);
  return {
    unitPrice: price.replace(/^0+(?=\d)/, ''),
    quantity: quantity.trim(),
    deliveryDate,
    note: hasNote === '1' ? rest.subarray(0, end < 0 ? rest.length : end).toString('utf8') : null,
  };
}

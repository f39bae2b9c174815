import { generateSecrets, loadConfig } from '@lienket/config';
import { BidContent, BidSealer } from './bid-sealing';

const sealerWith = (key: string) => new BidSealer({ procurement: { port: 0, bidSealingKey: key } } as ReturnType<typeof loadConfig>);
const KEY = generateSecrets().BID_SEALING_KEY;
const FOR = { needId: '11111111-1111-4111-8111-111111111111', supplierOrgId: '22222222-2222-4222-8222-222222222222', revision: 1 };
const CONTENT: BidContent = { unitPrice: '987654321', quantity: '12.345', deliveryDate: '2027-01-15', note: 'Giao tại kho Thủ Đức' };

describe('BidSealer', () => {
  it('opens what it sealed, every field exactly, with or without a note', () => {
    const s = sealerWith(KEY);
    expect(s.open(s.seal(CONTENT, FOR), FOR)).toEqual(CONTENT);
    const bare = { ...CONTENT, note: null };
    expect(s.open(s.seal(bare, FOR), FOR)).toEqual(bare);
    const empty = { ...CONTENT, note: '' };
    expect(s.open(s.seal(empty, FOR), FOR)).toEqual(empty);
  });

  it('keeps no digit of the price, the quantity or the note in the sealed bytes, and differs each time', () => {
    const s = sealerWith(KEY);
    const a = s.seal(CONTENT, FOR);
    const b = s.seal(CONTENT, FOR);
    expect(a.equals(b)).toBe(false);
    for (const clear of ['987654321', '12.345', '2027-01-15', 'Thủ Đức']) {
      expect(a.includes(Buffer.from(clear))).toBe(false);
      expect(a.toString('latin1')).not.toContain(clear);
    }
  });

  it('seals prices of any length to the same size, so the length does not tell the price', () => {
    const s = sealerWith(KEY);
    const small = s.seal({ ...CONTENT, unitPrice: '5', quantity: '1' }, FOR);
    const large = s.seal({ ...CONTENT, unitPrice: '999999999999999999', quantity: '99999999999999999.999' }, FOR);
    expect(small.length).toBe(large.length);
  });

  it('refuses a ciphertext moved to another need, organization or revision, or opened with another key', () => {
    const s = sealerWith(KEY);
    const sealed = s.seal(CONTENT, FOR);
    expect(() => s.open(sealed, { ...FOR, revision: 2 })).toThrow();
    expect(() => s.open(sealed, { ...FOR, supplierOrgId: '33333333-3333-4333-8333-333333333333' })).toThrow();
    expect(() => s.open(sealed, { ...FOR, needId: '44444444-4444-4444-8444-444444444444' })).toThrow();
    expect(() => sealerWith(generateSecrets().BID_SEALING_KEY).open(sealed, FOR)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => s.open(tampered, FOR)).toThrow();
  });
});

import { IMAGE_TYPES, sniffContentType } from './content-type';

const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('sniffContentType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n...'))?.type).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.type).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.type).toBe('image/jpeg');
  });
  it('refuses anything else, whatever it is called', () => {
    expect(sniffContentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffContentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });
  it('takes WebP only where images are asked for, and PDF never there', () => {
    expect(sniffContentType(WEBP, IMAGE_TYPES)).toEqual({ type: 'image/webp', ext: 'webp' });
    expect(sniffContentType(WEBP)).toBeNull();
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'), IMAGE_TYPES)).toBeNull();
    expect(sniffContentType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '), IMAGE_TYPES)).toBeNull();
  });
});

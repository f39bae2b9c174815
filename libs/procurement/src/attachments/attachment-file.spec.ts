import { attachmentFileName } from './attachment-file';

describe('attachmentFileName', () => {
  it('keeps a Vietnamese name whose extension matches what the bytes are', () => {
    expect(attachmentFileName('Quy cách cà phê.pdf', 'pdf')).toBe('Quy cách cà phê.pdf');
    expect(attachmentFileName('ANH.JPEG', 'jpg')).toBe('ANH.JPEG');
    // Decomposed input (as macOS sends) is stored composed.
    expect(attachmentFileName('Quy ca\u0301ch.pdf', 'pdf')).toBe('Quy cách.pdf');
  });

  it('adds the real extension when the name claims another type', () => {
    expect(attachmentFileName('bang-gia.pdf', 'png')).toBe('bang-gia.pdf.png');
    expect(attachmentFileName('chuong-trinh.exe', 'pdf')).toBe('chuong-trinh.exe.pdf');
  });

  it('drops folders, control characters and quotes, and names a nameless file', () => {
    expect(attachmentFileName('..\\..\\C:\\thu\u0007 muc/ho "so".pdf', 'pdf')).toBe('ho so.pdf');
    expect(attachmentFileName('  \u0000 ', 'webp')).toBe('tep-dinh-kem.webp');
    expect(attachmentFileName(undefined, 'pdf')).toBe('tep-dinh-kem.pdf');
    expect(attachmentFileName('.pdf', 'pdf')).toBe('tep-dinh-kem.pdf');
    expect(attachmentFileName('..', 'pdf')).toBe('tep-dinh-kem.pdf');
  });

  it('cuts a long name to 200 characters by whole letters, keeping the extension', () => {
    const name = attachmentFileName(`${'đ'.repeat(300)}.pdf`, 'pdf');
    expect([name.length, name.endsWith('đ.pdf')]).toEqual([200, true]);
    expect(attachmentFileName('🌾'.repeat(250), 'png')).toBe(`${'🌾'.repeat(196)}.png`);
  });
});

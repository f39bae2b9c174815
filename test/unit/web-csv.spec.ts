import { csvCell, toCsv } from '../../apps/web/src/lib/csv';

describe('the bid comparison as CSV', () => {
  it('starts with a byte-order mark so Excel reads Vietnamese, and ends lines with CRLF', () => {
    const csv = toCsv([
      ['Nhà cung cấp', 'Đơn giá'],
      ['HTX Cà phê Ea Tu', 46500000],
    ]);
    expect(csv).toBe('\uFEFFNhà cung cấp,Đơn giá\r\nHTX Cà phê Ea Tu,46500000\r\n');
  });

  it('quotes separators, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Sàng 16, độ ẩm 12,5%')).toBe('"Sàng 16, độ ẩm 12,5%"');
    expect(csvCell('loại "A"')).toBe('"loại ""A"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell(null)).toBe('');
  });

  it('turns text that a spreadsheet would run as a formula into plain text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    // A number stays a number, negative or not.
    expect(csvCell(-5)).toBe('-5');
  });
});

import { fromMilli, lineTotal, minMilli, sumMilli, toMilli } from '../../apps/web/src/lib/contract-math';

describe('contract arithmetic in the web app', () => {
  it('reads decimals of up to three places exactly, and nothing else', () => {
    expect(['12.25', '0.001', '25', ' 7.5 '].map(toMilli)).toEqual([12250n, 1n, 25000n, 7500n]);
    expect(['', '1.2345', '-1', '1,5', 'abc', '1e3'].map(toMilli)).toEqual([null, null, null, null, null, null]);
  });

  it('writes thousandths back as the API does', () => {
    expect([12250n, 1n, 25000n, 0n].map(fromMilli)).toEqual(['12.25', '0.001', '25', '0']);
  });

  it("totals a line in whole đồng rounded half up, past 2^53, as the server's contract total", () => {
    expect(lineTotal('13.25', '48500000')).toBe(642625000n);
    expect(lineTotal('0.001', '500')).toBe(1n);
    expect(lineTotal('0.001', '499')).toBe(0n);
    expect(lineTotal('99999999.999', '99999999999')).toBe(9999999999800000000n);
  });

  it('sums and bounds quantities', () => {
    expect(sumMilli([12250n, 13250n])).toBe(25500n);
    expect(minMilli(3n, 2n)).toBe(2n);
  });
});

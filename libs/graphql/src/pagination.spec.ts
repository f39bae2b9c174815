import { DomainError } from './errors';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination';

describe('pagination', () => {
  it('round-trips keyset cursors', () => {
    const c = encodeCursor(['2026-11-22T10:00:00.000Z', 'a1b2']);
    expect(decodeCursor(c, 2)).toEqual(['2026-11-22T10:00:00.000Z', 'a1b2']);
  });
  it('treats a forged cursor as bad input', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['x']), 2)).toThrow(DomainError);
  });
  it('caps the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(DomainError);
    expect(() => pageSize(0)).toThrow(DomainError);
  });
  it('says whether a next page exists from the extra row', () => {
    const rows = [1, 2, 3];
    const conn = toConnection(rows, 2, (r) => [r], (r) => ({ n: r }), { hasPreviousPage: false });
    expect(conn.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(conn.pageInfo.endCursor, 1)).toEqual([2]);
  });
});

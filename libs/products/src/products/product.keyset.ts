import { badInput, decodeCursor, isUuid } from '@lienket/graphql';

// Keyset cursors are opaque to clients but end up in SQL casts: a forged one must be bad input, not
// an internal error from PostgreSQL.

/** A (timestamp, id) cursor, as listings by time use. */
export function timeCursor(after: string | null | undefined): { at: string; id: string } | null {
  const key = decodeCursor(after, 2);
  if (!key) return null;
  const [at, id] = key.map(String);
  if (!isUuid(id) || Number.isNaN(Date.parse(at))) throw badInput('after', 'invalidCursor');
  return { at, id };
}

/** A (sort key, id) cursor, as search uses: the sort key is a non-negative bigint. */
export function rankCursor(after: string | null | undefined): { rank: string; id: string } | null {
  const key = decodeCursor(after, 2);
  if (!key) return null;
  const [rank, id] = key.map(String);
  if (!isUuid(id) || !/^\d{1,18}$/.test(rank)) throw badInput('after', 'invalidCursor');
  return { rank, id };
}

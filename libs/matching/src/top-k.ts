/** One scored offer: results keep each supplier's best. */
export interface Ranked {
  organizationId: string;
  listingId: string;
  score: number;
}

/**
 * The order of every result list: score descending, then organization id, then (between one
 * supplier's listings) listing id, so equal scores always come out the same way.
 */
export function ranking(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.organizationId !== b.organizationId) return a.organizationId < b.organizationId ? -1 : 1;
  return a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0;
}

/** The best k suppliers seen so far, each by its best offer. */
export class TopK<T extends Ranked> {
  readonly items: T[] = [];

  constructor(private readonly k: number) {}

  get full() {
    return this.items.length >= this.k;
  }

  /** The score an offer must beat (or tie with a smaller organization id) to get in. */
  get threshold() {
    if (this.k <= 0) return Infinity;
    return this.full ? this.items[this.k - 1].score : -Infinity;
  }

  offer(x: T) {
    // Not above the last: neither a newcomer to the list nor an improvement of a supplier in it.
    if (this.k <= 0 || (this.full && ranking(x, this.items[this.k - 1]) >= 0)) return;
    const mine = this.items.findIndex((i) => i.organizationId === x.organizationId);
    if (mine >= 0) {
      if (ranking(x, this.items[mine]) >= 0) return;
      this.items.splice(mine, 1);
    }
    let at = this.items.length;
    while (at > 0 && ranking(x, this.items[at - 1]) < 0) at--;
    this.items.splice(at, 0, x);
    if (this.items.length > this.k) this.items.pop();
  }
}

/** A binary max-heap on `bound`: the search's frontier, best bound first. */
export class MaxHeap<T extends { bound: number }> {
  private readonly items: T[] = [];

  get size() {
    return this.items.length;
  }

  push(x: T) {
    const a = this.items;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent].bound >= x.bound) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = x;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const c = l + 1 < a.length && a[l + 1].bound > a[l].bound ? l + 1 : l;
      if (a[c].bound <= last.bound) break;
      a[i] = a[c];
      i = c;
    }
    a[i] = last;
    return top;
  }
}

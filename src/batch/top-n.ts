/**
 * The best N of a stream, in O(N) memory: a binary heap whose root is the weakest kept item. Used for the
 * report's potential list (by money within reach) and largest awards; a million rows keep only N items.
 */
export class TopN<T> {
  private readonly heap: T[] = [];

  /** `better(a, b)` > 0 when a ranks above b; it must be a total order (break ties, e.g. by input order). */
  constructor(
    readonly size: number,
    private readonly better: (a: T, b: T) => number,
  ) {}

  get length(): number {
    return this.heap.length;
  }

  /** Offers an item; it is kept when there is room or it ranks above the weakest kept one. */
  push(item: T): void {
    const h = this.heap;
    if (this.size <= 0) return;
    if (h.length < this.size) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.better(item, h[0]!) > 0) {
      h[0] = item;
      this.down(0);
    }
  }

  /** Whether an item would be kept now (to skip building it when it would not). */
  admits(item: T): boolean {
    return this.size > 0 && (this.heap.length < this.size || this.better(item, this.heap[0]!) > 0);
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => this.better(b, a));
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.better(h[parent]!, h[i]!) <= 0) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let weakest = i;
      if (l < h.length && this.better(h[weakest]!, h[l]!) > 0) weakest = l;
      if (r < h.length && this.better(h[weakest]!, h[r]!) > 0) weakest = r;
      if (weakest === i) return;
      [h[weakest], h[i]] = [h[i]!, h[weakest]!];
      i = weakest;
    }
  }
}

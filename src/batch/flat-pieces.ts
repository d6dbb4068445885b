/**
 * The pieces of a flat aggregator kind (arrays of numbers: aggregate.ts), one block's worth, gathered into one
 * Float64Array as they are made. With --jobs a block's pieces cross threads; as two typed arrays they are copied
 * as memory, where an array per enterprise took about 400 ns to copy and build again for the summary and the year
 * totals together: most of what a block's result cost to cross. Each number is an integer below 2^53 (an index,
 * a year, a tier, fen as fenNumber gives them), exact in a double. A block in which a piece holds a bigint (fen
 * beyond 2^53, 90 trillion 元) hands its pieces over as they are.
 */
import type { Aggregator } from './aggregate.js';
import type { FlatPieces } from './types.js';

export class FlatCollector {
  private values = new Float64Array(8192);
  private n = 0;
  private ends: number[] = [];
  private plain: unknown[] = [];
  private big = false;

  push(piece: ArrayLike<number | bigint>): void {
    this.plain.push(piece);
    if (this.big) return;
    if (this.n + piece.length > this.values.length) {
      const more = new Float64Array(Math.max(2 * this.values.length, this.n + piece.length));
      more.set(this.values.subarray(0, this.n));
      this.values = more;
    }
    for (let i = 0; i < piece.length; i++) {
      const v = piece[i];
      if (typeof v !== 'number') {
        this.big = true;
        return;
      }
      this.values[this.n++] = v;
    }
    this.ends.push(this.n);
  }

  /** The block's pieces, flat (or as they are, if one held a bigint); the collector starts a new block. */
  take(): unknown[] | FlatPieces {
    const out = this.big ? this.plain : { values: this.values.slice(0, this.n), ends: Int32Array.from(this.ends) };
    this.clear();
    return out;
  }

  /** Drops what a block left (one that failed half way). */
  clear(): void {
    this.n = 0;
    this.ends = [];
    this.plain = [];
    this.big = false;
  }
}

/** Hands record i's piece of a block to its aggregator (as an array again to one that does not read them flat). */
export function addPiece(aggregator: Aggregator, pieces: unknown[] | FlatPieces, i: number): void {
  if (Array.isArray(pieces)) return aggregator.add(pieces[i]);
  const from = i === 0 ? 0 : pieces.ends[i - 1]!;
  const to = pieces.ends[i]!;
  if (aggregator.addFlat) aggregator.addFlat(pieces.values, from, to);
  else aggregator.add(Array.from(pieces.values.subarray(from, to)));
}

/**
 * The aggregate stage: what a run adds up over its enterprises. An aggregator has two halves. Where an
 * enterprise is evaluated (the main thread or a worker), its kind's `extractor` takes from the results only what
 * the aggregator needs, as plain data (a piece), so that whole results never cross threads. In the main thread
 * the aggregator receives the pieces of the enterprises in the output, in input order (rejected records and
 * duplicates never arrive), and `finish()` ends it after the last one. The summary is one; the district report,
 * the near list and payment-year totals plug in the same way: a kind here, a name in BatchSetup.aggregators.
 */
import { fenNumber } from '../domain/money.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { contributionOf, Summary, summaryMeasures } from '../render/summary.js';
import { largestKind, nearKind, yearsKind } from './glance.js';
import type { BatchSetup } from './types.js';

/** The main-thread half: receives each enterprise's piece in input order. */
export interface Aggregator<P = unknown> {
  add(piece: P): void;
  /** A flat kind's piece, values[from … to) of its block's (flat-pieces.ts): numbers only. */
  addFlat?(values: Float64Array, from: number, to: number): void;
  /** After the last record (not called when the run fails). */
  finish(): Promise<void>;
}

/** The evaluating half, by name: builds the function that makes one enterprise's piece. */
export interface AggregatorKind<P = unknown> {
  extractor(rs: RuleSet, setup: BatchSetup): (ev: Evaluation) => P;
  /**
   * Its pieces are arrays of numbers (a bigint beyond 2^53 now and then): a block's cross threads as one
   * Float64Array (flat-pieces.ts), and its aggregator takes them by `addFlat`.
   */
  flat?: true;
}

/**
 * The summary's piece: [district index, measure index, amount in fen, measure index, amount, …]; an amount is a
 * number while exact (below 2^53 fen), else the bigint itself.
 */
export type SummaryPiece = Array<number | bigint>;

const summaryKind: AggregatorKind<SummaryPiece> = {
  flat: true,
  extractor(rs) {
    const measureIndex = new Map(summaryMeasures(rs).map((m, i) => [m.ref, i]));
    return (ev) => {
      // amounts (every second item after the district) as numbers while exact, to cross threads cheaply and be
      // summed without a bigint each (FenSums)
      const c: SummaryPiece = contributionOf(ev, measureIndex);
      for (let j = 2; j < c.length; j += 2) c[j] = fenNumber(c[j] as bigint);
      return c;
    };
  },
};

/** Every aggregator kind, by the name BatchSetup.aggregators uses. */
export const AGGREGATOR_KINDS: Record<string, AggregatorKind> = { summary: summaryKind, years: yearsKind, near: nearKind, largest: largestKind };

/** The summary by district and measure; `finish` hands it to `done` (which writes --summary FILE, if any). */
export class SummaryAggregator implements Aggregator<SummaryPiece> {
  readonly summary: Summary;
  constructor(
    rs: RuleSet,
    private readonly done: (s: Summary) => Promise<void> = async () => undefined,
  ) {
    this.summary = new Summary(summaryMeasures(rs));
  }

  add(piece: SummaryPiece): void {
    this.summary.add(piece);
  }

  addFlat(values: Float64Array, from: number, to: number): void {
    this.summary.add(values, from, to);
  }

  finish(): Promise<void> {
    return this.done(this.summary);
  }
}

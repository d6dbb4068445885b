/**
 * Baseline against reform: the same enterprises evaluated under two parameter sets, folded one enterprise at a
 * time into counts (gaining, losing, changed without a change of total, unchanged), totals before and after by
 * district and by measure, and the enterprises with the largest changes. Pure and exact (fen as bigint); memory
 * does not grow with the number of enterprises beyond the `top` kept.
 */
import type { Fen } from '../domain/money.js';
import { isCash, type Result, type Status } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';

/** How one enterprise fares: its total went up, down, or stayed, with or without a result changing. */
export type Verdict = 'gaining' | 'losing' | 'changed' | 'unchanged';

export interface ResultState {
  status: Status;
  amount: Fen | null;
  tier: number | null;
  supersededBy: string | null;
}

/** A result that differs between the two runs; a side is null when the result is absent there. */
export interface ResultChange {
  ref: string;
  year: number;
  before: ResultState | null;
  after: ResultState | null;
}

export interface EnterpriseChange {
  id: string;
  name: string | null;
  district: string | null;
  before: Fen;
  after: Fen;
  change: Fen;
  verdict: Verdict;
  changes: ResultChange[];
}

export interface Tally {
  enterprises: number;
  gaining: number;
  losing: number;
  changed: number;
  unchanged: number;
  before: Fen;
  after: Fen;
}

export interface MeasureTally {
  /** Enterprises with at least one eligible result of the measure. */
  eligibleBefore: number;
  eligibleAfter: number;
  /** Eligible cash amounts (what the totals add up). */
  before: Fen;
  after: Fen;
}

export interface DiffResult {
  overall: Tally;
  /** By district, in the order of first appearance; "" for enterprises without one. */
  byDistrict: Map<string, Tally>;
  /** By "policy/measure", in the rule set's order. */
  byMeasure: Map<string, MeasureTally>;
  /** The enterprises with the largest changes of total (by absolute value, then id), largest first. */
  top: EnterpriseChange[];
}

const newTally = (): Tally => ({ enterprises: 0, gaining: 0, losing: 0, changed: 0, unchanged: 0, before: 0n, after: 0n });
const abs = (v: Fen) => (v < 0n ? -v : v);
const stateOf = (r: Result): ResultState => ({ status: r.status, amount: r.amount, tier: r.tier, supersededBy: r.supersededBy });
const same = (a: Result, b: Result) => a.status === b.status && a.amount === b.amount && a.tier === b.tier && a.supersededBy === b.supersededBy;

/**
 * Compares two evaluations of one enterprise, result by result (a result is its measure's ref and its year).
 * Most often both runs give the same results in the same order, and they are compared in step; otherwise they
 * are matched by key: the changes of results present after, in their order, then those only present before.
 */
export function compareEvaluations(base: Evaluation, next: Evaluation): EnterpriseChange {
  const changes: ResultChange[] = [];
  const b = base.results;
  const n = next.results;
  if (inStep(b, n)) {
    for (let i = 0; i < n.length; i++) if (!same(b[i]!, n[i]!)) changes.push({ ref: n[i]!.ref, year: n[i]!.year, before: stateOf(b[i]!), after: stateOf(n[i]!) });
  } else {
    const key = (r: Result) => `${r.ref}@${r.year}`;
    const before = new Map(b.map((r) => [key(r), r]));
    for (const r of n) {
      const k = key(r);
      const was = before.get(k);
      before.delete(k);
      if (!was) changes.push({ ref: r.ref, year: r.year, before: null, after: stateOf(r) });
      else if (!same(was, r)) changes.push({ ref: r.ref, year: r.year, before: stateOf(was), after: stateOf(r) });
    }
    for (const r of before.values()) changes.push({ ref: r.ref, year: r.year, before: stateOf(r), after: null });
  }
  const change = next.total - base.total;
  const verdict: Verdict = change > 0n ? 'gaining' : change < 0n ? 'losing' : changes.length > 0 ? 'changed' : 'unchanged';
  const e = next.enterprise;
  return { id: e.id, name: e.name ?? null, district: e.district ?? null, before: base.total, after: next.total, change, verdict, changes };
}

/** Whether two lists of results name the same results in the same order (each key once: an evaluation's are distinct). */
function inStep(a: readonly Result[], b: readonly Result[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.ref !== b[i]!.ref || a[i]!.year !== b[i]!.year) return false;
  return true;
}

/**
 * What the accumulator needs of one enterprise, plain data (it crosses worker threads): the comparison, and on
 * each side the eligible results as [policy/measure, cash amount or null].
 */
export interface DiffPiece {
  change: EnterpriseChange;
  /**
   * The eligible results of each run, in the evaluation's order (measure by measure, a measure's years together):
   * [ref, its cash or null, ref, cash, …], one array a side rather than a pair each (a block's pieces live until it
   * is folded, and made young collections copy more).
   */
  before: Array<string | Fen | null>;
  after: Array<string | Fen | null>;
}

/** The piece of one enterprise evaluated under both parameter sets. */
export function diffPiece(base: Evaluation, next: Evaluation): DiffPiece {
  return { change: compareEvaluations(base, next), before: eligibleOf(base.results), after: eligibleOf(next.results) };
}

function eligibleOf(results: readonly Result[]): Array<string | Fen | null> {
  const out: Array<string | Fen | null> = [];
  for (const r of results) if (r.status === 'eligible') out.push(r.ref, r.amount !== null && isCash(r.kind) ? r.amount : null);
  return out;
}

export class DiffAccumulator {
  private readonly overall = newTally();
  private readonly districts = new Map<string, Tally>();
  private readonly measures = new Map<string, MeasureTally>();
  private readonly top: EnterpriseChange[] = [];

  /** `measures`: every "policy/measure" of the rule set, for a stable order and zero rows. */
  constructor(
    measures: readonly string[],
    private readonly topN: number,
  ) {
    for (const m of measures) this.measures.set(m, { eligibleBefore: 0, eligibleAfter: 0, before: 0n, after: 0n });
  }

  add(base: Evaluation, next: Evaluation): EnterpriseChange {
    return this.addPiece(diffPiece(base, next));
  }

  /** Folds in one enterprise's piece (diffPiece, computed here or on a worker thread). */
  addPiece(piece: DiffPiece): EnterpriseChange {
    const c = piece.change;
    const district = c.district ?? '';
    let d = this.districts.get(district);
    if (!d) this.districts.set(district, (d = newTally()));
    for (const t of [this.overall, d]) {
      t.enterprises++;
      t[c.verdict]++;
      t.before += c.before;
      t.after += c.after;
    }
    this.fold(piece.before, 'before');
    this.fold(piece.after, 'after');
    if (c.verdict !== 'unchanged') this.keep(c);
    return c;
  }

  private fold(eligible: DiffPiece['before'], side: 'before' | 'after'): void {
    // an enterprise counts once per measure, however many of its years are eligible (they come together)
    let last: string | null = null;
    for (let i = 0; i < eligible.length; i += 2) {
      const ref = eligible[i] as string;
      const cash = eligible[i + 1] as Fen | null;
      let m = this.measures.get(ref);
      if (!m) this.measures.set(ref, (m = { eligibleBefore: 0, eligibleAfter: 0, before: 0n, after: 0n }));
      if (ref !== last) {
        if (side === 'before') m.eligibleBefore++;
        else m.eligibleAfter++;
      }
      last = ref;
      if (cash !== null) m[side] += cash;
    }
  }

  /** Keeps the `topN` largest changes: by absolute change of total, then by id; changes of results only come last. */
  private keep(c: EnterpriseChange): void {
    if (this.topN <= 0) return;
    const before = (a: EnterpriseChange, b: EnterpriseChange) => {
      const d = abs(b.change) - abs(a.change);
      if (d !== 0n) return d < 0n;
      return a.id < b.id;
    };
    if (this.top.length === this.topN && !before(c, this.top[this.top.length - 1]!)) return;
    let i = this.top.length;
    while (i > 0 && before(c, this.top[i - 1]!)) i--;
    this.top.splice(i, 0, c);
    if (this.top.length > this.topN) this.top.pop();
  }

  result(): DiffResult {
    return { overall: { ...this.overall }, byDistrict: new Map(this.districts), byMeasure: new Map(this.measures), top: [...this.top] };
  }
}

/** Whether anything differs between the runs: a total, or any result. */
export function anyChange(d: DiffResult): boolean {
  return d.overall.gaining + d.overall.losing + d.overall.changed > 0;
}

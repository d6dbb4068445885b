/**
 * The evaluate stage of `diff`, per block of records: map, then evaluate each enterprise under the baseline and
 * the new parameters and reduce the two evaluations to the accumulator's piece (src/diff/compare.ts). Runs in
 * the main thread (one job) or on the pool's worker threads (--jobs N), the same code either way; what it
 * returns is plain data.
 */
import { loadParams } from '../cli/params.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { Problem } from '../domain/problem.js';
import { diffPiece, type DiffPiece } from '../diff/compare.js';
import { evaluate, type RunOptions } from '../engine/evaluate.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { At } from '../io/stream.js';
import { blockMapper } from './map.js';
import type { BlockTask, DiffSetup } from './types.js';

/** One record of a diff block: where it is (relative to the block for CSV), its problems, its id and piece. */
export interface DiffRecord {
  at: At;
  problems: Problem[];
  /** The enterprise's id, or null when the record is rejected. */
  id: string | null;
  /** The id as written, for a rejected record. */
  rawId?: string;
  piece: DiffPiece | null;
}

export interface DiffBlock {
  rows: number;
  records: DiffRecord[];
}

export type DiffProcessor = (task: BlockTask) => DiffBlock;

/** diff compares status, amount, tier and what superseded a result, never a check's words: no words made. */
const runOf = (r: { interpretation: Interpretation; years: number[] | null; all: boolean }): RunOptions => ({ interpretation: r.interpretation, years: r.years ? new Set(r.years) : null, all: r.all, explain: false });

/** Loads both parameter sets and returns the block processor. */
export async function makeDiffProcessor(setup: DiffSetup, loaded?: { base: { ruleSet: RuleSet }; next: { ruleSet: RuleSet } }): Promise<DiffProcessor> {
  // a worker loads both sides itself: the baseline's policy files, then the draft's over them (--policy-new)
  const lang = setup.lang ?? 'zh';
  const base = loaded?.base ?? (await loadParams(setup.baseParams, '--base-params', setup.policies ? { files: setup.policies, lang, quiet: true } : undefined));
  const next = loaded?.next ?? (await loadParams(setup.params, '--params', setup.policyNew ? { files: setup.policyNew, lang, flag: '--policy-new', quiet: true } : undefined));
  const runBase = runOf(setup.base);
  const runNext = runOf(setup.next);
  const map = blockMapper(setup.stream);
  return (task) => {
    const records: DiffRecord[] = [];
    const rows = map(task, (r) => {
      const e = r.enterprise;
      const rec: DiffRecord = { at: r.at, problems: r.problems, id: e ? e.id : null, piece: e ? diffPiece(evaluate(e, base.ruleSet, runBase), evaluate(e, next.ruleSet, runNext)) : null };
      if (r.rawId !== undefined) rec.rawId = r.rawId;
      records.push(rec);
    });
    return { rows, records };
  };
}

/**
 * Runs scenario cases: reads each input, evaluates it under the case's parameters and interpretation (over the
 * run's own `--params`, if any), and compares with what the case expects. Returns data — which case passed,
 * and for a failure the measure, the year, expected and actual, and the result with its checks — for the
 * command to print and for vitest to assert. Words are left to the renderer.
 */
import { parseEnterprise } from '../domain/input.js';
import { formatYuan, type Fen } from '../domain/money.js';
import type { Problem } from '../domain/problem.js';
import { isCash, type Result } from '../domain/result.js';
import { evaluate, type Evaluation } from '../engine/evaluate.js';
import { DEFAULT_INTERPRETATION, type Interpretation } from '../engine/interpretation.js';
import { buildRuleSet, publishedRuleSet, type Overrides, type RuleSet } from '../engine/ruleset.js';
import { knownMeasureNames } from '../policies/names.js';
import { t } from '../render/messages.js';
import type { ScenarioCase } from './load.js';
import type { ExpectedProblem, ResultExpect } from './schema.js';

/** What the whole run applies under every case's own parameters (`gz-awards test --params`). */
export interface RunBase {
  overrides: Overrides;
  interpretation: Partial<Interpretation>;
}

export const NO_BASE: RunBase = { overrides: {}, interpretation: {} };

/** One compared field: its name and both values as the output contract writes them (null: none). */
export interface FieldDiff {
  field: string;
  expected: string | null;
  actual: string | null;
}

export type Failure =
  /** The result is there but differs. */
  | { kind: 'mismatch'; ref: string; year: number; line: number; diffs: FieldDiff[]; result: Result }
  /** No result for the measure and year; `years` are the years the measure has results for. */
  | { kind: 'no-result'; ref: string; year: number; line: number; want: ResultExpect; years: number[]; all: boolean }
  /** A result the case says should be absent. */
  | { kind: 'unexpected-result'; ref: string; year: number; line: number; result: Result }
  | { kind: 'total'; line: number; expected: Fen; actual: Fen; counted: Result[] }
  /** The input was rejected although the case expects results. */
  | { kind: 'input-rejected'; problems: Problem[] }
  /** The case expects a rejection (or a warning) that did not come; `problems` are those that came. */
  | { kind: 'problem-missing'; severity: 'error' | 'warning'; missing: ExpectedProblem[]; problems: Problem[] };

export interface CaseOutcome {
  case: ScenarioCase;
  passed: boolean;
  failures: Failure[];
  /** The evaluation, when the input was read. */
  evaluation: Evaluation | null;
  /** How long the case took to run, in nanoseconds (the JUnit report's `time`). */
  nanos?: bigint;
}

/** Caches rule sets by their overrides, so that a thousand cases do not rebuild the same one. */
export class RuleSetCache {
  private readonly sets = new Map<string, RuleSet>();
  get(overrides: Overrides): RuleSet {
    const key = JSON.stringify(overrides);
    if (key === '{}') return publishedRuleSet();
    let rs = this.sets.get(key);
    if (!rs) this.sets.set(key, (rs = buildRuleSet(overrides)));
    return rs;
  }
}

/** The run's overrides with the case's own on top, parameter by parameter. */
export function layerOverrides(base: Overrides, own: Overrides): Overrides {
  const out: Overrides = {};
  for (const [ref, values] of Object.entries(base)) out[ref] = { ...values };
  for (const [ref, values] of Object.entries(own)) out[ref] = { ...out[ref], ...values };
  return out;
}

export function runCase(c: ScenarioCase, base: RunBase = NO_BASE, cache = new RuleSetCache()): CaseOutcome {
  const { enterprise, problems } = parseEnterprise(c.input, { lenientId: c.lenientId, strict: true, knownMeasures: knownMeasureNames() });
  const failures: Failure[] = [];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');

  if (c.rejected) {
    const missing = c.rejected.filter((want) => !errors.some((p) => matches(p, want)));
    if (missing.length > 0 || enterprise !== null) failures.push({ kind: 'problem-missing', severity: 'error', missing: c.rejected.filter((w) => missing.includes(w)), problems });
    return { case: c, passed: failures.length === 0, failures, evaluation: null };
  }
  const missingWarnings = c.warnings.filter((want) => !warnings.some((p) => matches(p, want)));
  if (missingWarnings.length > 0) failures.push({ kind: 'problem-missing', severity: 'warning', missing: missingWarnings, problems });
  if (!enterprise) {
    failures.push({ kind: 'input-rejected', problems: errors });
    return { case: c, passed: false, failures, evaluation: null };
  }

  const ruleSet = cache.get(layerOverrides(base.overrides, c.overrides));
  const interpretation: Interpretation = { ...DEFAULT_INTERPRETATION, ...base.interpretation, ...c.interpretation };
  const ev = evaluate(enterprise, ruleSet, { interpretation, years: null, all: c.all });

  for (const e of c.expect) {
    const [policy, measure] = e.ref.split('/');
    const result = ev.results.find((r) => r.policy === policy && r.measure === measure && r.year === e.year);
    if ('absent' in e.want && e.want.absent) {
      if (result) failures.push({ kind: 'unexpected-result', ref: e.ref, year: e.year, line: e.line, result });
      continue;
    }
    const want = e.want as ResultExpect;
    if (!result) {
      const years = ev.results.filter((r) => r.policy === policy && r.measure === measure).map((r) => r.year);
      failures.push({ kind: 'no-result', ref: e.ref, year: e.year, line: e.line, want, years, all: c.all });
      continue;
    }
    const diffs = compare(want, result);
    if (diffs.length > 0) failures.push({ kind: 'mismatch', ref: e.ref, year: e.year, line: e.line, diffs, result });
  }
  if (c.total && c.total.fen !== ev.total) {
    const counted = ev.results.filter((r) => r.status === 'eligible' && r.amount !== null && isCash(r.kind));
    failures.push({ kind: 'total', line: c.total.line, expected: c.total.fen, actual: ev.total, counted });
  }
  // In the order of the file, so that a report reads alongside it.
  failures.sort((a, b) => ('line' in a ? a.line : 0) - ('line' in b ? b.line : 0));
  return { case: c, passed: failures.length === 0, failures, evaluation: ev };
}

const money = (v: Fen | null) => (v === null ? null : formatYuan(v));
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
const passedText = (v: boolean | null | undefined) => (v === undefined ? null : v === null ? 'undecided' : v ? 'passed' : 'failed');

/** The fields of `want` that the result does not match, in a fixed order. */
function compare(want: ResultExpect, r: Result): FieldDiff[] {
  const out: FieldDiff[] = [];
  if (want.status !== undefined && want.status !== r.status) out.push({ field: 'status', expected: want.status, actual: r.status });
  if (want.amount !== undefined && want.amount !== r.amount) out.push({ field: 'amount', expected: money(want.amount), actual: money(r.amount) });
  if (want.tier !== undefined && want.tier !== r.tier) out.push({ field: 'tier', expected: str(want.tier), actual: str(r.tier) });
  if (want.supersededBy !== undefined && want.supersededBy !== r.supersededBy) out.push({ field: 'supersededBy', expected: want.supersededBy, actual: r.supersededBy });
  if (want.applicationYear !== undefined && want.applicationYear !== r.applicationYear) {
    out.push({ field: 'applicationYear', expected: str(want.applicationYear), actual: str(r.applicationYear) });
  }
  for (const [id, passed] of Object.entries(want.checks ?? {})) {
    const c = r.checks.find((x) => x.id === id);
    if (!c || c.passed !== passed) out.push({ field: `checks.${id}`, expected: passedText(passed), actual: c ? passedText(c.passed) : null });
  }
  for (const words of want.notes ?? []) {
    if (!r.notes.some((n) => t(n, 'zh').includes(words) || t(n, 'en').includes(words))) {
      out.push({ field: 'notes', expected: words, actual: r.notes.map((n) => t(n, 'zh')).join('；') || null });
    }
  }
  if (want.missing !== undefined) {
    const a = [...r.missing].sort().join(', ');
    const b = [...want.missing].sort().join(', ');
    if (a !== b) out.push({ field: 'missing', expected: b || null, actual: a || null });
  }
  return out;
}

/** A problem matches when it is at the path and, if `says` is given, its message in either language contains it. */
function matches(p: Problem, want: ExpectedProblem): boolean {
  if (p.path !== want.path) return false;
  if (want.says === undefined) return true;
  return t(p.expected, 'zh').includes(want.says) || t(p.expected, 'en').includes(want.says);
}

export interface RunSummary {
  outcomes: CaseOutcome[];
  passed: number;
  failed: number;
}

/** Runs the cases whose name contains `filter` (case-insensitive). */
export function runCases(cases: readonly ScenarioCase[], base: RunBase = NO_BASE, filter?: string): RunSummary {
  const cache = new RuleSetCache();
  const needle = filter?.toLowerCase();
  const outcomes = cases
    .filter((c) => !needle || c.name.toLowerCase().includes(needle))
    .map((c) => {
      const start = process.hrtime.bigint();
      const outcome = runCase(c, base, cache);
      return { ...outcome, nanos: process.hrtime.bigint() - start };
    });
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed };
}

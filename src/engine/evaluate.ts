/**
 * evaluate(enterprise, ruleSet, options) → every result of every measure for every year the data speaks of,
 * settled by the plan (conflicts, top-ups), with the total. Pure: no I/O, no words.
 */
import type { Enterprise } from '../domain/enterprise.js';
import type { Fen } from '../domain/money.js';
import { isCash, type Check, type Msg, type Result } from '../domain/result.js';
import type { EvalContext } from '../policies/define.js';
import { DEFAULT_INTERPRETATION, type Interpretation } from './interpretation.js';
import { noteUnweighedConflicts, settlePlan } from './plan.js';
import { candidateYears, DECLARED_MASK, presenceOf } from './presence.js';
import type { ResolvedMeasure, ResolvedPolicy, RuleSet } from './ruleset.js';

export interface RunOptions {
  interpretation: Interpretation;
  /** Performance years to show; null shows all. Every year is still evaluated, so top-ups stay right. */
  years: ReadonlySet<number> | null;
  /** Also show not-in-force results for years outside a measure's validity. */
  all: boolean;
  /**
   * false: only outcomes will be read (the wide award tables and their aggregators, diff), so checks come
   * without their messages and tier awards without the next-tier hint (EvalContext.explain). Absent: true.
   */
  explain?: boolean;
}

export const DEFAULT_OPTIONS: RunOptions = { interpretation: DEFAULT_INTERPRETATION, years: null, all: false };

export interface Evaluation {
  enterprise: Enterprise;
  results: Result[];
  /** Sum of eligible cash amounts shown, in fen. */
  total: Fen;
  interpretation: Interpretation;
  /** Every result the plan settled, when `results` is narrowed by the years shown (earlier awards still count). */
  settled?: Result[];
}

const HLF_NONE: Check = { id: 'higher-level-funding', passed: true, msg: { key: 'higher-level-funding.pass' } };

export function evaluate(e: Enterprise, rs: RuleSet, opts: RunOptions = DEFAULT_OPTIONS): Evaluation {
  const ctx = contextOf(opts);
  const hlf = e.higherLevelFunding.length > 0 ? new Set(e.higherLevelFunding) : null;
  const all: Result[] = [];
  const presence = presenceOf(e);
  const named = namedYears(opts.years, e.performanceYears);
  for (const policy of rs.policies) {
    for (const m of policy.measures) {
      if ((presence.mask & m.mask) === 0 && (presence.listMask & m.listMask) === 0) continue; // nothing this measure reads
      if (m.def.tracks && !onTrack(m.def.tracks, e.tracks)) continue;
      const reads = m.def.reads;
      const before = all.length;
      if (!reads.lists && !reads.projects && !reads.registeredCapital && (m.fieldMask & DECLARED_MASK) === 0) {
        // Yearly fields only (most measures): the years come straight from the presence bits, no list made.
        for (let i = 0; i < presence.years.length; i++) {
          if (presence.yearMasks[i]! & m.fieldMask) addYear(e, rs, policy, m, presence.years[i]!, ctx, hlf, opts, all);
        }
      } else {
        for (const year of candidateYears(e, reads, m.fieldMask, presence)) addYear(e, rs, policy, m, year, ctx, hlf, opts, all);
      }
      if (named && (reads.fields || reads.lists || reads.projects)) addNamedYears(e, rs, policy, m, ctx, hlf, named, all, before);
    }
  }
  settlePlan(all, e, rs, opts.interpretation);
  noteUnweighedConflicts(all, rs.conflicts.rules, opts.interpretation);
  const results = opts.years ? all.filter((r) => opts.years!.has(r.year)) : all;
  let total = 0n;
  for (const r of results) if (r.status === 'eligible' && r.amount !== null && isCash(r.kind)) total += r.amount;
  const ev: Evaluation = { enterprise: e, results, total, interpretation: opts.interpretation };
  if (results !== all) ev.settled = all;
  return ev;
}

/** A measure's result for one candidate year, or its not-in-force result (--all), onto `all`. */
function addYear(e: Enterprise, rs: RuleSet, policy: ResolvedPolicy, m: ResolvedMeasure, year: number, ctx: EvalContext, hlf: Set<string> | null, opts: RunOptions, all: Result[]): void {
  if (inForce(policy, m, year)) all.push(evaluateOne(e, rs, policy, m, year, ctx, hlf));
  else if (opts.all) all.push(notInForce(policy, m, year));
}

/**
 * The years asked for explicitly (--years, the interview's performance years): a measure the enterprise gives
 * any input for has a row in each of them, even where that year's own figures are missing — a result,
 * `needs-data` naming what is missing, or `not-in-force` — so a year never vanishes for want of its figure
 * (issue 34.1). The registered capital is one date, not a yearly input: it makes no rows for other years.
 */
function addNamedYears(e: Enterprise, rs: RuleSet, policy: ResolvedPolicy, m: ResolvedMeasure, ctx: EvalContext, hlf: Set<string> | null, years: ReadonlySet<number>, all: Result[], from: number): void {
  for (const year of years) {
    let done = false;
    for (let i = from; i < all.length && !done; i++) done = all[i]!.year === year;
    if (done) continue;
    if (inForce(policy, m, year)) all.push(evaluateOne(e, rs, policy, m, year, ctx, hlf));
    else all.push(notInForce(policy, m, year));
  }
  if (all.length - from > 1) {
    const rows = all.splice(from).sort((a, b) => a.year - b.year);
    for (const r of rows) all.push(r);
  }
}

/** The years asked for: --years and the enterprise's own performanceYears, or null when neither names any. */
function namedYears(flag: ReadonlySet<number> | null, own: readonly number[] | undefined): ReadonlySet<number> | null {
  if (!own?.length) return flag;
  return new Set([...(flag ?? []), ...own]);
}

/** A tier award's ledger, one object per measure and awards (the resolved parameter), shared by its results. */
const LEDGERS = new WeakMap<readonly Fen[], NonNullable<Result['ledger']>>();
function ledgerOf(name: string, awards: readonly Fen[]): NonNullable<Result['ledger']> {
  let l = LEDGERS.get(awards);
  if (!l || l.name !== name) LEDGERS.set(awards, (l = Object.freeze({ name, awards })));
  return l;
}

/** The context of an options object, made once: a batch evaluates every row with the same one (diff with two). */
const CONTEXTS = new WeakMap<RunOptions, EvalContext>();
function contextOf(opts: RunOptions): EvalContext {
  const explain = opts.explain !== false;
  let ctx = CONTEXTS.get(opts);
  if (!ctx || ctx.interpretation !== opts.interpretation || ctx.explain !== explain) CONTEXTS.set(opts, (ctx = { interpretation: opts.interpretation, explain }));
  return ctx;
}

function evaluateOne(e: Enterprise, rs: RuleSet, policy: ResolvedPolicy, m: ResolvedMeasure, year: number, ctx: EvalContext, hlf: Set<string> | null): Result {
  const o = m.def.evaluate(e, year, m.params as never, ctx);
  const r = resultOf(policy, m, year, o.status, o.checks);
  r.amount = o.amount ?? null;
  r.tier = o.tier ?? null;
  if (o.missing) r.missing = o.missing as string[];
  r.notes = notesFor(policy, m, year);
  if (o.next) r.next = o.next;
  if (o.ledgerAwards && m.def.ledger) r.ledger = ledgerOf(m.def.ledger, o.ledgerAwards);
  // SPEC §4: "已获国家和省同一项目资金奖补的，不重复支持" (000 第二十条, 003 十七). Funding declared for one
  // document's measure covers the same item under the other documents too (SPEC §6).
  // Only the documents that say so (policy.noDoubleFunding): 002, 001 and 004 have no such words.
  const funded = hlf && policy.def.noDoubleFunding && fundedBy(hlf, m.ref, year, rs.sameItem.get(m.ref));
  if (funded) {
    r.checks.push({ id: 'higher-level-funding', passed: false, msg: { key: 'higher-level-funding.fail', args: { ref: funded } } });
    block(r);
  } else if (policy.def.noDoubleFunding) {
    r.checks.push(HLF_NONE);
  }
  // An award the enterprise says it has already received (tier awards settle this through their ledger).
  if (!m.def.ledger && e.priorAwards.length > 0 && r.status === 'eligible') {
    const got = e.priorAwards.find((p) => p.year === year && (p.measure === m.ref || p.measure === m.def.id));
    if (got) {
      r.checks.push({ id: 'already-received', passed: false, msg: { key: 'already-received', args: { ref: `${m.ref}@${year}` } } });
      block(r);
    }
  }
  return r;
}

/** The declaration that names this result (or the same item under another document), or null. */
function fundedBy(hlf: Set<string>, ref: string, year: number, twins: readonly string[] | undefined): string | null {
  for (const r of twins ? [ref, ...twins] : [ref]) {
    if (hlf.has(`${r}@${year}`)) return `${r}@${year}`;
    if (hlf.has(r)) return r;
  }
  return null;
}

function onTrack(measure: readonly string[], enterprise: readonly string[]): boolean {
  for (const t of measure) if (enterprise.includes(t)) return true;
  return false;
}

function block(r: Result): void {
  r.status = 'ineligible';
  r.amount = null;
  r.missing = NONE;
}

/** Whether a measure is in force for a performance year (its explicit years, else its document's validity). */
export function inForce(policy: ResolvedPolicy, m: ResolvedMeasure, year: number): boolean {
  if (m.years) return m.years.has(year);
  return year >= policy.fromYear && year <= policy.toYear;
}

/** Shared empty lists: most results have no notes and nothing missing. Never mutated (replaced instead). */
const EMPTY: readonly Msg[] = Object.freeze([]);
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_NOTES: Msg[] = EMPTY as Msg[];

/** The notes of a measure's result in a year, made once per measure and year (they depend on nothing else). */
const NOTES = new WeakMap<ResolvedMeasure, Map<number, Msg[]>>();

function notesFor(policy: ResolvedPolicy, m: ResolvedMeasure, year: number): Msg[] {
  let byYear = NOTES.get(m);
  if (!byYear) NOTES.set(m, (byYear = new Map()));
  let notes = byYear.get(year);
  if (!notes) byYear.set(year, (notes = makeNotes(policy, m, year)));
  return notes;
}

function makeNotes(policy: ResolvedPolicy, m: ResolvedMeasure, year: number): Msg[] {
  const notes = m.def.notes ? [...(policy.def.notes ?? EMPTY), ...m.def.notes] : (policy.def.notes ?? EMPTY);
  // Years an article names itself (the tier award's 2025–2027) are in force whole.
  const partial =
    !m.years && ((year === policy.fromYear && !policy.from.endsWith('-01-01')) || (year === policy.toYear && policy.to !== null && !policy.to.endsWith('-12-31')));
  // Applied for after the year: the application may come after the document has expired.
  const applied = year + m.def.applicationLag;
  const late = m.def.applicationLag > 0 && policy.to !== null && applied >= policy.toYear;
  if (!partial && !late && notes.length === 0) return NO_NOTES;
  const out = [...notes];
  if (partial) out.push({ key: 'note.partly-in-force', args: { from: policy.from, to: policy.to } });
  if (late) out.push({ key: 'note.applied-near-expiry', args: { applied, to: policy.to } });
  return out;
}

function notInForce(policy: ResolvedPolicy, m: ResolvedMeasure, year: number): Result {
  const range = m.years ? [...m.years].join('、') : `${policy.from} – ${policy.to ?? '…'}`;
  return resultOf(policy, m, year, 'not-in-force', [{ id: 'in-force', passed: false, msg: { key: 'in-force.fail', args: { year, range } } }]);
}

/** A result of one shape for every measure (what is not known yet is null or empty). */
function resultOf(policy: ResolvedPolicy, m: ResolvedMeasure, year: number, status: Result['status'], checks: Check[]): Result {
  return {
    policy: policy.def.id,
    measure: m.def.id,
    ref: m.ref,
    article: m.def.article,
    year,
    applicationYear: year + m.def.applicationLag,
    status,
    kind: m.def.kind,
    amount: null,
    tier: null,
    checks,
    missing: NONE,
    supersededBy: null,
    notes: NO_NOTES,
    // set later for tier awards only, but present on every result: one hidden class for V8, whatever the measure
    next: undefined,
    ledger: undefined,
  };
}


/**
 * The tier award of 000 第二条 ¶2 and 002 三(一)2 (SPEC §5): one rule, two documents, each with its own cited
 * parameters. The award of a year is the tier's ceiling; top-ups against earlier awarded tiers are settled by
 * the plan, which knows which earlier awards were taken (engine/plan.ts).
 */
import { yearData, type Enterprise } from '../domain/enterprise.js';
import {
  arithmeticGrowthAtLeast,
  arithmeticPercent,
  geometricGrowthAtLeast,
  geometricPercent,
  minEndForArithmetic,
  minEndForGeometric,
  rateString,
  reaches,
  type Fen,
  type Rate,
} from '../domain/money.js';
import { UNEXPLAINED, type Check, type NextTier } from '../domain/result.js';
import { decide, fieldCheck, missingCheck } from '../policies/common.js';
import { defineMeasure, type EvalContext, type MeasureDef, type Outcome, type Param } from '../policies/define.js';
import { headFields, type MeasureHead } from './head.js';

export type TierParams = {
  thresholds: Param<'money[]'>;
  /** Absent in a document whose tiers ask no growth (a policy file may leave it out, with growthYears). */
  minGrowth: Param<'rate[]'>;
  awards: Param<'money[]'>;
  /** "连续两年": the number of yearly growth rates averaged. */
  growthYears: Param<'count'>;
  years: Param<'year[]'>;
};

interface Resolved {
  thresholds: Fen[];
  /** undefined: the tiers ask no growth. */
  minGrowth: Rate[] | undefined;
  awards: Fen[];
  growthYears: number;
  years: number[];
}

interface TierAwardOptions extends MeasureHead {
  params: TierParams;
  /** The ledger whose awarded tiers are topped up (default: the city's scale-tier ledger). */
  ledger?: string;
}

/** The ledger both documents share: "补发所进档与已获奖励档之间的奖励差额" counts awards under either. */
export const TIER_LEDGER = 'scale-tier';

export function tierAwardMeasure(o: TierAwardOptions): MeasureDef<TierParams> {
  return defineMeasure<TierParams>({
    ...headFields(o, 'cash-cap', 1), // applied for 于次年
    params: o.params,
    ledger: o.ledger ?? TIER_LEDGER,
    inForceYears: (p) => p.years,
    // the reporting is read too (000 第二条 ¶1): a year that gives only the reporting still has its row, and
    // that row names the year's missing sales (issue 34.1)
    reads: { fields: ['onlineRetailSales', 'nbsDirectReporting'] },
    evaluate: evaluateScaleTier,
  });
}

const sales = (e: Enterprise, y: number): Fen | undefined => yearData(e, y)?.onlineRetailSales;

/** SPEC §5 steps 1–3 for performance year `year`; step 4 (the top-up) is the plan's. */
export function evaluateScaleTier(e: Enterprise, year: number, p: Resolved, ctx: EvalContext): Outcome {
  const it = ctx.interpretation;
  const explain = ctx.explain;
  const strict = it.threshold === 'exceed'; // INTERPRETATION: threshold — "突破" as reaching (≥) or passing (>)
  // INTERPRETATION: reporting — "纳入国家统计局联网直报平台" is written in 000 第二条 ¶1, not in the tier sentence.
  const checks: Check[] = it.reporting !== 'not-required' ? [fieldCheck<boolean>('reporting', e, year, 'nbsDirectReporting', (v) => v, undefined, explain)] : [];

  const s = sales(e, year);
  if (s === undefined) {
    checks.push(missingCheck('threshold', year, 'onlineRetailSales'));
    return withLedger(decide(checks), p);
  }
  let k = -1;
  for (let t = 0; t < p.thresholds.length; t++) if (reaches(s, p.thresholds[t]!, strict)) k = t;
  if (k < 0) {
    checks.push({ id: 'threshold', passed: false, msg: explain ? { key: 'threshold.fail', args: { year, sales: s, threshold: p.thresholds[0]!, strict } } : UNEXPLAINED });
    const outcome = withLedger(decide(checks), p);
    if (explain) outcome.next = nextTier(e, year, 0, p, ctx);
    return outcome;
  }
  checks.push({ id: 'threshold', passed: true, msg: explain ? { key: 'threshold.pass', args: { year, sales: s, threshold: p.thresholds[k]!, tier: k + 1, strict } } : UNEXPLAINED });

  // INTERPRETATION: tierBasis — "突破" read as being at the level (default) or as first crossing it.
  if (it.tierBasis === 'first-crossing') checks.push(firstCrossingCheck(e, year, p.thresholds[k]!, k, strict));

  const growth: Check | null = p.minGrowth ? growthCheck(e, year, p.minGrowth[k]!, k, p as Resolved & { minGrowth: Rate[] }, ctx) : null;
  if (growth) checks.push(growth);
  const outcome = withLedger(decide(checks, p.awards[k]!), p);
  outcome.tier = k + 1;
  if (!explain) return outcome;
  if (outcome.status === 'eligible') {
    if (k + 1 < p.thresholds.length && p.years.includes(year + 1)) outcome.next = nextTier(e, year + 1, k + 1, p, ctx);
  } else if (growth?.passed === false) {
    outcome.next = nextTier(e, year, k, p, ctx);
  }
  return outcome;
}

function withLedger(o: Outcome, p: Resolved): Outcome {
  o.ledgerAwards = p.awards;
  return o;
}

function firstCrossingCheck(e: Enterprise, year: number, threshold: Fen, k: number, strict: boolean): Check {
  const prev = sales(e, year - 1);
  if (prev === undefined) return missingCheck('first-crossing', year - 1, 'onlineRetailSales');
  const crossed = !reaches(prev, threshold, strict);
  return { id: 'first-crossing', passed: crossed, msg: { key: crossed ? 'first-crossing.pass' : 'first-crossing.fail', args: { year, prev, threshold, tier: k + 1 } } };
}

/** The last year of the growth window for performance year `year`. */
export function growthWindowEnd(year: number, ctx: EvalContext): number {
  // INTERPRETATION: growthWindow — "突破每档前连续两年": the n years ending in Y (default) or those before Y.
  return ctx.interpretation.growthWindow === 'ending' ? year : year - 1;
}

/** The years of the growth window for performance year `year`, first to last (growthYears + 1 of them). */
export function growthWindow(year: number, n: number, ctx: EvalContext): number[] {
  const end = growthWindowEnd(year, ctx);
  const out: number[] = [];
  for (let y = end - n; y <= end; y++) out.push(y);
  return out;
}

function growthCheck(e: Enterprise, year: number, min: Rate, k: number, p: Resolved & { minGrowth: Rate[] }, ctx: EvalContext): Check {
  if (!ctx.explain && ctx.interpretation.growthAverage === 'geometric') {
    // Without words, the geometric reading's usual case (both ends known, the first not zero) needs no list of
    // years: the same outcome as below, for the first and last years of growthWindow.
    const last = growthWindowEnd(year, ctx);
    const start = sales(e, last - p.growthYears);
    const end = sales(e, last);
    if (start !== undefined && end !== undefined && start !== 0n) return { id: 'growth', passed: geometricGrowthAtLeast(start, end, p.growthYears, min), msg: UNEXPLAINED };
  }
  const window = growthWindow(year, p.growthYears, ctx);
  const first = window[0]!;
  const last = window[window.length - 1]!;
  // INTERPRETATION: growthAverage — 水平法 (geometric, needs only the two ends) or the mean of the yearly rates.
  const geometric = ctx.interpretation.growthAverage === 'geometric';
  const needed = geometric ? [first, last] : window;
  const missing = needed.filter((y) => sales(e, y) === undefined);
  if (missing.length > 0) {
    return { id: 'growth', passed: null, msg: { key: 'growth.missing', args: { from: first, to: last, years: missing.join('、') } }, missing: missing.map((y) => `years.${y}.onlineRetailSales`) };
  }
  const series = needed.map((y) => sales(e, y)!);
  const zero = needed.slice(0, -1).find((y) => sales(e, y) === 0n);
  if (zero !== undefined) return { id: 'growth', passed: false, msg: { key: 'growth.zero-base', args: { year: zero } } };
  const ok = geometric ? geometricGrowthAtLeast(series[0]!, series[series.length - 1]!, p.growthYears, min) : arithmeticGrowthAtLeast(series, min);
  if (!ctx.explain) return { id: 'growth', passed: ok, msg: UNEXPLAINED };
  return {
    id: 'growth',
    passed: ok,
    msg: {
      key: ok ? 'growth.pass' : 'growth.fail',
      // the average growth as the words show it (a percentage, 3 places): worked out here, where the series is
      args: { from: first, to: last, rate: geometric ? geometricPercent(series[0]!, series[series.length - 1]!, p.growthYears) : arithmeticPercent(series), min: rateString(min), tier: k + 1 },
    },
  };
}

/** What performance year `year` would need for tier index `k`: its threshold, and the sales the growth minimum asks. */
function nextTier(e: Enterprise, year: number, k: number, p: Resolved, ctx: EvalContext): NextTier | undefined {
  if (!p.minGrowth) return undefined; // the hint is written for tiers with a growth minimum
  const next: NextTier = { year, tier: k + 1, threshold: p.thresholds[k]!, minGrowth: rateString(p.minGrowth[k]!), growthYears: p.growthYears };
  const window = growthWindow(year, p.growthYears, ctx);
  if (window[window.length - 1] !== year) return next; // the window lies before the year: its growth is already history
  const known = window.slice(0, -1).map((y) => sales(e, y));
  if (ctx.interpretation.growthAverage === 'geometric') {
    const start = known[0];
    if (start !== undefined && start > 0n) next.salesForGrowth = minEndForGeometric(start, p.growthYears, p.minGrowth[k]!);
  } else if (known.every((s) => s !== undefined && s > 0n)) {
    next.salesForGrowth = minEndForArithmetic(known as Fen[], p.minGrowth[k]!);
  }
  return next;
}

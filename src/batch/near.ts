/**
 * The potential list (潜力企业 / 培育对象): for every enterprise and performance year of a tier award, the next tier
 * it misses, when it misses it by no more than a given share on every condition it fails — sales at least
 * (1 − share) × the threshold, and the average growth at least (1 − share) × the tier's minimum. A condition
 * already met counts as met; a condition that cannot be decided (a year's sales missing) keeps the enterprise
 * off the list, as does any other condition of the tier that fails (direct reporting, first crossing, a
 * higher-level funding). Pure and exact: bigints and fractions only.
 */
import { yearData, type Enterprise } from '../domain/enterprise.js';
import type { Lang } from '../domain/labels.js';
import {
  arithmeticGrowthAtLeast,
  arithmeticPercent,
  ceilDiv,
  geometricAtLeastBy,
  geometricPercent,
  growthPowers,
  minEndForArithmetic,
  minEndForGeometric,
  fixed,
  formatYuan,
  parseRate,
  ratePercent,
  reaches,
  type Fen,
  type Rate,
} from '../domain/money.js';
import type { Check, Result } from '../domain/result.js';
import { csvCell } from '../render/csv.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { EvalContext } from '../policies/define.js';
import { growthWindowEnd } from '../templates/tier-award.js';

/** The resolved parameters of a tier award (templates/tier-award.ts). */
interface TierParams {
  thresholds: Fen[];
  minGrowth: Rate[];
  awards: Fen[];
  growthYears: number;
}

/** One row of the potential list. Amounts in fen; rates as exact percentages in hundredths of a point. */
export interface NearRow {
  id: string;
  name: string | null;
  district: string | null;
  /** The tier award measure ("gz-2025-ecommerce/scale-tier"). */
  ref: string;
  year: number;
  applicationYear: number;
  /** The highest tier awarded up to and including this year (0: none). */
  awarded: number;
  /** The next tier, missed. */
  tier: number;
  threshold: Fen;
  /** The tier's minimum average growth, e.g. { 10n, 100n }. */
  minGrowth: Rate;
  growthYears: number;
  sales: Fen;
  /** The average growth over the window as a percentage, truncated to 3 places ("10.523"). */
  growth: string;
  /** What the sales lack to reach the threshold, rounded up to the 元 (0 when met). */
  salesGap: Fen;
  /** What the growth lacks, in hundredths of a percentage point, rounded up (0 when met). */
  growthGap: number;
  /** The sales of the year that would meet both conditions, when the growth window ends in the year. */
  salesNeeded: Fen | null;
  /** The money the tier would pay: its award less the award of the tier already awarded. */
  topUp: Fen;
}

/** "10%" or "10" (percent), up to two decimals, above 0 and below 100 → the share as an exact rate. */
export function parseNearShare(text: string): Rate | null {
  const m = /^\s*(\d+(?:\.\d{1,2})?)\s*[%％]?\s*$/.exec(text);
  if (!m) return null;
  const r = parseRate(m[1]!);
  if (!r || r.num === 0n || r.num >= 100n * r.den) return null;
  return { num: r.num, den: r.den * 100n };
}

type Cond = 'met' | 'near' | 'far' | 'unknown';

/**
 * The potential list's rows of one evaluated enterprise, in year order: for each performance year shown, the
 * nearest tier award among the documents (the largest top-up; the first document on a tie).
 */
export function nearRows(ev: Evaluation, rs: RuleSet, share: Rate, plan: NearPlan = nearPlan(rs, share)): NearRow[] {
  let out: NearRow[] | null = null;
  const settled = ev.settled ?? ev.results;
  let ctx: EvalContext | null = null;
  for (const r of ev.results) {
    if (!r.ledger) continue;
    const row = nearOf(ev.enterprise, r, rs, plan, settled, (ctx ??= { interpretation: ev.interpretation, explain: true }));
    if (!row) continue;
    out ??= [];
    const same = out.findIndex((x) => x.year === row.year);
    if (same === -1) out.push(row);
    else if (row.topUp > out[same]!.topUp) out[same] = row;
  }
  if (!out) return NO_ROWS;
  return out.length > 1 ? out.sort((a, b) => a.year - b.year) : out;
}

/**
 * What the potential list works out once for a rule set and a share, not per enterprise: 1 − share, and for each
 * tier award it has come to its parameters with, per tier, the minimum growth, (1 − share) × it, and the powers of
 * both over the growth window (the exact geometric test's, geometricAtLeastBy).
 */
export interface NearPlan {
  keep: Rate;
  tiers: Map<string, TierNear | null>;
}

interface TierNear {
  p: TierParams;
  /**
   * Per tier: the least sales within the share, ⌈(1 − share) × threshold⌉. Sales below it are far: one comparison,
   * where (1 − share) × threshold worked out per result made two bigints for each of a million enterprises.
   */
  nearFloor: Fen[];
  /** The least of nearFloor. */
  leastFloor: Fen;
  /** Per tier: (1 − share) × its minimum growth. */
  near: Rate[];
  /** Per tier: growthPowers of the minimum and of `near`. */
  minPow: Array<[bigint, bigint]>;
  nearPow: Array<[bigint, bigint]>;
}

const PLANS = new WeakMap<RuleSet, WeakMap<Rate, NearPlan>>();

/** The plan of a rule set and share (one per pair: the extractor asks once, a test's nearRows once per call). */
export function nearPlan(rs: RuleSet, share: Rate): NearPlan {
  let byShare = PLANS.get(rs);
  if (!byShare) PLANS.set(rs, (byShare = new WeakMap()));
  let plan = byShare.get(share);
  if (!plan) byShare.set(share, (plan = { keep: { num: share.den - share.num, den: share.den }, tiers: new Map() }));
  return plan;
}

/** The tier award of a measure in a plan (made on first use), or null when the rule set has no such measure. */
function tierOf(plan: NearPlan, rs: RuleSet, ref: string): TierNear | null {
  let t = plan.tiers.get(ref);
  if (t !== undefined) return t;
  const m = rs.byRef.get(ref);
  if (!m) t = null;
  else {
    const p = m.params as unknown as TierParams;
    const keep = plan.keep;
    const near = p.minGrowth.map((min) => ({ num: min.num * keep.num, den: min.den * keep.den }));
    const nearFloor = p.thresholds.map((thr) => ceilDiv(thr * keep.num, keep.den));
    t = { p, nearFloor, leastFloor: nearFloor.reduce((a, b) => (b < a ? b : a), nearFloor[0] ?? 0n), near, minPow: p.minGrowth.map((min) => growthPowers(min, p.growthYears)), nearPow: near.map((r) => growthPowers(r, p.growthYears)) };
  }
  plan.tiers.set(ref, t);
  return t;
}

const NO_ROWS: NearRow[] = Object.freeze([]) as unknown as NearRow[];

/** The row of one tier award result, or null when it is not near its next tier. */
function nearOf(e: Enterprise, r: Result, rs: RuleSet, plan: NearPlan, settled: readonly Result[], ctx: EvalContext): NearRow | null {
  const tn = tierOf(plan, rs, r.ref);
  if (!tn) return null;
  const p = tn.p;
  const year = r.year;
  const y = yearData(e, year);
  const s = y?.onlineRetailSales;
  if (s === undefined || y!.nbsDirectReporting !== true) return null;
  // Far below every tier (most enterprises): no need to know which tier is next.
  if (s < tn.leastFloor) return null;
  const strict = ctx.interpretation.threshold === 'exceed';

  // The tier the engine found on sales, and whether its growth held (its checks say so: the first of each id, in
  // one pass); funding from a higher level for the same project rules the row out.
  let threshold: Check | undefined;
  let growthCheck: Check | undefined;
  let crossing: Check | undefined;
  for (const c of r.checks) {
    if (c.id === 'higher-level-funding') {
      if (c.passed === false) return null;
    } else if (c.id === 'threshold') threshold ??= c;
    else if (c.id === 'growth') growthCheck ??= c;
    else if (c.id === 'first-crossing') crossing ??= c;
  }
  if (!threshold || threshold.passed === null) return null;
  let j: number; // index of the next tier
  if (threshold.passed === false) j = 0;
  else {
    const k = (r.tier ?? 1) - 1;
    const growth = growthCheck?.passed;
    if (growth === null || growth === undefined) return null;
    const crossed = crossing?.passed ?? true;
    if (crossed !== true) return null;
    j = growth ? k + 1 : k;
  }
  if (j >= p.thresholds.length) return null;

  // Sales first: cheap, and most enterprises are far below (s ≥ ⌈keep × thr⌉ ⇔ s ≥ keep × thr, s a whole fen).
  if (s < tn.nearFloor[j]!) return null;
  const thr = p.thresholds[j]!;
  const salesCond: Cond = reaches(s, thr, strict) ? 'met' : 'near';
  if (ctx.interpretation.tierBasis === 'first-crossing') {
    const prev = yearData(e, year - 1)?.onlineRetailSales;
    if (prev === undefined || reaches(prev, thr, strict)) return null;
  }

  const g = growthOf(e, year, tn, j, ctx, salesCond === 'met');
  if (g.cond === 'far' || g.cond === 'unknown') return null;
  if (salesCond === 'met' && g.cond === 'met') return null; // reached: not a miss (the engine would have said so)

  const awarded = awardedThrough(e, r, rs, settled);
  const awards = p.awards;
  const topUp = j + 1 > awarded ? awards[j]! - (awarded > 0 ? awards[awarded - 1]! : 0n) : 0n;
  if (topUp <= 0n) return null;

  const target = strict ? thr + 1n : thr;
  const salesGap = salesCond === 'met' ? 0n : ceilYuan(target - s);
  let salesNeeded: Fen | null = null;
  if (growthWindowEnd(year, ctx) === year) {
    const forGrowth = g.forGrowth;
    if (forGrowth !== null) salesNeeded = forGrowth > target ? forGrowth : target;
  }
  return {
    id: e.id,
    name: e.name ?? null,
    district: e.district ?? null,
    ref: r.ref,
    year,
    applicationYear: r.applicationYear,
    awarded,
    tier: j + 1,
    threshold: thr,
    minGrowth: p.minGrowth[j]!,
    growthYears: p.growthYears,
    sales: s,
    growth: g.percent,
    salesGap,
    growthGap: g.gap,
    salesNeeded,
    topUp,
  };
}

interface GrowthOutcome {
  cond: Cond;
  percent: string;
  /** Hundredths of a percentage point, rounded up. */
  gap: number;
  /** The sales of the window's last year that the minimum asks, the other years as they are. */
  forGrowth: Fen | null;
}

const UNKNOWN: GrowthOutcome = { cond: 'unknown', percent: '', gap: 0, forGrowth: null };
const FAR: GrowthOutcome = { cond: 'far', percent: '', gap: 0, forGrowth: null };
const MET: GrowthOutcome = { cond: 'met', percent: '', gap: 0, forGrowth: null };

/**
 * The window's average growth against tier j's minimum: met, within the share, or further. `salesMet`: the
 * sales condition holds already, so growth met too means no row, and nothing more is worked out.
 */
function growthOf(e: Enterprise, year: number, tn: TierNear, j: number, ctx: EvalContext, salesMet: boolean): GrowthOutcome {
  const n = tn.p.growthYears;
  const min = tn.p.minGrowth[j]!;
  const end = growthWindowEnd(year, ctx);
  // INTERPRETATION: growthAverage — as the tier award reads it (templates/tier-award.ts). The geometric reading
  // needs the window's first and last years only.
  const geometric = ctx.interpretation.growthAverage === 'geometric';
  const series: Fen[] = [];
  for (let y = end - n; y <= end; y = geometric && y < end ? end : y + 1) {
    const v = yearData(e, y)?.onlineRetailSales;
    if (v === undefined) return UNKNOWN;
    series.push(v);
  }
  for (let i = 0; i < series.length - 1; i++) if (series[i] === 0n) return FAR;
  const first = series[0]!;
  const last = series[series.length - 1]!;
  // the minimum and (1 − share) × it, with their powers worked out once (tierOf); a rate of the search below, afresh
  const met = geometric ? geometricAtLeastBy(first, last, tn.minPow[j]!) : arithmeticGrowthAtLeast(series, min);
  // Far from the minimum: the caller drops the row, so the percentage and the sales it would take are not worked out.
  if (!met && !(geometric ? geometricAtLeastBy(first, last, tn.nearPow[j]!) : arithmeticGrowthAtLeast(series, tn.near[j]!))) return FAR;
  if (met && salesMet) return MET;
  const percent = geometric ? geometricPercent(first, last, n) : arithmeticPercent(series);
  const known = series.slice(0, -1);
  const forGrowth = geometric ? minEndForGeometric(first, n, min) : minEndForArithmetic(known, min);
  if (met) return { cond: 'met', percent, gap: 0, forGrowth };
  // The smallest gap d (hundredths of a point) with growth ≥ min − d: between 0 and the whole minimum.
  const holds = (d: number): boolean => {
    const rate: Rate = { num: min.num * 10000n - BigInt(d) * min.den, den: min.den * 10000n };
    return rate.num <= 0n || (geometric ? geometricAtLeastBy(first, last, growthPowers(rate, n)) : arithmeticGrowthAtLeast(series, rate));
  };
  const whole = Number(ceilDiv(min.num * 10000n, min.den));
  let lo = 0;
  let hi = whole;
  // The percentage is the growth to within a thousandth of a point, so the gap it gives, ⌈(min − percent) × 10⁴⌉,
  // is the gap to within one. That bracket is searched when its ends check out (d = hi holds, d = lo − 1 does
  // not): at most four exact tests instead of about ten. Otherwise the whole range is.
  const guess = Number(ceilDiv(min.num * 100000n - BigInt(percent.replace('.', '')) * min.den, min.den * 10n));
  const from = Math.max(0, guess - 1);
  const to = Math.min(whole, guess + 1);
  if (from <= to && holds(to) && (from === 0 || !holds(from - 1))) [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return { cond: 'near', percent, gap: lo, forGrowth };
}

/** The highest tier of the result's ledger awarded up to its year: received before, or paid by the plan. */
function awardedThrough(e: Enterprise, r: Result, rs: RuleSet, settled: readonly Result[]): number {
  const ledger = r.ledger!.name;
  let tier = 0;
  for (const p of e.priorAwards) {
    if (p.tier === undefined || p.year > r.year || p.tier <= tier) continue;
    if (p.measure === ledger || rs.byRef.get(p.measure)?.def.ledger === ledger) tier = p.tier;
  }
  for (const x of settled) {
    if (x.ledger?.name === ledger && x.status === 'eligible' && x.year <= r.year && (x.tier ?? 0) > tier) tier = x.tier!;
  }
  return tier;
}

/** Fen rounded up to a whole 元. */
function ceilYuan(fen: Fen): Fen {
  return ((fen + 99n) / 100n) * 100n;
}

const HEADER = {
  en: ['id', 'name', 'district', 'measure', 'year', 'application_year', 'tier_awarded', 'next_tier', 'threshold', 'min_growth_pct', 'sales', 'growth_pct', 'sales_gap', 'growth_gap_pp', 'sales_needed', 'top_up'],
  zh: ['统一社会信用代码', '企业名称', '所属区', '措施', '业绩年度', '申报年度', '已获最高档', '下一档', '下一档门槛（元）', '下一档最低平均增长率（%）', '网上零售额（元）', '平均增长率（%）', '销售额差距（元）', '增长率差距（百分点）', '两项均达标所需销售额（元）', '可获奖励（差额，元）'],
} as const;

/** The potential list's header row. */
export function nearHeader(lang: Lang): string[] {
  return [...HEADER[lang]];
}

/** Columns of the potential list that hold amounts in 元 (a workbook formats them #,##0.00). */
export const NEAR_MONEY_COLUMNS: ReadonlySet<number> = new Set([8, 10, 12, 14, 15]);
/** Columns that hold whole numbers or percentages (numbers in a workbook). */
export const NEAR_NUMBER_COLUMNS: ReadonlySet<number> = new Set([4, 5, 6, 7, 9, 11, 13]);

/** A row as cells: amounts as plain numbers with two decimals, rates as percentages, empty where unknown. */
export function nearCells(r: NearRow): string[] {
  return [
    r.id,
    r.name ?? '',
    r.district ?? '',
    r.ref,
    String(r.year),
    String(r.applicationYear),
    String(r.awarded),
    String(r.tier),
    formatYuan(r.threshold),
    ratePercent(r.minGrowth),
    formatYuan(r.sales),
    r.growth,
    formatYuan(r.salesGap),
    fixed(BigInt(r.growthGap), 2),
    r.salesNeeded === null ? '' : formatYuan(r.salesNeeded),
    formatYuan(r.topUp),
  ];
}

/** The potential list's cells before its first number (id, name, district, measure): every later one is a number. */
const TEXT_CELLS = Math.min(...NEAR_MONEY_COLUMNS, ...NEAR_NUMBER_COLUMNS);

/**
 * A row's cells (nearCells) as a CSV line, the same as csvLine's: the text cells made safe and quoted where they
 * need it; the numbers as they are, being plain decimals (a minus sign at most), which a spreadsheet never reads
 * as a formula and which hold no comma or quote.
 */
export function nearCsvLine(cells: readonly string[]): string {
  let line = csvCell(cells[0]!);
  for (let i = 1; i < cells.length; i++) line += ',' + (i < TEXT_CELLS ? csvCell(cells[i]!) : cells[i]!);
  return line + '\r\n';
}

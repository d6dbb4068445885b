/**
 * The templates a district's document uses on a yearly money input (sales, retail, revenue, one category's
 * scale): first-reach-tiers, per-step, increment-ratio and threshold-growth. Each reads one input by its id and
 * explains its checks with the figures, as the tier award does.
 */
import { yearData, type Enterprise, type YearField } from '../domain/enterprise.js';
import { applyRate, geometricGrowthAtLeast, geometricPercent, minFen, rateString, reaches, type Fen } from '../domain/money.js';
import { UNEXPLAINED, type Check, type Msg } from '../domain/result.js';
import { decide, missingCheck } from '../policies/common.js';
import { defineMeasure, type EvalContext, type MeasureDef, type Outcome, type Param } from '../policies/define.js';
import { headFields, type MeasureHead } from './head.js';

/** The value of a yearly money input, by id (a built-in field or one a policy file declares). */
export function moneyOf(e: Enterprise, year: number, input: string): Fen | undefined {
  return (yearData(e, year) as Record<string, unknown> | undefined)?.[input] as Fen | undefined;
}

interface Common extends MeasureHead {
  /** The yearly money input the measure reads, by id. */
  input: string;
}

function base<S extends Record<string, Param>>(o: Common, params: S, kind: 'cash-cap' | 'cash-formula', extraNotes: readonly Msg[] = []) {
  return { ...headFields({ ...o, notes: [...(o.notes ?? []), ...extraNotes] }, kind, 1), params, reads: { fields: [o.input as YearField] } };
}

/** The level check of the year begins the checks; the outcome at once when the year's value is missing. */
function levelFirst(e: Enterprise, year: number, input: string, floor: Fen, ctx: EvalContext): { v: Fen; checks: Check[] } | Outcome {
  const v = moneyOf(e, year, input);
  if (v === undefined) return decide([missingCheck('level', year, input as YearField)]);
  return { v, checks: [levelCheck(input, year, v, floor, strictOf(ctx), ctx.explain)] };
}

const strictOf = (ctx: EvalContext) => ctx.interpretation.threshold === 'exceed'; // INTERPRETATION: threshold — "突破"/"达" as ≥ or >

/** The level check: the input of the year reaches `threshold` (a tier's, when `tier` is given). */
function levelCheck(input: string, year: number, value: Fen, threshold: Fen, strict: boolean, explain: boolean, tier?: number): Check {
  const ok = reaches(value, threshold, strict);
  if (!explain) return { id: 'level', passed: ok, msg: UNEXPLAINED };
  return { id: 'level', passed: ok, msg: { key: ok ? 'level.pass' : 'level.fail', args: { field: input, year, value, threshold, strict, tier: tier ?? null } } };
}

/** The year-on-year increase of the input, or the check that says why there is none (missing, not above zero). */
function increaseOf(e: Enterprise, year: number, input: string, explain: boolean): { check: Check; increase: Fen | null } {
  const now = moneyOf(e, year, input);
  const prev = moneyOf(e, year - 1, input);
  if (now === undefined) return { check: missingCheck('increase', year, input as YearField), increase: null };
  if (prev === undefined) return { check: missingCheck('increase', year - 1, input as YearField), increase: null };
  const increase = now - prev;
  const ok = increase > 0n;
  return { check: { id: 'increase', passed: ok, msg: explain ? { key: ok ? 'increase.pass' : 'increase.fail', args: { field: input, year, value: now, prev, increase } } : UNEXPLAINED }, increase: ok ? increase : null };
}

// ---------------------------------------------------------------------------------------------------------------
// first-reach-tiers: "年度规模首次突破5000万元、1亿元、3亿元、10亿元的，分别给予一次性…支持"

export type FirstReachParams = { thresholds: Param<'money[]'>; awards: Param<'money[]'> };

/**
 * INTERPRETATION: firstReachJump — a year that first reaches several tiers at once (3,000万 → 3亿 crosses 5,000万,
 * 1亿 and 3亿): `highest` pays the highest tier reached ("分别给予" read as one award per year, the tier's), `every`
 * pays every tier crossed (each tier's one-off award, once). A policy file names its reading; it is a note on
 * every result.
 */
export type FirstReachJump = 'highest' | 'every';

export function firstReachTiersMeasure(o: Common & { params: FirstReachParams; jump: FirstReachJump }): MeasureDef<FirstReachParams> {
  const input = o.input;
  const jump = o.jump;
  return defineMeasure<FirstReachParams>({
    ...base(o, o.params, 'cash-cap', [{ key: jump === 'every' ? 'note.first-reach-every' : 'note.first-reach-highest' }]),
    evaluate(e, year, p, ctx): Outcome {
      const explain = ctx.explain;
      const strict = strictOf(ctx);
      const v = moneyOf(e, year, input);
      if (v === undefined) return decide([missingCheck('level', year, input as YearField)]);
      let k = -1;
      for (let t = 0; t < p.thresholds.length; t++) if (reaches(v, p.thresholds[t]!, strict)) k = t;
      if (k < 0) return decide([levelCheck(input, year, v, p.thresholds[0]!, strict, explain, 1)]);
      const checks: Check[] = [levelCheck(input, year, v, p.thresholds[k]!, strict, explain, k + 1)];
      // "首次": the highest tier reached before, from every earlier year the input gives and the prior awards of
      // this measure; the year before must be given (an unknown year before could have reached it already).
      if (moneyOf(e, year - 1, input) === undefined) {
        checks.push(missingCheck('first-reach', year - 1, input as YearField));
        return decide(checks);
      }
      let before = -1;
      let beforeYear: number | null = null;
      for (let y = year - 1; y >= year - 50; y--) {
        const w = moneyOf(e, y, input);
        if (w === undefined) continue;
        for (let t = p.thresholds.length - 1; t > before; t--) {
          if (reaches(w, p.thresholds[t]!, strict)) {
            before = t;
            beforeYear = y;
            break;
          }
        }
      }
      for (const pa of e.priorAwards) {
        if (pa.year < year && pa.tier !== undefined && pa.tier - 1 > before && (pa.measure === o.id || pa.measure.endsWith('/' + o.id))) {
          before = pa.tier - 1;
          beforeYear = pa.year;
        }
      }
      const first = before < k;
      let amount: Fen = 0n;
      if (first) for (let t = jump === 'every' ? before + 1 : k; t <= k; t++) amount += p.awards[t]!;
      checks.push({
        id: 'first-reach',
        passed: first,
        msg: explain
          ? { key: first ? 'first-reach.pass' : 'first-reach.fail', args: { year, tier: k + 1, from: before + 2, before: before + 1, beforeYear, amount: first ? amount : null, every: jump === 'every' } }
          : UNEXPLAINED,
      });
      const out = decide(checks, amount);
      out.tier = k + 1;
      return out;
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// per-step: "较上一年每增加1亿元给予10万元奖励，年度最高不超过400万元"

export type PerStepParams = { step: Param<'money'>; award: Param<'money'>; cap: Param<'money'>; floor?: Param<'money'> };

/**
 * INTERPRETATION: perStep — "每增加1亿元给予10万元": `whole` counts whole steps only (1.9亿 → 1 step, the default,
 * as "每增加" reads), `pro-rata` pays the increase in proportion (1.9亿 → 19万元, rounded down to the fen).
 */
export type PerStepReading = 'whole' | 'pro-rata';

export function perStepMeasure(o: Common & { params: PerStepParams; reading: PerStepReading }): MeasureDef<PerStepParams> {
  const input = o.input;
  const proRata = o.reading === 'pro-rata';
  return defineMeasure<PerStepParams>({
    ...base(o, o.params, 'cash-formula', [{ key: proRata ? 'note.per-step-pro-rata' : 'note.per-step-whole' }]),
    evaluate(e, year, p, ctx): Outcome {
      const explain = ctx.explain;
      const checks: Check[] = [];
      const floor = (p as { floor?: Fen }).floor;
      if (floor !== undefined) {
        const v = moneyOf(e, year, input);
        if (v === undefined) return decide([missingCheck('level', year, input as YearField)]);
        checks.push(levelCheck(input, year, v, floor, strictOf(ctx), explain));
      }
      const { check, increase } = increaseOf(e, year, input, explain);
      checks.push(check);
      if (increase === null) return decide(checks);
      const steps = increase / p.step;
      const sum = proRata ? (increase * p.award) / p.step : steps * p.award;
      const amount = minFen(sum, p.cap);
      const ok = sum > 0n;
      checks.push({
        id: 'steps',
        passed: ok,
        msg: explain ? { key: ok ? (proRata ? 'steps.pro-rata' : 'steps.whole') : 'steps.fail', args: { increase, step: p.step, steps, award: p.award, sum, cap: p.cap, amount } } : UNEXPLAINED,
      });
      return decide(checks, amount);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// increment-ratio: "年销售额达5亿元以上的…对其年销售额增量按一定比例予以奖励，年度最高…"

export type IncrementRatioParams = { floor: Param<'money'>; rate: Param<'rate'>; cap: Param<'money'> };

export function incrementRatioMeasure(o: Common & { params: IncrementRatioParams }): MeasureDef<IncrementRatioParams> {
  const input = o.input;
  return defineMeasure<IncrementRatioParams>({
    ...base(o, o.params, 'cash-formula'),
    evaluate(e, year, p, ctx): Outcome {
      const explain = ctx.explain;
      const level = levelFirst(e, year, input, p.floor, ctx);
      if ('status' in level) return level;
      const checks = level.checks;
      const { check, increase } = increaseOf(e, year, input, explain);
      checks.push(check);
      if (increase === null) return decide(checks);
      const share = applyRate(increase, p.rate);
      const amount = minFen(share, p.cap);
      checks.push({ id: 'cap', passed: true, msg: explain ? { key: 'ratio.applied', args: { base: increase, rate: rateString(p.rate), share, cap: p.cap, amount } } : UNEXPLAINED });
      return decide(checks, amount);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// threshold-growth: "年度规模5亿元以上，且同比增长5%以上的…每年给予最高100万元支持"

export type ThresholdGrowthParams = { floor: Param<'money'>; minGrowth: Param<'rate'>; award: Param<'money'> };

export function thresholdGrowthMeasure(o: Common & { params: ThresholdGrowthParams }): MeasureDef<ThresholdGrowthParams> {
  const input = o.input;
  return defineMeasure<ThresholdGrowthParams>({
    ...base(o, o.params, 'cash-cap'),
    evaluate(e, year, p, ctx): Outcome {
      const explain = ctx.explain;
      const level = levelFirst(e, year, input, p.floor, ctx);
      if ('status' in level) return level;
      const { v, checks } = level;
      const prev = moneyOf(e, year - 1, input);
      if (prev === undefined) checks.push(missingCheck('growth', year - 1, input as YearField));
      else if (prev === 0n) checks.push({ id: 'growth', passed: false, msg: { key: 'growth.zero-base', args: { year: year - 1 } } });
      else {
        // 同比增长 ≥ min ⇔ v ≥ prev × (1 + min), exactly
        const ok = geometricGrowthAtLeast(prev, v, 1, p.minGrowth);
        checks.push({ id: 'growth', passed: ok, msg: explain ? { key: ok ? 'yoy.pass' : 'yoy.fail', args: { field: input, year, value: v, prev, rate: geometricPercent(prev, v, 1), min: rateString(p.minGrowth) } } : UNEXPLAINED });
      }
      return decide(checks, p.award);
    },
  });
}

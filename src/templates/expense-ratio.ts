/**
 * expense-ratio: a share of a yearly expense with a yearly ceiling ("给予不超过推广费用 50%的资金扶持，单个企业每年
 * 扶持金额不超过 100 万元"), rounded down to the fen, for an enterprise on a list or of a track; and tax-deduction,
 * a deduction on an expense of the year (an amount when the text gives the rate, none when national rules do).
 */
import { yearData, type Enterprise, type ListId, type Track, type YearField } from '../domain/enterprise.js';
import { applyRate, minFen, rateString, type Fen, type Rate } from '../domain/money.js';
import { UNEXPLAINED, type Check } from '../domain/result.js';
import { decide, fieldCheck, listedCheck, trackCheck } from '../policies/common.js';
import { defineMeasure, type EvalContext, type MeasureDef, type Outcome, type Param } from '../policies/define.js';
import { headFields, type MeasureHead } from './head.js';

/** A share of a yearly cost with a yearly ceiling, rounded down to the fen. */
export function costShare(e: Enterprise, year: number, field: YearField, rate: Rate, cap: Fen, checks: Check[], ctx: EvalContext): Outcome {
  const explain = ctx.explain;
  const cost = fieldCheck<Fen>('cost', e, year, field, (v) => v > 0n, undefined, explain);
  checks.push(cost);
  const value = yearData(e, year)?.[field] as Fen | undefined;
  if (value === undefined) return decide(checks, null);
  const share = applyRate(value, rate);
  const amount = minFen(share, cap);
  checks.push({ id: 'cap', passed: true, msg: explain ? { key: 'cap.applied', args: { base: value, rate: rateString(rate), share, cap, amount } } : UNEXPLAINED });
  return decide(checks, amount);
}

export type ExpenseRatioParams = { rate: Param<'rate'>; cap: Param<'money'> };

interface ExpenseRatioOptions extends MeasureHead {
  /** The yearly expense (money). */
  input: YearField;
  params: ExpenseRatioParams;
  /** Only for enterprises on one of these lists in the year ("遴选…企业，对其…费用"): a check. */
  lists?: readonly ListId[];
  /** Only for enterprises of this track ("对跨境电商企业…"): a check, so a cost given without it says why not. */
  track?: Track;
}

export function expenseRatioMeasure(o: ExpenseRatioOptions): MeasureDef<ExpenseRatioParams> {
  const lists = o.lists;
  const track = o.track;
  return defineMeasure<ExpenseRatioParams>({
    ...headFields(o, 'cash-formula', 1),
    params: o.params,
    reads: { fields: [o.input], ...(lists ? { lists } : {}) },
    evaluate(e, year, p, ctx) {
      const checks: Check[] = [];
      if (lists) checks.push(listedCheck(e, lists, year));
      if (track) checks.push(trackCheck(e, track, ctx.explain));
      return costShare(e, year, o.input, p.rate, p.cap, checks, ctx);
    },
  });
}

export type TaxDeductionParams = Record<string, Param<'rate'>>;

interface TaxDeductionOptions extends MeasureHead {
  /** The yearly expense deducted (money); it must be above zero. */
  input: YearField;
  /** With a rate, the amount is rate × expense (加计扣除 50%); without, the text leaves it to national rules. */
  params: TaxDeductionParams;
  /** The name of the rate among the parameters (default `rate`). */
  rateParam?: string;
}

export function taxDeductionMeasure(o: TaxDeductionOptions): MeasureDef<TaxDeductionParams> {
  const rateName = o.rateParam ?? 'rate';
  return defineMeasure<TaxDeductionParams>({
    ...headFields(o, 'tax-deduction', 1),
    params: o.params,
    reads: { fields: [o.input] },
    evaluate(e, year, p) {
      const rate = p[rateName] as Rate | undefined;
      const check = fieldCheck<Fen>('cost', e, year, o.input, (v) => v > 0n);
      const v = yearData(e, year)?.[o.input] as Fen | undefined;
      return decide([check], v === undefined || !rate ? null : applyRate(v, rate));
    },
  });
}

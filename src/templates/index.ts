/**
 * The templates a policy file may name, each with the parameters and options it takes, and how a checked measure
 * of a file becomes the same MeasureDef a built-in document builds in TypeScript: one implementation for both.
 */
import type { ListId, ProjectType, Track, YearField } from '../domain/enterprise.js';
import type { Kind, Msg } from '../domain/result.js';
import type { MeasureDef, Param, ParamSpecs, ParamType } from '../policies/define.js';
import { flagMeasure, projectMeasure } from './condition.js';
import { expenseRatioMeasure, taxDeductionMeasure, type ExpenseRatioParams } from './expense-ratio.js';
import { listMeasure } from './list-award.js';
import { tierAwardMeasure, type TierParams } from './tier-award.js';
import {
  firstReachTiersMeasure,
  incrementRatioMeasure,
  perStepMeasure,
  thresholdGrowthMeasure,
  type FirstReachJump,
  type FirstReachParams,
  type IncrementRatioParams,
  type PerStepParams,
  type PerStepReading,
  type ThresholdGrowthParams,
} from './yearly.js';

/** A measure of a policy file once checked: what the templates build from. */
export interface MeasureSpec {
  id: string;
  template: TemplateName;
  article: string;
  kind: Kind;
  title: { zh: string; en: string };
  quote: string;
  params: ParamSpecs;
  tracks?: Track[];
  applicationLag?: number;
  notes?: Msg[];
  input?: string;
  lists?: ListId[];
  listTrack?: 'ecommerce' | 'livestream';
  firstTime?: boolean;
  project?: ProjectType;
  flags?: string[];
  track?: Track;
  jump?: FirstReachJump;
  reading?: PerStepReading;
  ledger?: string;
}

export type Option = 'input' | 'lists' | 'listTrack' | 'firstTime' | 'project' | 'flags' | 'track' | 'jump' | 'reading' | 'ledger';

export interface ParamSlot {
  type: ParamType;
  required: boolean;
  tiered?: boolean;
}

export interface TemplateDef {
  /** The kinds a measure of this template may be; the first is the default. */
  kinds: readonly Kind[];
  params: Record<string, ParamSlot>;
  /** The options it takes, and those it needs. */
  options: readonly Option[];
  required: readonly Option[];
  /** The type of input it reads (input), when it reads one. */
  inputType?: 'money' | 'boolean';
  /** What it means, for `rules --policy-schema` and the messages: zh / en. */
  about: { zh: string; en: string };
  build(m: MeasureSpec): MeasureDef<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const money: ParamSlot = { type: 'money', required: true };
const rate: ParamSlot = { type: 'rate', required: true };
const years: ParamSlot = { type: 'year[]', required: false };
const tiers = (type: ParamType, required = true): ParamSlot => ({ type, required, tiered: true });

/** The fields every template's result shares, from the spec. */
function common(m: MeasureSpec) {
  return {
    id: m.id,
    article: m.article,
    title: m.title,
    quote: m.quote,
    ...(m.tracks ? { tracks: m.tracks } : {}),
    ...(m.applicationLag !== undefined ? { applicationLag: m.applicationLag } : {}),
    ...(m.notes && m.notes.length ? { notes: m.notes } : {}),
  };
}

/** A measure limited to the years of its `years` parameter, when it has one ("对2025-2027年…"). */
function withYears<M extends MeasureDef<any>>(m: M, spec: MeasureSpec): M { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!spec.params['years'] || m.inForceYears) return m;
  return { ...m, inForceYears: (p: { years: number[] }) => p.years } as M;
}

const listOf = (m: MeasureSpec) => ({
  ...common(m),
  kind: m.kind,
  lists: m.lists!,
  ...(m.firstTime ? { firstTime: true } : {}),
  ...(m.listTrack ? { track: m.listTrack } : {}),
  params: m.params,
  ...(m.params['cap'] ? { cap: 'cap' } : {}),
  ...(m.params['listYears'] ? { selectionYears: 'listYears' } : {}),
});

/** non-monetary and unquantified: a list, a project or yes/no inputs decide it. */
function condition(m: MeasureSpec): MeasureDef<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (m.lists) return listMeasure(listOf(m));
  if (m.project) return projectMeasure({ ...common(m), kind: m.kind, type: m.project });
  return flagMeasure({ ...common(m), kind: m.kind, flags: m.flags!.map((f) => ({ input: f as YearField, check: 'flag' })) });
}

export const TEMPLATES = {
  'tier-award': {
    kinds: ['cash-cap'],
    params: { thresholds: tiers('money[]'), minGrowth: tiers('rate[]', false), awards: tiers('money[]'), growthYears: { type: 'count', required: false }, years: { type: 'year[]', required: true } },
    options: ['input', 'ledger'],
    required: [],
    inputType: 'money',
    about: { zh: '年度网上零售额进档奖励（可带连续增长率条件），再进档补差额', en: 'tier award on yearly online retail sales (growth optional), topped up on a higher tier' },
    build: (m) => tierAwardMeasure({ ...common(m), params: m.params as unknown as TierParams, ...(m.ledger ? { ledger: m.ledger } : {}) }),
  },
  'first-reach-tiers': {
    kinds: ['cash-cap'],
    params: { thresholds: tiers('money[]'), awards: tiers('money[]'), years },
    options: ['input', 'jump'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '首次突破各档门槛的一次性奖励', en: 'a one-off award on first reaching each threshold' },
    build: (m) => withYears(firstReachTiersMeasure({ ...common(m), input: m.input!, params: m.params as unknown as FirstReachParams, jump: m.jump ?? 'highest' }), m),
  },
  'per-step': {
    kinds: ['cash-formula'],
    params: { step: money, award: money, cap: money, floor: { type: 'money', required: false }, years },
    options: ['input', 'reading'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '较上一年每增加一档给予定额，年度封顶', en: 'a sum per step of year-on-year increase, capped a year' },
    build: (m) => withYears(perStepMeasure({ ...common(m), input: m.input!, params: m.params as unknown as PerStepParams, reading: m.reading ?? 'whole' }), m),
  },
  'increment-ratio': {
    kinds: ['cash-formula'],
    params: { floor: money, rate, cap: money, years },
    options: ['input'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '达到规模的，按增量的一定比例奖励，年度封顶', en: 'a share of the year-on-year increase above a floor, capped a year' },
    build: (m) => withYears(incrementRatioMeasure({ ...common(m), input: m.input!, params: m.params as unknown as IncrementRatioParams }), m),
  },
  'threshold-growth': {
    kinds: ['cash-cap'],
    params: { floor: money, minGrowth: rate, award: money, years },
    options: ['input'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '规模与同比增长率同时达到的，给予定额（最高）支持', en: 'a sum (or ceiling) when both a level and a growth rate are reached' },
    build: (m) => withYears(thresholdGrowthMeasure({ ...common(m), input: m.input!, params: m.params as unknown as ThresholdGrowthParams }), m),
  },
  'expense-ratio': {
    kinds: ['cash-formula'],
    params: { rate, cap: money, years },
    options: ['input', 'lists', 'track'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '按费用的一定比例扶持，每年封顶', en: 'a share of an expense, capped a year' },
    build: (m) => withYears(expenseRatioMeasure({ ...common(m), input: m.input as YearField, params: m.params as unknown as ExpenseRatioParams, ...(m.lists ? { lists: m.lists } : {}), ...(m.track ? { track: m.track } : {}) }), m),
  },
  'list-award': {
    kinds: ['cash-cap', 'unquantified', 'non-monetary'],
    params: { cap: { type: 'money', required: false }, listYears: { type: 'year[]', required: false }, years },
    options: ['lists', 'listTrack', 'firstTime'],
    required: ['lists'],
    about: { zh: '列入名单的奖励（首次进入或每年）', en: 'an award for being on a list (first entry only, or each year)' },
    build: (m) => withYears(listMeasure(listOf(m)), m),
  },
  'non-monetary': {
    kinds: ['non-monetary'],
    params: { years },
    options: ['lists', 'listTrack', 'firstTime', 'project', 'flags'],
    required: [],
    inputType: 'boolean',
    about: { zh: '非资金支持（认定、便利、服务）', en: 'non-monetary support (a status, a facilitation, services)' },
    build: (m) => withYears(condition(m), m),
  },
  unquantified: {
    kinds: ['unquantified'],
    params: { years },
    options: ['lists', 'listTrack', 'firstTime', 'project', 'flags'],
    required: [],
    inputType: 'boolean',
    about: { zh: '按其他政策给予、金额未定的支持', en: 'support whose amount another policy sets' },
    build: (m) => withYears(condition(m), m),
  },
  'tax-deduction': {
    kinds: ['tax-deduction'],
    params: { rate: { type: 'rate', required: false }, years },
    options: ['input'],
    required: ['input'],
    inputType: 'money',
    about: { zh: '对当年费用的税前（加计）扣除', en: 'a (super-)deduction on an expense of the year' },
    build: (m) => withYears(taxDeductionMeasure({ ...common(m), input: m.input as YearField, params: m.params as Record<string, Param<'rate'>> }), m),
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

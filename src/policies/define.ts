/**
 * How a policy document is written down: its dated, cited parameters and its measures as named checks.
 * Every number a rule uses is a parameter here, with the article and a quote; rules read resolved values.
 */
import type { Enterprise, ListId, ProjectType, Track, YearField } from '../domain/enterprise.js';
import { parseRate, yuan, type Fen, type Rate } from '../domain/money.js';
import type { Check, Kind, Msg, NextTier } from '../domain/result.js';
import type { Interpretation } from '../engine/interpretation.js';

/** The types a parameter may have; they decide how it is read, overridden and validated. */
export type ParamType = 'money' | 'money[]' | 'rate' | 'rate[]' | 'year[]' | 'count' | 'date' | 'date?';

interface ValueOf {
  money: number;
  'money[]': number[];
  rate: string;
  'rate[]': string[];
  'year[]': number[];
  count: number;
  date: string;
  'date?': string | null;
}
interface ResolvedOf {
  money: Fen;
  'money[]': Fen[];
  rate: Rate;
  'rate[]': Rate[];
  'year[]': number[];
  count: number;
  date: string;
  'date?': string | null;
}

/** A parameter as written in a parameters file: value (元 for money, decimal strings for rates), article, quote. */
export interface Param<T extends ParamType = ParamType> {
  readonly type: T;
  readonly value: ValueOf[T];
  readonly article: string;
  /** The text's own words, verbatim (test/laws.test.ts); empty only when the text says nothing (then `note`). */
  readonly quote: string;
  /** An editorial remark (where a date comes from, what the text leaves unsaid): never part of the quote. */
  readonly note?: string;
  /** Tier tables: all arrays of one measure with `tiered` have the same length. */
  readonly tiered?: boolean;
}

export type ParamSpecs = Record<string, Param>;
export type Resolved<S extends ParamSpecs> = { [K in keyof S]: ResolvedOf[S[K]['type']] };

/** Builders that keep parameters files short and typed. */
export const param = {
  money: (value: number, article: string, quote: string): Param<'money'> => ({ type: 'money', value, article, quote }),
  moneyTiers: (value: number[], article: string, quote: string): Param<'money[]'> => ({
    type: 'money[]',
    value,
    article,
    quote,
    tiered: true,
  }),
  rate: (value: string, article: string, quote: string): Param<'rate'> => ({ type: 'rate', value, article, quote }),
  rateTiers: (value: string[], article: string, quote: string): Param<'rate[]'> => ({
    type: 'rate[]',
    value,
    article,
    quote,
    tiered: true,
  }),
  years: (value: number[], article: string, quote: string): Param<'year[]'> => ({ type: 'year[]', value, article, quote }),
  count: (value: number, article: string, quote: string): Param<'count'> => ({ type: 'count', value, article, quote }),
  date: (value: string, article: string, quote: string, note?: string): Param<'date'> => ({ type: 'date', value, article, quote, ...(note ? { note } : {}) }),
  openDate: (value: string | null, article: string, quote: string, note?: string): Param<'date?'> => ({
    type: 'date?',
    value,
    article,
    quote,
    ...(note ? { note } : {}),
  }),
};

/** Turns a parameter's written value into the value rules compute with. */
export function resolveParam<T extends ParamType>(p: { type: T; value: unknown }): ResolvedOf[T] {
  const v = p.value as never;
  switch (p.type) {
    case 'money':
      return yuan(v) as ResolvedOf[T];
    case 'money[]':
      return (v as number[]).map((x) => yuan(x)) as ResolvedOf[T];
    case 'rate':
      return mustRate(v) as ResolvedOf[T];
    case 'rate[]':
      return (v as string[]).map(mustRate) as ResolvedOf[T];
    default:
      return v as ResolvedOf[T];
  }
}

function mustRate(v: string | number): Rate {
  const r = parseRate(v);
  if (!r) throw new Error(`bad rate in parameters: ${v}`);
  return r;
}

export function resolveParams<S extends ParamSpecs>(specs: S): Resolved<S> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(specs)) out[k] = resolveParam(p);
  return out as Resolved<S>;
}

/** What a rule decides for one year, before conflicts, ledgers and output. */
export interface Outcome {
  status: 'eligible' | 'ineligible' | 'needs-data';
  checks: Check[];
  missing?: readonly string[];
  amount?: Fen | null;
  tier?: number;
  next?: NextTier;
  /** Tier awards that top up within a shared ledger (SPEC §5 step 4): the award of every tier. */
  ledgerAwards?: Fen[];
}

export interface EvalContext {
  readonly interpretation: Interpretation;
  /**
   * false: the caller reads only outcomes — status, amount, tier, each check's id and result (the wide award
   * tables and their aggregators, diff) — so a rule leaves out the words: its checks' messages (UNEXPLAINED
   * instead) and the next-tier hint. Decisions never depend on it.
   */
  readonly explain: boolean;
}

/** The inputs a measure reads, by kind. */
export interface Reads {
  /** Yearly fields (built-in YearFields or per-year inputs a policy file declares): the years that give one of them. */
  readonly fields?: readonly (YearField | (string & {}))[];
  /** Lists (built-in ListIds or lists a policy file declares): the years of the entries. */
  readonly lists?: readonly (ListId | (string & {}))[];
  /** Only list entries of this track (鸿鹄 is one list with a track per entry; default ecommerce). */
  readonly listTrack?: Track;
  /** 2019 projects: the years of the projects of these types. */
  readonly projects?: readonly ProjectType[];
  /** The registered capital: the year of `registeredOn`. */
  readonly registeredCapital?: boolean;
}

export interface MeasureDef<S extends ParamSpecs = ParamSpecs> {
  /** kebab-case id, unique within the policy. */
  readonly id: string;
  readonly article: string;
  readonly kind: Kind;
  readonly title: { readonly zh: string; readonly en: string };
  /** The words of the article this measure implements. */
  readonly quote: string;
  readonly params: S;
  /** Tracks the enterprise must have for the measure to apply at all; absent = every enterprise. */
  readonly tracks?: readonly Track[];
  /** Years after the performance year in which it is applied for / paid (tier awards: 1, "于次年"). */
  readonly applicationLag: number;
  /** A shared ledger of awarded tiers, for top-ups (SPEC §5 step 4). */
  readonly ledger?: string;
  /** Notes every result of this measure carries (besides its policy's). */
  readonly notes?: readonly Msg[];
  /** The performance years the measure covers, when narrower than the policy's validity. */
  inForceYears?(p: Resolved<S>): readonly number[];
  /**
   * What the measure reads. A result appears for every year in which the enterprise gives one of these (SPEC §3);
   * an enterprise that gives none of them gets no result, and the engine does not call the rule at all.
   */
  readonly reads: Reads;
  evaluate(e: Enterprise, year: number, p: Resolved<S>, ctx: EvalContext): Outcome;
}

/** Keeps a measure's parameter types attached to its rule functions. */
export function defineMeasure<S extends ParamSpecs>(m: MeasureDef<S>): MeasureDef<S> {
  return m;
}

export interface PolicyDef {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly docNumber?: string;
  readonly issuer: string;
  readonly issued: string;
  readonly seedFile: string;
  readonly validity: { readonly from: Param<'date'>; readonly to: Param<'date?'> };
  /** Notes every result of this policy carries. */
  readonly notes?: readonly Msg[];
  /**
   * "以上事项对已获得国家和省同一项目资金奖补的，不重复支持": only the documents that say so (000 第二十条,
   * 003 十七) bar a result the enterprise declares in `higherLevelFunding`.
   */
  readonly noDoubleFunding?: { readonly article: string; readonly quote: string };
  readonly measures: readonly MeasureDef<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function definePolicy(p: PolicyDef): PolicyDef {
  const seen = new Set<string>();
  for (const m of p.measures) {
    if (seen.has(m.id)) throw new Error(`${p.id}: measure ${m.id} defined twice`);
    seen.add(m.id);
  }
  return p;
}

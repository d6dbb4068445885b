/** What the engine says about one measure in one year (SPEC §3), before rendering. */
import type { Fen } from './money.js';

export const STATUSES = ['eligible', 'ineligible', 'needs-data', 'not-in-force', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

export const KINDS = ['cash-cap', 'cash-formula', 'tax-deduction', 'unquantified', 'non-monetary'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds whose amounts are cash and count in the total. */
export function isCash(kind: Kind): boolean {
  return kind === 'cash-cap' || kind === 'cash-formula';
}

/**
 * A message the renderer turns into words: a key of render/messages and its arguments. Keeping words out of
 * the engine lets one result be shown in Chinese or English, and keeps the batch loop free of formatting.
 */
export interface Msg {
  readonly key: string;
  readonly args?: Readonly<Record<string, string | number | bigint | boolean | null>>;
}

/**
 * The message of a check made without words (EvalContext.explain false): the check still decides, but no output
 * of that run shows it.
 */
export const UNEXPLAINED: Msg = Object.freeze({ key: 'unexplained' });

/** One named step of a rule, with its outcome: true passed, false failed, null undecided (data missing). */
export interface Check {
  readonly id: string;
  readonly passed: boolean | null;
  readonly msg: Msg;
  /** The article the step applies, when it differs from the measure's. */
  readonly article?: string;
  /** Input paths that would decide an undecided check. */
  readonly missing?: readonly string[];
}

/** What it would take to reach the next tier of a tier award. */
export interface NextTier {
  year: number;
  tier: number;
  threshold: Fen;
  /** The minimum average growth of that tier, as a decimal string ("0.06"), over `growthYears` years. */
  minGrowth: string;
  growthYears: number;
  /** Sales the year would need so that the growth minimum holds too, when the window's base is known. */
  salesForGrowth?: Fen;
}

export interface Result {
  policy: string;
  measure: string;
  /** "policy/measure". */
  ref: string;
  article: string;
  year: number;
  applicationYear: number;
  status: Status;
  kind: Kind;
  /** Cash or deduction amount in fen; null for unquantified and non-monetary, and where nothing is due. */
  amount: Fen | null;
  tier: number | null;
  checks: Check[];
  missing: string[];
  supersededBy: string | null;
  notes: Msg[];
  next?: NextTier;
  /** Internal to the engine: the shared ledger of a tier award and its award per tier (not output). */
  ledger?: { readonly name: string; readonly awards: readonly Fen[] };
}

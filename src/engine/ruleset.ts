/**
 * A rule set: the policies with their parameters resolved (and overridden, for what-if runs), ready to evaluate
 * a million enterprises without reading a parameter file again.
 */
import type { Fen } from '../domain/money.js';
import type { MeasureDef, PolicyDef } from '../policies/define.js';
import { resolveParam, resolveParams } from '../policies/define.js';
import { FILE_CONFLICTS, POLICIES, policiesVersion } from '../policies/index.js';
import { CONFLICTS, type ConflictData } from './conflicts.js';
import { readsMasks } from './presence.js';

export interface ResolvedMeasure {
  readonly policy: string;
  readonly ref: string;
  readonly def: MeasureDef;
  readonly params: Record<string, unknown>;
  /** Explicit performance years, or null to follow the policy's validity. */
  readonly years: ReadonlySet<number> | null;
  /** Bits of everything the measure reads, and of its yearly fields (engine/presence.ts). */
  readonly mask: number;
  readonly fieldMask: number;
  readonly listMask: number;
}

export interface ResolvedPolicy {
  readonly def: PolicyDef;
  readonly from: string;
  readonly to: string | null;
  readonly fromYear: number;
  readonly toYear: number;
  readonly measures: readonly ResolvedMeasure[];
}

export interface RuleSet {
  readonly policies: readonly ResolvedPolicy[];
  readonly conflicts: ConflictData;
  readonly byRef: ReadonlyMap<string, ResolvedMeasure>;
  /** For a measure that is one item with measures of other documents (same-item conflicts), those measures. */
  readonly sameItem: ReadonlyMap<string, readonly string[]>;
}

/**
 * Parameter values replacing those of the documents, by "policy/measure" → name → value (as written in a
 * parameters file) and "policy" → validFrom / validTo. Validated by engine/overrides.ts before they get here.
 */
export type Overrides = Record<string, Record<string, unknown>>;

export function buildRuleSet(overrides: Overrides = {}, policies: readonly PolicyDef[] = POLICIES): RuleSet {
  const byRef = new Map<string, ResolvedMeasure>();
  const resolved = policies.map((def): ResolvedPolicy => {
    const po = overrides[def.id] ?? {};
    const from = (po['validFrom'] as string | undefined) ?? def.validity.from.value;
    const to = po['validTo'] !== undefined ? (po['validTo'] as string | null) : def.validity.to.value;
    const measures = def.measures.map((m): ResolvedMeasure => {
      const ref = `${def.id}/${m.id}`;
      const mo = overrides[ref] ?? {};
      const params = resolveParams(m.params) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mo)) params[name] = resolveParam({ type: m.params[name]!.type, value });
      const years = m.inForceYears ? new Set(m.inForceYears(params as never)) : null;
      const [mask, fieldMask, listMask] = readsMasks(m.reads);
      const rm = { policy: def.id, ref, def: m, params, years, mask, fieldMask, listMask };
      byRef.set(ref, rm);
      return rm;
    });
    return { def, from, to, fromYear: Number(from.slice(0, 4)), toYear: to === null ? Infinity : Number(to.slice(0, 4)), measures };
  });
  const conflicts: ConflictData = FILE_CONFLICTS.length ? { rules: [...CONFLICTS.rules, ...FILE_CONFLICTS], preferOnTie: CONFLICTS.preferOnTie } : CONFLICTS;
  const sameItem = new Map<string, string[]>();
  for (const rule of conflicts.rules) {
    if (rule.kind !== 'same-item') continue;
    const all = [rule.preferred, ...rule.others];
    for (const ref of all) sameItem.set(ref, all.filter((x) => x !== ref));
  }
  return { policies: resolved, conflicts, byRef, sameItem };
}

let defaultRuleSet: RuleSet | undefined;
let builtAt = -1;
/** The rule set of the documents as published (and the policy files installed for this run). */
export function publishedRuleSet(): RuleSet {
  if (!defaultRuleSet || builtAt !== policiesVersion()) {
    defaultRuleSet = buildRuleSet();
    builtAt = policiesVersion();
  }
  return defaultRuleSet;
}

/** The most one result of a measure can pay: its cap, or its highest tier award; null when it has no money. */
export function ceilingOf(m: ResolvedMeasure): Fen | null {
  const p = m.params;
  if (typeof p['cap'] === 'bigint') return p['cap'];
  if (Array.isArray(p['awards'])) return (p['awards'] as Fen[]).reduce((a, b) => (b > a ? b : a), 0n);
  if (typeof p['award'] === 'bigint' && m.def.kind === 'cash-cap') return p['award']; // threshold-growth: the sum it gives
  return null;
}

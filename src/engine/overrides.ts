/**
 * Parameter overrides (SPEC §5): a YAML/JSON document of `interpretation` and `parameters` by "policy/measure"
 * (and "policy" for validFrom/validTo), validated against the parameter types of the documents. Every problem
 * names its path; nothing reaches the rule set unvalidated.
 */
import { parseAmount, parseRate } from '../domain/money.js';
import type { Param, ParamType } from '../policies/define.js';
import { POLICIES } from '../policies/index.js';
import { INTERPRETATIONS, type Interpretation, type InterpretationName } from './interpretation.js';
import type { Overrides } from './ruleset.js';

export interface OverrideDoc {
  interpretation: Partial<Interpretation>;
  parameters: Overrides;
}

/** Validates a parsed override document; returns it, or the problems as "path: what was expected" lines. */
export function validateOverrides(doc: unknown): { ok: true; value: OverrideDoc } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const out: OverrideDoc = { interpretation: {}, parameters: {} };
  if (doc === null || doc === undefined) return { ok: true, value: out };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, errors: ['(top): expected a mapping with `interpretation` and/or `parameters`'] };
  for (const key of Object.keys(doc)) if (key !== 'interpretation' && key !== 'parameters') errors.push(`${key}: unknown key; expected interpretation or parameters`);
  const d = doc as { interpretation?: unknown; parameters?: unknown };

  if (d.interpretation !== undefined) {
    if (typeof d.interpretation !== 'object' || d.interpretation === null) errors.push('interpretation: expected a mapping, e.g. { threshold: exceed }');
    else {
      for (const [name, value] of Object.entries(d.interpretation)) {
        const spec = INTERPRETATIONS[name as InterpretationName];
        if (!spec) errors.push(`interpretation.${name}: unknown interpretation; allowed: ${Object.keys(INTERPRETATIONS).join(', ')}`);
        else if (!(spec.values as readonly string[]).includes(String(value))) errors.push(`interpretation.${name}: ${JSON.stringify(value)} is not allowed; expected ${spec.values.join(' or ')}`);
        else (out.interpretation as Record<string, string>)[name] = String(value);
      }
    }
  }

  if (d.parameters !== undefined) {
    if (typeof d.parameters !== 'object' || d.parameters === null) errors.push('parameters: expected a mapping of policy/measure to parameters');
    else {
      for (const [ref, values] of Object.entries(d.parameters)) {
        const path = `parameters.${ref}`;
        const specs = specsOf(ref);
        if (!specs) {
          errors.push(`${path}: unknown ${ref.includes('/') ? 'measure' : 'policy'}; known: ${knownRefs(ref).join(', ')}`);
          continue;
        }
        if (typeof values !== 'object' || values === null || Array.isArray(values)) {
          errors.push(`${path}: expected a mapping of parameter names to values`);
          continue;
        }
        const checked: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(values)) {
          const spec = specs[name];
          if (!spec) {
            errors.push(`${path}.${name}: unknown parameter; ${ref} has ${Object.keys(specs).join(', ') || 'no parameters'}`);
            continue;
          }
          const problem = checkValue(spec.type, value, spec.length);
          if (problem) errors.push(`${path}.${name}: ${problem}`);
          else checked[name] = normalise(spec.type, value);
        }
        errors.push(...orderProblems(ref, path, checked));
        out.parameters[ref] = checked;
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * What the values must say together, once each is valid alone: a tier table's thresholds rise strictly and its
 * awards never fall (a higher tier never pays less), and a document's validity ends after it begins (the
 * published date stands in for the one not overridden). Extending years or validity stays allowed.
 */
function orderProblems(ref: string, path: string, checked: Record<string, unknown>): string[] {
  const out: string[] = [];
  const fen = (x: unknown) => {
    const a = parseAmount(String(x));
    return a.ok ? a.fen : 0n;
  };
  const monotone = (name: string, strict: boolean) => {
    const v = checked[name];
    if (!Array.isArray(v)) return;
    for (let i = 1; i < v.length; i++) {
      const [a, b] = [fen(v[i - 1]), fen(v[i])];
      if (strict ? b <= a : b < a) {
        out.push(`${path}.${name}: tier ${i + 1} (${v[i]}) must be ${strict ? 'above' : 'at least'} tier ${i} (${v[i - 1]}): ${strict ? 'thresholds rise strictly from tier to tier' : 'a higher tier never pays less'}`);
        return;
      }
    }
  };
  monotone('thresholds', true);
  monotone('awards', false);
  if (!ref.includes('/') && (checked['validFrom'] !== undefined || checked['validTo'] !== undefined)) {
    const policy = POLICIES.find((p) => p.id === ref)!;
    const from = (checked['validFrom'] as string | undefined) ?? policy.validity.from.value;
    const to = checked['validTo'] !== undefined ? (checked['validTo'] as string | null) : policy.validity.to.value;
    if (to !== null && to <= from) {
      const field = checked['validTo'] !== undefined ? 'validTo' : 'validFrom';
      out.push(`${path}.${field}: validTo (${to}) must be after validFrom (${from})`);
    }
  }
  return out;
}

interface Spec {
  type: ParamType;
  /** For tier tables: the number of tiers. */
  length?: number;
}

/** The parameters of "policy/measure", or of "policy" (its validity), by name. */
function specsOf(ref: string): Record<string, Spec> | null {
  const [policyId, measureId] = ref.split('/');
  const policy = POLICIES.find((p) => p.id === policyId);
  if (!policy) return null;
  if (measureId === undefined) return { validFrom: { type: 'date' }, validTo: { type: 'date?' } };
  const m = policy.measures.find((x) => x.id === measureId);
  if (!m) return null;
  const out: Record<string, Spec> = {};
  for (const [name, p] of Object.entries(m.params as Record<string, Param>)) out[name] = { type: p.type, ...(p.tiered ? { length: (p.value as unknown[]).length } : {}) };
  return out;
}

function knownRefs(ref: string): string[] {
  const [policyId] = ref.split('/');
  const policy = POLICIES.find((p) => p.id === policyId);
  if (policy && ref.includes('/')) return policy.measures.map((m) => `${policy.id}/${m.id}`);
  return POLICIES.map((p) => p.id);
}

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** Why a value does not fit its type, or null. Amounts are 元 (non-negative), rates decimals from 0 to 1. */
function checkValue(type: ParamType, v: unknown, length?: number): string | null {
  const amount = (x: unknown) => (typeof x === 'number' || typeof x === 'string') && /^\d+(\.\d{1,2})?$/.test(String(x).trim());
  const rate = (x: unknown) => {
    const r = (typeof x === 'number' || typeof x === 'string') ? parseRate(String(x)) : null;
    return r !== null && r.num <= r.den;
  };
  const year = (x: unknown) => Number.isInteger(x) && (x as number) >= 2000 && (x as number) <= 2100;
  const list = (check: (x: unknown) => boolean, what: string) => {
    if (!Array.isArray(v)) return `expected a list of ${what}`;
    if (length !== undefined && v.length !== length) return `expected ${length} values (one per tier), found ${v.length}`;
    const bad = v.findIndex((x) => !check(x));
    return bad >= 0 ? `item ${bad + 1} (${JSON.stringify(v[bad])}): expected ${what}` : null;
  };
  switch (type) {
    case 'money':
      return amount(v) ? null : `expected a non-negative amount in 元, found ${JSON.stringify(v)}`;
    case 'money[]':
      return list(amount, 'non-negative amounts in 元');
    case 'rate':
      return rate(v) ? null : `expected a rate from 0 to 1 such as "0.5", found ${JSON.stringify(v)}`;
    case 'rate[]':
      return list(rate, 'rates from 0 to 1 such as "0.10"');
    case 'year[]':
      return list(year, 'years from 2000 to 2100');
    case 'count':
      return Number.isInteger(v) && (v as number) >= 0 ? null : `expected a whole number, found ${JSON.stringify(v)}`;
    case 'date':
      return isDate(v) ? null : `expected a date YYYY-MM-DD, found ${JSON.stringify(v)}`;
    case 'date?':
      return v === null || isDate(v) ? null : `expected a date YYYY-MM-DD or null (no end), found ${JSON.stringify(v)}`;
  }
}

/** Values as parameters files write them: amounts as numbers or strings of 元, rates as strings. */
function normalise(type: ParamType, v: unknown): unknown {
  if (type === 'rate') return String(v);
  if (type === 'rate[]') return (v as unknown[]).map(String);
  if (type === 'money') return String(v);
  if (type === 'money[]') return (v as unknown[]).map(String);
  return v;
}

/**
 * The scenario file format (docs/en/rule-changes.md, "Scenario files"): a list of cases, each a sentence-long `name`, an enterprise
 * `input` in canonical JSON, optional `interpretation`, `params`, `all`, `lenientId`, and what is expected:
 * results by `policy/measure` and year, the `total`, or the input's rejection. A zod schema; the expectations
 * are checked by hand so that an unknown measure is named as such.
 */
import { z } from 'zod';
import { parseAmount, type Fen } from '../domain/money.js';
import { STATUSES, type Status } from '../domain/result.js';
import { INTERPRETATIONS, type Interpretation, type InterpretationName } from '../engine/interpretation.js';
import { POLICIES } from '../policies/index.js';

/** What one result of one year must be; absent fields are not compared. */
export interface ResultExpect {
  absent?: false;
  status?: Status;
  amount?: Fen | null;
  tier?: number | null;
  supersededBy?: string | null;
  applicationYear?: number;
  /** Check id → passed (true), failed (false), undecided (null). */
  checks?: Record<string, boolean | null>;
  missing?: string[];
  /** Words each of which some note of the result contains, in Chinese or English ("第二十条"). */
  notes?: string[];
}
/** `absent`: no result row for the measure and year. */
export type YearExpect = ResultExpect | { absent: true };

/** A problem the input must produce: at `path`, with a message (Chinese or English) containing `says`. */
export interface ExpectedProblem {
  path: string;
  says?: string;
}

const amount = z.union([z.string(), z.number()]).transform((v, ctx): Fen => {
  const r = parseAmount(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `expected an amount in 元 such as "1500000.00", found ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return r.fen;
});

const statusOrAbsent = z.enum([...STATUSES, 'absent'], { error: () => `expected a status (${STATUSES.join(', ')}) or absent` });

const resultExpect = z.strictObject({
  status: z.enum(STATUSES, { error: () => `expected one of ${STATUSES.join(', ')}` }).optional(),
  amount: amount.nullable().optional(),
  tier: z.int().min(1).nullable().optional(),
  supersededBy: z.string().nullable().optional(),
  applicationYear: z.int().min(2000).max(2101).optional(),
  checks: z.record(z.string(), z.boolean().nullable()).optional(),
  missing: z.array(z.string()).optional(),
  notes: z.array(z.string().min(1)).optional(),
});

/** One year's expectation: a status word, `absent`, or the fields to compare. */
function parseYearExpect(v: unknown): { ok: true; value: YearExpect } | { ok: false; issues: SchemaIssue[] } {
  if (typeof v === 'string') {
    const r = statusOrAbsent.safeParse(v);
    if (!r.success) return { ok: false, issues: [{ path: [], message: `expected a status (${STATUSES.join(', ')}), absent, or a mapping of status, amount, tier …; found ${JSON.stringify(v)}` }] };
    return { ok: true, value: r.data === 'absent' ? { absent: true } : { status: r.data } };
  }
  const r = resultExpect.safeParse(v);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path as (string | number)[], message: issueMessage(i) })) };
  return { ok: true, value: r.data as ResultExpect };
}

const interpretation = z.strictObject(
  Object.fromEntries(
    (Object.keys(INTERPRETATIONS) as InterpretationName[]).map((k) => [
      k,
      z.enum(INTERPRETATIONS[k].values as unknown as [string, ...string[]], { error: () => `expected ${INTERPRETATIONS[k].values.join(' or ')}` }).optional(),
    ]),
  ),
) as unknown as z.ZodType<Partial<Interpretation>>;

const expectedProblem = z.strictObject({ path: z.string(), says: z.string().min(1).optional() });

/** "A whole sentence": it ends with a full stop, a question mark or an exclamation mark. */
const sentence = z
  .string()
  .trim()
  .min(1)
  .refine((s) => /[.!?。！？]$/.test(s), { message: 'write the name as a whole sentence, ending with a full stop' });

const enterpriseInput = z.record(z.string(), z.unknown(), { error: () => 'expected an enterprise in canonical JSON (a mapping with id, years, lists …)' });

/** The shared parts of a case that `defaults` may set. */
const common = {
  input: enterpriseInput.optional(),
  interpretation: interpretation.optional(),
  params: z.union([z.string().min(1), z.record(z.string(), z.unknown())], { error: () => 'expected the path of a parameters file or an override document { interpretation, parameters }' }).optional(),
  all: z.boolean().optional(),
  lenientId: z.boolean().optional(),
};

export const caseSchema = z
  .strictObject({
    name: sentence,
    ...common,
    expect: z.record(z.string(), z.unknown(), { error: () => 'expected a mapping of policy/measure (or total) to expectations' }).optional(),
    rejected: z.array(expectedProblem).min(1).optional(),
    warnings: z.array(expectedProblem).min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.expect && !c.rejected) ctx.addIssue({ code: 'custom', message: 'a case needs `expect` (results, total) or `rejected` (the input problems)', path: [] });
    if (c.expect && c.rejected) ctx.addIssue({ code: 'custom', message: 'a rejected input has no results: give `expect` or `rejected`, not both', path: ['rejected'] });
  });

export const fileSchema = z.union([
  z.array(z.unknown()),
  z.strictObject({
    /** Policy files the cases are computed with (paths from the scenario file); read by `test` before the cases. */
    policies: z.array(z.string()).optional(),
    defaults: z.strictObject(common).optional(),
    cases: z.array(z.unknown(), { error: () => 'expected a list of cases' }),
  }),
]);

export type CaseData = z.infer<typeof caseSchema>;
export type Defaults = NonNullable<Extract<z.infer<typeof fileSchema>, { cases: unknown }>['defaults']>;

/** The measures a scenario may name, "policy/measure". */
function knownMeasures(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of POLICIES) out.set(p.id, p.measures.map((m) => `${p.id}/${m.id}`));
  return out;
}

export interface ExpectEntry {
  ref: string;
  year: number;
  want: YearExpect;
  path: (string | number)[];
}

export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}

/** Reads `expect`: `total` and `policy/measure` → year → expectation; an unknown measure is named. */
export function readExpect(raw: Record<string, unknown>, at: (string | number)[]): { entries: ExpectEntry[]; total?: { fen: Fen; path: (string | number)[] }; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const entries: ExpectEntry[] = [];
  let total: { fen: Fen; path: (string | number)[] } | undefined;
  const measures = knownMeasures();
  for (const [key, value] of Object.entries(raw)) {
    const path = [...at, key];
    if (key === 'total') {
      const r = amount.safeParse(value);
      if (r.success) total = { fen: r.data, path };
      else issues.push({ path, message: r.error.issues[0]!.message });
      continue;
    }
    const [policy, measure, extra] = key.split('/');
    const inPolicy = measures.get(policy ?? '');
    if (!measure || extra !== undefined) {
      issues.push({ path, message: `"${key}" is not policy/measure (e.g. gz-2025-ecommerce/scale-tier) or total` });
      continue;
    }
    if (!inPolicy) {
      issues.push({ path, message: `unknown measure "${key}": no policy "${policy}"; policies: ${[...measures.keys()].join(', ')}` });
      continue;
    }
    if (!inPolicy.includes(key)) {
      issues.push({ path, message: `unknown measure "${key}"; ${policy} has ${inPolicy.map((r) => r.split('/')[1]).join(', ')}` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path, message: 'expected a mapping of years to expectations, e.g. 2025: { status: eligible, amount: "1500000.00" }' });
      continue;
    }
    for (const [y, want] of Object.entries(value)) {
      const yearPath = [...path, y];
      if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100) {
        issues.push({ path: yearPath, message: `"${y}" is not a year from 2000 to 2100` });
        continue;
      }
      const r = parseYearExpect(want);
      if (!r.ok) {
        for (const issue of r.issues) issues.push({ path: [...yearPath, ...issue.path], message: issue.message });
        continue;
      }
      entries.push({ ref: key, year: Number(y), want: r.value, path: yearPath });
    }
  }
  return { entries, ...(total ? { total } : {}), issues };
}

/** A zod issue in words that name what was expected; unknown keys are listed. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required (${issue.expected})`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, found ${describe(issue.input)}`;
  return issue.message;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

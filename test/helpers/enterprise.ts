/** Builders for test enterprises: canonical JSON in, Enterprise out, failing loudly on bad fixtures. */
import { parseEnterprise } from '../../src/domain/input.js';
import type { Enterprise } from '../../src/domain/enterprise.js';
import { evaluate, DEFAULT_OPTIONS, type RunOptions } from '../../src/engine/evaluate.js';
import { publishedRuleSet, buildRuleSet, type Overrides } from '../../src/engine/ruleset.js';
import { DEFAULT_INTERPRETATION, type Interpretation } from '../../src/engine/interpretation.js';
import type { Result } from '../../src/domain/result.js';

/** A valid id (GB 32100-2015 check character 9), as in SPEC §2. */
export const ID = '91440101MA5CJQ4N59';

export function enterprise(json: Record<string, unknown>): Enterprise {
  const { enterprise: e, problems } = parseEnterprise({ id: ID, district: '天河区', ...json });
  if (!e) throw new Error('bad test fixture: ' + JSON.stringify(problems));
  return e;
}

/** Yearly sales in 元 with NBS reporting, as SPEC §10 assumes. */
export function sales(by: Record<number, string | number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(by).map(([y, s]) => [y, { onlineRetailSales: String(s), nbsDirectReporting: true, ...extra }]));
}

export function run(json: Record<string, unknown>, interp: Partial<Interpretation> = {}, opts: Partial<RunOptions> = {}, overrides?: Overrides) {
  const rs = overrides ? buildRuleSet(overrides) : publishedRuleSet();
  return evaluate(enterprise(json), rs, { ...DEFAULT_OPTIONS, ...opts, interpretation: { ...DEFAULT_INTERPRETATION, ...interp } });
}

export function find(results: Result[], ref: string, year: number): Result {
  const [policy, measure] = ref.split('/');
  const r = results.find((x) => x.policy === policy && x.measure === measure && x.year === year);
  if (!r) throw new Error(`no result ${ref}@${year} in ${results.map((x) => `${x.policy}/${x.measure}@${x.year}`).join(', ')}`);
  return r;
}

export function check(r: Result, id: string) {
  return r.checks.find((c) => c.id === id);
}

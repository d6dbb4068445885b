/**
 * --params FILE: reads a parameter override file (YAML or JSON), validates it, and returns the rule set, the
 * interpretation it sets and what every output records about it (the file name and the SHA-256 of its bytes).
 */
import type { Interpretation } from '../engine/interpretation.js';
import { buildRuleSet, publishedRuleSet, type Overrides, type RuleSet } from '../engine/ruleset.js';
import type { RunMeta } from '../render/output.js';
import { UsageError } from './common.js';

export interface ParamsChoice {
  ruleSet: RuleSet;
  interpretation: Partial<Interpretation>;
  meta: RunMeta;
  /** The validated overrides, for commands that layer more on top (test). */
  overrides: Overrides;
}

/** `flag` names the option in messages (--params, --base-params). */
export async function loadParams(file: string | undefined, flag = '--params'): Promise<ParamsChoice> {
  if (!file) return { ruleSet: publishedRuleSet(), interpretation: {}, meta: {}, overrides: {} };
  // The YAML reader is loaded only when a file is given: simulate's start-up stays light.
  const { formatFileProblem, readParamsFile } = await import('../io/params-file.js');
  const r = await readParamsFile(file);
  if (!r.ok) {
    const [first, ...more] = r.problems.map(formatFileProblem);
    throw new UsageError(more.length === 0 ? `${flag} ${first}` : `${flag} ${file}: ${more.length + 1} problems\n  ${[first, ...more].join('\n  ')}`);
  }
  return {
    ruleSet: buildRuleSet(r.overrides),
    interpretation: r.interpretation,
    meta: { params: r.source },
    overrides: r.overrides,
  };
}

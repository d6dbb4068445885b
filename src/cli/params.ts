/**
 * --params FILE: reads a parameter override file (YAML or JSON), validates it, and returns the rule set, the
 * interpretation it sets and what every output records about it (the file name and the SHA-256 of its bytes).
 */
import type { Lang } from '../domain/labels.js';
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

/** Policy files for the run (--policy FILE, repeatable), and how their messages are said. */
export interface PolicyChoice {
  files: readonly string[];
  lang: Lang;
  /** The option named in messages (--policy, --policy-new). */
  flag?: string;
  /** Say nothing of built-ins replaced (a worker thread: the main thread has said it). */
  quiet?: boolean;
}

/**
 * Reads and installs the policy files of a run before anything is evaluated (a file with a built-in's id replaces
 * it, and standard error says so). Nothing is loaded without files: the policy reader stays out of start-up.
 */
export async function loadPolicies(choice: PolicyChoice | undefined): Promise<void> {
  if (!choice || choice.files.length === 0) return;
  const { readPolicyFiles, policyProblemsText, installRead } = await import('../policy-file/install.js');
  const r = await readPolicyFiles(choice.files, choice.lang);
  if (r.problems.length > 0) throw new UsageError(policyProblemsText(r.problems, choice.flag ?? '--policy', choice.lang));
  const lines = installRead(r.loaded, choice.lang);
  if (!choice.quiet) for (const line of lines) process.stderr.write(`gz-awards: ${line}\n`);
}

/** `flag` names the option in messages (--params, --base-params). */
export async function loadParams(file: string | undefined, flag = '--params', policies?: PolicyChoice): Promise<ParamsChoice> {
  await loadPolicies(policies);
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

/**
 * --params FILE: reads a parameter override file (YAML or JSON), validates it, and returns the rule set, the
 * interpretation it sets and what every output records about it (the file name and the SHA-256 of its bytes).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Interpretation } from '../engine/interpretation.js';
import { validateOverrides } from '../engine/overrides.js';
import { buildRuleSet, publishedRuleSet, type RuleSet } from '../engine/ruleset.js';
import type { RunMeta } from '../render/output.js';
import { UsageError } from './common.js';

export interface ParamsChoice {
  ruleSet: RuleSet;
  interpretation: Partial<Interpretation>;
  meta: RunMeta;
}

export async function loadParams(file: string | undefined): Promise<ParamsChoice> {
  if (!file) return { ruleSet: publishedRuleSet(), interpretation: {}, meta: {} };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UsageError(`--params ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(bytes.toString('utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0];
    throw new UsageError(`--params ${file}${line ? `:${line.line}:${line.col}` : ''}: ${e.message.split('\n')[0]}`);
  }
  const checked = validateOverrides(doc.toJS());
  if (!checked.ok) throw new UsageError(`--params ${file}: ${checked.errors.length} problem(s)\n  ${checked.errors.join('\n  ')}`);
  return {
    ruleSet: buildRuleSet(checked.value.parameters),
    interpretation: checked.value.interpretation,
    meta: { params: { file, sha256: createHash('sha256').update(bytes).digest('hex') } },
  };
}

/**
 * The project's scenario files (fixtures/scenarios), run by vitest through the same loader and runner as
 * `gz-awards test`: one test per case, named by its sentence. The values in them were worked out by hand from
 * the articles (see the comments in each file).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_POLICIES } from '../src/policies/index.js';
import { loadScenarioFile, type ScenarioCase } from '../src/scenario/load.js';
import { runCase, RuleSetCache } from '../src/scenario/run.js';
import { ROOT } from './helpers/cli.js';
import { installScenarioPolicies } from './helpers/policy.js';

const DIR = join(ROOT, 'fixtures/scenarios');
const FILES = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const cache = new RuleSetCache();
// the policy files a scenario file names (the example district's) are installed first, as `gz-awards test` does
await installScenarioPolicies(FILES.map((f) => join(DIR, f)));

describe('fixtures/scenarios', () => {
  it('holds a scenario file for each of the five documents and one for the SPEC §10 examples', () => {
    expect(FILES).toEqual(expect.arrayContaining(['gz-2025-ecommerce.yaml', 'gz-2025-livestream.yaml', 'gz-2024-cross-border.yaml', 'gz-2019-ecommerce.yaml', 'gd-2012-ecommerce.yaml', 'spec-examples.yaml']));
  });

  it('cover every measure of SPEC §4 with a result, and every example E1–E10 of SPEC §10', async () => {
    const cases: ScenarioCase[] = [];
    for (const name of FILES) cases.push(...(await loadScenarioFile(join(DIR, name))).cases);
    const covered = new Set(cases.flatMap((c) => c.expect.filter((e) => !('absent' in e.want)).map((e) => e.ref)));
    const measures = BUILT_IN_POLICIES.flatMap((p) => p.measures.map((m) => `${p.id}/${m.id}`));
    expect(measures.filter((m) => !covered.has(m))).toEqual([]);
    expect(measures.length).toBe(52);
    for (let n = 1; n <= 10; n++) expect(cases.some((c) => c.name.startsWith(`E${n} — `))).toBe(true);
  });

  for (const name of FILES) {
    describe(name, async () => {
      const file = await loadScenarioFile(join(DIR, name));
      it('is well formed', () => expect(file.problems).toEqual([]));
      for (const c of file.cases) {
        it(c.name, () => {
          const outcome = runCase(c, undefined, cache);
          expect(outcome.failures).toEqual([]);
          expect(outcome.passed).toBe(true);
        });
      }
    });
  }
});

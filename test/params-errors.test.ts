/**
 * --params on simulate, batch, test and diff (SPEC §5): an override file with an unknown policy, measure or
 * parameter, a wrong length, a negative amount or a rate outside 0–1 is a usage error (exit 2) that names the
 * file, the line and the path; nothing is computed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-params-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** [what is wrong, the file's text, the line:column, the path and message the error must name] */
const BAD: Array<[string, string, string]> = [
  ['unknown parameter', 'parameters:\n  gz-2024-cross-border/brand-overseas:\n    ratio: "0.4"\n', '3:5: parameters.gz-2024-cross-border/brand-overseas.ratio: unknown parameter; gz-2024-cross-border/brand-overseas has rate, cap'],
  ['wrong length', 'parameters:\n  gz-2025-ecommerce/scale-tier:\n    thresholds: [5000000000, 10000000000]\n', '3:5: parameters.gz-2025-ecommerce/scale-tier.thresholds: expected 5 values (one per tier), found 2'],
  ['negative amount', 'parameters:\n  gz-2025-ecommerce/honghu: { cap: -1000000 }\n', '2:31: parameters.gz-2025-ecommerce/honghu.cap: expected a non-negative amount in 元, found -1000000'],
  ['rate above 1', 'parameters:\n  gz-2024-cross-border/bonded-rent: { rate: "1.3" }\n', '2:39: parameters.gz-2024-cross-border/bonded-rent.rate: expected a rate from 0 to 1 such as "0.5", found "1.3"'],
  ['negative rate', 'parameters:\n  gz-2024-cross-border/bonded-rent: { rate: "-0.3" }\n', '2:39: parameters.gz-2024-cross-border/bonded-rent.rate: expected a rate from 0 to 1 such as "0.5", found "-0.3"'],
  ['unknown policy', 'parameters:\n  gz-2030-ecommerce/scale-tier: { cap: 1 }\n', '2:3: parameters.gz-2030-ecommerce/scale-tier: unknown measure; known: gz-2025-ecommerce, gz-2025-livestream, gz-2024-cross-border, gz-2019-ecommerce, gd-2012-ecommerce'],
  ['unknown measure', 'parameters:\n  gz-2025-ecommerce/scale-tire: { years: [2025] }\n', '2:3: parameters.gz-2025-ecommerce/scale-tire: unknown measure; known: gz-2025-ecommerce/hq, gz-2025-ecommerce/above-quota, gz-2025-ecommerce/scale-tier, gz-2025-ecommerce/honghu, gz-2025-ecommerce/benchmark, gz-2025-ecommerce/park, gz-2025-ecommerce/park-tenant, gz-2025-ecommerce/high-tech, gz-2025-ecommerce/events, gz-2025-ecommerce/manufacturing, gz-2025-ecommerce/standards'],
];

const COMMANDS: Array<[string, (params: string) => string[]]> = [
  ['simulate', (p) => ['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--params', p]],
  ['batch', (p) => ['batch', 'fixtures/diff/small-district.jsonl', '--params', p, '--no-progress']],
  ['test', (p) => ['test', 'test/fixtures/scenarios/passing.yaml', '--params', p]],
  ['diff', (p) => ['diff', 'fixtures/diff/small-district.jsonl', '--params', p]],
];

describe('--params validation', () => {
  for (const [what, text, message] of BAD) {
    const file = write(`${what.replace(/ /g, '-')}.yaml`, text);
    for (const [command, args] of COMMANDS) {
      it(`${command}: an override with ${what} is a usage error naming the path`, () => {
        const r = cli(args(file));
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`gz-awards: --params ${file}:${message}\n`);
        expect(r.stderr).not.toMatch(STACK);
      });
    }
  }

  it('diff names --base-params when the baseline file is the bad one', () => {
    const file = write('base.yaml', BAD[1]![1]);
    const r = cli(['diff', 'fixtures/diff/small-district.jsonl', '--params', 'fixtures/reforms/tier1-5bn.yaml', '--base-params', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gz-awards: --base-params ${file}:${BAD[1]![2]}\n`);
  });

  it('lists every problem of a file, each with its line', () => {
    const file = write('many.yaml', 'interpretation: { threshold: over }\nparameters:\n  gz-2024-cross-border/qilin: { cap: "2,000,000" }\n  gz-2025-ecommerce/scale-tier:\n    minGrowth: ["0.1", "0.06", "0.04", "0.03", "2"]\n');
    const r = cli(['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--params', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        `gz-awards: --params ${file}: 3 problems`,
        `  ${file}:1:19: interpretation.threshold: "over" is not allowed; expected reach or exceed`,
        `  ${file}:3:33: parameters.gz-2024-cross-border/qilin.cap: expected a non-negative amount in 元, found "2,000,000"`,
        `  ${file}:5:5: parameters.gz-2025-ecommerce/scale-tier.minGrowth: item 5 ("2"): expected rates from 0 to 1 such as "0.10"`,
        '',
      ].join('\n'),
    );
  });

  it('reports YAML syntax errors of a parameters file with the line', () => {
    const file = write('syntax.yaml', 'parameters:\n  gz-2025-ecommerce/honghu: { cap: 1\n');
    const r = cli(['diff', 'fixtures/diff/small-district.jsonl', '--params', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^gz-awards: --params ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: `));
  });
});

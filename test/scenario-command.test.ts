/** `gz-awards test` end to end: the project's scenarios, a passing and a failing file, malformed files, JUnit. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/scenario/load.js';
import { installScenarioPolicies } from './helpers/policy.js';
import { runCases } from '../src/scenario/run.js';
import { cli, ROOT, STACK } from './helpers/cli.js';

const T = 'test/fixtures/scenarios';

describe('gz-awards test', () => {
  it('runs the project scenarios in fixtures/scenarios and passes', () => {
    const r = cli(['test', 'fixtures/scenarios', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.stdout).not.toContain('✗');
  });

  it('prints each case of a passing file and the summary, exit 0', () => {
    const r = cli(['test', `${T}/passing.yaml`, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `${T}/passing.yaml`,
        '  ✓ Sales growing from 25亿 to 31亿 in two years earn tier 1, 150万元. (line 2)',
        '  ✓ A bonded-zone rent of 1,000,000 earns 300,000. (line 12)',
        '',
        '2 passed, 0 failed',
        '',
      ].join('\n'),
    );
  });

  it('names, for a failure, the measure, the year, expected and actual, and the checks that decided it; exit 1', () => {
    const r = cli(['test', `${T}/failing.yaml`, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `${T}/failing.yaml`,
        '  ✓ This case passes. (line 5)',
        '  ✗ This case expects one fen too much and a growth that the data does not have. (line 9)',
        '      gz-2025-ecommerce/scale-tier 2025 (line 17)',
        '        status: expected eligible, actual ineligible',
        '        actual result: ineligible, tier 1, applied for in 2026',
        '        checks that decided it:',
        '          ✓ reporting: reports to the NBS direct-reporting platform in 2025',
        '          ✓ threshold: 2025 online retail sales ¥3,100,000,000.00 ≥ ¥3,000,000,000.00 (tier 1)',
        // (3.1/2.6)^½ − 1 = 9.1928…%, shown truncated
        '          ✗ growth: average growth 2023–2025 9.192% < 10% (required for tier 1)',
        '      gz-2024-cross-border/bonded-rent 2026 (line 19)',
        '        amount: expected 300000.01, actual 300000.00',
        '        actual result: eligible, amount 300000.00, applied for in 2027',
        '        checks that decided it:',
        '          ✓ track: tracks include cross-border',
        '          ✓ cost: rent in customs special supervision zones 2026: ¥1,000,000.00',
        '          ✓ cap: ¥1,000,000.00 × 30% = ¥300,000.00, capped at ¥1,500,000.00 a year: ¥300,000.00 (rounded down to the fen)',
        '      gz-2024-cross-border/bonded-rent 2025 (line 20)',
        '        no result for 2025 (the measure has results for: 2026)',
        '      total: expected 1500000.00, actual 300000.00 (line 21)',
        '        counted in the total: gz-2024-cross-border/bonded-rent@2026 300000.00',
        '',
        '1 passed, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('says the same in Chinese by default', () => {
    const r = cli(['test', `${T}/failing.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('      gz-2024-cross-border/bonded-rent 2026 年（第 19 行）\n        amount：期望 300000.01，实际 300000.00\n');
    expect(r.stdout).toContain('          ✗ growth：2023—2025 年平均增长率 9.192% < 10%（第1档要求）\n');
    expect(r.stdout).toMatch(/通过 1 个，失败 1 个\n$/);
  });

  it('reports malformed YAML with the file and the line, exit 2, nothing run', () => {
    const r = cli(['test', `${T}/malformed.yaml`, `${T}/passing.yaml`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${T}/malformed.yaml:4:5: Flow map in block collection must be sufficiently indented and end with a }\n1 scenario file(s) are malformed; no case was run\n`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('names an unknown measure in expect, with its line, and lists the measures of the policy', () => {
    const r = cli(['test', `${T}/unknown-measure.yaml`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${T}/unknown-measure.yaml:5:7: cases[0].expect.gz-2025-ecommerce/scale-tire: unknown measure "gz-2025-ecommerce/scale-tire"; gz-2025-ecommerce has hq, above-quota, scale-tier, honghu, benchmark, park, park-tenant, high-tech, events, manufacturing, standards\n`,
    );
  });

  it('names the file, the line and the field of a schema error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-scenario-'));
    const file = join(dir, 'typo.yaml');
    writeFileSync(
      file,
      ['cases:', '  - name: A typo in a field name.', '    input: { id: "91440101MA5CJQ4N59" }', '    expect:', '      gz-2025-ecommerce/hq:', '        2025: { stauts: eligible }', '  - name: no full stop', '    expect: { total: "0.00" }', ''].join('\n'),
    );
    const r = cli(['test', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6:9: cases[0].expect.gz-2025-ecommerce/hq.2025: unknown field "stauts"\n`);
    expect(r.stderr).toContain(`${file}:7:5: cases[1].name: write the name as a whole sentence, ending with a full stop\n`);
  });

  it('writes JUnit XML for CI systems, with the failure details and the summary on stderr', () => {
    const r = cli(['test', `${T}/failing.yaml`, '--reporter', 'junit', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('1 passed, 1 failed\n');
    expect(r.stdout).toMatch(/<testsuites name="gz-awards test" tests="2" failures="1" errors="0" time="\d+\.\d{3}">/);
    expect(r.stdout).toMatch(new RegExp(`<testsuite name="${T}/failing.yaml" tests="2" failures="1" errors="0" skipped="0" time="\\d+\\.\\d{3}">`));
    expect(r.stdout).toMatch(new RegExp(`<testcase classname="${T}/failing.yaml" name="This case passes." file="${T}/failing.yaml" line="5" time="\\d+\\.\\d{3}"/>`));
    expect(r.stdout).toContain(
      '<failure message="gz-2025-ecommerce/scale-tier 2025 (line 17) — status: expected eligible, actual ineligible; gz-2024-cross-border/bonded-rent 2026 (line 19) — amount: expected 300000.01, actual 300000.00; ',
    );
    expect(r.stdout).toContain('  ✗ growth: average growth 2023–2025 9.192% &lt; 10% (required for tier 1)');
  });

  it('writes the report to --out and the readable one to the terminal', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gz-junit-')), 'report.xml');
    const r = cli(['test', `${T}/passing.yaml`, '--reporter', 'junit', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 passed, 0 failed');
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gz-awards test" tests="2" failures="0" errors="0" time="\d+\.\d{3}">/);
  });

  it('runs only the cases whose name contains --filter, and refuses a filter that matches nothing', () => {
    const r = cli(['test', `${T}/failing.yaml`, '--filter', 'PASSES', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 passed, 0 failed');
    const none = cli(['test', `${T}/failing.yaml`, '--filter', 'no such case', '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no case's name contains "no such case"`);
  });

  it('applies --params under every case and records its file and hash in every report', () => {
    const r = cli(['test', `${T}/passing.yaml`, '--params', 'fixtures/reforms/tier1-5bn.yaml', '--lang', 'en']);
    // The reform starts tier 1 at 50亿: the first case (31亿) now fails; the rent case does not change.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^parameter overrides: fixtures\/reforms\/tier1-5bn\.yaml \(sha256 [0-9a-f]{64}\)\n/);
    expect(r.stdout).toContain('        status: expected eligible, actual ineligible\n');
    expect(r.stdout).toContain('1 passed, 1 failed');
    const junit = cli(['test', `${T}/passing.yaml`, '--params', 'fixtures/reforms/tier1-5bn.yaml', '--reporter', 'junit']);
    expect(junit.stdout).toMatch(/<property name="params" value="fixtures\/reforms\/tier1-5bn.yaml"\/>\n\s+<property name="params.sha256" value="[0-9a-f]{64}"\/>/);
    const json = JSON.parse(cli(['test', `${T}/passing.yaml`, '--params', 'fixtures/reforms/tier1-5bn.yaml', '--reporter', 'json']).stdout);
    expect(json.params).toEqual({ file: 'fixtures/reforms/tier1-5bn.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect([json.passed, json.failed]).toEqual([1, 1]);
  });
});

describe('the project scenarios pin every amount to the fen', () => {
  const AMOUNT = /((?:amount|total): ")(\d+)\.(\d{2})(")/g;
  const dir = join(ROOT, 'fixtures/scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  beforeAll(() => installScenarioPolicies(files.map((f) => join(dir, f))));

  it('writes every expected amount as a quoted string with two decimals', () => {
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      // (registeredCapital.amount is input, not an expectation)
      const loose = text.split('\n').filter((l) => !l.includes('registeredCapital') && /\b(amount|total): (?!"\d+\.\d{2}"|null)/.test(l.replace(/#.*/, '')));
      expect(loose, f).toEqual([]);
    }
  });

  it('fails when any one expected amount is changed by one fen, up or down', async () => {
    // The same layout as fixtures/, so that a case's params file (../reforms/…) is found.
    const tmp = mkdtempSync(join(tmpdir(), 'gz-mutant-'));
    mkdirSync(join(tmp, 'scenarios'));
    cpSync(join(ROOT, 'fixtures/reforms'), join(tmp, 'reforms'), { recursive: true });
    let mutants = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const sites = [...text.matchAll(AMOUNT)];
      for (const site of sites) {
        const fen = BigInt(site[2]! + site[3]!);
        for (const delta of fen > 0n ? [1n, -1n] : [1n]) {
          const v = fen + delta;
          const changed = `${site[1]}${v / 100n}.${String(v % 100n).padStart(2, '0')}${site[4]}`;
          const mutant = text.slice(0, site.index) + changed + text.slice(site.index! + site[0].length);
          const file = join(tmp, 'scenarios', f);
          writeFileSync(file, mutant);
          const loaded = await loadScenarioFile(file);
          expect(loaded.problems).toEqual([]);
          const run = runCases(loaded.cases);
          expect(run.failed, `${f}: ${site[0]} → ${changed}`).toBe(1);
          mutants++;
        }
      }
    }
    expect(mutants).toBeGreaterThan(150);
  }, 300_000); // several hundred mutants, each a full run of its file: a generous ceiling, not a speed check

  it('makes gz-awards test exit 1 on a copy with one amount off by one fen', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gz-mutant-cli-'));
    mkdirSync(join(tmp, 'scenarios'));
    cpSync(dir, join(tmp, 'scenarios'), { recursive: true });
    cpSync(join(ROOT, 'fixtures/reforms'), join(tmp, 'reforms'), { recursive: true });
    cpSync(join(ROOT, 'fixtures/policies'), join(tmp, 'policies'), { recursive: true }); // the policy files a scenario names
    const file = join(tmp, 'scenarios/gz-2024-cross-border.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('amount: "617283.94"', 'amount: "617283.95"').replace('2024: { status: eligible, amount: "300000.00" }', '2024: { status: eligible, amount: "300000.01" }'));
    const r = cli(['test', join(tmp, 'scenarios'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('        amount: expected 300000.01, actual 300000.00\n');
    expect(r.stdout).toMatch(/\d+ passed, 1 failed\n$/);
  });
});

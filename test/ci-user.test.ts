/**
 * The CI user's path through the spawned CLI: a scenario file that cannot be read or parsed is an errored test
 * case of the JUnit report, which is written whenever --out is given (exit 2 all the same); every test case
 * carries its time; and the Chinese diff table speaks the result table's words, amounts right-aligned.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const PASSING = 'test/fixtures/scenarios/passing.yaml';
const REFORM = 'fixtures/reforms/tier1-5bn.yaml';

/** A scenario file with the typo of the issue (`stauts:`) on line 6, column 9. */
function typoFile(dir: string): string {
  const file = join(dir, 'typo.yaml');
  writeFileSync(file, ['cases:', '  - name: A typo in a field name.', '    input: { id: "91440101MA5CJQ4N59" }', '    expect:', '      gz-2025-ecommerce/honghu:', '        2025: { stauts: eligible }', ''].join('\n'));
  return file;
}

const attr = (xml: string, tag: string, name: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('JUnit when a scenario file cannot be read or parsed', () => {
  it('writes the report to --out with the file as an errored case: file, line, column and message; exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const file = typoFile(dir);
    const out = join(dir, 'test-results', 'scenarios.xml');
    const r = cli(['test', file, PASSING, '--reporter', 'junit', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6:9: cases[0].expect.gz-2025-ecommerce/honghu.2025: unknown field "stauts"`);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="gz-awards test" tests="1" failures="0" errors="1" time="0.000">\n/);
    expect(xml).toContain(`<testsuite name="${file}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`);
    expect(xml).toContain(`<testcase classname="${file}" name="the scenario file cannot be read or parsed: ${file}" file="${file}" line="6" time="0.000">`);
    expect(xml).toContain(`<error message="${file}:6:9: cases[0].expect.gz-2025-ecommerce/honghu.2025: unknown field &quot;stauts&quot;" type="malformed">`);
    // nothing ran: the well-formed file's cases are not in the report
    expect(xml).not.toContain(PASSING);
  });

  it('names a file that cannot be read, and a YAML syntax error with its line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const missing = join(dir, 'no-such.yaml');
    const out = join(dir, 'r.xml');
    const r = cli(['test', missing, 'test/fixtures/scenarios/malformed.yaml', '--reporter', 'junit', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('errors="2"');
    expect(xml).toContain(`<error message="${missing}: no such file or directory" type="malformed">`);
    expect(xml).toContain('<error message="test/fixtures/scenarios/malformed.yaml:4:5: Flow map in block collection must be sufficiently indented and end with a }" type="malformed">');
    expect(attr(xml, 'testcase', 'line')).toEqual(['4']); // the missing file has no line
  });

  it('writes the errored report to standard output without --out, in Chinese too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const file = typoFile(dir);
    const r = cli(['test', file, '--reporter', 'junit', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`name="场景文件无法读取或解析：${file}"`);
    expect(r.stdout).toContain(`<error message="${file}:6:9: `);
    expect(r.stderr).toContain('1 个场景文件有误，未运行任何用例');
  });

  it('makes a --params file that does not parse an errored case too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const params = join(dir, 'reform.yaml');
    writeFileSync(params, 'parameters:\n  gz-2025-ecommerce/scale-tier:\n    thresholds: [1, 2]\n');
    const out = join(dir, 'r.xml');
    const r = cli(['test', PASSING, '--params', params, '--reporter', 'junit', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`gz-awards: --params ${params}:3:5: parameters.gz-2025-ecommerce/scale-tier.thresholds: expected 5 values (one per tier), found 2`);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain(`<testcase classname="${params}" name="the parameters file cannot be read or parsed: ${params}" file="${params}" line="3" time="0.000">`);
    expect(xml).toContain('type="params"');
  });

  it('puts the errors in the JSON report, and the text report to --out says what was malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const file = typoFile(dir);
    const json = cli(['test', file, '--reporter', 'json', '--out', join(dir, 'r.json'), '--lang', 'en']);
    expect(json.code).toBe(2);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { errors: Array<{ file: string; kind: string; problems: Array<{ line: number; col: number; message: string }> }>; cases: unknown[] };
    expect(report.cases).toEqual([]);
    expect(report.errors).toEqual([{ file, kind: 'scenario', problems: [{ file, line: 6, col: 9, path: 'cases[0].expect.gz-2025-ecommerce/honghu.2025', message: 'unknown field "stauts"' }] }]);
    const text = cli(['test', file, '--out', join(dir, 'r.txt'), '--lang', 'en']);
    expect(text.code).toBe(2);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toContain(`${file}:6:9: cases[0].expect.gz-2025-ecommerce/honghu.2025: unknown field "stauts"\n\n1 scenario file(s) are malformed; no case was run\n`);
  });

  it('writes no report when --out itself is refused (the same file as an input)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-ci-'));
    const file = typoFile(dir);
    const r = cli(['test', file, '--reporter', 'junit', '--out', join(dir, 'typo.xml'), '--params', join(dir, 'typo.xml')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'typo.xml'))).toBe(false);
  });
});

describe('JUnit test cases carry their time', () => {
  it('every testcase and testsuite has time in seconds to the millisecond', () => {
    const r = cli(['test', 'fixtures/scenarios', '--reporter', 'junit', '--lang', 'en']);
    expect(r.code).toBe(0);
    const cases = attr(r.stdout, 'testcase', 'time');
    expect(cases.length).toBe((r.stdout.match(/<testcase /g) ?? []).length);
    expect(cases.length).toBeGreaterThan(50);
    for (const t of [...cases, ...attr(r.stdout, 'testsuite', 'time'), ...attr(r.stdout, 'testsuites', 'time')]) expect(t).toMatch(/^\d+\.\d{3}$/);
    // a suite's time is its cases' (each rounded down to the millisecond, so at most one ms short per case)
    const ms = (t: string) => Number(t.replace('.', ''));
    const suites = r.stdout.split('<testsuite ').slice(1);
    for (const s of suites) {
      const suite = ms(/^[^>]*time="([^"]+)"/.exec(s)![1]!);
      const own = attr(s, 'testcase', 'time').map(ms);
      const sum = own.reduce((a, b) => a + b, 0);
      expect(suite).toBeGreaterThanOrEqual(sum);
      expect(suite).toBeLessThanOrEqual(sum + own.length);
    }
  });
});

describe('the Chinese diff table speaks the result table\'s words', () => {
  // fixtures/diff/README.md: 甲 (31亿) and 己 (36.3亿) lose their tier 1 award of 2025 (150万元) under a tier 1 of
  // 50亿; 戊's 2026 tier 1 was superseded by 鸿鹄 and becomes ineligible (31亿 < 50亿), the same total
  const r = cli(['diff', 'fixtures/diff/small-district.jsonl', '--params', REFORM, '--lang', 'zh']);

  it('status words, tiers and amounts as the result table has them, measures by their titles', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('网上零售额进档奖励 2025年度：符合 第1档 150万元 → 不符合');
    expect(r.stdout).toContain('网上零售额进档奖励 2026年度：已让位 第1档 150万元 → 不符合');
    expect(r.stdout).toMatch(/│ 网上零售额进档奖励 +│ +5 │ +3 │/);
    expect(r.stdout).toMatch(/│ 跨境电商“品牌出海”推广费用扶持 +│/);
    expect(r.stdout).not.toMatch(/\beligible\b|\bineligible\b|\bsuperseded\b|gz-2025-ecommerce\/scale-tier/);
  });

  it('amounts and counts right-aligned', () => {
    // 617,283.94 元 (己's brand-overseas share) sits under 9,500,000.00 元, so it is padded on the left
    expect(r.stdout).toMatch(/│ {3}617,283\.94 元 │ {3}617,283\.94 元 │ {10}0\.00 元 │/);
    expect(r.stdout).toMatch(/│ 越秀区 │ {4}2 │ {4}0 │ {4}0 │ {8}0 │ {4}2 │ {2}2,800,000\.00 元 │/);
    const en = cli(['diff', 'fixtures/diff/small-district.jsonl', '--params', REFORM, '--lang', 'en']);
    expect(en.stdout).toMatch(/│ +¥617,283\.94 │/);
    expect(en.stdout).toContain('gz-2025-ecommerce/scale-tier 2025: eligible tier 1 1500000.00 → ineligible');
  });
});

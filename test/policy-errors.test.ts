/**
 * A bad policy file gets one located message per problem: file:line:column, and what to write instead, in the
 * chosen language; never a stack trace (the spawned CLI is guarded). Each error the format promises is made
 * once from a valid file, by one change, and its line and column are found in the changed text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { TEXT, VALID } from './helpers/policy.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-errors-'));
writeFileSync(join(dir, 'text.txt'), TEXT);


const RATIO = `  - id: ratio
    template: increment-ratio
    article: 第二条
    title: { zh: 增量比例奖励, en: Increase share }
    quote: 较上一年每增加1亿元给予10万元奖励
    input: onlineRetailSales
    params:
      floor: { value: 5000万, article: 第一条, quote: 首次突破5000万元 }
      rate: { value: 150%, article: 第二条, quote: 每增加1亿元给予10万元奖励 }
      cap: { value: 400万, article: 第二条, quote: 年度最高不超过400万元 }
`;

let n = 0;
function write(text: string): string {
  const file = join(dir, `p${n++}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** Line and column (1-based) of the last line that holds `needle`, at the column of `at` in that line. */
function where(text: string, needle: string, at = needle): string {
  const lines = text.split('\n');
  const i = lines.findLastIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no ${needle}`);
  return `${i + 1}:${lines[i]!.indexOf(at) + 1}`;
}

function expectError(text: string, needle: string, at: string, words: RegExp, lang: 'zh' | 'en' = 'zh') {
  const file = write(text);
  const r = cli(['rules', '--policy', file, '--lang', lang]);
  expect(r.code, r.stdout).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`${file}:${where(text, needle, at)}`);
  expect(r.stderr).toMatch(words);
}

describe('policy file errors, each at file:line:column with what to write instead', () => {
  it('the valid file loads, and rules lists its measures', () => {
    const r = cli(['rules', '--policy', write(VALID), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const p = (JSON.parse(r.stdout) as { policies: { id: string; measures: { id: string }[] }[] }).policies.find((x) => x.id === 'test-district')!;
    expect(p.measures.map((m) => m.id)).toEqual(['first-reach', 'per-step']);
  });

  it('an unknown template', () => {
    const text = VALID.replace('template: per-step', 'template: per-steps');
    expectError(text, 'template: per-steps', 'template', /未知的模板“per-steps”；可用：tier-award、first-reach-tiers、per-step/);
    expectError(text, 'template: per-steps', 'template', /unknown template "per-steps"; write one of tier-award, first-reach-tiers, per-step/, 'en');
  });

  it('a missing quote', () => {
    const text = VALID.replace('award: { value: 10万, article: 第二条, quote: 给予10万元奖励 }', 'award: { value: 10万, article: 第二条 }');
    expectError(text, 'award: { value: 10万', 'award', /缺少 quote：写出所依据的原文/);
  });

  it('a quote not found in the text', () => {
    const text = VALID.replace('quote: 每增加1亿元 }', 'quote: 每增加2亿元 }');
    expectError(text, 'quote: 每增加2亿元', 'quote', /原文中找不到“每增加2亿元”/);
    expectError(text, 'quote: 每增加2亿元', 'quote', /"每增加2亿元" is not in the text: a quote must be the text's words exactly/, 'en');
  });

  it('a rate over 1', () => {
    const text = VALID + RATIO;
    expectError(text, 'rate: { value: 150%', 'value', /比例“150%”超过 1（100%）：比例写 5%、0.6‰ 或 0.05/);
  });

  it('a cap below an award', () => {
    const text = VALID.replace('cap: { value: 400万', 'cap: { value: 5万');
    expectError(text, 'cap: { value: 5万', 'value', /年度上限 5万 低于一档的奖励 10万：上限至少应为一档的奖励/);
  });

  it('overlapping tiers, and thresholds not rising', () => {
    expectError(VALID.replace('value: [5000万, 1亿, 3亿]', 'value: [5000万, 1亿, 1亿]'), 'value: [5000万, 1亿, 1亿]', '1亿]', /第2档与第3档门槛相同（1亿）：两档重叠/);
    expectError(VALID.replace('value: [5000万, 1亿, 3亿]', 'value: [5000万, 3亿, 1亿]'), 'value: [5000万, 3亿, 1亿]', '1亿]', /门槛须逐档上升：第3档 1亿 低于第2档 3亿/);
  });

  it('an unknown input', () => {
    const text = VALID.replace('input: onlineRetailSales\n    params:\n      step', 'input: annualSales\n    params:\n      step');
    expectError(text, 'input: annualSales', 'input', /未知的输入项“annualSales”；可用的金额输入项：onlineRetailSales/);
  });

  it('a duplicate id, in one file and across two', () => {
    const text = VALID.replace('- id: per-step', '- id: first-reach');
    expectError(text, '- id: first-reach', 'id', /措施 id “first-reach”重复（measures\[0\] 已用）/);
    const a = write(VALID);
    const b = write(VALID.replace('title: { zh: 测试区办法', 'title: { zh: 测试区办法二'));
    const r = cli(['rules', '--policy', a, '--policy', b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${b}:1:1`);
    expect(r.stderr).toContain(`文件 id “test-district”与 ${a} 重复`);
  });

  it('a file is data: a tag that would construct code is refused or read as text, never run', () => {
    const text = VALID.replace('issuer: 测试区商务局', 'issuer: !!js/function "function () { process.exit(9) }"');
    const r = cli(['rules', '--policy', write(text)]);
    expect(r.code).not.toBe(9);
    expect([0, 2]).toContain(r.code);
  });

  it('a syntax error and an alias bomb are located problems too', () => {
    const bad = write(VALID.replace('issuer: 测试区商务局', 'issuer: [测试区商务局'));
    const r = cli(['rules', '--policy', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const b = cli(['rules', '--policy', write(bomb)]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/alias/);
  });
});

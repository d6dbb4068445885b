/**
 * Declared inputs through every reader, as the built-ins are read: a per-year amount (年销售额, with 万元 in its
 * header or a unit in its cell), a category given once (限额以上企业类别: 批发/零售/住宿餐饮), a boolean given once
 * (主营新能源汽车零售) and a list (区标杆企业名单). The values are checked in-process (CSV, XLSX, JSON read into
 * enterprises); what a user meets — template, validate, batch, --set, check, the messages — through the spawned
 * CLI, given a policy file that declares them (--policy).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_IDS, YEAR_FIELDS, yearData, type Enterprise, type YearField } from '../src/domain/enterprise.js';
import { YEAR_FIELD_LABELS } from '../src/domain/labels.js';
import { LIST_HEADER_ZH, registerDeclaredInputs, resetDeclaredInputs, type InputDecl } from '../src/domain/vocabulary.js';
import { applyAnswer, readAnswer, startInterview } from '../src/interview/interview.js';
import { readInputFile } from '../src/io/read-input.js';
import { t } from '../src/render/messages.js';
import { cli, ROOT } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const DECLS: InputDecl[] = [
  { id: 'annualSales', name: { zh: '年销售额', en: 'annual sales' }, kind: 'money', perYear: true, aliases: ['年度销售额'] },
  {
    id: 'aboveQuotaCategory',
    name: { zh: '限额以上企业类别', en: 'above-quota category' },
    kind: 'category',
    values: [
      { id: 'wholesale', zh: '批发', en: 'wholesale' },
      { id: 'retail', zh: '零售', en: 'retail' },
      { id: 'catering', zh: '住宿餐饮', en: 'accommodation and catering' },
    ],
  },
  { id: 'nevRetail', name: { zh: '主营新能源汽车零售', en: 'mainly new-energy vehicle retail' }, kind: 'boolean' },
  { id: 'district-benchmark', name: { zh: '区标杆企业', en: 'district benchmark' }, kind: 'list' },
];

const dir = mkdtempSync(join(tmpdir(), 'gz-vocab-'));
const path = (name: string) => join(dir, name);
/** A policy file (JSON is YAML too) that declares them, with one measure: --policy FILE on every command. */
const DECL_POLICY = path('inputs-policy.json');
writeFileSync(
  DECL_POLICY,
  JSON.stringify({
    id: 'x-inputs',
    title: { zh: '某区输入项（试验）', en: 'X district inputs (test)' },
    issuer: '某区商务局',
    issued: '2025-01-01',
    validity: { from: { value: '2025-01-01', article: '第九条', quote: '自2025年1月1日起施行' }, to: { value: null, article: '第九条', quote: '自2025年1月1日起施行' } },
    inputs: DECLS,
    measures: [{ id: 'benchmark', template: 'list-award', kind: 'unquantified', article: '第一条', title: { zh: '区标杆企业', en: 'District benchmark' }, quote: '对区标杆企业给予支持', lists: ['district-benchmark'] }],
  }),
);
const P = ['--policy', DECL_POLICY];
const A = validId(1);
const B = validId(2);
const WAN = 1_000_000n; // 1万元 in fen
const YI = 10_000_000_000n; // 1亿元 in fen

const HEADER = '统一社会信用代码,企业名称,年销售额（万元）_2024,annual_sales_2025,限额以上企业类别,主营新能源汽车零售,名单_区标杆企业,实物商品网上零售额_2025';
const CSV = `${HEADER}\n${A},甲,500,6亿,零售,是,2025；2027,3100000000\n"${B}",乙,"1,200",,Wholesale,false,,\n`;

/** What each reader must make of A and B (amounts worked out from the cells: 500万元, 6亿元, 1,200万元). */
function expectRead(a: Enterprise, b: Enterprise) {
  expect(yearData(a, 2024)).toMatchObject({ annualSales: 500n * WAN });
  expect(yearData(a, 2025)).toMatchObject({ annualSales: 6n * YI, onlineRetailSales: 3_100_000_000n * 100n });
  expect(a.inputs).toEqual({ aboveQuotaCategory: 'retail', nevRetail: true });
  expect(a.lists).toEqual([
    { list: 'district-benchmark', year: 2025 },
    { list: 'district-benchmark', year: 2027 },
  ]);
  expect(yearData(b, 2024)).toMatchObject({ annualSales: 1200n * WAN });
  expect(yearData(b, 2025)).toBeUndefined(); // nothing given for 2025: absent, never zero
  expect(b.inputs).toEqual({ aboveQuotaCategory: 'wholesale', nevRetail: false });
  expect(b.lists).toEqual([]);
}

describe('in-process: the readers make the declared values', () => {
  beforeAll(() => expect(registerDeclaredInputs(DECLS, 'test')).toEqual([]));
  afterAll(() => resetDeclaredInputs());

  it('CSV: headers with a unit, English headers, cells with units, a category by name, a list of years', async () => {
    writeFileSync(path('d.csv'), CSV);
    const f = await readInputFile(path('d.csv'), { strict: true });
    expect(f.problems).toEqual([]);
    expect(f.records.flatMap((r) => r.problems)).toEqual([]);
    expectRead(f.records[0]!.enterprise!, f.records[1]!.enterprise!);
  });

  it('XLSX: a two-row header with the year above the declared field, number cells', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['单位：万元']);
    s.addRow(['统一社会信用代码', '企业名称', '2024年', '2025年', '2025年', '', '', '']);
    s.addRow(['', '', '年度销售额', '年销售额', '实物商品网上零售额（元）', '区标杆企业名单', '限额以上企业类别', '主营新能源汽车零售']);
    s.addRow([A, '甲', 500, '6亿', 3100000000, '2025；2027', '零售', '是']);
    // (a row ends at its last cell: a trailing empty cell would be counted short, see the report)
    s.addRow([B, '乙', 1200, null, null, null, 'wholesale', false]);
    await wb.xlsx.writeFile(path('d.xlsx'));
    const f = await readInputFile(path('d.xlsx'), { strict: true });
    expect(f.problems).toEqual([]);
    expect(f.records.flatMap((r) => r.problems)).toEqual([]);
    expectRead(f.records[0]!.enterprise!, f.records[1]!.enterprise!);
  });

  it('JSON: per-year inputs in the years, inputs given once under inputs, lists as entries', async () => {
    const json = [
      { id: A, years: { 2024: { annualSales: '500万' }, 2025: { annualSales: '6亿', onlineRetailSales: 3100000000 } }, inputs: { aboveQuotaCategory: '零售', nevRetail: true }, lists: [{ list: 'district-benchmark', year: 2025 }, { list: 'district-benchmark', year: 2027 }] },
      { id: B, years: { 2024: { annualSales: 12000000 } }, inputs: { aboveQuotaCategory: 'wholesale', nevRetail: '否' } },
    ];
    writeFileSync(path('d.json'), JSON.stringify(json));
    const f = await readInputFile(path('d.json'), { strict: true });
    expect(f.records.flatMap((r) => r.problems)).toEqual([]);
    expectRead(f.records[0]!.enterprise!, f.records[1]!.enterprise!);
  });

  it('JSON: a value outside a category, or an input nobody declared, is named', async () => {
    writeFileSync(path('bad.json'), JSON.stringify({ id: A, inputs: { aboveQuotaCategory: '制造', category: 'x' }, years: { 2025: { annualSale: 1 } } }));
    const f = await readInputFile(path('bad.json'), { strict: true });
    const problems = f.records[0]!.problems.map((p) => [p.path, p.expected.key]);
    expect(problems).toContainEqual(['inputs.aboveQuotaCategory', 'expected.category']);
    expect(problems).toContainEqual(['inputs.category', 'unknown-field']);
    expect(problems).toContainEqual(['years.2025.annualSale', 'unknown-field']);
  });

  it('a district of built-in columns reads the same with declarations registered as without', async () => {
    const file = join(ROOT, 'fixtures/districts/sample-district.csv');
    const seen = JSON.stringify((await readInputFile(file)).records, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    resetDeclaredInputs();
    const before = JSON.stringify((await readInputFile(file)).records, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
    registerDeclaredInputs(DECLS, 'test');
    expect(seen).toBe(before);
  });

  it("check's answers: a category read by its name, stored under inputs; a declared yearly amount under its year", () => {
    const s = startInterview({ id: A }, [2025]);
    const q = { key: 'inputs.aboveQuotaCategory', kind: 'category' as const, text: '', why: '', stake: 0n };
    expect(readAnswer(q, '制造', 'zh')).toEqual({ ok: false, error: '请填写以下之一：批发、零售、住宿餐饮' });
    const a = readAnswer(q, '零售', 'zh');
    expect(a).toEqual({ ok: true, unknown: false, value: 'retail' });
    applyAnswer(s, q, a as never, '零售');
    const money = { key: 'years.2025.annualSales', kind: 'money' as const, text: '', why: '', stake: 0n };
    applyAnswer(s, money, readAnswer(money, '6亿', 'zh') as never, '6亿');
    expect(s.raw).toEqual({ id: A, inputs: { aboveQuotaCategory: 'retail' }, years: { 2025: { annualSales: '600000000.00' } } });
  });

  it('messages name a declared input by its declared name', () => {
    expect(t({ key: 'field.missing', args: { field: 'annualSales', year: 2025 } }, 'zh')).toBe('缺少 2025 年「年销售额」');
    expect(t({ key: 'field.missing', args: { field: 'annualSales', year: 2025 } }, 'en')).toBe('annual sales for 2025 is missing');
  });
});

describe('spawned: every command knows the declared inputs', () => {
  it('template writes their columns after the built-ins of their kind; without the declarations it is as before', () => {
    const zh = cli(['template', '--years', '2025', '--lang', 'zh', ...P]);
    expect(zh.code).toBe(0);
    const header = zh.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
    const lastField = YEAR_FIELD_LABELS[Object.keys(YEAR_FIELDS).at(-1) as YearField].zh;
    expect(header.indexOf('年销售额_2025')).toBe(header.indexOf(`${lastField}_2025`) + 1);
    expect(header.indexOf('名单_区标杆企业')).toBe(header.indexOf(`名单_${LIST_HEADER_ZH[LIST_IDS.at(-1)!]}`) + 1);
    expect(header.slice(-2)).toEqual(['限额以上企业类别', '主营新能源汽车零售']);
    const en = cli(['template', '--years', '2025', '--lang', 'en', ...P]).stdout.split(/\r?\n/)[0]!.split(',');
    expect(en).toContain('annual_sales_2025');
    expect(en).toContain('list_district_benchmark');
    expect(en.slice(-2)).toEqual(['above_quota_category', 'nev_retail']);
    const plain = cli(['template', '--years', '2025', '--lang', 'zh']);
    expect(plain.stdout).not.toContain('年销售额');
    expect(plain.stdout.split(/\r?\n/)[0]!.split(',').length).toBe(header.length - 4);
  });

  it("validate --strict takes the template's own columns back, and a file of declared columns", () => {
    writeFileSync(path('template.csv'), cli(['template', '--years', '2024-2025', ...P]).stdout);
    expect(cli(['validate', path('template.csv'), '--strict', ...P]).code).toBe(0);
    writeFileSync(path('v.csv'), CSV);
    const r = cli(['validate', path('v.csv'), '--strict', '--lang', 'en', ...P]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // without the declarations the same columns are unknown: an error under --strict
    const without = cli(['validate', path('v.csv'), '--strict', '--lang', 'en']);
    expect(without.code).not.toBe(0);
    expect(without.stdout + without.stderr).toContain('年销售额');
  });

  it('validate names a bad category value with the values, a bad amount with its column, in either language', () => {
    writeFileSync(path('bad.csv'), `${HEADER}\n${A},甲,五百,6亿,制造,是,2025,\n`);
    const zh = cli(['validate', path('bad.csv'), ...P]);
    expect(zh.code).not.toBe(0);
    const out = zh.stdout + zh.stderr;
    expect(out).toContain('限额以上企业类别');
    expect(out).toContain('应为以下之一：批发、零售、住宿餐饮');
    expect(out).toContain('年销售额（万元）_2024');
    const en = cli(['validate', path('bad.csv'), '--lang', 'en', ...P]);
    expect(en.stdout + en.stderr).toContain('expected one of: 批发、零售、住宿餐饮');
  });

  it('a column resembling a declared input is an error naming it, as for a built-in', () => {
    writeFileSync(path('near.csv'), `统一社会信用代码,实物商品网上零售额_2025,年销售_2025\n${A},1,2\n`);
    const r = cli(['validate', path('near.csv'), '--lang', 'en', ...P]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/unknown column "年销售_2025" looks like one of this program's fields: did you mean 年销售额_2025/);
  });

  it('batch reads a declared amount column in the unit its header names, and rejects a bad category row', () => {
    writeFileSync(path('b.csv'), `${CSV}${validId(3)},丙,1,,制造,,,\n`);
    const r = cli(['batch', path('b.csv'), '--no-progress', '--lang', 'en', '--rejects', path('rejects.csv'), ...P]);
    expect(r.code).toBe(3); // a row rejected
    expect(r.stderr).toContain('amount columns 年销售额（万元）_2024 (1 in all) read in 万元 (named in the header)');
    expect(r.stderr).toContain('amount columns annual_sales_2025, 实物商品网上零售额_2025 (2 in all) read in 元');
    expect(r.stderr).toContain('3 records read: 2 in the output, 1 rejected');
    const rejects = readFileSync(path('rejects.csv'), 'utf8');
    expect(rejects).toContain(validId(3));
    expect(rejects).toContain('expected one of: 批发、零售、住宿餐饮');
    expect(rejects).not.toContain(A);
  });

  it('batch --jobs 2 reads them on worker threads as one job does', () => {
    writeFileSync(path('j.csv'), `${CSV}${validId(3)},丙,1,,制造,,,\n`);
    const one = cli(['batch', path('j.csv'), '--no-progress', '--rejects', path('rejects1.csv'), '--out', path('one.csv'), ...P]);
    const two = cli(['batch', path('j.csv'), '--no-progress', '--rejects', path('rejects2.csv'), '--out', path('two.csv'), '--jobs', '2', ...P]);
    expect([one.code, two.code]).toEqual([3, 3]);
    expect(readFileSync(path('two.csv'), 'utf8')).toBe(readFileSync(path('one.csv'), 'utf8'));
    expect(readFileSync(path('rejects2.csv'), 'utf8')).toBe(readFileSync(path('rejects1.csv'), 'utf8'));
    expect(readFileSync(path('rejects2.csv'), 'utf8')).toContain('应为以下之一：批发、零售、住宿餐饮');
  });

  it('--set takes declared inputs by header or by path, and refuses a value outside a category', () => {
    const ok = cli(['simulate', '--set', `id=${A}`, '--set', '年销售额_2025=6亿', '--set', 'years.2024.annualSales=5亿', '--set', '限额以上企业类别=零售', '--set', 'inputs.nevRetail=true', '--set', '名单_区标杆企业=2025', '--format', 'json', '--strict', ...P]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const bad = cli(['simulate', '--set', `id=${A}`, '--set', '限额以上企业类别=制造', '--lang', 'en', ...P]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('expected one of: 批发、零售、住宿餐饮');
    const unknown = cli(['simulate', '--set', `id=${A}`, '--set', '年销售_2025=1', '--lang', 'en', ...P]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('年销售额_2025');
  });

  it('check starts from a file with declared inputs and keeps them in --save', () => {
    writeFileSync(path('start.json'), JSON.stringify({ id: A, tracks: ['ecommerce'], district: '天河区', years: { 2025: { annualSales: '6亿' } }, inputs: { aboveQuotaCategory: '零售' } }));
    const r = cli(['check', path('start.json'), '--years', '2025', '--save', path('saved.json'), '--lang', 'en', ...P], { input: 'skip\n'.repeat(40) });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('unknown field');
    const saved = JSON.parse(readFileSync(path('saved.json'), 'utf8'));
    expect(saved.years['2025'].annualSales).toBe('6亿');
    expect(saved.inputs).toEqual({ aboveQuotaCategory: '零售' });
  });
});

/**
 * An invented district document declaring the four inputs, with measures reading three of them: through --policy
 * the spawned batch reads the declared columns (CSV and XLSX) and computes what the articles say.
 */
const POLICY = `id: x-district-2025
title: { zh: 某区促进商贸企业发展若干措施（试验）, en: X district measures for trade enterprises (test) }
issuer: 某区商务局
issued: 2025-01-01
validity:
  from: { value: 2025-01-01, article: 第十条, quote: 本措施自2025年1月1日起施行 }
  to: { value: 2027-12-31, article: 第十条, quote: 有效期至2027年12月31日 }
inputs:
  - id: annualSales
    name: { zh: 年销售额, en: annual sales }
    kind: money
    perYear: true
    aliases: [年度销售额]
  - id: aboveQuotaCategory
    name: { zh: 限额以上企业类别, en: above-quota category }
    kind: category
    values:
      - { id: wholesale, zh: 批发, en: wholesale }
      - { id: retail, zh: 零售, en: retail }
      - { id: catering, zh: 住宿餐饮, en: accommodation and catering }
  - id: nevRetail
    name: { zh: 主营新能源汽车零售, en: mainly new-energy vehicle retail }
    kind: boolean
    perYear: true
  - id: district-benchmark
    name: { zh: 区标杆企业, en: district benchmark }
    kind: list
measures:
  - id: first-reach
    template: first-reach-tiers
    article: 第二条
    title: { zh: 年销售额首次突破奖励, en: First-reach award on annual sales }
    quote: 年度销售额首次突破5000万元、1亿元的，分别给予一次性10万元、20万元支持
    input: annualSales
    params:
      thresholds: { value: [5000万, 1亿], article: 第二条, quote: 年度销售额首次突破5000万元、1亿元的 }
      awards: { value: [10万, 20万], article: 第二条, quote: 分别给予一次性10万元、20万元支持 }
  - id: benchmark
    template: list-award
    kind: cash-cap
    article: 第三条
    title: { zh: 区标杆企业奖励, en: District benchmark award }
    quote: 对首次认定为区标杆企业的，给予一次性最高5万元奖励
    lists: [district-benchmark]
    firstTime: true
    params:
      cap: { value: 5万, article: 第三条, quote: 给予一次性最高5万元奖励 }
  - id: nev
    template: unquantified
    article: 第四条
    title: { zh: 新能源汽车零售企业支持, en: Support to new-energy vehicle retailers }
    quote: 对主营新能源汽车零售的企业，按有关规定给予支持
    flags: [nevRetail]
`;

describe('spawned: --policy declares the inputs and its measures read them', () => {
  const policy = path('x-district.yaml');
  writeFileSync(policy, POLICY);
  // 甲: 年销售额 500万 in 2024 (below 5000万), 6亿 in 2025: 2025 first reaches both tiers, the highest pays
  // 20万 (第二条: 5000万、1亿 → 10万、20万); 区标杆企业 first in 2025: 5万 (第三条), 2027 not first: nothing;
  // 主营新能源汽车零售 2025 yes: supported, amount set elsewhere (第四条).
  const EXPECTED = [
    'x-district-2025,first-reach,2025,eligible,200000.00',
    'x-district-2025,benchmark,2025,eligible,50000.00',
    'x-district-2025,benchmark,2027,ineligible,',
    'x-district-2025,nev,2025,eligible,',
  ];
  const rows = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l.includes('x-district-2025'))
      .map((l) => l.split(','))
      .map((c) => [c[3], c[4], c[6], c[8], c[10]].join(','));

  it('batch on a CSV', () => {
    writeFileSync(path('p.csv'), `统一社会信用代码,企业名称,年销售额（万元）_2024,annual_sales_2025,限额以上企业类别,主营新能源汽车零售_2025,名单_区标杆企业\n${A},甲,500,6亿,零售,是,2025；2027\n`);
    const r = cli(['batch', path('p.csv'), '--policy', policy, '--layout', 'long', '--no-progress', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout)).toEqual(EXPECTED);
  });

  it('batch on a workbook with a two-row header', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['统一社会信用代码', '企业名称', '2024年', '2025年', '2025年', '', '']);
    s.addRow(['', '', '年度销售额（万元）', '年销售额（万元）', '主营新能源汽车零售', '区标杆企业名单', '限额以上企业类别']);
    s.addRow([A, '甲', 500, 60000, '是', '2025；2027', '零售']);
    await wb.xlsx.writeFile(path('p.xlsx'));
    const r = cli(['batch', path('p.xlsx'), '--policy', policy, '--layout', 'long', '--no-progress', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout)).toEqual(EXPECTED);
  });

  it('check asks for the declared inputs its measures read, by their declared names', () => {
    const answers = `1\n天河\n${'skip\n'.repeat(60)}`;
    const questions = (lang: string) => cli(['check', '--policy', policy, '--years', '2025', '--lang', lang], { input: answers }).stderr.split('\n').filter((l) => l.startsWith('? '));
    expect(questions('zh')).toEqual(expect.arrayContaining(['? 2025 年年销售额是多少？（如 100万、1,000,000）', '? 2025 年是否主营新能源汽车零售？（是/否）']));
    expect(questions('en')).toEqual(expect.arrayContaining(['? Annual sales in 2025? (e.g. 100万, 1,000,000)', '? In 2025: mainly new-energy vehicle retail? (y/n)']));
  });

  it('a wrong declaration is a located error, and its measures are not refused again', () => {
    writeFileSync(path('bad.yaml'), POLICY.replace('kind: boolean', 'kind: bool').replace('aliases: [年度销售额]', 'aliases: [年度销售额, 网上零售额]'));
    const r = cli(['batch', path('p.csv'), '--policy', path('bad.yaml'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(2);
    const line = (text: string) => POLICY.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(r.stderr).toContain(`bad.yaml:${line('aliases: [年度销售额]')}:22: inputs[0].aliases[1]: input "annualSales": the column name "网上零售额" already names "实物商品网上零售额 (onlineRetailSales)" (built-in)`);
    expect(r.stderr).toContain(`bad.yaml:${line('kind: boolean')}:5: inputs[2].kind: input "nevRetail": unknown kind "bool"; write one of money, boolean, count, category, list`);
    expect(r.stderr).toContain('2 problems');
    const zh = cli(['batch', path('p.csv'), '--policy', path('bad.yaml'), '--no-progress', '--lang', 'zh']);
    expect(zh.stderr).toContain('输入项“nevRetail”的类型“bool”未知');
  });
});

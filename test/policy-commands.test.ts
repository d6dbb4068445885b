/**
 * --policy on every command, through the spawned CLI, with the example district document
 * (fixtures/policies/example-district-2025.yaml, an invented text) and its sample district: the readers know its
 * declared columns (年度销售额_YYYY, 主营新能源汽车零售_YYYY) in CSV and XLSX, --set and check; validate and
 * template know them; rules lists the document; test runs the scenario file that names it; diff costs it as a
 * draft. Amounts by hand from its articles (see fixtures/scenarios/example-district.yaml).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers/cli.js';

const P = 'fixtures/policies/example-district-2025.yaml';
const CSV = 'fixtures/districts/example-district.csv';
const dir = mkdtempSync(join(tmpdir(), 'policy-commands-'));
type Row = { id: string; policy: string; measure: string; year: number; status: string; amount: string | null };
const longJson = (stdout: string) => (JSON.parse(stdout) as { id: string; results: Omit<Row, 'id'>[] }[]).flatMap((e) => e.results.map((r) => ({ ...r, id: e.id })));
const ex = (rows: Row[], id: string, measure: string) => rows.find((r) => r.id === id && r.policy === 'example-district-2025' && r.measure === measure && r.year === 2025);

describe('--policy on each command', () => {
  it('batch reads the declared columns of a CSV and computes the document beside the built-ins', () => {
    const r = cli(['batch', CSV, '--policy', P, '--layout', 'long', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = longJson(r.stdout);
    // E2 越秀: 10亿 → 11.9亿: 第三条 1.9亿 × 1% = 190万, 第二条's 10万 gives way; 第四条 +19% → 100万
    expect(ex(rows, '91440111MA0EX001XL', 'increase-share')).toMatchObject({ status: 'eligible', amount: '1900000.00' });
    expect(ex(rows, '91440111MA0EX001XL', 'increase-step')).toMatchObject({ status: 'superseded', amount: '100000.00' });
    expect(ex(rows, '91440111MA0EX001XL', 'steady-growth')).toMatchObject({ status: 'eligible', amount: '1000000.00' });
    // E1 天河: 3,000万 → 3.5亿 first reaches tiers 1–3: the highest, 50万
    expect(ex(rows, '91440110MA0EX000X5', 'first-reach')).toMatchObject({ status: 'eligible', amount: '500000.00' });
    // E6 番禺: 主营新能源汽车零售 2025 是
    expect(ex(rows, '91440115MA0EX005XJ', 'nev-retail')).toMatchObject({ status: 'eligible', amount: null });
    // without the file, the same columns are unknown: an error, not a silent zero
    const without = cli(['batch', CSV, '--layout', 'long', '--format', 'json']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('年度销售额_2023');
  });

  it('batch reads the same columns from an XLSX workbook, with the same results as from CSV', async () => {
    // every row ends in a value (主营新能源汽车零售_2025: 否 where the sample leaves it empty): the XLSX reader
    // refuses a row whose last cells are left out as "fewer cells than the header" (noted in the report)
    const lines = readFileSync(join(ROOT, CSV), 'utf8').trim().split('\n').map((l, i) => (i > 0 && l.endsWith(',') ? l + '否' : l));
    const csv = join(dir, 'example.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    for (const line of lines) ws.addRow(line.split(','));
    const xlsx = join(dir, 'example.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const a = cli(['batch', xlsx, '--policy', P, '--layout', 'long', '--format', 'json']);
    const b = cli(['batch', csv, '--policy', P, '--layout', 'long', '--format', 'json']);
    expect(a.code, a.stderr).toBe(0);
    const rows = longJson(a.stdout);
    expect(rows).toEqual(longJson(b.stdout));
    expect(ex(rows, '91440111MA0EX001XL', 'increase-share')).toMatchObject({ status: 'eligible', amount: '1900000.00' });
  });

  it('batch --jobs 2: the workers load the file too (and its inputs), the table is the same', () => {
    const one = cli(['batch', CSV, '--policy', P, '--no-progress']);
    const two = cli(['batch', CSV, '--policy', P, '--jobs', '2', '--no-progress']);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain('example-district-2025');
  });

  it('simulate with --set names a declared input by its id', () => {
    const r = cli(['simulate', '--policy', P, '--set', 'id=91440101MA5CJQ4N59', '--set', 'years.2024.annualSales=30亿', '--set', 'years.2025.annualSales=78.1亿', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { results: Row[] }).results;
    // 48.1亿 of increase: 48 steps × 10万 = 480万, capped at 400万; 第三条's 200万 gives way
    expect(rows.find((x) => x.measure === 'increase-step' && x.year === 2025)).toMatchObject({ status: 'eligible', amount: '4000000.00' });
    expect(rows.find((x) => x.measure === 'increase-share' && x.year === 2025)).toMatchObject({ status: 'superseded' });
  });

  it('check asks for a declared input, and counts it', () => {
    const answers = ['1', '天河', '2025'].join('\n') + '\n' + '\n'.repeat(60);
    const r = cli(['check', '--policy', P], { input: answers });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2025 年年度销售额是多少？');
    expect(r.stderr).toContain('2025 年是否主营新能源汽车零售？');
  });

  it('validate knows the declared columns with the file, and refuses them without', () => {
    const ok = cli(['validate', CSV, '--policy', P]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = cli(['validate', CSV]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('年度销售额_2023');
  });

  it('template writes the declared columns', () => {
    const zh = cli(['template', '--policy', P, '--lang', 'zh', '--years', '2025']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout.split('\n')[0]).toContain('年度销售额_2025');
    expect(zh.stdout.split('\n')[0]).toContain('主营新能源汽车零售_2025');
    expect(cli(['template', '--lang', 'zh', '--years', '2025']).stdout.split('\n')[0]).not.toContain('年度销售额');
  });

  it('rules lists the document and its measures; --coverage runs with it', () => {
    const r = cli(['rules', 'example-district-2025', '--policy', P, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = (JSON.parse(r.stdout) as { policies: { id: string; measures: { id: string; ceiling: string | null }[] }[] }).policies[0]!;
    expect(doc.measures.map((m) => [m.id, m.ceiling])).toEqual([
      ['first-reach', '1000000.00'],
      ['increase-step', '4000000.00'],
      ['increase-share', '2000000.00'],
      ['steady-growth', '1000000.00'],
      ['nev-retail', null],
    ]);
    expect(cli(['rules', '--policy', P, '--coverage']).code).toBe(0);
    const schema = JSON.parse(cli(['rules', '--policy-schema']).stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'measures', 'conflicts', 'inputs', 'text']));
  });

  it('test runs a scenario file that names its policy files, and --policy too', () => {
    const r = cli(['test', 'fixtures/scenarios/example-district.yaml', '--lang', 'en']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('7 passed, 0 failed');
  });

  it('diff --policy-new with a new id costs a draft: every award it makes is a gain', () => {
    const r = cli(['diff', CSV, '--policy-new', P, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { total: { before: string; after: string }; enterprises: { gaining: number; losing: number }; policies: { base: string[]; new: string[] } };
    // the cash the plan pays, by hand: E1 50万 + 30万 (3 steps of 3.2亿); E2 190万 + 100万; E3 400万 + 100万;
    // E5 10万 (0.1亿 × 1%); E6 20万 (first reach of 5,000万): 900万
    expect(d.total).toMatchObject({ before: '0.00', after: '9000000.00' });
    expect(d.enterprises).toMatchObject({ gaining: 5, losing: 0 });
    expect(d.policies).toEqual({ base: [], new: [P] });
  });

  it('diff --policy CURRENT --policy-new DRAFT with the same id: the draft replaces it, who loses is reported', () => {
    const draft = join(dir, 'draft.yaml');
    writeFileSync(draft, readFileSync(join(ROOT, P), 'utf8').replace('cap: { value: 400万', 'cap: { value: 300万').replace('text: example-district-2025.txt', `text: ${join(ROOT, 'fixtures/policies/example-district-2025.txt')}`));
    const r = cli(['diff', CSV, '--policy', P, '--policy-new', draft, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { total: { before: string; after: string }; enterprises: { gaining: number; losing: number }; policies: unknown };
    expect(d.policies).toEqual({ base: [P], new: [P, draft] });
    // only E3 (海珠) changes: 第二条 400万 → 300万, still above 第三条's 200万
    expect(d.total).toMatchObject({ before: '9000000.00', after: '8000000.00' });
    expect(d.enterprises).toMatchObject({ gaining: 0, losing: 1 });
  });
});

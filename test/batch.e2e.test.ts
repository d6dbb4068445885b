/**
 * `gz-awards batch`, `template` and `validate` end to end, on the sample district (fixtures/districts, written by
 * scripts/make-sample-district.mjs). The awards of the hand-designed enterprises H1–H8 are worked out by hand from
 * the articles in the comments; the program's output is compared with those numbers, never with itself.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, STACK } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const UTF8 = 'fixtures/districts/sample-district-with-rejects.csv';
const GBK = 'fixtures/districts/sample-district-with-rejects-gbk.csv';
const dir = mkdtempSync(join(tmpdir(), 'gz-batch-'));
const tmp = (name: string) => join(dir, name);

/** The header and the eight hand-designed enterprises (rows 2–9 of the sample), as their own file. */
const handFile = tmp('hand.csv');
writeFileSync(handFile, readFileSync(UTF8, 'utf8').split('\r\n').slice(0, 9).join('\r\n') + '\r\n');

const ids = {
  H1: '91440106MA000Y6G95',
  H2: '91440104MA000Y6GAB',
  H3: '91440115MA000Y6GBC',
  H4: '91440113MA000Y6GCJ',
  H5: '91440112MA000Y6GD7',
  H6: '91440111MA000Y6GEU',
  H7: '91440105MA000Y6GF9',
  H8: '91440103MA000Y6GGF',
};

/**
 * The award table cells worked out by hand (English column keys; every other cash column is empty).
 * H1 SPEC E1: (3.10e9 / 2.50e9)^½ − 1 = 11.355% ≥ 10%, 3.10e9 ≥ 30亿 → tier 1, ceiling 150万元.
 * H2 SPEC E7: 品牌出海 50% × 1,234,567.89 = 617,283.945 → rounded down 617,283.94 (< cap 100万元).
 * H3 SPEC E8: bonded rent 30% × 7,000,000 = 2,100,000 → cap 1,500,000.00; 30% × 1,000,000 = 300,000.00 (2024).
 * H4 SPEC E4: 2025 tier 1 1,500,000; 2026 1.05e10 ≥ 100亿, (1.05e10 / 8e9)^½ − 1 = 14.56% ≥ 6% → tier 2,
 *    top-up 2,500,000 − 1,500,000 = 1,000,000.00.
 * H5 鸿鹄 2025 first entry → 1,000,000.00 (000 第三条); 麒麟 2024 first entry → 2,000,000.00 (003 一).
 * H6 SPEC E6: 2026 tier 1 (2e9 → 3.1e9: 24.5%) and 2027 tier 2 (8e9 → 1.1e10: 17.3% ≥ 6%); 鸿鹄 2027 shares the
 *    application year 2027 with the 2026 tier award, so the optimal plan is 鸿鹄 1,000,000 + 2027 tier 2 in full
 *    2,500,000 = 3,500,000, the 2026 tier 1 superseded (empty).
 * H7 品牌出海 2025: 50% × 3,000,000 = 1,500,000 → cap 1,000,000.00; 2026 funded by the province → ineligible.
 * H8 SPEC E5: live-streaming too: 000 tier 1 1,500,000.00, the 002 result superseded (empty); total 1,500,000.00.
 */
const EXPECTED: Record<keyof typeof ids, { cells: Record<string, string>; total: string }> = {
  H1: { cells: { 'gz-2025-ecommerce/scale-tier@2025': '1500000.00' }, total: '1500000.00' },
  H2: { cells: { 'gz-2024-cross-border/brand-overseas@2025': '617283.94' }, total: '617283.94' },
  H3: { cells: { 'gz-2024-cross-border/bonded-rent@2024': '300000.00', 'gz-2024-cross-border/bonded-rent@2025': '1500000.00' }, total: '1800000.00' },
  H4: { cells: { 'gz-2025-ecommerce/scale-tier@2025': '1500000.00', 'gz-2025-ecommerce/scale-tier@2026': '1000000.00' }, total: '2500000.00' },
  H5: { cells: { 'gz-2025-ecommerce/honghu@2025': '1000000.00', 'gz-2024-cross-border/qilin@2024': '2000000.00' }, total: '3000000.00' },
  H6: { cells: { 'gz-2025-ecommerce/honghu@2027': '1000000.00', 'gz-2025-ecommerce/scale-tier@2027': '2500000.00' }, total: '3500000.00' },
  H7: { cells: { 'gz-2024-cross-border/brand-overseas@2025': '1000000.00' }, total: '1000000.00' },
  H8: { cells: { 'gz-2025-ecommerce/scale-tier@2025': '1500000.00' }, total: '1500000.00' },
};

/** The cash columns of the table (fixed: every cash measure × the years it is in force). */
const isCashColumn = (h: string) => /@\d{4}$/.test(h);

function readCsv(file: string): { bom: boolean; header: string[]; rows: string[][] } {
  const text = readFileSync(file, 'utf8');
  const rows = parse(text, { bom: true }) as string[][];
  return { bom: text.charCodeAt(0) === 0xfeff, header: rows[0]!, rows: rows.slice(1) };
}

function checkHandRows(header: string[], rows: string[][], keyOf: (h: string) => string) {
  for (const [name, id] of Object.entries(ids) as Array<[keyof typeof ids, string]>) {
    const row = rows.find((r) => r[0] === id);
    expect(row, name).toBeDefined();
    const want = EXPECTED[name];
    header.forEach((h, i) => {
      const key = keyOf(h);
      if (isCashColumn(key)) expect([name, key, row![i]]).toEqual([name, key, want.cells[key] ?? '']);
    });
    expect([name, row![header.length - 3]]).toEqual([name, want.total]); // total, other_eligible, needs_data
  }
}

describe('the quick start on the clean sample district', () => {
  it('exits 0: the same 1,998 enterprises and awards as the file with rejects, nothing rejected', () => {
    const out = tmp('clean.csv');
    const rejects = tmp('clean-rejects.csv');
    const r = cli(['batch', 'fixtures/districts/sample-district.csv', '--out', out, '--rejects', rejects]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('共读取 1998 条记录：输出 1998 条，拒绝 0 条');
    const withRejects = tmp('with-rejects.csv');
    cli(['batch', UTF8, '--out', withRejects]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(withRejects, 'utf8'));
    expect(readCsv(rejects).rows).toHaveLength(0);
    const gbk = cli(['batch', 'fixtures/districts/sample-district-gbk.csv', '--unit', '万元', '--out', tmp('clean-gbk.csv')]);
    expect(gbk.code).toBe(0);
  });
});

describe('batch on the sample district', () => {
  it('UTF-8, English headers: the award table cell by cell, the rejects report, the counts and exit 3', () => {
    const out = tmp('awards.csv');
    const rejects = tmp('rejects.csv');
    const r = cli(['batch', UTF8, '--out', out, '--rejects', rejects, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK);
    // 8 hand rows + 6 bad rows + 1,990 synthetic + 1 bad row at the end = 2,005 records; 7 bad
    expect(r.stderr).toContain('2005 records read: 1998 in the output, 7 rejected');
    const { bom, header, rows } = readCsv(out);
    expect(bom).toBe(true);
    expect(header.slice(0, 3)).toEqual(['id', 'name', 'district']);
    expect(header.slice(-3)).toEqual(['total', 'other_eligible', 'needs_data']);
    expect(rows).toHaveLength(1998);
    checkHandRows(header, rows, (h) => h);
    // every amount is a plain number with two decimals
    for (const row of rows) for (let i = 3; i < header.length - 2; i++) expect(row[i]!).toMatch(/^(\d+\.\d{2})?$/);

    const rej = readCsv(rejects);
    expect(rej.bom).toBe(true);
    expect(rej.header).toEqual(['file', 'row', 'index', 'id', 'problems']);
    expect(rej.rows.map((x) => x[1])).toEqual(['10', '11', '12', '13', '14', '15', '2006']);
    const reasons = rej.rows.map((x) => x[4]!);
    expect(reasons[0]).toContain('GB 32100-2015'); // wrong check character
    expect(reasons[1]).toContain('深圳市南山区'); // not a Guangzhou district
    expect(reasons[2]).toContain('-5000'); // negative
    expect(reasons[3]).toContain(`${UTF8}:2`); // duplicate of H1, first seen in row 2
    expect(reasons[4]).toContain('3'); // 3 cells, the header 34 columns
    expect(reasons[5]).toContain('—');
    expect(reasons[6]).toContain('abc');
  });

  it('GBK, Chinese headers, amounts in 万元: the same awards, the same rows', () => {
    const out = tmp('awards-gbk.csv');
    const r = cli(['batch', GBK, '--unit', '万元', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('共读取 2005 条记录：输出 1998 条，拒绝 7 条');
    const zh = readCsv(out);
    expect(zh.header.slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '所属区']);
    expect(zh.header).toContain('网上零售额进档奖励（2025业绩年度，元）');
    // Chinese headers are "<title>（<year>业绩年度，元）"; map them to the English keys through the English run's header order
    const en = readCsv(tmp('awards.csv'));
    expect(zh.header.length).toBe(en.header.length);
    checkHandRows(zh.header, zh.rows, (h) => en.header[zh.header.indexOf(h)]!);
    expect(zh.rows).toEqual(en.rows);
  });

  it('the summary of the hand-designed enterprises, added up by hand', () => {
    const summary = tmp('summary.json');
    const r = cli(['batch', handFile, '--out', tmp('hand-awards.csv'), '--summary', summary]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as {
      byDistrictAndMeasure: Array<{ district: string; measure: string; enterprises: number; amount: string }>;
      byDistrict: Array<{ district: string; enterprises: number; cash: string }>;
    };
    const byMeasure = (m: string) => {
      const rows = s.byDistrictAndMeasure.filter((x) => x.measure === m);
      return [rows.reduce((n, x) => n + x.enterprises, 0), rows.map((x) => x.amount).sort()];
    };
    // tier awards: H1 1,500,000; H4 1,500,000 + 1,000,000; H6 2,500,000; H8 1,500,000 → 4 enterprises
    expect(byMeasure('gz-2025-ecommerce/scale-tier')).toEqual([4, ['1500000.00', '1500000.00', '2500000.00', '2500000.00']]);
    expect(byMeasure('gz-2025-ecommerce/honghu')).toEqual([2, ['1000000.00', '1000000.00']]); // H5, H6
    expect(byMeasure('gz-2024-cross-border/qilin')).toEqual([1, ['2000000.00']]); // H5
    expect(byMeasure('gz-2024-cross-border/brand-overseas')).toEqual([2, ['1000000.00', '617283.94']]); // H7, H2
    expect(byMeasure('gz-2024-cross-border/bonded-rent')).toEqual([1, ['1800000.00']]); // H3: 300,000 + 1,500,000
    expect(byMeasure('gz-2025-livestream/scale-tier')).toEqual([0, []]); // H8's is superseded
    // 天河 H1 1,500,000; 越秀 H2 617,283.94; 南沙 H3 1,800,000; 番禺 H4 2,500,000; 黄埔 H5 3,000,000;
    // 白云 H6 3,500,000; 海珠 H7 1,000,000; 荔湾 H8 1,500,000 — in all 15,417,283.94
    expect(Object.fromEntries(s.byDistrict.map((d) => [d.district, d.cash]))).toEqual({
      越秀区: '617283.94',
      海珠区: '1000000.00',
      荔湾区: '1500000.00',
      天河区: '1500000.00',
      白云区: '3500000.00',
      黄埔区: '3000000.00',
      番禺区: '2500000.00',
      南沙区: '1800000.00',
    });
    expect(r.stderr).toMatch(/全部\s*│\s*现金合计\s*│\s*│\s*8\s*│\s*15,417,283\.94/);
    // the terminal names measures by their titles in Chinese (tier awards: 4 enterprises, 8,000,000 in all)
    expect(r.stderr).toMatch(/全部\s*│\s*网上零售额进档奖励\s*│\s*定额奖励（上限）\s*│\s*4\s*│\s*8,000,000\.00/);
    expect(r.stderr).not.toMatch(/│\s*gz-2025-ecommerce\/scale-tier\s*│/);
  });

  it('the summary keeps an amount beyond 2^53 fen to the fen', () => {
    // 004 (二十八): expensed R&D deducted a further 50 %, for two enterprises within the limit of 100 万亿元 (issue 34
    // item 3): 99,999,999,999,999.98 元 → 4,999,999,999,999,999 fen and 99,999,999,999,999.96 元 → …998 fen; their
    // sum, 9,999,999,999,999,997 fen, is beyond 2^53 (9,007,199,254,740,992), where a float would say …996 or …998
    const input = tmp('beyond-2-53.csv');
    writeFileSync(input, `id,district,rd_expensed_2025\n${validId(7)},天河区,99999999999999.98\n${validId(8)},天河区,99999999999999.96\n`);
    const summary = tmp('beyond-2-53-summary.json');
    const r = cli(['batch', input, '--format', 'jsonl', '--out', tmp('beyond-2-53.jsonl'), '--summary', summary]);
    expect(r.code).toBe(0);
    const first = readFileSync(tmp('beyond-2-53.jsonl'), 'utf8').split('\n')[0]!;
    const award = (JSON.parse(first) as { results: Array<{ measure: string; amount: string }> }).results.find((x) => x.measure === 'rd-expensed')!;
    expect(award.amount).toBe('49999999999999.99');
    const s = JSON.parse(readFileSync(summary, 'utf8')) as { byDistrictAndMeasure: Array<{ measure: string; amount: string }> };
    expect(s.byDistrictAndMeasure.find((x) => x.measure === 'gd-2012-ecommerce/rd-expensed')!.amount).toBe('99999999999999.97');
  });

  it('the full summary adds up to the totals of the award table', () => {
    const summary = tmp('summary-all.csv');
    cli(['batch', UTF8, '--out', tmp('awards2.csv'), '--summary', summary, '--lang', 'en']);
    const { rows } = readCsv(tmp('awards2.csv'));
    const tableTotal = rows.reduce((sum, r) => sum + BigInt(r[r.length - 3]!.replace('.', '')), 0n);
    const s = readCsv(summary);
    const all = s.rows.find((r) => r[0] === 'all')!;
    expect(BigInt(all[4]!.replace('.', ''))).toBe(tableTotal);
    // the cash-total row counts the enterprises that get cash: the award table's rows with a total above zero
    expect(all[3]).toBe(String(rows.filter((r) => BigInt(r[r.length - 3]!.replace('.', '')) > 0n).length));
    expect(rows.length).toBe(1998);
  });

  it('an XLSX workbook: header, amounts as numbers with a number format, the summary on a second sheet', async () => {
    const out = tmp('hand.xlsx');
    expect(cli(['batch', handFile, '--out', out, '--lang', 'en']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const [awards] = wb.worksheets;
    const header = (awards!.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header[0]).toBe('id');
    const col = (key: string) => header.indexOf(key) + 1;
    const h1 = awards!.getRow(2);
    expect(h1.getCell(1).value).toBe(ids.H1);
    expect(h1.getCell(col('gz-2025-ecommerce/scale-tier@2025')).value).toBe(1500000);
    expect(h1.getCell(col('gz-2025-ecommerce/scale-tier@2025')).numFmt).toBe('#,##0.00');
    expect(h1.getCell(col('total')).value).toBe(1500000);
    const h2 = awards!.getRow(3);
    expect(h2.getCell(col('gz-2024-cross-border/brand-overseas@2025')).value).toBe(617283.94);
    expect(awards!.rowCount).toBe(10); // the header, H1–H8, the totals row
    const summary = wb.getWorksheet('summary');
    // the all-years total: the last row before the rows by year (their year columns are filled)
    const rows = (summary!.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    // columns: district, measure (its title), kind, enterprises, cash, deduction, payment year, performance year, id
    const last = rows.filter((r) => r[0] === 'all' && r[1] === 'cash total' && r[6] === undefined && r[7] === undefined).at(-1)!;
    expect([last[0], last[3], last[4], last[5]]).toEqual(['all', 8, 15417283.94, undefined]);
  });

  it('JSON Lines and JSON to standard output follow the output contract', () => {
    const jl = cli(['batch', handFile, '--format', 'jsonl']);
    expect(jl.code).toBe(0);
    const lines = jl.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; total: string; results: unknown[] });
    expect(lines.map((l) => [l.id, l.total])).toEqual(Object.entries(ids).map(([k, id]) => [id, EXPECTED[k as keyof typeof ids].total]));
    const js = cli(['batch', handFile, '--format', 'json']);
    expect((JSON.parse(js.stdout) as unknown[]).length).toBe(8);
  });

  it('--jobs 2 gives the same output, in the same order, as one job', () => {
    const one = cli(['batch', UTF8, '--layout', 'long', '--rejects', tmp('r1.csv')]);
    const two = cli(['batch', UTF8, '--layout', 'long', '--jobs', '2', '--rejects', tmp('r2.csv')]);
    expect(two.code).toBe(3);
    expect(two.stdout.length).toBeGreaterThan(100_000);
    expect(two.stdout).toBe(one.stdout);
    expect(readFileSync(tmp('r2.csv'), 'utf8')).toBe(readFileSync(tmp('r1.csv'), 'utf8'));
  });

  it('standard input, --district, and a missing file', () => {
    const piped = cli(['batch', '-', '--district', '天河', '--format', 'jsonl'], { input: readFileSync(handFile) });
    expect(piped.code).toBe(0);
    expect(piped.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([ids.H1]);
    expect(piped.stderr).toContain('其他区跳过 7 条');
    const missing = cli(['batch', 'no/such.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(STACK);
    expect(cli(['batch', handFile, '--out', tmp('x.txt')]).code).toBe(2);
    expect(cli(['batch', handFile, '--district', '深圳']).code).toBe(2);
  });
});

describe('template and validate', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`the ${lang} template is read back without a warning, and its sample row computes (E1's tier 1)`, () => {
      const t = cli(['template', '--lang', lang]);
      expect(t.code).toBe(0);
      expect(t.stdout.charCodeAt(0)).toBe(0xfeff);
      const v = cli(['validate', '-'], { input: t.stdout });
      expect(v.code).toBe(0);
      expect(v.stderr).not.toMatch(/warning|警告:/);
      const b = cli(['batch', '-', '--format', 'jsonl'], { input: t.stdout });
      const out = JSON.parse(b.stdout) as { results: Array<{ measure: string; year: number; amount: string | null; status: string }> };
      // SPEC E1: 2.5e9 → 3.1e9 → tier 1, 1,500,000.00
      expect(out.results.find((x) => x.measure === 'scale-tier' && x.year === 2025)).toMatchObject({ status: 'eligible', amount: '1500000.00' });
    });
  }

  it('validate reports every problem of every row, computes nothing, and exits 3', () => {
    const v = cli(['validate', UTF8, '--lang', 'en']);
    expect(v.code).toBe(3);
    expect(v.stdout).toBe('');
    expect(v.stderr.match(/^error: /gm)).toHaveLength(7);
    expect(v.stderr).toContain('2005 records: 1998 valid, 7 with errors');
    expect(cli(['validate', handFile]).code).toBe(0);
  });

  it('validate exits as batch does: 2 on files refused whole, 0 with a warning on a JSON array of no record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-validate-'));
    const noMeasure = join(dir, 'names.csv');
    writeFileSync(noMeasure, 'id,name\n91440101MA59AAAAAA,甲\n');
    const emptyCsv = join(dir, 'empty.csv');
    writeFileSync(emptyCsv, '');
    const noRecords = join(dir, 'none.json');
    writeFileSync(noRecords, '[]\n');
    const run = (cmd: string, file: string) => cli(cmd === 'batch' ? [cmd, file, '--lang', 'en', '--no-progress'] : [cmd, file, '--lang', 'en']);
    for (const cmd of ['validate', 'batch']) {
      const refused = run(cmd, noMeasure);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('no column that any measure reads');
      const empty = run(cmd, emptyCsv);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('the file is empty');
      const none = run(cmd, noRecords);
      expect(none.code).toBe(0);
      expect(none.stderr).toContain('warning: ' + noRecords + ': the file holds no records');
    }
  });
});

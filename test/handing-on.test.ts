/**
 * What leaves the analyst's desk (issue 30; issue 32 item 9), through the spawned CLI: cash ceilings and deduction
 * bases never in one sum, headers that say what they hold, the run recorded beside every CSV written to a file
 * (`<file>.run.json`) and in words on standard error otherwise, and workbooks set up to print.
 *
 * Two enterprises of 天河区, worked out by hand:
 *   甲 SPEC E1: (31亿 / 25亿)^½ − 1 = 11.355% ≥ 10%, 31亿 ≥ 30亿 → 000 第二条 tier 1, 1,500,000.00 (cash, paid 2026);
 *      研发费用 1,000,000 → gd-2012 (二十三) "按照研究开发费的50%…加计扣除": 500,000.00 (a deduction base).
 *   乙 研发费用 333,333.33 → 50% = 166,666.665 → rounded down 166,666.66.
 *   Cash 1,500,000.00 (1 enterprise); deduction bases 500,000.00 + 166,666.66 = 666,666.66 (2 enterprises).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-handing-on-'));
const tmp = (name: string) => join(dir, name);
const A = '91440106MA000Y6G95';
const B = '91440104MA000Y6GAB';
const input = tmp('two.jsonl');
writeFileSync(
  input,
  [
    { id: A, name: '甲', district: '天河区', years: { 2023: { onlineRetailSales: '2500000000' }, 2024: { onlineRetailSales: '2800000000' }, 2025: { onlineRetailSales: '3100000000', nbsDirectReporting: true, rdExpensed: '1000000' } } },
    { id: B, name: '乙', district: '天河区', years: { 2025: { rdExpensed: '333333.33' } } },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n',
);
/** 2026-01-01T00:00:00Z */
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const csv = (file: string) => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as string[][];

describe('cash ceilings and deduction bases apart (issue 30 item 8)', () => {
  it('the CSV summary: a cash column and a deduction column, each total in its own column, the title last', () => {
    const r = cli(['batch', input, '--out', tmp('a.csv'), '--summary', tmp('s.csv'), '--no-progress']);
    expect(r.code).toBe(0);
    const [head, ...rows] = csv(tmp('s.csv'));
    expect(head).toEqual(['区', '措施', '类型', '符合企业数', '现金上限（元）', '兑现年度（申报年度）', '业绩年度', '扣除基数（元）', '措施名称']);
    const row = (d: string, m: string) => rows.find((x) => x[0] === d && x[1] === m && x[5] === '' && x[6] === '');
    expect(row('天河区', 'gd-2012-ecommerce/rd-expensed')).toEqual(['天河区', 'gd-2012-ecommerce/rd-expensed', '税前加计扣除', '2', '', '', '', '666666.66', '研发费用加计扣除（费用化）']);
    expect(row('天河区', 'gz-2025-ecommerce/scale-tier')!.slice(3, 8)).toEqual(['1', '1500000.00', '', '', '']);
    expect(row('全部', '现金合计')!.slice(3, 8)).toEqual(['1', '1500000.00', '', '', '']);
    expect(row('全部', '扣除基数合计')!.slice(3, 8)).toEqual(['2', '', '', '', '666666.66']);
    // no cell anywhere holds the mixed sum 2,166,666.66
    expect(rows.flat()).not.toContain('2166666.66');
    // the terminal: the same two columns
    expect(r.stderr).toMatch(/│ 区\s*│ 措施\s*│ 类型\s*│ 符合企业数 │ 现金上限（元） │ 扣除基数（元） │/);
    expect(r.stderr).toMatch(/全部\s*│\s*现金合计\s*│\s*│\s*1\s*│\s*1,500,000\.00\s*│\s*│/);
    expect(r.stderr).toMatch(/全部\s*│\s*扣除基数合计\s*│\s*│\s*2\s*│\s*│\s*666,666\.66\s*│/);
  });

  it('the JSON summary: totals.cash and totals.deduction, rows with a title; unquantified measures counted, never summed', () => {
    expect(cli(['batch', input, '--out', tmp('b.csv'), '--summary', tmp('s.json'), '--no-progress']).code).toBe(0);
    const s = JSON.parse(readFileSync(tmp('s.json'), 'utf8'));
    expect(s.totals).toEqual({ cash: '1500000.00', cashEnterprises: 1, deduction: '666666.66', deductionEnterprises: 2 });
    expect(s.byDistrict).toEqual([{ district: '天河区', enterprises: 1, cash: '1500000.00', deductionEnterprises: 2, deduction: '666666.66' }]);
    const rd = s.byDistrictAndMeasure.find((x: { measure: string }) => x.measure === 'gd-2012-ecommerce/rd-expensed');
    expect(rd).toMatchObject({ title: '研发费用加计扣除（费用化）', cash: null, deduction: '666666.66', amount: '666666.66' });
    for (const x of s.byDistrictAndMeasure.filter((x: { kind: string }) => x.kind === 'unquantified' || x.kind === 'non-monetary')) expect([x.amount, x.cash, x.deduction]).toEqual([null, null, null]);
  });

  it('the 汇总 sheet: measures by title (the document named where two share one), cash and deduction side by side', async () => {
    const sample = 'fixtures/districts/sample-district.csv';
    expect(cli(['batch', sample, '--out', tmp('w.xlsx'), '--no-progress']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tmp('w.xlsx'));
    const ws = wb.getWorksheet('汇总')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['区', '措施', '类型', '符合企业数', '现金上限（元）', '扣除基数（元）', '兑现年度（申报年度）', '业绩年度', '措施编号']);
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    const measures = new Set(rows.map((r) => r[1]));
    expect(measures).not.toContain('gz-2024-cross-border/bonded-rent');
    expect(measures).toContain('研发费用加计扣除（费用化）');
    // 000 and 002 both have 总部企业认定及配套服务: each named with its document
    expect([...measures].filter((m) => String(m).startsWith('总部企业认定及配套服务')).sort()).toEqual(['总部企业认定及配套服务（2025年电商措施）', '总部企业认定及配套服务（2025年直播电商措施）']);
    // a filter on 越秀区 summed over the cash column holds no deduction: every deduction row has no cash
    for (const r of rows) if (r[2] === '税前加计扣除') expect([r[4], typeof r[5]]).toEqual([undefined, 'number']);
    const yuexiu = rows.filter((r) => r[0] === '越秀区' && r[6] === undefined && r[7] === undefined);
    const cash = yuexiu.filter((r) => r[1] !== '现金合计' && r[1] !== '扣除基数合计').reduce((a, r) => a + BigInt(Math.round(Number(r[4] ?? 0) * 100)), 0n);
    expect(cash).toBe(BigInt(Math.round(Number(yuexiu.find((r) => r[1] === '现金合计')![4]) * 100)));
  });
});

describe('headers say what they hold (issue 30 item 9)', () => {
  it('Chinese: measure, year and its kind, unit; English: the machine keys, unchanged', () => {
    expect(cli(['batch', input, '--out', tmp('zh.csv'), '--no-progress']).code).toBe(0);
    const [zh] = csv(tmp('zh.csv'));
    expect(zh).toContain('网上零售额进档奖励（2025业绩年度，元）');
    // every amount column, between the district and the total, names its measure, year and unit
    const amounts = zh!.slice(3, zh!.indexOf('现金奖励合计（元）'));
    expect(amounts.length).toBeGreaterThan(10);
    for (const h of amounts) expect(h).toMatch(/^\S+（(\S+，)?\d{4}业绩年度，元）$/);
    expect(cli(['batch', input, '--out', tmp('en.csv'), '--lang', 'en', '--no-progress']).code).toBe(0);
    const [en] = csv(tmp('en.csv'));
    expect(en!.slice(0, 3)).toEqual(['id', 'name', 'district']);
    expect(en).toContain('gz-2025-ecommerce/scale-tier@2025');
    expect(en!.length).toBe(zh!.length);
  });
});

describe('the run, echoed in every output (issue 32 item 9; issue 30 item 7)', () => {
  const expectRecord = (file: string, records: number) => {
    const r = JSON.parse(readFileSync(file + '.run.json', 'utf8'));
    expect(r).toMatchObject({ tool: 'gz-awards', version: '0.1.0', madeAt: '2026-01-01T00:00:00Z', params: null, inputs: [{ file: input, records }] });
    expect(r.interpretation.threshold).toBe('reach');
    expect(r.interpretationText).toContain('“突破”门槛=达到即可（≥）');
    return r;
  };

  it('batch: the wide and long award tables and the CSV summary each get <file>.run.json; JSON and workbooks do not', () => {
    expect(cli(['batch', input, '--out', tmp('w.csv'), '--summary', tmp('ws.csv'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    expectRecord(tmp('w.csv'), 2);
    expectRecord(tmp('ws.csv'), 2);
    expect(cli(['batch', input, '--layout', 'long', '--out', tmp('l.csv'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    expectRecord(tmp('l.csv'), 2);
    expect(cli(['batch', input, '--out', tmp('j.json'), '--summary', tmp('js.json'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    expect(existsSync(tmp('j.json.run.json')) || existsSync(tmp('js.json.run.json'))).toBe(false);
    // the JSON summary holds the same record
    expect(JSON.parse(readFileSync(tmp('js.json'), 'utf8'))).toMatchObject({ madeAt: '2026-01-01T00:00:00Z', version: '0.1.0', inputs: [{ file: input, records: 2 }] });
  });

  it('the potential list as CSV (it depends on the interpretation) gets one too; as a workbook it does not', () => {
    const near = 'fixtures/districts/near-examples.csv';
    expect(cli(['batch', near, '--out', tmp('n.csv'), '--near', '10%', '--no-progress'], { env: EPOCH }).code).toBe(0);
    expect(JSON.parse(readFileSync(tmp('n.near.csv.run.json'), 'utf8'))).toMatchObject({ madeAt: '2026-01-01T00:00:00Z', inputs: [{ file: near, records: 5 }] });
    expect(cli(['batch', near, '--out', tmp('n2.csv'), '--near', '10%', '--near-out', tmp('n2.xlsx'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    expect(existsSync(tmp('n2.xlsx.run.json'))).toBe(false);
  });

  it('with --params: the file and its sha256 in the record; two inputs each with their count', async () => {
    const { createHash } = await import('node:crypto');
    const reform = 'fixtures/reforms/tier1-5bn.yaml';
    const sha = createHash('sha256').update(readFileSync(reform)).digest('hex');
    writeFileSync(tmp('one.jsonl'), readFileSync(input, 'utf8').split('\n')[0] + '\n');
    writeFileSync(tmp('other.jsonl'), readFileSync(input, 'utf8').split('\n')[1] + '\n');
    expect(cli(['batch', tmp('one.jsonl'), tmp('other.jsonl'), '--params', reform, '--out', tmp('p.csv'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    const r = JSON.parse(readFileSync(tmp('p.csv.run.json'), 'utf8'));
    expect(r.params).toEqual({ file: reform, sha256: sha });
    expect(r.inputs).toEqual([
      { file: tmp('one.jsonl'), records: 1 },
      { file: tmp('other.jsonl'), records: 1 },
    ]);
  });

  it('a CSV on standard output and simulate --format csv: the interpretation on standard error, in words', () => {
    const b = cli(['batch', input, '--no-progress', '--lang', 'en']);
    expect(b.stdout).toContain('gz-2025-ecommerce/scale-tier@2025');
    expect(b.stderr).toContain('interpretation: "突破" a threshold=at least the mark (≥)');
    expect(b.stderr).toContain('parameters: (as published, no overrides)');
    const s = cli(['simulate', input, '--format', 'csv']);
    expect(s.code).toBe(0);
    expect(s.stdout.split('\n')[0]).toContain('amount');
    expect(s.stdout).not.toContain('解释口径');
    expect(s.stderr).toContain('解释口径：“突破”门槛=达到即可（≥）');
  });

  it('written and removed with its CSV: a run that fails leaves neither, and an earlier pair untouched', () => {
    writeFileSync(tmp('keep.csv'), 'old\n');
    writeFileSync(tmp('keep.csv.run.json'), '{"old":true}\n');
    // nothing can be read: every output is given up
    const r = cli(['batch', tmp('missing.jsonl'), '--out', tmp('keep.csv'), '--summary', tmp('gone.csv'), '--no-progress']);
    expect(r.code).toBe(2);
    expect(readFileSync(tmp('keep.csv'), 'utf8')).toBe('old\n');
    expect(readFileSync(tmp('keep.csv.run.json'), 'utf8')).toBe('{"old":true}\n');
    expect(existsSync(tmp('gone.csv'))).toBe(false);
    expect(existsSync(tmp('gone.csv.run.json'))).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full'))('a CSV and its record are kept together with the other outputs: a summary that cannot be written leaves neither', () => {
    const r = cli(['batch', input, '--out', tmp('full.csv'), '--summary', '/dev/full', '--no-progress']);
    expect(r.code).toBe(2);
    expect(existsSync(tmp('full.csv'))).toBe(false);
    expect(existsSync(tmp('full.csv.run.json'))).toBe(false);
  });

  it('a run record may not land on an input', () => {
    writeFileSync(tmp('x.csv.run.json'), readFileSync(input));
    const r = cli(['batch', tmp('x.csv.run.json'), '--out', tmp('x.csv'), '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x.csv.run.json');
  });
});

describe('workbooks set up to print (issue 30 item 2)', () => {
  it('landscape A4, the header row on every page, a footer with the sheet and the page; one page wide or the id and name repeated', async () => {
    expect(cli(['batch', input, '--out', tmp('p.xlsx'), '--summary', tmp('ps.xlsx'), '--no-progress'], { env: EPOCH }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tmp('p.xlsx'));
    for (const ws of wb.worksheets) {
      expect([ws.name, ws.pageSetup.orientation, ws.pageSetup.paperSize, ws.pageSetup.printTitlesRow]).toEqual([ws.name, 'landscape', 9, '1:1']);
      expect(ws.headerFooter.oddFooter).toBe('&L&A&R&P / &N');
    }
    // the award table has 35 columns: far wider than a page at 70 %, so the id and name repeat instead
    const awards = wb.getWorksheet('奖励')!;
    expect(awards.columnCount).toBeGreaterThan(20);
    expect([awards.pageSetup.fitToPage, awards.pageSetup.printTitlesColumn]).toEqual([false, 'A:B']);
    // the run information fits one page wide
    const run = wb.getWorksheet('运行信息')!;
    expect([run.pageSetup.fitToPage, run.pageSetup.fitToWidth, run.pageSetup.fitToHeight, run.pageSetup.printTitlesColumn]).toEqual([true, 1, 0, undefined]);
    const lines = (run.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2]]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['生成时间', '2026-01-01T00:00:00Z'],
        ['生成工具', 'gz-awards 0.1.0'],
        ['输入文件', `${input}（2 条记录）`],
        ['参数覆盖', '（文件原文，无覆盖）'],
      ]),
    );
    expect(String(lines.find((l) => l[0] === '解释口径')![1])).toContain('“突破”门槛=达到即可（≥）');
    // the header of the award sheet, in words
    expect((awards.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['统一社会信用代码', '企业名称', '所属区', '网上零售额进档奖励（2025业绩年度，元）']);
  });
});

/**
 * The district at a glance, end to end through the CLI: totals by payment year in every summary, the potential
 * list (--near, --near-out) and the HTML report (--report), parsed with an HTML parser. Figures are worked out
 * by hand from 000 第二条 (30亿/100亿 → 150万/250万; growth 10%/6%) and the hand-designed sample enterprises.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { cli, STACK } from './helpers/cli.js';

const SAMPLE = 'fixtures/districts/sample-district.csv';
/** The same records and seven bad rows (exit 3), so that the report has rejected rows to count. */
const WITH_REJECTS = 'fixtures/districts/sample-district-with-rejects.csv';
const NEAR = 'fixtures/districts/near-examples.csv';
const dir = mkdtempSync(join(tmpdir(), 'gz-glance-'));
const tmp = (name: string) => join(dir, name);

/** The header and the eight hand-designed enterprises (rows 2–9 of the sample), as their own file. */
const handFile = tmp('hand.csv');
writeFileSync(handFile, readFileSync(SAMPLE, 'utf8').split('\r\n').slice(0, 9).join('\r\n') + '\r\n');

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const rows = parseCsv(readFileSync(file, 'utf8'), { bom: true }) as string[][];
  return { header: rows[0]!, rows: rows.slice(1) };
}

/** "1,234.50" → 123450n fen. */
const fen = (s: string) => BigInt(s.replace(/,/g, '').replace('.', ''));

/** The cells of a table's body rows (text, trimmed). */
const cells = (t: HTMLElement) => t.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim()));

interface YearJson {
  year: number;
  enterprises: number;
  cash: string;
  byMeasure: Array<{ measure: string; enterprises: number; cash: string }>;
  byDistrict: Array<{ district: string | null; enterprises: number; cash: string }>;
}

describe('totals by payment year (申报/兑现年度)', () => {
  /*
   * The hand-designed enterprises (test/batch.e2e.test.ts), each result with its application year:
   * tier awards and cost subsidies are applied for the year after the performance year; list awards in the list year.
   *   H1 tier 1 2025 → 2026 1,500,000            H2 品牌出海 2025 → 2026 617,283.94
   *   H3 bonded rent 2024 → 2025 300,000; 2025 → 2026 1,500,000
   *   H4 tier 1 2025 → 2026 1,500,000; tier 2 top-up 2026 → 2027 1,000,000
   *   H5 鸿鹄 2025 → 2025 1,000,000; 麒麟 2024 → 2024 2,000,000
   *   H6 鸿鹄 2027 → 2027 1,000,000; tier 2 2027 → 2028 2,500,000
   *   H7 品牌出海 2025 → 2026 1,000,000           H8 tier 1 2025 → 2026 1,500,000
   * Payment years: 2024 2,000,000; 2025 1,300,000; 2026 7,617,283.94; 2027 2,000,000; 2028 2,500,000.
   * Performance years: 2024 2,300,000; 2025 8,617,283.94; 2026 1,000,000; 2027 3,500,000 (both 15,417,283.94).
   */
  const PAYMENT = { 2024: '2000000.00', 2025: '1300000.00', 2026: '7617283.94', 2027: '2000000.00', 2028: '2500000.00' };
  const PERFORMANCE = { 2024: '2300000.00', 2025: '8617283.94', 2026: '1000000.00', 2027: '3500000.00' };

  it('the JSON summary, by year, measure and district', () => {
    const summary = tmp('hand-summary.json');
    const r = cli(['batch', handFile, '--out', tmp('hand.csv.out.csv'), '--summary', summary]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as { byPaymentYear: YearJson[]; byPerformanceYear: YearJson[] };
    expect(Object.fromEntries(s.byPaymentYear.map((y) => [y.year, y.cash]))).toEqual(PAYMENT);
    expect(Object.fromEntries(s.byPerformanceYear.map((y) => [y.year, y.cash]))).toEqual(PERFORMANCE);
    const y2026 = s.byPaymentYear.find((y) => y.year === 2026)!;
    // H1, H2, H3, H4, H7, H8 are paid in 2026; the tier awards of H1, H4, H8 (3 × 1,500,000)
    expect(y2026.enterprises).toBe(6);
    expect(y2026.byMeasure.find((m) => m.measure === 'gz-2025-ecommerce/scale-tier')).toEqual({ measure: 'gz-2025-ecommerce/scale-tier', enterprises: 3, cash: '4500000.00' });
    expect(y2026.byDistrict.find((d) => d.district === '南沙区')).toEqual({ district: '南沙区', enterprises: 1, cash: '1500000.00' }); // H3's 2025 rent
    const y2027 = s.byPaymentYear.find((y) => y.year === 2027)!;
    expect(y2027.byDistrict.map((d) => [d.district, d.cash])).toEqual([
      ['白云区', '1000000.00'], // H6 鸿鹄 2027
      ['番禺区', '1000000.00'], // H4's top-up
    ]);
  });

  it('the terminal summary starts with the payment years, then the performance years', () => {
    const r = cli(['batch', handFile, '--out', tmp('hand2.csv'), '--lang', 'en']);
    // the summary (after any note on how the file was read): the payment years, the performance years, the table
    const all = r.stderr.split('\n');
    const lines = all.slice(all.findIndex((l) => l.startsWith('cash by')));
    expect(lines[2]).toMatch(/^┌/);
    expect(lines[0]).toBe('cash by payment (application) year (元): 2024 2,000,000.00; 2025 1,300,000.00; 2026 7,617,283.94; 2027 2,000,000.00; 2028 2,500,000.00');
    expect(lines[1]).toBe('cash by performance year (元): 2024 2,300,000.00; 2025 8,617,283.94; 2026 1,000,000.00; 2027 3,500,000.00');
    const zh = cli(['batch', handFile, '--out', tmp('hand3.csv')]);
    expect(zh.stderr.split('\n').find((l) => l.startsWith('按'))).toBe('按兑现年度（申报年度）现金合计（元）：2024年 2,000,000.00；2025年 1,300,000.00；2026年 7,617,283.94；2027年 2,000,000.00；2028年 2,500,000.00');
  });

  it('the CSV summary and the workbook sheet: two more columns, the year rows after the others', async () => {
    const summary = tmp('hand-summary.csv');
    cli(['batch', handFile, '--out', tmp('hand4.csv'), '--summary', summary, '--lang', 'en']);
    const { header, rows } = readCsv(summary);
    // cash and deduction bases apart (the deduction after the year columns, which scripts already knew), the title last
    expect(header).toEqual(['District', 'Measure', 'Kind', 'Enterprises eligible', 'Cash ceiling (元)', 'payment_year', 'performance_year', 'Deduction base (元)', 'Title']);
    const yearTotal = (col: 5 | 6, y: string) => rows.find((r) => r[0] === 'all' && r[1] === 'cash total' && r[col] === y)?.[4];
    for (const [y, v] of Object.entries(PAYMENT)) expect(yearTotal(5, y)).toBe(v);
    for (const [y, v] of Object.entries(PERFORMANCE)) expect(yearTotal(6, y)).toBe(v);
    // the all-years rows come first, their year columns empty
    const all = rows.find((r) => r[0] === 'all' && r[1] === 'cash total')!;
    expect(all.slice(3)).toEqual(['8', '15417283.94', '', '', '', 'cash total']);

    const book = tmp('hand.xlsx');
    cli(['batch', handFile, '--out', book, '--lang', 'en']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const sheet = wb.worksheets[1]!;
    const values = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    // the sheet: district, measure by title, kind, enterprises, cash, deduction, payment year, performance year, id
    expect(values.find((r) => r[0] === 'all' && r[1] === 'cash total' && r[6] === 2026)?.[4]).toBe(7617283.94);
  });
});

describe('the potential list (--near)', () => {
  /*
   * fixtures/districts/near-examples.csv, worked out from 000 第二条 with a share of 10%:
   *   N1 29亿 (2023: 23亿, growth (29/23)^½ − 1 = 12.288% ≥ 10%): sales ≥ 27亿 → near tier 1, 1亿 short, 150万
   *   N2 20亿: a third below 30亿 → not near, although it grew 41%
   *   N3 31亿 (2023: 26亿, growth 9.1928% ≥ 9%): near tier 1 on growth, 0.8072 → 0.81 points short, 150万
   *   N4 95亿 (2023: 75亿, 12.546%): tier 1 awarded (150万); near tier 2 (100亿, 6%): 5亿 short, 250万 − 150万
   *   N5 31亿 (2023: 27亿, growth 7.151% < 9%): not near
   */
  it('writes every near enterprise in input order with the gaps and the top-up', () => {
    const nearOut = tmp('near.csv');
    const r = cli(['batch', NEAR, '--out', tmp('near-awards.csv'), '--near', '10%', '--near-out', nearOut, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    const { header, rows } = readCsv(nearOut);
    expect(header).toEqual(['id', 'name', 'district', 'measure', 'year', 'application_year', 'tier_awarded', 'next_tier', 'threshold', 'min_growth_pct', 'sales', 'growth_pct', 'sales_gap', 'growth_gap_pp', 'sales_needed', 'top_up']);
    const col = (name: string) => header.indexOf(name);
    const pick = (row: string[]) => [row[col('name')], row[col('year')], row[col('tier_awarded')], row[col('next_tier')], row[col('sales_gap')], row[col('growth_gap_pp')], row[col('top_up')]];
    expect(rows.map(pick)).toEqual([
      ['广州天河近档示例一有限公司', '2025', '0', '1', '100000000.00', '0.00', '1500000.00'],
      ['广州海珠近档示例三有限公司', '2025', '0', '1', '0.00', '0.81', '1500000.00'],
      ['广州番禺近档示例四有限公司', '2025', '1', '2', '500000000.00', '0.00', '1000000.00'],
    ]);
    const n1 = rows[0]!;
    expect([n1[col('measure')], n1[col('application_year')], n1[col('threshold')], n1[col('min_growth_pct')], n1[col('sales')], n1[col('growth_pct')], n1[col('sales_needed')]]).toEqual([
      'gz-2025-ecommerce/scale-tier', '2026', '3000000000.00', '10', '2900000000.00', '12.288', '3000000000.00',
    ]);
    // N3: growth alone would need 26亿 × 1.1² = 31.46亿 in 2025
    expect(rows[1]![col('sales_needed')]).toBe('3146000000.00');
  });

  it('Chinese headers by default; XLSX when the name says so; beside --out when not given', async () => {
    const out = tmp('beside.csv');
    expect(cli(['batch', NEAR, '--out', out, '--near', '10']).code).toBe(0);
    const beside = tmp('beside.near.csv');
    expect(existsSync(beside)).toBe(true);
    expect(readCsv(beside).header.slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '所属区']);
    const book = tmp('near.xlsx');
    expect(cli(['batch', NEAR, '--out', tmp('x.csv'), '--near', '10%', '--near-out', book, '--lang', 'en']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(13).value).toBe(100000000); // sales_gap, a number
    expect(ws.getRow(2).getCell(16).value).toBe(1500000); // top_up
    expect(ws.rowCount).toBe(4);
  });

  it('refuses what cannot be done, with one message and exit 2', () => {
    const toStdout = cli(['batch', NEAR, '--near', '10%']);
    expect(toStdout.code).toBe(2);
    expect(toStdout.stderr).toContain('--near-out');
    expect(toStdout.stderr).not.toMatch(STACK);
    for (const bad of ['0%', '150%', 'ten']) {
      const r = cli(['batch', NEAR, '--out', tmp('bad.csv'), '--near', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--near');
    }
    expect(cli(['batch', NEAR, '--out', tmp('bad2.csv'), '--near-out', tmp('n.csv')]).code).toBe(2); // --near-out without --near
    expect(existsSync(tmp('bad.csv'))).toBe(false);
  });
});

describe('the report (--report)', () => {
  const html = tmp('report.html');
  const summary = tmp('report-summary.json');
  const nearOut = tmp('report-near.csv');
  // in 元, to compare the page's figures with the summary's to the fen
  const run = cli(['batch', WITH_REJECTS, '--out', tmp('report-awards.csv'), '--summary', summary, '--near', '10%', '--near-out', nearOut, '--report', html, '--lang', 'en', '--display-unit', '元']);
  const doc = parseHtml(readFileSync(html, 'utf8'));
  const part = (name: string) => doc.querySelector(`[data-part="${name}"]`)!;
  const s = JSON.parse(readFileSync(summary, 'utf8')) as {
    byDistrict: Array<{ district: string | null; enterprises: number; cash: string }>;
    byDistrictAndMeasure: Array<{ measure: string; kind: string; enterprises: number; amount: string }>;
    byPaymentYear: YearJson[];
    byPerformanceYear: YearJson[];
  };

  it('is one self-contained page, exit 3 as for a district with rejected rows', () => {
    expect(run.code).toBe(3);
    expect(doc.querySelectorAll('script, link, iframe, img[src^=http]')).toHaveLength(0);
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    const facts = doc.querySelectorAll('dl.facts dd').map((d) => d.text);
    expect(facts[0]).toBe(WITH_REJECTS);
    expect(facts).toContain('2005 read: 1998 in the output, 7 rejected');
  });

  it("holds the summary's numbers: by district, by measure, by payment and performance year", () => {
    const districts = cells(part('districts').querySelector('table')!);
    const english: Record<string, string> = { 越秀区: 'Yuexiu', 海珠区: 'Haizhu', 荔湾区: 'Liwan', 天河区: 'Tianhe', 白云区: 'Baiyun', 黄埔区: 'Huangpu', 番禺区: 'Panyu', 花都区: 'Huadu', 南沙区: 'Nansha', 从化区: 'Conghua', 增城区: 'Zengcheng' };
    expect(districts.map(([d, n, cash]) => [d, Number(n), fen(cash!)])).toEqual(s.byDistrict.map((d) => [english[d.district!], d.enterprises, fen(d.cash)]));

    const measures = cells(part('measures').querySelector('table')!);
    const cashByMeasure = new Map<string, bigint>();
    for (const r of s.byDistrictAndMeasure) if (r.kind.startsWith('cash')) cashByMeasure.set(r.measure, (cashByMeasure.get(r.measure) ?? 0n) + fen(r.amount));
    const refs = part('measures').querySelectorAll('tbody td span').map((x) => x.getAttribute('title')!.split(' ')[0]);
    expect(refs.map((ref, i) => [ref, fen(measures[i]![4]!)])).toEqual([...cashByMeasure].map(([m, a]) => [m, a]));

    for (const [basis, years] of [['payment', s.byPaymentYear], ['performance', s.byPerformanceYear]] as const) {
      const rows = cells(part(`${basis}-years`).querySelector('table')!);
      expect(rows.map(([y, n, cash]) => [parseInt(y!, 10), Number(n), fen(cash!)])).toEqual(years.map((y) => [y.year, y.enterprises, fen(y.cash)]));
    }
    // the payment years add up to the district total, as the performance years do
    const total = s.byDistrict.reduce((a, d) => a + fen(d.cash), 0n);
    expect(s.byPaymentYear.reduce((a, y) => a + fen(y.cash), 0n)).toBe(total);
    expect(s.byPerformanceYear.reduce((a, y) => a + fen(y.cash), 0n)).toBe(total);
  });

  it('every chart has its data: one bar per non-empty cell of the table beside it, categories and units on the axes', () => {
    // payment years, performance years, districts, measures, tiers: each drawn for a desk and for a phone
    expect(doc.querySelectorAll('figure .chart-wide svg').length).toBe(5);
    expect(doc.querySelectorAll('figure .chart-narrow svg').length).toBe(5);
    for (const name of ['payment-years', 'performance-years', 'districts', 'measures', 'tiers']) {
      const p = part(name);
      const svg = p.querySelector('svg')!;
      const texts = svg.querySelectorAll('text').map((t) => t.text);
      const bars = svg.querySelectorAll('path').filter((x) => /^#[0-9a-f]{6}$/i.test(x.getAttribute('fill') ?? '') && (x.getAttribute('d') ?? '').includes('Z'));
      let filled = 0;
      if (name.endsWith('-years')) {
        const full = cells(doc.querySelector(`[data-part="${name}-by-measure"] table`)!);
        filled = full.reduce((n, r) => n + r.slice(1).filter((c) => c !== '').length, 0);
        // a year with a validity mark shows it in the chart too ("2028 ⚠")
        for (const r of cells(p.querySelector('table')!)) expect(texts).toContain(r[0]);
        expect(texts.some((t) => /（元）|\(元\)/.test(t))).toBe(true);
      } else if (name === 'tiers') {
        filled = cells(p.querySelector('table')!).reduce((n, r) => n + r.slice(1).filter((c) => c !== '0').length, 0);
        expect(texts).toContain('2025');
      } else {
        const rows = cells(p.querySelector('table')!);
        filled = rows.filter((r) => fen(r[r.length - 1]!) > 0n).length;
        expect(texts.some((t) => /（元）|\(元\)/.test(t))).toBe(true);
        if (name === 'districts') for (const r of rows) expect(texts).toContain(r[0]);
      }
      expect(filled, name).toBeGreaterThan(0);
      expect(bars.length, name).toBeGreaterThanOrEqual(filled);
    }
  });

  it('lists the potential list\'s best 50 by money within reach, the same rows as the file, ties in input order', () => {
    const { header, rows } = readCsv(nearOut);
    const top = header.indexOf('top_up');
    const id = header.indexOf('id');
    const year = header.indexOf('year');
    expect(rows.length).toBeGreaterThan(50); // so that the bound matters
    const expected = rows
      .map((r, i) => ({ id: r[id]!, year: r[year]!, topUp: fen(r[top]!), i }))
      .sort((a, b) => (a.topUp === b.topUp ? a.i - b.i : a.topUp > b.topUp ? -1 : 1))
      .slice(0, 50);
    const shown = cells(part('near').querySelector('table')!);
    expect(shown).toHaveLength(50);
    const ids = part('near').querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td')[1]!.querySelector('.note')!.text);
    expect(ids.map((x, i) => [x, shown[i]![3], fen(shown[i]![7]!)])).toEqual(expected.map((e) => [e.id, e.year, e.topUp]));
    expect(doc.text).toContain(`${rows.length} rows`);
  });

  it('the largest awards, largest first, and the rejected rows by reason', () => {
    const awards = readCsv(tmp('report-awards.csv'));
    const totals = awards.rows.map((r) => fen(r[awards.header.indexOf('total')]!)).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const largest = cells(part('largest').querySelector('table')!);
    expect(largest.map((r) => fen(r[4]!))).toEqual(totals.slice(0, 20));
    const rejects = cells(part('rejects').querySelector('table')!);
    // seven rejected records, each with at least one error: a reason per kind of error, most frequent first
    const counts = rejects.map((r) => Number(r[1]));
    expect(counts.reduce((n, c) => n + c, 0)).toBeGreaterThanOrEqual(7);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(rejects.some((r) => r[0]!.includes('GB 32100-2015'))).toBe(true);
  });

  // two runs in Chinese, with two jobs and with one (made while the tests are collected, as the run above)
  const zh = tmp('report-zh.html');
  const zhNear = tmp('report-zh-near.csv');
  const epoch = { env: { SOURCE_DATE_EPOCH: '1767225600' } };
  const two = cli(['batch', WITH_REJECTS, '--out', tmp('zh.csv'), '--near', '10%', '--near-out', zhNear, '--report', zh, '--jobs', '2'], epoch);
  const one = tmp('report-zh-1.html');
  cli(['batch', WITH_REJECTS, '--out', tmp('zh1.csv'), '--near', '10%', '--near-out', tmp('zh1-near.csv'), '--report', one], epoch);

  it('in Chinese, and the same with --jobs 2', () => {
    expect(two.code).toBe(3);
    const page = parseHtml(readFileSync(zh, 'utf8'));
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(page.querySelector('h1')!.text).toBe('区域电商政策奖补一览');
    expect(readFileSync(zh, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(readFileSync(zhNear, 'utf8')).toBe(readFileSync(tmp('zh1-near.csv'), 'utf8'));
  });

  it('one unit (万元 by default) in every amount heading, the interpretation in words, the run in the footer', () => {
    const page = parseHtml(readFileSync(zh, 'utf8'));
    const heads = page.querySelectorAll('thead th').map((t) => t.text).filter((t) => /金额|销售额缺口|可获奖励/.test(t));
    expect(heads.length).toBeGreaterThan(5);
    for (const h of heads) expect(h).toMatch(/（万元）$/);
    // 2026's payment-year total in 万元: the 元 figure of the summary ÷ 10,000, two decimals
    const dd = Object.fromEntries(page.querySelectorAll('main dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling!.text]));
    expect(dd['解释口径']).toContain('“突破”门槛=达到即可（≥）');
    expect(dd['解释口径']).not.toContain('threshold=');
    const footer = Object.fromEntries(page.querySelectorAll('footer dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling!.text]));
    expect(footer).toMatchObject({ 生成时间: '2026-01-01T00:00:00Z', 生成工具: 'gz-awards 0.1.0', 输入文件: `${WITH_REJECTS}（2005 条记录）` });
  });

  it('marks a payment year after a document ends, with the date and the article, and a performance year before it starts', () => {
    const page = parseHtml(readFileSync(zh, 'utf8'));
    // 000 第二十条 "本措施自印发之日起实施，有效期三年": 2025-02-14 to 2028-02-13; its 2027 tier awards are paid "于次年", 2028
    const payment = page.querySelector('[data-part="payment-validity"]')!.text;
    expect(payment).toContain('2028年兑现：《广州市关于推动电子商务高质量发展的若干措施》有效期至 2028-02-13（第二十条“本措施自印发之日起实施，有效期三年”）');
    expect(payment).toContain('网上零售额进档奖励（第二条）：2027业绩年度的奖励于2028年申报、兑现');
    const years = cells(page.querySelector('[data-part="payment-years"] table')!).map((r) => r[0]);
    expect(years).toContain('2028 ⚠');
    expect(years).toContain('2026');
    // 000 starts 2025-02-14: performance year 2025 begins before it
    expect(page.querySelector('[data-part="performance-validity"]')!.text).toContain('2025业绩年度：《广州市关于推动电子商务高质量发展的若干措施》自 2025-02-14 起实施');
  });
});

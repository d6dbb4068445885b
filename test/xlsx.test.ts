/**
 * Workbooks that look finished, read back through the file as a spreadsheet would (exceljs), so that any writer
 * passes that writes the same appearance: column widths from the content (CJK counted double), a wrapped bold
 * header, ids and names as text, panes frozen at the header and the id/name columns, an autofilter on the header,
 * amounts as numbers formatted #,##0.00, a totals row; the summary, rejected rows and run information as sheets;
 * --rejects and --summary as workbooks. And the writer's own pieces: exact fen text at and beyond 2^53, XML
 * escaping, display widths, and any cells surviving a round trip.
 */
import { mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnName, displayWidth, fenText, xmlText, XlsxWriter, type Cell } from '../src/io/xlsx-write.js';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-xlsx-'));
const tmp = (name: string) => join(dir, name);

// the eight hand-worked enterprises of the sample (H1–H8, test/batch.e2e.test.ts), then H1's data under an
// all-digit id and a long Chinese name, then a row whose check character is wrong (rejected)
const lines = readFileSync('fixtures/districts/sample-district.csv', 'utf8').split('\r\n');
const h1 = lines[1]!.split(',');
const LONG_NAME = '广州市天河区某某超长名称电子商务有限责任公司'; // 22 CJK characters: display width 44
const digits = ['914401011904434208', LONG_NAME, ...h1.slice(2)].join(',');
const bad = ['91440106MA000Y6GH0', '校验码错误', ...h1.slice(2)].join(',');
const input = tmp('hand.csv');
writeFileSync(input, [...lines.slice(0, 9), digits, bad, ''].join('\r\n'));

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
const column = (ws: ExcelJS.Worksheet, header: string) => {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === header ? (found = i) : 0));
  expect(found, header).toBeGreaterThan(0);
  return found;
};

describe('batch --out x.xlsx: a workbook that looks finished', () => {
  const out = tmp('awards.xlsx');
  const run = cli(['batch', input, '--lang', 'en', '--out', out, '--rejects', tmp('rejects.xlsx'), '--summary', tmp('summary.xlsx'), '--no-progress']);

  it('exits 3 (one row rejected) and writes the awards, rejected rows, summary and run as sheets', async () => {
    expect(run.code).toBe(3);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['awards', 'rejected', 'summary', 'run']);
  });

  it('freezes the header and the id/name columns, filters on the header, wraps it in bold', async () => {
    const ws = (await read(out)).getWorksheet('awards')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    // 9 enterprises in rows 2–10; the filter covers the header and them, not the totals row (11)
    expect(ws.autoFilter).toBe(`A1:${columnName(ws.columnCount - 1)}10`);
    const head = ws.getCell('D1');
    expect(head.font?.bold).toBe(true);
    expect(head.alignment?.wrapText).toBe(true);
  });

  it('keeps an all-digit id and the names as text, and fits widths to them (CJK double)', async () => {
    const ws = (await read(out)).getWorksheet('awards')!;
    const id = ws.getCell('A10');
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe('914401011904434208');
    expect(ws.getCell('B10').value).toBe(LONG_NAME);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(18); // 18 characters
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(44); // 22 CJK characters count 44
    expect(ws.getColumn(2).width).toBeLessThanOrEqual(60);
  });

  it('writes amounts as numbers formatted #,##0.00, wide enough for them', async () => {
    const ws = (await read(out)).getWorksheet('awards')!;
    const c = column(ws, 'gz-2025-ecommerce/scale-tier@2025');
    const cell = ws.getCell(2, c); // H1, SPEC E1: tier 1, 1,500,000.00
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(1500000);
    expect(cell.numFmt).toBe('#,##0.00');
    expect(ws.getColumn(c).width).toBeGreaterThanOrEqual('1,500,000.00'.length);
    // H2's 617,283.94 (50% × 1,234,567.89 rounded down to the fen)
    expect(ws.getCell(3, column(ws, 'gz-2024-cross-border/brand-overseas@2025')).value).toBe(617283.94);
  });

  it('ends with a totals row: the exact sums of every amount column', async () => {
    const ws = (await read(out)).getWorksheet('awards')!;
    expect(ws.getCell('A11').value).toBe('total');
    const total = (h: string) => (ws.getCell(11, column(ws, h)).value as { result: number }).result;
    // tier 1 of 2025: H1, H4, H8 and the all-digit copy of H1, 1,500,000.00 each
    expect(total('gz-2025-ecommerce/scale-tier@2025')).toBe(6000000);
    // H4's 2026 top-up 1,000,000.00; H6's 2027 tier 2 2,500,000.00
    expect(total('gz-2025-ecommerce/scale-tier@2026')).toBe(1000000);
    expect(total('gz-2025-ecommerce/scale-tier@2027')).toBe(2500000);
    // the totals of H1–H8 (15,417,283.94, see test/batch.e2e.test.ts) and the copy of H1 (1,500,000.00)
    expect(total('total')).toBe(16917283.94);
    expect(ws.getCell(11, column(ws, 'total')).numFmt).toBe('#,##0.00');
  });

  it('lists the rejected row on its sheet, and --rejects x.xlsx is a workbook of them', async () => {
    for (const [file, sheet] of [[out, 'rejected'], [tmp('rejects.xlsx'), 'rejected']] as const) {
      const ws = (await read(file)).getWorksheet(sheet)!;
      expect(ws.getRow(1).values).toEqual([undefined, 'file', 'row', 'index', 'id', 'problems']);
      expect(ws.getCell('B2').value).toBe(11);
      expect(ws.getCell('D2').value).toBe('91440106MA000Y6GH0');
      expect(String(ws.getCell('E2').value)).toContain('check character');
      expect(ws.rowCount).toBe(2);
    }
  });

  it('--summary x.xlsx is a workbook: the summary and the run, amounts as numbers', async () => {
    const wb = await read(tmp('summary.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['summary', 'run']);
    const ws = wb.getWorksheet('summary')!;
    let all: ExcelJS.Row | null = null;
    // the all-years row (the rows by payment and performance year follow, with a year in columns 6 or 7)
    // columns: district, measure by title, kind, enterprises, cash, deduction, payment year, performance year, id
    ws.eachRow((r) => (!all && r.getCell(1).value === 'all' && r.getCell(2).value === 'cash total' && r.getCell(7).value === null && r.getCell(8).value === null ? (all = r) : 0));
    expect(all).not.toBeNull();
    expect(all!.getCell(4).value).toBe(9);
    expect(all!.getCell(5).value).toBe(16917283.94);
    expect(all!.getCell(5).numFmt).toBe('#,##0.00');
    expect(wb.getWorksheet('run')!.getColumn(2).values.map(String).join('\n')).toContain('threshold=reach');
  });
});

describe('the XLSX writer', () => {
  it('writes fen as exact decimal text, at 2^53 and beyond as bigint', () => {
    expect(fenText(0)).toBe('0.00');
    expect(fenText(5)).toBe('0.05');
    expect(fenText(-150)).toBe('-1.50');
    expect(fenText(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(fenText(2n ** 53n + 1n)).toBe('90071992547409.93');
    expect(fenText(-(10n ** 20n) - 7n)).toBe('-1000000000000000000.07');
  });

  it('measures CJK and full-width characters double, and names columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('天河区')).toBe(6);
    expect(displayWidth('（E1）')).toBe(6);
    expect([0, 25, 26, 33, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AH', 'ZZ', 'AAA']);
  });

  it('escapes what XML cannot hold', () => {
    expect(xmlText('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
    expect(xmlText('x\u0001y')).toBe('x_x0001_y');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('天河')).toBe('天河');
  });

  it('gives back any text, number and amount a sheet was given (fast-check round trip)', async () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('广州天河', '＝1+1', '=SUM(A1)', ' lead', 'trail ', '"q"'));
    const row = fc.tuple(text, fc.option(fc.integer({ min: -1e6, max: 1e9 })), fc.option(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n })));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const file = tmp(`p-${Math.random().toString(36).slice(2)}.xlsx`);
        const out = createWriteStream(file);
        const w = new XlsxWriter(out);
        const s = await w.sheet({ name: 's', columns: [{ header: 't', kind: 'text' }, { header: 'n', kind: 'integer' }, { header: 'm', kind: 'money' }], totals: { label: 'total', labelColumn: 0 } });
        await s.add(rows.map(([t, n, m]) => [t, n, m] as Cell[]));
        await w.endSheet(s);
        await w.close();
        const ws = (await read(file)).getWorksheet('s')!;
        let sum = 0n;
        rows.forEach(([t, n, m], i) => {
          const r = ws.getRow(i + 2);
          expect(r.getCell(1).value ?? '').toBe(t);
          expect(r.getCell(2).value ?? null).toBe(n);
          expect(r.getCell(3).value ?? null).toBe(m === null ? null : Number(fenText(m)));
          if (m !== null) sum += m;
        });
        expect((ws.getCell(rows.length + 2, 3).value as { result?: number }).result ?? 0).toBe(Number(fenText(sum)));
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Outputs stay the same: the sample district through every output format (batch CSV wide and long, JSON, JSON
 * Lines to standard output, XLSX wide and long, the summary as CSV and JSON, the rejects as CSV, JSON and JSON
 * Lines, and what standard error says) compared with the golden copy in test/golden/ — text byte for byte, XLSX
 * cell by cell (value, type, number format, font, alignment; the sheets, column widths, panes and filter; not
 * docProps, where the writer puts the time).
 *
 * A change that is MEANT to change an output refreshes the golden copy in the same commit:
 *
 *   npm run golden          (npm run build && node scripts/golden.mjs)
 *
 * and says so in its message; review `git diff --stat test/golden` (and zdiff the .gz files) before committing.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain script, no types
import { GOLDEN, runAll, storedName } from '../scripts/golden.mjs';

/** The first line where two texts differ, for a readable failure. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}:\n  actual:   ${JSON.stringify(a[i]?.slice(0, 300))}\n  expected: ${JSON.stringify(e[i]?.slice(0, 300))}`;
  }
  return 'the same lines, different bytes';
}

/** What a workbook shows, sheet by sheet: its appearance and every cell's value, type and style. */
async function workbookCells(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: unknown[] = [];
  wb.eachSheet((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        cells.push([r, col, c.type, c.value instanceof Date ? c.value.toISOString() : c.value, c.numFmt ?? null, c.font?.bold ?? false, c.alignment?.wrapText ?? false]);
      });
    });
    const widths: unknown[] = [];
    for (let i = 1; i <= ws.columnCount; i++) widths.push(ws.getColumn(i).width ?? null);
    sheets.push({ name: ws.name, views: ws.views, autoFilter: ws.autoFilter ?? null, widths, cells });
  });
  return sheets;
}

describe('every output format against the golden copy (refresh: node scripts/golden.mjs)', () => {
  const out = mkdtempSync(join(tmpdir(), 'gz-golden-test-'));
  const files: string[] = runAll(out);
  const stored = (f: string) => join(GOLDEN, storedName(f));

  it('writes the same set of files as the golden copy', () => {
    const names = files.map((f) => storedName(f)).sort();
    const golden = readdirSync(GOLDEN).sort();
    expect(names).toEqual(golden);
  });

  for (const f of files.filter((x) => !x.endsWith('.xlsx'))) {
    it(`${f} is byte for byte the golden copy`, () => {
      const actual = readFileSync(join(out, f));
      const expected = gunzipSync(readFileSync(stored(f)));
      expect(firstDifference(actual.toString('utf8'), expected.toString('utf8'))).toBeNull();
      expect(actual.equals(expected)).toBe(true);
    });
  }

  for (const f of files.filter((x) => x.endsWith('.xlsx'))) {
    it(`${f} is cell by cell the golden copy`, async () => {
      const actual = await workbookCells(join(out, f));
      const expected = await workbookCells(stored(f));
      expect(actual).toEqual(expected);
    });
  }

  it('--jobs 2 writes the same files as one job', () => {
    const out2 = mkdtempSync(join(tmpdir(), 'gz-golden-jobs-'));
    runAll(out2, ['--jobs', '2'], ['wide-zh', 'jsonl-en']);
    for (const f of ['wide-zh.csv', 'rejects-zh.csv', 'summary-zh.csv', 'awards-en.jsonl']) {
      expect(readFileSync(join(out2, f)).equals(gunzipSync(readFileSync(stored(f)))), f).toBe(true);
    }
  });
});

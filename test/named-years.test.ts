/**
 * Issue 34.1: a year never vanishes for want of its own figure. A measure's row for year Y appears when the
 * enterprise gives any input of Y that the row reads (for the tier award, 000 第二条: the sales of Y or the
 * reporting in Y), or when Y is asked for explicitly (--years, or the input's performanceYears); the row is then a
 * result or needs-data naming what is missing. Sales given only for earlier years make no rows for later years
 * unless those years are asked for.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-named-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
type Row = { measure: string; year: number; status: string; missing: string[] };
const rows = (stdout: string): Row[] => JSON.parse(stdout).results;
const tier = (r: Row[]) => r.filter((x) => x.measure === 'scale-tier');

describe('a year whose own sales are missing keeps its row', () => {
  it('CSV: 2025 sales empty, 2025 reporting 是 → the 2025 tier award is needs-data naming 2025 sales, exit 0', () => {
    const csv = file('empty-2025.csv', 'id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n91440101MA5CJQ4N59,2500000000,2800000000,,是\n');
    const r = cli(['simulate', csv, '--format', 'json']);
    expect(r.code).toBe(0);
    const t = tier(rows(r.stdout));
    expect(t.map((x) => [x.year, x.status, x.missing])).toEqual([[2025, 'needs-data', ['years.2025.onlineRetailSales']]]);
    expect(JSON.parse(r.stdout).total).toBe('0.00');
  });

  it('JSON: 2025 sales null is the same', () => {
    const json = file('null-2025.json', JSON.stringify({ id: '91440101MA5CJQ4N59', years: { 2023: { onlineRetailSales: '2500000000' }, 2025: { onlineRetailSales: null, nbsDirectReporting: true } } }));
    const t = tier(rows(cli(['simulate', json, '--format', 'json']).stdout));
    expect(t.map((x) => [x.year, x.status, x.missing])).toEqual([[2025, 'needs-data', ['years.2025.onlineRetailSales']]]);
  });

  it('sales only for earlier years make no row for a later year, unless --years asks for it', () => {
    const json = file('early.json', JSON.stringify({ id: '91440101MA5CJQ4N59', years: { 2023: { onlineRetailSales: '2500000000' }, 2025: { onlineRetailSales: '3100000000', nbsDirectReporting: true } } }));
    // no 2026 figure: no 2026 row
    expect(tier(rows(cli(['simulate', json, '--format', 'json']).stdout)).map((x) => x.year)).toEqual([2025]);
    // --years 2025-2026: 2025 tier 1 (31亿, (31/25)^½−1 = 11.36% ≥ 10%), 2026 needs its sales and its reporting
    const asked = tier(rows(cli(['simulate', json, '--format', 'json', '--years', '2025-2026']).stdout));
    expect(asked.map((x) => [x.year, x.status])).toEqual([
      [2025, 'eligible'],
      [2026, 'needs-data'],
    ]);
    expect(asked[1]!.missing).toContain('years.2026.onlineRetailSales');
    // a named year outside the measure's years (第二条: 2025–2027) has its reason: not in force
    const late = tier(rows(cli(['simulate', json, '--format', 'json', '--years', '2028']).stdout));
    expect(late.map((x) => [x.year, x.status])).toEqual([[2028, 'not-in-force']]);
  });

  it('performanceYears in the input does what --years does, in simulate and in batch', () => {
    const one = { id: '91440101MA5CJQ4N59', performanceYears: [2025, 2026], years: { 2023: { onlineRetailSales: '2500000000' }, 2025: { onlineRetailSales: '3100000000', nbsDirectReporting: true } } };
    const json = file('perf.json', JSON.stringify(one));
    expect(tier(rows(cli(['simulate', json, '--format', 'json']).stdout)).map((x) => [x.year, x.status])).toEqual([
      [2025, 'eligible'],
      [2026, 'needs-data'],
    ]);
    const jsonl = file('perf.jsonl', JSON.stringify(one) + '\n');
    const b = cli(['batch', jsonl, '--format', 'jsonl', '--layout', 'long', '--no-progress']);
    expect(b.code).toBe(0);
    const out = b.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const tierRows = out.flatMap((x) => (Array.isArray(x.results) ? x.results : [x])).filter((x: Row) => x.measure === 'scale-tier');
    expect(tierRows.map((x: Row) => [x.year, x.status])).toEqual([
      [2025, 'eligible'],
      [2026, 'needs-data'],
    ]);
  });

  it('answeredNone is read, and a list both answered none and entered is one clear error', () => {
    const ok = file('none.json', JSON.stringify({ id: '91440101MA5CJQ4N59', answeredNone: { lists: ['kunpeng', { list: 'honghu', track: 'livestream' }], projects: ['exhibition'] }, years: { 2025: { onlineRetailSales: '3100000000' } } }));
    const r = cli(['simulate', ok, '--format', 'json', '--strict']);
    expect(r.code).toBe(0);
    const bad = file('none-bad.json', JSON.stringify({ id: '91440101MA5CJQ4N59', answeredNone: { lists: ['kunpeng'] }, lists: [{ list: 'kunpeng', year: 2025 }] }));
    const e = cli(['simulate', bad, '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('answeredNone.lists[0]');
    expect(e.stderr).toContain('kunpeng is answered "none" but has an entry in 2025');
  });
});

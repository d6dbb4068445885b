/**
 * Trust, second pass (issue 34), through the spawned CLI: garbage never pays, a bad byte or key costs its row,
 * every failure speaks. Amounts worked out by hand from 000 第二条: tier 1 (≥30亿 and average growth ≥10% over
 * two years, with reporting) pays 150万元 (E1 of the README: 25亿 → 28亿 → 31亿).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-trust-'));
const path = (name: string) => join(dir, name);
const A = validId(1);
const B = validId(2);
const C = validId(3);
const HEADER = 'id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025';
const e1Row = (id: string, sales2025 = '3100000000') => `${id},2500000000,2800000000,${sales2025},是`;
const e1 = (id: string, sales2025: unknown = '3100000000') => ({ id, years: { 2023: { onlineRetailSales: '2500000000' }, 2024: { onlineRetailSales: '2800000000' }, 2025: { onlineRetailSales: sales2025, nbsDirectReporting: true } } });

/** The tier award of 2025 of each id in a wide award table (CSV, English headers). */
function tiers(stdout: string): Map<string, string> {
  const lines = stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const h = lines[0]!.split(',');
  const col = h.indexOf('gz-2025-ecommerce/scale-tier@2025');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!.replace(/^="?|"$/g, ''), c[col]!]));
}

describe('item 3: an amount beyond any plausible figure is refused, never paid', () => {
  it('CSV: 1e400 and a 17-digit figure reject their rows, naming the column and the value as written; the others pay', () => {
    writeFileSync(path('big.csv'), [HEADER, e1Row(A, '1e400'), e1Row(B), e1Row(C, '99999999999999999')].join('\n') + '\n');
    const rejects = path('big-rejects.csv');
    const r = cli(['batch', path('big.csv'), '--no-progress', '--lang', 'en', '--rejects', rejects]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, online_retail_sales_2025: the amount is beyond any plausible figure (the limit is 100000000000000 元): check the digits, the unit and any exponent (found "1e400")');
    expect(r.stderr).toContain('row 4, online_retail_sales_2025: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "99999999999999999")');
    const t = tiers(r.stdout);
    expect(t.get(B)).toBe('1500000.00');
    expect(t.has(A)).toBe(false);
    expect(t.has(C)).toBe(false);
    expect(readFileSync(rejects, 'utf8')).toContain('1e400');
  });

  it('the limit is 100 万亿元 in any unit: 100万亿 is read, 100.01万亿 and 1000001亿 are refused (validate too)', () => {
    writeFileSync(path('units.csv'), ['id,online_retail_sales_2025', `${A},1000000亿`, `${B},1000000.01亿`, `${C},1000001`].join('\n') + '\n');
    const r = cli(['validate', path('units.csv'), '--lang', 'en', '--unit', '亿元']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('row 2');
    expect(r.stderr).toContain('row 3, online_retail_sales_2025: the amount is beyond');
    expect(r.stderr).toContain('row 4, online_retail_sales_2025: the amount is beyond');
  });

  it('JSON: 1e400 is quoted as written, never as Infinity; 1e-400 is refused, never read as zero', () => {
    writeFileSync(path('big.json'), `{"id":"${A}","years":{"2024":{"onlineRetailSales":1e-400},"2025":{"onlineRetailSales":1e400,"nbsDirectReporting":true}}}`);
    const r = cli(['simulate', path('big.json'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('years.2025.onlineRetailSales: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "1e400")');
    expect(r.stderr).toContain('years.2024.onlineRetailSales: an amount is exact to the fen at most (two decimals of 元) (found "1e-400")');
    expect(r.stderr).not.toContain('Infinity');
  });

  it('JSON Lines: the record with 1e300 is rejected (exit 3), the others pay', () => {
    writeFileSync(path('big.jsonl'), [JSON.stringify(e1(A)), `{"id":"${B}","years":{"2025":{"onlineRetailSales":1e300,"nbsDirectReporting":true}}}`].join('\n') + '\n');
    const r = cli(['batch', path('big.jsonl'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, years.2025.onlineRetailSales: the amount is beyond');
    expect(r.stderr).toContain('(found "1e300")');
    expect(tiers(r.stdout).get(A)).toBe('1500000.00');
  });

  it('--set refuses it too, exit 2', () => {
    const r = cli(['simulate', '--set', `id=${A}`, '--set', 'years.2025.onlineRetailSales=1e400', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('years.2025.onlineRetailSales: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "1e400")');
  });

  it('check asks again when the answer is 1e400', () => {
    const r = cli(['check', '--lang', 'en'], { input: ['1', 'Tianhe', '2025', '1e400', '31亿'].join('\n') + '\n' + '\n'.repeat(60) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('✗ the amount is beyond any plausible figure');
  });
});

/**
 * The readers at their edges (issue 7 items 4, 6–8; issue 9 items 4, 5, 8): resource bombs cost one record,
 * JSON numbers are read from their text, one set of rules for CSV and JSON, --unit everywhere, --set names,
 * and numbers that stay numbers in the CSVs the program writes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../src/render/csv.js';
import { cli, STACK } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-edges-'));
const path = (name: string) => join(dir, name);
const A = validId(1);
const B = validId(2);
const C = validId(3);

/** E1 of the README (25亿 → 28亿 → 31亿, reporting): 第二条 tier 1, 150万. */
const e1 = (id: string, sales2025: unknown = '3100000000') => ({ id, years: { 2023: { onlineRetailSales: '2500000000' }, 2024: { onlineRetailSales: '2800000000' }, 2025: { onlineRetailSales: sales2025, nbsDirectReporting: true } } });

function tierOf(stdout: string, id: string): string | undefined {
  const lines = stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const h = lines[0]!.split(',');
  const row = lines.find((l) => l.startsWith(id))?.split(',');
  const col = h.indexOf('gz-2025-ecommerce/scale-tier@2025');
  return row?.[col >= 0 ? col : h.indexOf('网上零售额进档奖励（2025业绩年度，元）')];
}

describe('resource bombs lose one record, not the run', () => {
  it('a JSON Lines record nested 5,000 deep is rejected with a message; the others are computed, exit 3', () => {
    const deep = `{"id":"${B}","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    writeFileSync(path('deep.jsonl'), [JSON.stringify(e1(A)), deep, JSON.stringify(e1(C))].join('\n'));
    const r = cli(['batch', path('deep.jsonl'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toContain('row 2: the record is nested deeper than 64 levels; not read');
    expect(tierOf(r.stdout, A)).toBe('1500000.00');
    expect(tierOf(r.stdout, C)).toBe('1500000.00');
    // the same in a JSON array, and in simulate
    writeFileSync(path('deep.json'), `[${JSON.stringify(e1(A))},${deep}]`);
    const arr = cli(['batch', path('deep.json'), '--no-progress', '--lang', 'en']);
    expect(arr.code).toBe(3);
    expect(arr.stderr).toContain('[1]: the record is nested deeper than 64 levels');
    const sim = cli(['simulate', '-', '--lang', 'en'], { input: deep });
    expect(sim.code).toBe(2);
    expect(sim.stderr).toContain('nested deeper than 64 levels');
    expect(sim.stderr).not.toMatch(STACK);
  });

  it('a cell over 10,000 characters rejects its row; absurd column counts refuse the file', () => {
    writeFileSync(path('long.csv'), `id,name,online_retail_sales_2025\n${A},${'x'.repeat(20000)},1\n${B},ok,1\n`);
    const r = cli(['validate', path('long.csv'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, name: the cell has 20000 characters, more than the 10000 allowed');
    expect(r.stderr).toContain('1 valid, 1 with errors');
    writeFileSync(path('wide.csv'), `id,${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${A}\n`);
    const w = cli(['batch', path('wide.csv'), '--no-progress', '--lang', 'en']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('the header has 5001 columns, more than the 2000 allowed');
  });
});

describe('JSON numbers are read from their text', () => {
  it('2999999999.9999999 is not 30亿: it is refused as finer than a fen, as the same text in CSV', () => {
    const r = cli(['simulate', '-', '--format', 'json', '--lang', 'en'], { input: JSON.stringify(e1(A, 0)).replace('"onlineRetailSales":0', '"onlineRetailSales":2999999999.9999999') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('years.2025.onlineRetailSales');
    expect(r.stderr).toContain('2999999999.9999999');
    writeFileSync(path('subfen.csv'), `id,online_retail_sales_2025\n${A},2999999999.9999999\n`);
    const csv = cli(['validate', path('subfen.csv'), '--lang', 'en']);
    expect(csv.code).toBe(3);
    expect(csv.stderr.split('\n').find((l) => l.startsWith('error'))!.replace(/^.*online_retail_sales_2025: /, '')).toBe(r.stderr.split('\n').find((l) => l.startsWith('error'))!.replace(/^.*onlineRetailSales: /, ''));
  });

  it('a figure past 2^53 fen keeps its digits; 2999999999.99 as a number is one fen below 30亿', () => {
    // 9007199254740993 fen (2^53 + 1), within the limit of 100 万亿元 (issue 34 item 3)
    const big = JSON.stringify(e1(A, 0)).replace('"onlineRetailSales":0', '"onlineRetailSales":90071992547409.93');
    const r = cli(['simulate', '-', '--format', 'json', '--lang', 'en'], { input: big });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('¥90,071,992,547,409.93');
    const below = JSON.stringify(e1(A, 0)).replace('"onlineRetailSales":0', '"onlineRetailSales":2999999999.99');
    const out = JSON.parse(cli(['simulate', '-', '--format', 'json', '--lang', 'en'], { input: below }).stdout);
    const tier = out.results.find((x: { measure: string; year: number }) => x.measure === 'scale-tier' && x.year === 2025);
    expect([tier.status, tier.amount]).toEqual(['ineligible', null]);
  });
});

describe('one set of rules for every reader', () => {
  it('a CSV year column outside 2000–2100 warns (error under --strict), never dropped silently', () => {
    writeFileSync(path('y.csv'), `id,online_retail_sales_2025,online_retail_sales_1999\n${A},1,2\n`);
    const lax = cli(['validate', path('y.csv'), '--lang', 'en']);
    expect(lax.code).toBe(0);
    expect(lax.stderr).toContain('warning: ');
    expect(lax.stderr).toContain('column "online_retail_sales_1999": the year 1999 is outside 2000–2100; the column is not read');
    // under --strict the header refuses the file, so nothing is read: exit 2, as batch gives
    expect(cli(['validate', path('y.csv'), '--strict']).code).toBe(2);
    expect(cli(['batch', path('y.csv'), '--strict', '--no-progress']).code).toBe(2);
  });

  it('prior-award tiers are 1–5 in CSV as in JSON', () => {
    writeFileSync(path('tier.csv'), `id,online_retail_sales_2025,prior_awards\n${A},1,gz-2025-ecommerce/scale-tier@2025:6\n${B},1,gz-2025-ecommerce/scale-tier@2025:5\n`);
    const csv = cli(['validate', path('tier.csv'), '--lang', 'en']);
    expect(csv.stderr).toContain('1 valid, 1 with errors');
    const json = cli(['validate', '-', '--lang', 'en'], { input: JSON.stringify([{ id: A, priorAwards: [{ measure: 'gz-2025-ecommerce/scale-tier', year: 2025, tier: 6 }] }]) });
    expect(json.stderr).toContain('0 valid, 1 with errors');
  });

  it('"-0" is zero, in CSV and JSON', () => {
    writeFileSync(path('zero.csv'), `id,online_retail_sales_2025\n${A},-0\n${B},-0.00\n`);
    expect(cli(['validate', path('zero.csv')]).code).toBe(0);
    const r = cli(['simulate', '-', '--format', 'json', '--lang', 'en'], { input: JSON.stringify({ id: A, years: { 2025: { onlineRetailSales: '-0', nbsDirectReporting: true } } }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('¥0.00');
  });
});

describe('--unit is honoured everywhere; a unit in the cell or the header wins', () => {
  const wan = { id: A, years: { 2023: { onlineRetailSales: 250000 }, 2024: { onlineRetailSales: '280000' }, 2025: { onlineRetailSales: 310000, nbsDirectReporting: true } } };
  it('JSON, JSON Lines and CSV under --unit 万元 give E1 its 150万', () => {
    writeFileSync(path('wan.json'), JSON.stringify([wan]));
    writeFileSync(path('wan.jsonl'), JSON.stringify(wan) + '\n');
    writeFileSync(path('wan.csv'), `id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n${A},250000,28亿,310000,true\n`);
    for (const f of ['wan.json', 'wan.jsonl', 'wan.csv']) {
      const r = cli(['batch', path(f), '--unit', '万元', '--no-progress']);
      expect(r.code).toBe(0);
      expect(tierOf(r.stdout, A)).toBe('1500000.00');
      // without --unit the same figures are 元: nothing
      expect(tierOf(cli(['batch', path(f), '--no-progress']).stdout, A)).toBe('');
    }
    const sim = cli(['simulate', path('wan.json'), '--unit', '万元', '--format', 'json']);
    expect(sim.stdout).toContain('"amount": "1500000.00"');
  });

  it('--set takes template names in both languages, and --unit applies to bare numbers', () => {
    const zh = cli(['simulate', '--unit', '万元', '--set', '实物商品网上零售额_2023=250000', '--set', '实物商品网上零售额_2024=28亿', '--set', '实物商品网上零售额_2025=310000', '--set', '纳入国家统计局联网直报_2025=是', '--format', 'json']);
    const en = cli(['simulate', '--set', 'online_retail_sales_2023=2.5e9', '--set', 'online_retail_sales_2024=2800000000', '--set', 'years.2025.onlineRetailSales=31亿', '--set', 'nbs_direct_reporting_2025=true', '--format', 'json']);
    for (const r of [zh, en]) {
      expect(r.code).toBe(0);
      const tier = JSON.parse(r.stdout).results.find((x: { measure: string; year: number }) => x.measure === 'scale-tier' && x.year === 2025);
      expect(tier.amount).toBe('1500000.00');
    }
    const bad = cli(['simulate', '--set', 'online_retail_sale_2025=1', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"online_retail_sale_2025" is not a field');
    expect(bad.stderr).toContain('closest: online_retail_sales_2025');
    expect(bad.stderr).not.toMatch(STACK);
  });
});

describe('numbers are numbers, ids stay text', () => {
  it('the formula guard leaves numbers alone and still guards text', () => {
    expect(safeCell('-1500000.00')).toBe('-1500000.00');
    expect(safeCell('+12')).toBe('+12');
    expect(safeCell('-1+1')).toBe("'-1+1");
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('914401011904434208')).toBe('="914401011904434208"');
    expect(safeCell('91440101MA5CJQ4N59')).toBe('91440101MA5CJQ4N59');
  });

  it('an all-digit id written by batch reads back as input', () => {
    const id = '914401011904434208';
    writeFileSync(path('digits.csv'), `id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n${id},25亿,28亿,31亿,true\n${A},x,,,\n`);
    const rejects = path('rejects.csv');
    const r = cli(['batch', path('digits.csv'), '--no-progress', '--rejects', rejects]);
    expect(r.stdout).toContain(`"=""${id}"""`);
    // the protected form as an input cell
    writeFileSync(path('protected.csv'), `id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n"=""${id}""",25亿,28亿,31亿,true\n`);
    const back = cli(['batch', path('protected.csv'), '--no-progress']);
    expect(back.code).toBe(0);
    expect(tierOf(back.stdout, `"=""${id}"""`)).toBe('1500000.00');
  });
});

/**
 * Property: for random districts with random bad rows, every input row is in the output or in the rejects,
 * exactly once, and each enterprise's batch result is what `simulate` (evaluate on the same enterprise, given as
 * canonical JSON) says — with one job or two.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseEnterprise } from '../src/domain/input.js';
import { evaluate, DEFAULT_OPTIONS } from '../src/engine/evaluate.js';
import { publishedRuleSet } from '../src/engine/ruleset.js';
import { toOutput } from '../src/render/output.js';
import { cli } from './helpers/cli.js';
import { badCheckId, validId } from './helpers/ids.js';

const YEARS = [2023, 2024, 2025, 2026, 2027];
const HEADER = ['id', 'district', 'tracks', ...YEARS.map((y) => `online_retail_sales_${y}`), ...YEARS.map((y) => `nbs_direct_reporting_${y}`), 'brand_promotion_expense_2025', 'bonded_zone_rent_2025', 'list_honghu', 'list_brand-overseas'];

interface Good {
  kind: 'good';
  json: Record<string, unknown>;
  cells: string[];
}
interface Bad {
  kind: 'bad';
  cells: string[];
}

const amount = fc.oneof(fc.constant(''), fc.constantFrom('2500000000', '2800000000', '3100000000', '10500000000', '8000000000'), fc.bigInt({ min: 0n, max: 20_000_000_000n }).map(String));
const good = (n: number) =>
  fc
    .record({
      district: fc.constantFrom('天河区', '越秀区', '南沙区', ''),
      tracks: fc.constantFrom('', 'ecommerce;livestream', 'cross-border'),
      sales: fc.array(amount, { minLength: 5, maxLength: 5 }),
      nbs: fc.array(fc.constantFrom('', 'true', 'false'), { minLength: 5, maxLength: 5 }),
      brand: amount,
      rent: amount,
      honghu: fc.constantFrom('', '2025', '2027', '2025;2027'),
      brandList: fc.constantFrom('', '2025'),
    })
    .map(({ district, tracks, sales, nbs, brand, rent, honghu, brandList }): Good => {
      const id = validId(n);
      const years: Record<string, Record<string, unknown>> = {};
      const put = (y: number, k: string, v: unknown) => ((years[y] ??= {})[k] = v);
      YEARS.forEach((y, i) => {
        if (sales[i]) put(y, 'onlineRetailSales', sales[i]);
        if (nbs[i]) put(y, 'nbsDirectReporting', nbs[i] === 'true');
      });
      if (brand) put(2025, 'brandPromotionExpense', brand);
      if (rent) put(2025, 'bondedZoneRent', rent);
      const lists = [...(honghu ? honghu.split(';').map((y) => ({ list: 'honghu', year: Number(y) })) : []), ...(brandList ? [{ list: 'brand-overseas', year: 2025 }] : [])];
      const json = { id, ...(district ? { district } : {}), ...(tracks ? { tracks: tracks.split(';') } : {}), years, lists };
      return { kind: 'good', json, cells: [id, district, tracks, ...sales, ...nbs, brand, rent, honghu, brandList] };
    });

/** A row that must be rejected, in one of SPEC §8's ways. */
const bad = (n: number, earlierId: string | null) =>
  fc.constantFrom('check', 'district', 'negative', 'short', 'long', 'text', 'dup').map((how): Bad => {
    const cells = [validId(n), '天河区', '', ...YEARS.map(() => ''), ...YEARS.map(() => ''), '', '', '', ''];
    if (how === 'check') cells[0] = badCheckId(n);
    if (how === 'district') cells[1] = '深圳';
    if (how === 'negative') cells[5] = '-1';
    if (how === 'text') cells[5] = 'NaN';
    if (how === 'dup' && earlierId) cells[0] = earlierId;
    if (how === 'dup' && !earlierId) cells[1] = '火星';
    if (how === 'short') return { kind: 'bad', cells: cells.slice(0, 4) };
    if (how === 'long') return { kind: 'bad', cells: [...cells, 'extra'] };
    return { kind: 'bad', cells };
  });

const district = fc.array(fc.boolean(), { minLength: 1, maxLength: 25 }).chain((isBad) => {
  let firstGood: string | null = null;
  const arbs = isBad.map((b, i) => {
    if (b) return bad(i, firstGood);
    firstGood ??= validId(i);
    return good(i);
  });
  return fc.tuple(...arbs);
});

const dir = mkdtempSync(join(tmpdir(), 'gz-prop-'));
const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

describe('batch property', () => {
  it('output + rejects = input rows, and each result equals simulate on the same enterprise', () => {
    let run = 0;
    fc.assert(
      fc.property(district, fc.constantFrom(1, 2), (rows, jobs) => {
        const file = join(dir, `d${run}.csv`);
        const rejects = join(dir, `r${run++}.csv`);
        writeFileSync(file, [HEADER, ...rows.map((r) => r.cells)].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
        const r = cli(['batch', file, '--format', 'jsonl', '--rejects', rejects, '--jobs', String(jobs)]);
        const outputs = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string });
        const rejected = (parse(readFileSync(rejects, 'utf8'), { bom: true }) as string[][]).slice(1);
        expect(outputs.length + rejected.length).toBe(rows.length);
        expect(r.code).toBe(rejected.length > 0 ? 3 : 0);
        // the rows rejected are exactly the bad ones (rows are numbered from 2)
        expect(rejected.map((x) => Number(x[1]))).toEqual(rows.flatMap((x, i) => (x.kind === 'bad' ? [i + 2] : [])));
        const goods = rows.filter((x): x is Good => x.kind === 'good');
        expect(outputs.map((o) => o.id)).toEqual(goods.map((g) => g.json['id']));
        goods.forEach((g, i) => {
          const { enterprise } = parseEnterprise(g.json);
          const expected = toOutput(evaluate(enterprise!, publishedRuleSet(), DEFAULT_OPTIONS), 'zh');
          expect(outputs[i]).toEqual(JSON.parse(JSON.stringify(expected)));
        });
      }),
      { numRuns: 10 },
    );
  }, 120_000); // each run spawns the binary: slow when the machine is busy, never timed
});

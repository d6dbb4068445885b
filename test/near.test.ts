/**
 * The potential list's logic, against cases worked out by hand from 000 第二条: thresholds 30亿/100亿/200亿…,
 * minimum two-year average growth 10%/6%/4%…, awards 150万/250万/400万…; a share of 10% means sales at least
 * 90% of the threshold and growth at least 90% of the minimum (9% for tier 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEAR_MONEY_COLUMNS, NEAR_NUMBER_COLUMNS, nearCells, nearCsvLine, nearHeader, nearRows, parseNearShare, type NearRow } from '../src/batch/near.js';
import { fixed, geometricGrowthAtLeast } from '../src/domain/money.js';
import { csvLine } from '../src/render/csv.js';
import { TopN } from '../src/batch/top-n.js';
import { publishedRuleSet } from '../src/engine/ruleset.js';
import { run, sales } from './helpers/enterprise.js';

const TEN = parseNearShare('10%')!;
const rs = publishedRuleSet();
const near = (json: Record<string, unknown>, interp = {}, opts = {}) => nearRows(run(json, interp, opts), rs, TEN);
const YI = 100_000_000n * 100n; // 1亿元 in fen
const WAN = 10_000n * 100n;

describe('the potential list (--near)', () => {
  it('reads the share as a percentage', () => {
    expect(parseNearShare('10%')).toEqual({ num: 10n, den: 100n });
    expect(parseNearShare('10')).toEqual({ num: 10n, den: 100n });
    expect(parseNearShare('7.5%')).toEqual({ num: 75n, den: 1000n });
    for (const bad of ['0%', '100%', '120', '-5%', 'ten', '', '0.001%']) expect(parseNearShare(bad)).toBeNull();
  });

  it('29亿 with growth above 10% needs 1亿 more for 150万 (000 第二条 tier 1: 30亿 → 150万)', () => {
    // (29亿 / 23亿)^½ − 1 = 12.288% ≥ 10%: growth met, sales 29亿 ≥ 90% × 30亿 = 27亿: near on sales only
    const rows = near({ years: sales({ 2023: 2.3e9, 2025: 2.9e9 }) });
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect([r.ref, r.year, r.applicationYear, r.awarded, r.tier]).toEqual(['gz-2025-ecommerce/scale-tier', 2025, 2026, 0, 1]);
    expect(r.threshold).toBe(30n * YI);
    expect(r.salesGap).toBe(1n * YI);
    expect(r.growthGap).toBe(0);
    expect(r.growth).toBe('12.288');
    expect(r.topUp).toBe(150n * WAN);
    // growth alone would need 23亿 × 1.1² = 27.83亿, below the threshold: the threshold decides
    expect(r.salesNeeded).toBe(30n * YI);
  });

  it('a third below the threshold is not near, however fast it grows', () => {
    expect(near({ years: sales({ 2023: 1e9, 2025: 2e9 }) })).toEqual([]); // 20亿 = 2/3 of 30亿, growth 41%
  });

  it('exactly 90% of the threshold is near; a fen less is not', () => {
    expect(near({ years: sales({ 2023: 2.2e9, 2025: 2.7e9 }) })[0]?.salesGap).toBe(3n * YI);
    expect(near({ years: sales({ 2023: 2.2e9, 2025: '2699999999.99' }) })).toEqual([]);
  });

  it('sales met, growth short by less than the share: the gap in percentage points, rounded up', () => {
    // (31亿 / 26亿)^½ − 1 = 9.1928% ≥ 9%: near (shown truncated, 9.192); 10 − 9.1928 = 0.8072 → 0.81 points
    const [r] = near({ years: sales({ 2023: 2.6e9, 2025: 3.1e9 }) });
    expect([r!.tier, r!.salesGap, r!.growthGap, r!.growth, r!.topUp]).toEqual([1, 0n, 81, '9.192', 150n * WAN]);
    // the sales 2025 would need for 10%: 26亿 × 1.21 = 31.46亿
    expect(r!.salesNeeded).toBe(3_146_000_000n * 100n);
  });

  it('growth below 90% of the minimum is not near, even with the sales met', () => {
    expect(near({ years: sales({ 2023: 2.7e9, 2025: 3.1e9 }) })).toEqual([]); // 7.152% < 9%
  });

  it('an enterprise at tier 1 near tier 2 is offered the top-up 250万 − 150万', () => {
    // 95亿 ≥ 90亿, (95亿 / 75亿)^½ − 1 = 12.546% ≥ 6%: tier 1 awarded in 2025, tier 2 missed by 5亿
    const [r] = near({ years: sales({ 2023: 7.5e9, 2025: 9.5e9 }) });
    expect([r!.year, r!.awarded, r!.tier, r!.salesGap, r!.topUp]).toEqual([2025, 1, 2, 5n * YI, 100n * WAN]);
  });

  it('a tier already received pays nothing more: not near', () => {
    expect(near({ years: sales({ 2023: 2.3e9, 2025: 2.9e9 }), priorAwards: [{ measure: 'scale-tier', year: 2024, tier: 1 }] })).toEqual([]);
  });

  it('what cannot be decided keeps it off the list: a missing base year, no direct reporting', () => {
    expect(near({ years: sales({ 2025: 2.9e9 }) })).toEqual([]);
    expect(near({ years: { 2023: { onlineRetailSales: '2300000000' }, 2025: { onlineRetailSales: '2900000000', nbsDirectReporting: false } } })).toEqual([]);
  });

  it('one row per performance year, in year order; a live-streaming twin does not add a row', () => {
    // 2025: 29亿 (near tier 1); 2026: 29.5亿 (growth from 2024's 24亿 = 10.86%: near tier 1 again)
    const rows = near({ tracks: ['ecommerce', 'livestream'], years: sales({ 2023: 2.3e9, 2024: 2.4e9, 2025: 2.9e9, 2026: 2.95e9 }) });
    expect(rows.map((r) => [r.year, r.tier, r.salesGap])).toEqual([
      [2025, 1, 1n * YI],
      [2026, 1, 5_000_000_000n],
    ]);
    expect(rows[0]!.ref).toBe('gz-2025-ecommerce/scale-tier');
  });

  it('--years narrows the rows, not the tiers awarded before', () => {
    // tier 1 in 2025 (31亿, 11.4%); 2026 at 95亿 from 2024's 70亿 (16.5%): near tier 2, top-up 100万
    const json = { years: sales({ 2023: 2.5e9, 2024: 7e9, 2025: 3.1e9, 2026: 9.5e9 }) };
    const rows = near(json, {}, { years: new Set([2026]) });
    expect(rows.map((r) => [r.year, r.awarded, r.tier, r.topUp])).toEqual([[2026, 1, 2, 100n * WAN]]);
  });

  it('under threshold=exceed the gap is a fen more, rounded up to the 元', () => {
    const [r] = near({ years: sales({ 2023: 2.3e9, 2025: 2.9e9 }) }, { threshold: 'exceed' });
    expect(r!.salesGap).toBe(1n * YI + 100n);
  });

  it('property: a near row misses on at least one condition and is within the share on each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 4_000 }), fc.integer({ min: 1_000, max: 4_000 }), (s23, s25) => {
        const rows: NearRow[] = near({ years: sales({ 2023: s23 * 1e6, 2025: s25 * 1e6 }) });
        for (const r of rows) {
          expect(r.salesGap > 0n || r.growthGap > 0).toBe(true);
          expect(r.sales * 10n >= r.threshold * 9n).toBe(true);
          expect(r.growthGap).toBeLessThanOrEqual(Number((r.minGrowth.num * 10000n) / r.minGrowth.den / 10n) + 1);
          // the gap is the smallest d (hundredths of a point) with growth ≥ minimum − d, as the geometric test says
          const holds = (d: number) => {
            const rate = { num: r.minGrowth.num * 10000n - BigInt(d) * r.minGrowth.den, den: r.minGrowth.den * 10000n };
            return rate.num <= 0n || geometricGrowthAtLeast(BigInt(s23) * 100_000_000n, BigInt(s25) * 100_000_000n, 2, rate);
          };
          expect(holds(r.growthGap)).toBe(true);
          if (r.growthGap > 0) expect(holds(r.growthGap - 1)).toBe(false);
        }
        // 27亿 ≤ sales < 30亿 with growth ≥ 10% is always near
        const g = (s25 / s23) ** 0.5 - 1;
        if (s25 >= 2700 && s25 < 3000 && g > 0.1001) expect(rows).toHaveLength(1);
        if (s25 < 2700) expect(rows).toEqual([]);
      }),
    );
  });

  it("property: a row's CSV line is csvLine's, its numbers as they are and its text made safe and quoted", () => {
    // the cells after the first four are numbers (a workbook's too): nearCsvLine leaves them to themselves
    for (let i = 4; i < nearHeader('en').length; i++) expect(NEAR_MONEY_COLUMNS.has(i) || NEAR_NUMBER_COLUMNS.has(i)).toBe(true);
    const fen = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    const text = fc.oneof(fc.string(), fc.constantFrom('=1+1', '-x', '+86', '@a', 'a,b', 'say "hi"', '\tx', '1234567890123456789', '9144010119044342E8'));
    const row = fc.record({
      id: text,
      name: fc.option(text),
      district: fc.option(text),
      ref: text,
      year: fc.integer({ min: 1990, max: 2100 }),
      applicationYear: fc.integer({ min: 1990, max: 2100 }),
      awarded: fc.integer({ min: 0, max: 9 }),
      tier: fc.integer({ min: 1, max: 9 }),
      threshold: fen,
      minGrowth: fc.record({ num: fc.bigInt({ min: 0n, max: 10n ** 6n }), den: fc.constantFrom(100n, 1000n, 10000n) }),
      growthYears: fc.integer({ min: 1, max: 3 }),
      sales: fen,
      growth: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map((v) => fixed(v, 3)),
      salesGap: fen,
      growthGap: fc.integer({ min: 0, max: 100_000 }),
      salesNeeded: fc.option(fen),
      topUp: fen,
    });
    fc.assert(
      fc.property(row, (r) => {
        const cells = nearCells(r as NearRow);
        expect(nearCsvLine(cells)).toBe(csvLine(cells));
      }),
    );
  });
});

describe('TopN, the bounded heap', () => {
  it('property: keeps exactly the best N of any stream, best first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: 0, max: 12 }), (xs, n) => {
        // rank by value, ties to the earlier item
        const items = xs.map((v, i) => ({ v, i }));
        const top = new TopN<{ v: number; i: number }>(n, (a, b) => a.v - b.v || b.i - a.i);
        for (const it of items) top.push(it);
        const expected = [...items].sort((a, b) => b.v - a.v || a.i - b.i).slice(0, n);
        expect(top.sorted()).toEqual(expected);
        expect(top.length).toBe(Math.min(n, xs.length));
      }),
    );
  });
});

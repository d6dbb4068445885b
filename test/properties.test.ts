/**
 * Invariants over random enterprises (fast-check): no amount above its ceiling; more sales never lowers the
 * tier; the total is the sum of eligible cash results; `optimal` never pays less than `greedy`; every result is
 * exact to the fen and money never negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Enterprise, ListEntry, YearData } from '../src/domain/enterprise.js';
import { isCash, type Result } from '../src/domain/result.js';
import { DEFAULT_OPTIONS, evaluate } from '../src/engine/evaluate.js';
import { DEFAULT_INTERPRETATION, type Interpretation } from '../src/engine/interpretation.js';
import { ceilingOf, publishedRuleSet } from '../src/engine/ruleset.js';
import { interpretation } from './helpers/arbitraries.js';

const rs = publishedRuleSet();
const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028];

/** Sales around the tier thresholds (1亿 … 1200亿 元, in fen), sometimes exactly on one, sometimes none (a zero base). */
const salesFen = fc.oneof(
  fc.bigInt({ min: 10_000_000_000n, max: 12_000_000_000_000n }),
  fc.constantFrom(0n, 300_000_000_000n, 1_000_000_000_000n, 2_000_000_000_000n, 5_000_000_000_000n, 10_000_000_000_000n),
);
const amountFen = fc.bigInt({ min: 0n, max: 1_000_000_000n });

const yearData: fc.Arbitrary<YearData> = fc.record(
  {
    onlineRetailSales: salesFen,
    nbsDirectReporting: fc.boolean(),
    brandPromotionExpense: amountFen,
    bondedZoneRent: amountFen,
    rdExpensed: amountFen,
  },
  { requiredKeys: [] },
);

const listEntry: fc.Arbitrary<ListEntry> = fc.record({
  list: fc.constantFrom('honghu', 'qilin', 'kunpeng', 'brand-overseas', 'gz-hq') as fc.Arbitrary<ListEntry['list']>,
  year: fc.constantFrom(...YEARS),
  track: fc.constantFrom('ecommerce', 'livestream') as fc.Arbitrary<'ecommerce' | 'livestream'>,
});

const enterprise: fc.Arbitrary<Enterprise> = fc
  .record({
    years: fc.dictionary(fc.constantFrom(...YEARS.map(String)), yearData, { maxKeys: 7 }),
    lists: fc.array(listEntry, { maxLength: 4 }),
    tracks: fc.subarray(['ecommerce', 'livestream', 'cross-border'] as const, { minLength: 1 }),
    prior: fc.option(fc.record({ year: fc.constantFrom(2024, 2025, 2026), tier: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
  })
  .map(({ years, lists, tracks, prior }) => ({
    id: '91440101MA5CJQ4N59',
    tracks: [...tracks],
    years: Object.fromEntries(Object.entries(years).map(([y, d]) => [Number(y), d])),
    lists,
    projects: [],
    priorAwards: prior ? [{ measure: 'scale-tier', ...prior }] : [],
    higherLevelFunding: [],
  }));

const run = (e: Enterprise, i: Interpretation = DEFAULT_INTERPRETATION) => evaluate(e, rs, { ...DEFAULT_OPTIONS, interpretation: i });

describe('invariants', () => {
  it('no amount is above its ceiling, and none is negative', () => {
    fc.assert(
      fc.property(enterprise, interpretation, (e, i) => {
        for (const r of run(e, i).results) {
          if (r.amount === null) continue;
          expect(r.amount).toBeGreaterThanOrEqual(0n);
          const ceiling = ceilingOf(rs.byRef.get(`${r.policy}/${r.measure}`)!);
          if (ceiling !== null) expect(r.amount).toBeLessThanOrEqual(ceiling);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the total is the sum of eligible cash amounts', () => {
    fc.assert(
      fc.property(enterprise, interpretation, (e, i) => {
        const ev = run(e, i);
        let sum = 0n;
        for (const r of ev.results) if (r.status === 'eligible' && isCash(r.kind)) sum += r.amount ?? 0n;
        expect(ev.total).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  /** The tier a year qualifies for under the rule (whatever the plan does with it), 0 when none. */
  const qualifyingTier = (results: Result[], year: number): number => {
    const r = results.find((x) => x.policy === 'gz-2025-ecommerce' && x.measure === 'scale-tier' && x.year === year);
    if (!r || r.tier === null) return 0;
    const ruleFailed = r.checks.some((c) => c.passed === false && c.id !== 'already-awarded');
    return ruleFailed || r.status === 'needs-data' ? 0 : r.tier;
  };

  it('more sales in a year never lowers the tier that year', () => {
    fc.assert(
      fc.property(enterprise, interpretation, fc.constantFrom(2025, 2026, 2027), fc.bigInt({ min: 1n, max: 5_000_000_000_000n }), (e, i, year, more) => {
        const base = e.years[year]?.onlineRetailSales;
        if (base === undefined) return;
        const richer: Enterprise = { ...e, years: { ...e.years, [year]: { ...e.years[year], onlineRetailSales: base + more } } };
        expect(qualifyingTier(run(richer, i).results, year)).toBeGreaterThanOrEqual(qualifyingTier(run(e, i).results, year));
      }),
      { numRuns: 400 },
    );
  });

  it('the optimal plan never pays less than the greedy one', () => {
    // Tier awards and 鸿鹄 entries in the years where they collide.
    const colliding = enterprise.map((e) => ({ ...e, lists: [...e.lists, { list: 'honghu' as const, year: 2027 }] }));
    fc.assert(
      fc.property(colliding, interpretation, (e, i) => {
        const optimal = run(e, { ...i, planning: 'optimal' }).total;
        const greedy = run(e, { ...i, planning: 'greedy' }).total;
        expect(optimal).toBeGreaterThanOrEqual(greedy);
      }),
      { numRuns: 400 },
    );
  });

  it('without the words (explain: false, the wide tables) every decision is the same: status, amount, tier, missing, checks', () => {
    // What a result decides, without what it says: the messages and the next-tier hint are what explain drops.
    const decisions = (results: readonly Result[]) =>
      results.map(({ next: _next, checks, ...r }) => ({ ...r, checks: checks.map((c) => [c.id, c.passed, c.missing ?? null]) }));
    fc.assert(
      fc.property(enterprise, interpretation, (e, i) => {
        const said = evaluate(e, rs, { ...DEFAULT_OPTIONS, interpretation: i });
        const quiet = evaluate(e, rs, { ...DEFAULT_OPTIONS, interpretation: i, explain: false });
        expect(decisions(quiet.results)).toEqual(decisions(said.results));
        expect(quiet.total).toBe(said.total);
        expect(quiet.results.some((r) => r.next !== undefined)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('every result of a year with data appears once, in policy, measure, year order', () => {
    fc.assert(
      fc.property(enterprise, (e) => {
        const results = run(e).results;
        const keys = results.map((r) => `${r.policy}/${r.measure}@${r.year}`);
        expect(new Set(keys).size).toBe(keys.length);
        const order = rs.policies.flatMap((p) => p.measures.map((m) => m.ref));
        const pos = results.map((r) => order.indexOf(`${r.policy}/${r.measure}`) * 10000 + r.year);
        expect(pos).toEqual([...pos].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});

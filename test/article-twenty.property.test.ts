/**
 * 000 第二十条 as invariants, under every reading: an award already received never raises what the plan pays,
 * and no plan pays 000's tier award and 000's 鸿鹄 for the same year (of application, or of performance under
 * sameYear=performance), whether both are computed or one was received before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Enterprise, PriorAward } from '../src/domain/enterprise.js';
import { DEFAULT_OPTIONS, evaluate } from '../src/engine/evaluate.js';
import type { Interpretation } from '../src/engine/interpretation.js';
import { publishedRuleSet } from '../src/engine/ruleset.js';

const rs = publishedRuleSet();
const YEARS = [2023, 2024, 2025, 2026, 2027];
const TIER = 'gz-2025-ecommerce/scale-tier';
const HONGHU = 'gz-2025-ecommerce/honghu';

/** Sales near the first three tiers, in fen. */
const sales = fc.constantFrom(2_000_000_000_00n, 2_500_000_000_00n, 3_100_000_000_00n, 10_500_000_000_00n, 21_000_000_000_00n);

const prior: fc.Arbitrary<PriorAward> = fc.oneof(
  fc.record({ measure: fc.constantFrom('scale-tier', TIER, 'gz-2025-livestream/scale-tier'), year: fc.constantFrom(...YEARS), tier: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ measure: fc.constantFrom('honghu', HONGHU, 'gz-2025-livestream/honghu'), year: fc.constantFrom(2025, 2027) }),
);

const enterprise: fc.Arbitrary<Enterprise> = fc
  .record({
    years: fc.dictionary(fc.constantFrom(...YEARS.map(String)), sales, { maxKeys: 5 }),
    honghu: fc.subarray([2025, 2027]),
    livestream: fc.boolean(),
  })
  .map(({ years, honghu, livestream }) => ({
    id: '91440101MA5CJQ4N59',
    tracks: livestream ? ['ecommerce', 'livestream'] : ['ecommerce'],
    years: Object.fromEntries(Object.entries(years).map(([y, s]) => [Number(y), { onlineRetailSales: s, nbsDirectReporting: true }])),
    lists: honghu.map((year) => ({ list: 'honghu' as const, year, track: livestream && year === 2027 ? ('livestream' as const) : ('ecommerce' as const) })),
    projects: [],
    priorAwards: [],
    higherLevelFunding: [],
  }));

const interpretation = fc.record({
  sameYear: fc.constantFrom('application', 'performance'),
  sameYearScope: fc.constantFrom('ecommerce-only', 'with-livestream'),
  sameItem: fc.constantFrom('higher', 'first-document'),
  planning: fc.constantFrom('optimal', 'greedy'),
});

const run = (e: Enterprise, i: Partial<Interpretation>) =>
  evaluate(e, rs, { ...DEFAULT_OPTIONS, interpretation: { ...DEFAULT_OPTIONS.interpretation, ...i } as Interpretation });

describe('000 第二十条 with awards already received', () => {
  // Under the optimal plan only: the greedy plan is myopic, and an award that blocks its first choice can leave
  // it a better second one.
  it('an award already received never raises the total of the optimal plan', () => {
    fc.assert(
      fc.property(enterprise, prior, interpretation.map((i) => ({ ...i, planning: 'optimal' as const })), (e, p, i) => {
        expect(run({ ...e, priorAwards: [p] }, i).total <= run(e, i).total).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("000's tier award and 000's 鸿鹄 are never both paid for one year, counting an award already received", () => {
    fc.assert(
      fc.property(enterprise, fc.option(prior, { nil: undefined }), interpretation, (e, p, i) => {
        const withPrior = { ...e, priorAwards: p ? [p] : [] };
        const ev = run(withPrior, i);
        const key = (r: { year: number; applicationYear: number }) => (i.sameYear === 'performance' ? r.year : r.applicationYear);
        const paid = ev.results.filter((r) => r.status === 'eligible' && r.amount !== null && r.amount > 0n);
        const tiers = paid.filter((r) => r.ref === TIER).map(key);
        const honghu = paid.filter((r) => r.ref === HONGHU).map(key);
        // A prior award as the plan sees it: its performance year, applied for a year later if it is a tier award.
        if (p) {
          const isTier = p.measure.endsWith('scale-tier');
          const own = p.measure === 'scale-tier' || p.measure === TIER || p.measure === 'honghu' || p.measure === HONGHU;
          if (own) (isTier ? tiers : honghu).push(i.sameYear === 'performance' ? p.year : p.year + (isTier ? 1 : 0));
        }
        expect(tiers.filter((y) => honghu.includes(y))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('one project under 000 and 003, and 第三条 beyond 鸿鹄', () => {
  const PAIRS = [
    ['gz-2025-ecommerce/events', 'gz-2024-cross-border/events'],
    ['gz-2025-ecommerce/standards', 'gz-2024-cross-border/standards'],
  ] as const;
  const projects = fc.array(fc.record({ type: fc.constantFrom('exhibition' as const, 'standard' as const), year: fc.constantFrom(2024, 2025, 2026, 2027) }), { maxLength: 4 });

  it('an exhibition or a standard of a year is supported once, and the row that gives way names 000\'s row', () => {
    fc.assert(
      fc.property(projects, interpretation, (ps, i) => {
        const e: Enterprise = { id: '91440101MA5CJQ4N59', tracks: ['ecommerce', 'cross-border'], years: {}, lists: [], projects: ps, priorAwards: [], higherLevelFunding: [] };
        const ev = run(e, i);
        for (const [keep, other] of PAIRS) {
          for (const r of ev.results.filter((x) => x.ref === other)) {
            const first = ev.results.find((x) => x.ref === keep && x.year === r.year);
            // Both in force (000 from 2025): 003's row gives way, with no amount of its own (金额另定).
            expect(r.status).toBe(first ? 'superseded' : 'eligible');
            expect(r.supersededBy).toBe(first ? `${keep}@${r.year}` : null);
            expect(r.amount).toBeNull();
            if (first) expect(first.status).toBe('eligible');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no result carries the same 第二十条 note twice, under either reach of the article', () => {
    fc.assert(
      fc.property(enterprise, fc.subarray([2025, 2026, 2027, 2028]), interpretation, (e, bench, i) => {
        const withBench = { ...e, lists: [...e.lists, ...bench.map((year) => ({ list: 'vertical-benchmark' as const, year }))] };
        for (const r of run(withBench, i).results) {
          const keys = r.notes.map((n) => JSON.stringify(n));
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

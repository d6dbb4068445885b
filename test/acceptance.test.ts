/**
 * SPEC §10 acceptance examples E1–E10. Every expected value is worked out by hand from the articles
 * (000 第二条, 第三条, 第二十条; 003 三, 四) in the comments beside it.
 */
import { describe, expect, it } from 'vitest';
import { parseEnterprise } from '../src/domain/input.js';
import { formatYuan } from '../src/domain/money.js';
import { check, find, ID, run, sales } from './helpers/enterprise.js';

const TIER = 'gz-2025-ecommerce/scale-tier';

describe('SPEC §10 acceptance examples', () => {
  it('E1: 2.50e9 → 3.10e9 over two years is 11.355% a year, at least 10%: tier 1, 1,500,000.00, paid in 2026', () => {
    // (3.10 / 2.50)^½ − 1 = 1.24^½ − 1 = 0.11355…; 3.10e9 ≥ 30亿 (tier 1); ceiling 150万元
    const ev = run({ years: sales({ 2023: 2.5e9, 2024: 2.8e9, 2025: 3.1e9 }) });
    const r = find(ev.results, TIER, 2025);
    expect(r.status).toBe('eligible');
    expect(r.tier).toBe(1);
    expect(formatYuan(r.amount!)).toBe('1500000.00');
    expect(r.applicationYear).toBe(2026);
    expect(formatYuan(ev.total)).toBe('1500000.00');
  });

  it('E2: from 2.60e9 the growth is 9.193% (geometric) and 9.203% (arithmetic): ineligible either way, growth failed', () => {
    // (3.1/2.6)^½ − 1 = 0.09193…; arithmetic: (2.8/2.6 − 1 + 3.1/2.8 − 1)/2 = (0.07692 + 0.10714)/2 = 0.09203
    const input = { years: sales({ 2023: 2.6e9, 2024: 2.8e9, 2025: 3.1e9 }) };
    for (const growthAverage of ['geometric', 'arithmetic'] as const) {
      const r = find(run(input, { growthAverage }).results, TIER, 2025);
      expect(r.status).toBe('ineligible');
      expect(check(r, 'growth')?.passed).toBe(false);
      expect(r.amount).toBeNull();
    }
  });

  it('E3: exactly 30亿 reaches tier 1 with threshold=reach and not with exceed', () => {
    // SPEC §10 gives the base 2,479,338,843 and calls the ratio "1.21000000… ≥ 1.21". Exactly, it is not:
    // 2,479,338,843 × 1.21 = 3,000,000,000.03 > 3,000,000,000, so 3e9 / 2,479,338,843 = 1.2099999999879… < 1.21 and
    // the growth is 9.99999999945% < 10%. Following the exact comparison SPEC §5 requires, that base fails on growth;
    // the base 2,479,338,842.97 (× 1.21 = 2,999,999,999.9937 ≤ 3e9) gives the ratio ≥ 1.21 the example means.
    const specBase = find(run({ years: sales({ 2023: 2479338843, 2025: 3e9 }) }).results, TIER, 2025);
    expect(specBase.status).toBe('ineligible');
    expect(check(specBase, 'threshold')?.passed).toBe(true);
    expect(check(specBase, 'growth')?.passed).toBe(false);

    const input = { years: sales({ 2023: '2479338842.97', 2025: 3e9 }) };
    const reach = find(run(input).results, TIER, 2025);
    expect(reach.status).toBe('eligible');
    expect(formatYuan(reach.amount!)).toBe('1500000.00');
    const exceed = find(run(input, { threshold: 'exceed' }).results, TIER, 2025);
    expect(exceed.status).toBe('ineligible');
    expect(check(exceed, 'threshold')?.passed).toBe(false);
  });

  it('E4: tier 1 awarded for 2025, 1.05e10 in 2026 with ≥ 6% growth: tier 2 pays the top-up 2,500,000 − 1,500,000', () => {
    // 2024 → 2026: (1.05e10 / 8e9)^½ − 1 = 14.56% ≥ 6%; 1.05e10 ≥ 100亿 → tier 2
    const fromRun = run({ years: sales({ 2023: 2.5e9, 2024: 8e9, 2025: 3.1e9, 2026: 1.05e10 }) });
    // 2025 reaches tier 1 with (3.1/2.5)^½ − 1 ≥ 10%
    expect(formatYuan(find(fromRun.results, TIER, 2025).amount!)).toBe('1500000.00');
    const r = find(fromRun.results, TIER, 2026);
    expect([r.status, r.tier, formatYuan(r.amount!)]).toEqual(['eligible', 2, '1000000.00']);
    expect(formatYuan(fromRun.total)).toBe('2500000.00');

    const fromPrior = run({ years: sales({ 2024: 9e9, 2026: 1.05e10 }), priorAwards: [{ measure: 'scale-tier', year: 2025, tier: 1 }] });
    const p = find(fromPrior.results, TIER, 2026);
    expect([p.status, p.tier, formatYuan(p.amount!)]).toEqual(['eligible', 2, '1000000.00']);
  });

  it('E5: a live-streaming and e-commerce enterprise is paid once: the live-streaming result is superseded', () => {
    const ev = run({ tracks: ['livestream', 'ecommerce'], years: sales({ 2023: 2.5e9, 2024: 2.8e9, 2025: 3.1e9 }) });
    const ecommerce = find(ev.results, TIER, 2025);
    const live = find(ev.results, 'gz-2025-livestream/scale-tier', 2025);
    expect([ecommerce.status, formatYuan(ecommerce.amount!)]).toEqual(['eligible', '1500000.00']);
    expect(live.status).toBe('superseded');
    expect(live.supersededBy).toBe('gz-2025-ecommerce/scale-tier@2025');
    expect(formatYuan(ev.total)).toBe('1500000.00');
  });

  // Tier 1 reached in 2026 (paid 2027), 鸿鹄 first entry 2027 (paid 2027), tier 2 reached in 2027 (paid 2028).
  // 2024 2.0e9 → 2026 3.1e9: (1.55)^½ − 1 = 24.5% ≥ 10% → tier 1; 2025 8e9 → 2027 1.1e10: (1.375)^½ − 1 = 17.3% ≥ 6% → tier 2.
  const e6 = { years: sales({ 2024: 2e9, 2025: 8e9, 2026: 3.1e9, 2027: 1.1e10 }), lists: [{ list: 'honghu', year: 2027 }] };

  it('E6 optimal: 鸿鹄 2027 (1,000,000) + tier 2 for 2027 in full (2,500,000) = 3,500,000; 2026 tier 1 superseded', () => {
    const ev = run(e6);
    const t26 = find(ev.results, TIER, 2026);
    const t27 = find(ev.results, TIER, 2027);
    const hh = find(ev.results, 'gz-2025-ecommerce/honghu', 2027);
    expect([hh.status, formatYuan(hh.amount!)]).toEqual(['eligible', '1000000.00']);
    expect([t27.status, t27.tier, formatYuan(t27.amount!)]).toEqual(['eligible', 2, '2500000.00']);
    expect(t26.status).toBe('superseded');
    expect(t26.supersededBy).toBe('gz-2025-ecommerce/honghu@2027');
    expect(formatYuan(ev.total)).toBe('3500000.00');
  });

  it('E6 greedy: 1,500,000 for 2026 then the 1,000,000 top-up for 2027 = 2,500,000; 鸿鹄 superseded', () => {
    const ev = run(e6, { planning: 'greedy' });
    expect(formatYuan(find(ev.results, TIER, 2026).amount!)).toBe('1500000.00');
    expect(formatYuan(find(ev.results, TIER, 2027).amount!)).toBe('1000000.00');
    const hh = find(ev.results, 'gz-2025-ecommerce/honghu', 2027);
    expect(hh.status).toBe('superseded');
    expect(hh.supersededBy).toBe('gz-2025-ecommerce/scale-tier@2026');
    expect(formatYuan(ev.total)).toBe('2500000.00');
  });

  it('E7: 50% of 1,234,567.89 is 617,283.945, rounded down to 617,283.94; 50% of 3,000,000 is capped at 1,000,000', () => {
    const at = (expense: string) =>
      find(run({ tracks: ['cross-border'], lists: [{ list: 'brand-overseas', year: 2025 }], years: { 2025: { brandPromotionExpense: expense } } }).results, 'gz-2024-cross-border/brand-overseas', 2025);
    expect(formatYuan(at('1234567.89').amount!)).toBe('617283.94');
    expect(formatYuan(at('3000000').amount!)).toBe('1000000.00');
    expect(at('3000000').applicationYear).toBe(2026);
  });

  it('E8: 30% of a 7,000,000 rent is capped at 1,500,000; of 1,000,000 it is 300,000', () => {
    // 003 四 "对跨境电商企业租赁…": the enterprise must be on the cross-border track (SPEC E8 gives none).
    const at = (rent: string) => find(run({ tracks: ['cross-border'], years: { 2025: { bondedZoneRent: rent } } }).results, 'gz-2024-cross-border/bonded-rent', 2025);
    expect(formatYuan(at('7000000').amount!)).toBe('1500000.00');
    expect(formatYuan(at('1000000').amount!)).toBe('300000.00');
  });

  it('E9: years 2019–2022 under gz-2025-ecommerce are not shown, and are not-in-force with --all', () => {
    const input = { years: sales({ 2019: 4e9, 2020: 5e9, 2021: 6e9, 2022: 7e9 }), lists: [{ list: 'gz-hq', year: 2020 }] };
    const shown = run(input).results.filter((r) => r.policy === 'gz-2025-ecommerce');
    expect(shown).toEqual([]);
    const all = run(input, {}, { all: true }).results.filter((r) => r.policy === 'gz-2025-ecommerce');
    expect(all.length).toBe(5); // scale-tier 2019–2022 and hq 2020
    expect(all.every((r) => r.status === 'not-in-force')).toBe(true);
  });

  it('E10: an id with a wrong check character is rejected with a message naming the expected character', () => {
    const bad = ID.slice(0, 17) + '0'; // the right check character is 9
    const { enterprise, problems } = parseEnterprise({ id: bad });
    expect(enterprise).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', path: 'id', expected: { key: 'id.check', args: { expected: '9', actual: '0' } } })]);
    const lenient = parseEnterprise({ id: bad }, { lenientId: true });
    expect(lenient.enterprise?.id).toBe(bad);
    expect(lenient.problems[0]?.severity).toBe('warning');
  });
});

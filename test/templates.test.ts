/**
 * The templates of src/templates/ that no built-in document uses (first-reach-tiers, per-step, increment-ratio,
 * threshold-growth), on a small document of invented figures read on 网上零售额: each amount worked out by hand
 * in the comments, both readings of each new interpretation, and the explanation in both languages.
 */
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../src/domain/money.js';
import type { Result } from '../src/domain/result.js';
import { evaluate, DEFAULT_OPTIONS } from '../src/engine/evaluate.js';
import { buildRuleSet } from '../src/engine/ruleset.js';
import { definePolicy, param } from '../src/policies/define.js';
import { t } from '../src/render/messages.js';
import { firstReachTiersMeasure, incrementRatioMeasure, perStepMeasure, thresholdGrowthMeasure } from '../src/templates/yearly.js';
import { enterprise, find, sales } from './helpers/enterprise.js';

const Q = '年度规模首次突破5000万元、1亿元、3亿元、10亿元的，分别给予一次性奖励';
const common = { article: '第一条', title: { zh: '测试', en: 'test' }, quote: Q, input: 'onlineRetailSales' };
const reach = { thresholds: param.moneyTiers([5e7, 1e8, 3e8, 1e9], '第一条', Q), awards: param.moneyTiers([200_000, 500_000, 1_000_000, 2_000_000], '第一条', Q) };
const policy = definePolicy({
  id: 'test-district',
  title: { zh: '测试', en: 'test' },
  issuer: '测试',
  issued: '2024-01-01',
  seedFile: '',
  validity: { from: param.date('2020-01-01', '附则', ''), to: param.openDate(null, '附则', '') },
  measures: [
    firstReachTiersMeasure({ ...common, id: 'reach-highest', params: reach, jump: 'highest' }),
    firstReachTiersMeasure({ ...common, id: 'reach-every', params: reach, jump: 'every' }),
    perStepMeasure({ ...common, id: 'step-whole', reading: 'whole', params: { step: param.money(1e8, '第二条', Q), award: param.money(100_000, '第二条', Q), cap: param.money(4_000_000, '第二条', Q) } }),
    perStepMeasure({ ...common, id: 'step-pro-rata', reading: 'pro-rata', params: { step: param.money(1e8, '第二条', Q), award: param.money(100_000, '第二条', Q), cap: param.money(4_000_000, '第二条', Q) } }),
    incrementRatioMeasure({ ...common, id: 'increment', params: { floor: param.money(5e8, '第三条', Q), rate: param.rate('0.0006', '第三条', Q), cap: param.money(2_000_000, '第三条', Q) } }),
    thresholdGrowthMeasure({ ...common, id: 'growth', params: { floor: param.money(5e8, '第四条', Q), minGrowth: param.rate('0.05', '第四条', Q), award: param.money(1_000_000, '第四条', Q) } }),
  ],
});
const rs = buildRuleSet({}, [policy]);
const run = (by: Record<number, string | number>) => evaluate(enterprise({ years: sales(by) }), rs, DEFAULT_OPTIONS).results;
const at = (rs: Result[], m: string, y: number) => find(rs, `test-district/${m}`, y);
const money = (r: Result) => [r.status, r.amount === null ? null : formatYuan(r.amount)];

describe('first-reach-tiers', () => {
  // 2024 3,000万 (below 5,000万), 2025 3.5亿: tiers 1–3 (5,000万, 1亿, 3亿) first reached at once.
  const rs1 = run({ 2024: 3e7, 2025: 3.5e8, 2026: 4e8, 2027: 1.2e9 });
  it('a jump over several tiers pays the highest reached (highest) or every tier crossed (every)', () => {
    expect([...money(at(rs1, 'reach-highest', 2025)), at(rs1, 'reach-highest', 2025).tier]).toEqual(['eligible', '1000000.00', 3]);
    // every: 20万 + 50万 + 100万 = 170万
    expect(money(at(rs1, 'reach-every', 2025))).toEqual(['eligible', '1700000.00']);
    expect(t(at(rs1, 'reach-every', 2025).checks[1]!.msg, 'zh')).toBe('2025 年首次达到第1—3档（此前最高未达第1档），逐档给予，合计 170万元');
    expect(t(at(rs1, 'reach-highest', 2025).checks[1]!.msg, 'en')).toContain('the highest tier reached is paid, ¥1,000,000');
  });
  it('a tier reached before is not reached for the first time; the next tier is', () => {
    // 2026 4亿: tier 3 again (reached in 2025) → nothing
    expect(money(at(rs1, 'reach-highest', 2026))).toEqual(['ineligible', null]);
    expect(t(at(rs1, 'reach-highest', 2026).checks[1]!.msg, 'zh')).toBe('第3档已于 2025 年达到，2026 年不是首次达到');
    // 2027 12亿: tier 4 first → 200万 under either reading (one tier crossed)
    expect(money(at(rs1, 'reach-highest', 2027))).toEqual(['eligible', '2000000.00']);
    expect(money(at(rs1, 'reach-every', 2027))).toEqual(['eligible', '2000000.00']);
  });
  it('without the year before, whether it is the first time is needs-data; below tier 1 is ineligible with the gap', () => {
    const r = run({ 2025: 6e7, 2027: 4e7 });
    expect(at(r, 'reach-highest', 2025)).toMatchObject({ status: 'needs-data', missing: ['years.2024.onlineRetailSales'] });
    expect(t(at(r, 'reach-highest', 2027).checks[0]!.msg, 'zh')).toBe('2027 年实物商品网上零售额 4000万元 < 第1档门槛 5000万元，还差 1000万元');
  });
});

describe('per-step', () => {
  // 2024 10亿 → 2025 11.9亿: increase 1.9亿. whole: 1 step × 10万 = 10万; pro rata: 1.9 × 10万 = 19万.
  const r = run({ 2024: 1e9, 2025: 1.19e9, 2026: 6e9, 2027: 6.05e9 });
  it('whole steps by default reading, pro rata by the other', () => {
    expect(money(at(r, 'step-whole', 2025))).toEqual(['eligible', '100000.00']);
    expect(money(at(r, 'step-pro-rata', 2025))).toEqual(['eligible', '190000.00']);
    expect(t(at(r, 'step-whole', 2025).checks[1]!.msg, 'zh')).toBe('增量 1.9亿元 含 1 个整 1亿元，× 10万元 = 10万元，每年上限 400万元，取 10万元');
    expect(at(r, 'step-whole', 2025).notes.map((n) => n.key)).toEqual(['note.per-step-whole']);
  });
  it('the yearly cap: 48.1亿 increase → 48 steps = 480万 → 400万', () => {
    expect(money(at(r, 'step-whole', 2026))).toEqual(['eligible', '4000000.00']);
    expect(money(at(r, 'step-pro-rata', 2026))).toEqual(['eligible', '4000000.00']);
  });
  it('less than one whole step pays nothing whole, its share pro rata (0.5亿 → 5万)', () => {
    expect(money(at(r, 'step-whole', 2027))).toEqual(['ineligible', null]);
    expect(money(at(r, 'step-pro-rata', 2027))).toEqual(['eligible', '50000.00']);
  });
});

describe('increment-ratio and threshold-growth', () => {
  const r = run({ 2023: 4e8, 2024: 1e9, 2025: 1.19e9, 2026: 1.2e9 });
  it('a share of the increase above the floor: 1.9亿 × 0.06% = 11.4万; 4亿 is below the 5亿 floor', () => {
    expect(money(at(r, 'increment', 2025))).toEqual(['eligible', '114000.00']);
    // 2024: 10亿 − 4亿 = 6亿 × 0.0006 = 36万
    expect(money(at(r, 'increment', 2024))).toEqual(['eligible', '360000.00']);
    expect(money(at(r, 'increment', 2023))).toEqual(['ineligible', null]);
  });
  it('level and growth both: 11.9亿 / 10亿 = +19% ≥ 5% pays 100万; 12亿 / 11.9亿 = +0.840% does not', () => {
    expect(money(at(r, 'growth', 2025))).toEqual(['eligible', '1000000.00']);
    expect(t(at(r, 'growth', 2025).checks[1]!.msg, 'zh')).toBe('2025 年实物商品网上零售额同比增长 19.000% ≥ 5%');
    expect(money(at(r, 'growth', 2026))).toEqual(['ineligible', null]);
    expect(at(r, 'growth', 2023)).toMatchObject({ status: 'ineligible' }); // 4亿 < 5亿 decides before the growth
  });
});

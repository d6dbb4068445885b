/**
 * Each measure at its boundaries: exactly at a threshold, one fen below, exactly at a minimum growth rate, a
 * missing year, a year just outside validity. Expected values are worked out from the articles in comments.
 */
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../src/domain/money.js';
import type { Result } from '../src/domain/result.js';
import { check, find, run, sales } from './helpers/enterprise.js';

const TIER = 'gz-2025-ecommerce/scale-tier';
const yuan = (r: Result) => (r.amount === null ? null : formatYuan(r.amount));
const refs = (rs: Result[]) => rs.map((r) => `${r.policy}/${r.measure}@${r.year}`);

describe('gz-2025-ecommerce/scale-tier (000 第二条)', () => {
  // Growth base 2023 = 2,000,000,000: 3e9 / 2e9 = 1.5 ≥ 1.21, so growth never decides these threshold cases.
  it('exactly 30亿 reaches tier 1; one fen below does not and says how far', () => {
    expect(find(run({ years: sales({ 2023: 2e9, 2025: 3e9 }) }).results, TIER, 2025)).toMatchObject({ status: 'eligible', tier: 1 });
    const below = find(run({ years: sales({ 2023: 2e9, 2025: '2999999999.99' }) }).results, TIER, 2025);
    expect(below.status).toBe('ineligible');
    expect(check(below, 'threshold')).toMatchObject({ passed: false, msg: { key: 'threshold.fail' } });
    expect(below.next).toMatchObject({ year: 2025, tier: 1, threshold: 300000000000n });
  });

  // Tier 2 needs 6%: 8,900,000,000 × 1.06² = 8,900,000,000 × 1.1236 = 10,000,040,000.
  it('growth exactly at the 6% minimum passes tier 2; one fen less fails and does not fall back to tier 1', () => {
    const at = find(run({ years: sales({ 2024: 8.9e9, 2026: 10000040000 }) }).results, TIER, 2026);
    expect([at.status, at.tier, yuan(at)]).toEqual(['eligible', 2, '2500000.00']);
    const under = find(run({ years: sales({ 2024: 8.9e9, 2026: '10000039999.99' }) }).results, TIER, 2026);
    expect(under.status).toBe('ineligible');
    expect(check(under, 'growth')?.passed).toBe(false);
    // What it would take: the 6% growth over 8,900,000,000 asks for 10,000,040,000.
    expect(under.next).toMatchObject({ year: 2026, tier: 2, salesForGrowth: 1000004000000n });
  });

  // Tier 5 (1000亿, 2%): 98,000,000,000 × 1.02² = 98,000,000,000 × 1.0404 = 101,959,200,000 ≥ 1e11 → 1000万元.
  it('the top tier pays 10,000,000 with 2% growth', () => {
    const r = find(run({ years: sales({ 2025: 9.8e10, 2027: 101959200000 }) }).results, TIER, 2027);
    expect([r.status, r.tier, yuan(r)]).toEqual(['eligible', 5, '10000000.00']);
    expect(r.next).toBeUndefined();
  });

  it('a missing year of the growth window is needs-data, naming the field', () => {
    const r = find(run({ years: sales({ 2024: 2.8e9, 2025: 3.1e9 }) }).results, TIER, 2025);
    expect(r.status).toBe('needs-data');
    expect(r.missing).toEqual(['years.2023.onlineRetailSales']);
    expect(r.amount).toBeNull();
  });

  it('NBS reporting absent is needs-data; false is ineligible', () => {
    const absent = find(run({ years: { 2023: { onlineRetailSales: '2500000000' }, 2025: { onlineRetailSales: '3100000000' } } }).results, TIER, 2025);
    expect([absent.status, absent.missing]).toEqual(['needs-data', ['years.2025.nbsDirectReporting']]);
    const no = find(run({ years: { 2023: { onlineRetailSales: '2500000000' }, 2025: { onlineRetailSales: '3100000000', nbsDirectReporting: false } } }).results, TIER, 2025);
    expect(no.status).toBe('ineligible');
    expect(check(no, 'reporting')?.passed).toBe(false);
  });

  it('a zero base is ineligible, not a division by zero', () => {
    const r = find(run({ years: sales({ 2023: 0, 2025: 3.1e9 }) }).results, TIER, 2025);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'growth')?.msg.key).toBe('growth.zero-base');
  });

  it('2024 and 2028 lie just outside the tier years: not shown, not-in-force with --all', () => {
    const input = { years: sales({ 2022: 1e9, 2024: 3.5e9, 2026: 5e9, 2028: 9e9 }) };
    expect(refs(run(input).results).filter((r) => r.startsWith(TIER))).toEqual([`${TIER}@2026`]);
    const all = run(input, {}, { all: true }).results.filter((r) => `${r.policy}/${r.measure}` === TIER);
    expect(all.map((r) => [r.year, r.status])).toEqual([
      [2022, 'not-in-force'],
      [2024, 'not-in-force'],
      [2026, 'eligible'],
      [2028, 'not-in-force'],
    ]);
  });

  // preceding window for 2025: 2022 → 2024. 2.0e9 → 2.5e9 is 11.8% a year; 2.3e9 → 2.5e9 is 4.3%.
  it('growthWindow=preceding measures the two years before the year', () => {
    const ok = find(run({ years: sales({ 2022: 2e9, 2024: 2.5e9, 2025: 3.1e9 }) }, { growthWindow: 'preceding' }).results, TIER, 2025);
    expect(ok.status).toBe('eligible');
    const slow = find(run({ years: sales({ 2022: 2.3e9, 2023: 1e9, 2024: 2.5e9, 2025: 3.1e9 }) }, { growthWindow: 'preceding' }).results, TIER, 2025);
    expect(slow.status).toBe('ineligible');
    expect(check(slow, 'growth')?.passed).toBe(false);
  });

  it('tierBasis=first-crossing refuses a year whose previous year was already at the tier', () => {
    const input = { years: sales({ 2023: 2e9, 2024: 3.05e9, 2025: 3.1e9 }) };
    expect(find(run(input).results, TIER, 2025).status).toBe('eligible');
    const r = find(run(input, { tierBasis: 'first-crossing' }).results, TIER, 2025);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'first-crossing')?.passed).toBe(false);
  });

  // arithmetic: 2.0e9 → 2.2e9 (+10%) → 2.42e9 … use 2.5e9 → 2.75e9 (+10%) → 3.025e9 (+10%): mean exactly 10%.
  it('growthAverage=arithmetic exactly at 10% passes; the middle year is needed', () => {
    const r = find(run({ years: sales({ 2023: 2.5e9, 2024: 2.75e9, 2025: 3.025e9 }) }, { growthAverage: 'arithmetic' }).results, TIER, 2025);
    expect(r.status).toBe('eligible');
    const gap = find(run({ years: sales({ 2023: 2.5e9, 2025: 3.1e9 }) }, { growthAverage: 'arithmetic' }).results, TIER, 2025);
    expect([gap.status, gap.missing]).toEqual(['needs-data', ['years.2024.onlineRetailSales']]);
  });

  it('the growth window follows the cited "连续两年" (growthYears), also when a parameter file changes it', () => {
    // growthYears 3: 2022 2.0e9 → 2025 3.1e9, (1.55)^(1/3) − 1 = 15.729…% ≥ 10% (1.15729³ = 1.54998 ≤ 1.55 < 1.1573³ =
    // 1.55002); 1.1^3 = 1.331, 2e9 × 1.331 = 2.662e9 ≤ 3.1e9.
    const over = { 'gz-2025-ecommerce/scale-tier': { growthYears: 3 } };
    const r = find(run({ years: sales({ 2022: 2e9, 2025: 3.1e9 }) }, {}, {}, over).results, TIER, 2025);
    expect(r.status).toBe('eligible');
    expect(check(r, 'growth')?.msg.args).toMatchObject({ from: 2022, to: 2025, rate: '15.729' });
    // Under the published two years the same figures lack 2023.
    expect(find(run({ years: sales({ 2022: 2e9, 2025: 3.1e9 }) }).results, TIER, 2025).missing).toEqual(['years.2023.onlineRetailSales']);
    // Arithmetic over three years reads every year: 2.5 → 2.75 → 3.025 → 3.3275 (+10% each) passes exactly.
    const b = find(run({ years: sales({ 2022: 2.5e9, 2023: 2.75e9, 2024: 3.025e9, 2025: 3.3275e9 }) }, { growthAverage: 'arithmetic' }, {}, over).results, TIER, 2025);
    expect([b.status, check(b, 'growth')?.passed]).toEqual(['eligible', true]);
  });

  it('a tier already received (priorAwards) for the same year is ineligible, already awarded', () => {
    const r = find(run({ years: sales({ 2023: 2.5e9, 2025: 3.1e9 }), priorAwards: [{ measure: 'scale-tier', year: 2025, tier: 1 }] }).results, TIER, 2025);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'already-awarded')?.passed).toBe(false);
  });

  it('the live-streaming tier award applies to live-streaming enterprises only; 000 covers them too and is kept', () => {
    const input = { years: sales({ 2023: 2.5e9, 2025: 3.1e9 }) };
    expect(refs(run(input).results).some((r) => r.startsWith('gz-2025-livestream'))).toBe(false);
    const ev = run({ ...input, tracks: ['livestream'] });
    const live = find(ev.results, 'gz-2025-livestream/scale-tier', 2025);
    expect([live.status, yuan(live), live.supersededBy]).toEqual(['superseded', '1500000.00', `${TIER}@2025`]);
    expect(formatYuan(ev.total)).toBe('1500000.00');
  });

  it('state or provincial funding of the tier award blocks it under 000, whose 第二十条 says so, not under 002', () => {
    // "以上事项对已获得国家和省同一项目资金奖补的，不重复支持" is written in 000 第二十条 and 003 十七 only.
    const ev = run({ tracks: ['livestream'], years: sales({ 2023: 2.5e9, 2025: 3.1e9 }), higherLevelFunding: [`${TIER}@2025`] });
    const own = find(ev.results, TIER, 2025);
    expect([own.status, check(own, 'higher-level-funding')?.passed]).toEqual(['ineligible', false]);
    const live = find(ev.results, 'gz-2025-livestream/scale-tier', 2025);
    expect([live.status, check(live, 'higher-level-funding')]).toEqual(['eligible', undefined]);
    expect(formatYuan(ev.total)).toBe('1500000.00');
    // A declaration naming 002's tier award covers 000's too: they are one item.
    const named = run({ tracks: ['livestream'], years: sales({ 2023: 2.5e9, 2025: 3.1e9 }), higherLevelFunding: ['gz-2025-livestream/scale-tier@2025'] });
    expect(find(named.results, TIER, 2025).status).toBe('ineligible');
  });

  it('when the 000 result is blocked by something of its own (already received), the 002 twin follows it', () => {
    const ev = run({ tracks: ['livestream'], years: sales({ 2023: 2.5e9, 2025: 3.1e9 }), priorAwards: [{ measure: 'scale-tier', year: 2025, tier: 1 }] });
    expect(find(ev.results, TIER, 2025).status).toBe('ineligible');
    expect(find(ev.results, 'gz-2025-livestream/scale-tier', 2025).status).toBe('ineligible');
  });
});

describe('鸿鹄 (000 第三条, 002 三(一)2)', () => {
  it('is selected in 2025 and 2027 only: a 2026 entry fails the selection-year check', () => {
    const r = find(run({ lists: [{ list: 'honghu', year: 2026 }] }).results, 'gz-2025-ecommerce/honghu', 2026);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'selection-year')?.passed).toBe(false);
  });

  it('pays 1,000,000 once in a life: a second entry is not first-time', () => {
    const ev = run({ lists: [{ list: 'honghu', year: 2025 }, { list: 'honghu', year: 2027, track: 'livestream' }] });
    expect(yuan(find(ev.results, 'gz-2025-ecommerce/honghu', 2025))).toBe('1000000.00');
    const second = find(ev.results, 'gz-2025-livestream/honghu', 2027);
    expect(second.status).toBe('ineligible');
    expect(check(second, 'first-time')?.passed).toBe(false);
    expect(formatYuan(ev.total)).toBe('1000000.00');
  });

  it('a live-streaming entry is paid under 002 only', () => {
    const ev = run({ lists: [{ list: 'honghu', year: 2025, track: 'livestream' }] });
    expect(refs(ev.results)).toEqual(['gz-2025-livestream/honghu@2025']);
    expect(yuan(ev.results[0]!)).toBe('1000000.00');
  });

  it('under sameYearScope=with-livestream, cannot be taken with a tier award applied for in the same year across documents (000 第二十条)', () => {
    // 000 tier 1 for 2026 (applied 2027, 150万) against 002 鸿鹄 2027 (100万): optimal keeps the larger.
    const e = { tracks: ['livestream'], years: sales({ 2024: 2e9, 2026: 3.1e9 }), lists: [{ list: 'honghu', year: 2027, track: 'livestream' }] };
    const ev = run(e, { sameYearScope: 'with-livestream' });
    expect(find(ev.results, TIER, 2026).status).toBe('eligible');
    expect(find(ev.results, 'gz-2025-livestream/honghu', 2027)).toMatchObject({ status: 'superseded', supersededBy: `${TIER}@2026` });
    expect(formatYuan(ev.total)).toBe('1500000.00');
    // By default 第二十条 binds only 000's own 第二条 and 第三条: 002 has no such clause, so both are paid,
    // 1,500,000 + 1,000,000 = 2,500,000.
    const byDefault = run(e);
    expect(find(byDefault.results, 'gz-2025-livestream/honghu', 2027).status).toBe('eligible');
    expect(formatYuan(byDefault.total)).toBe('2500000.00');
  });

  it('an award already received (priorAwards, same year) is not paid again', () => {
    const r = find(run({ lists: [{ list: 'honghu', year: 2025 }], priorAwards: [{ measure: 'honghu', year: 2025 }] }).results, 'gz-2025-ecommerce/honghu', 2025);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'already-received')?.passed).toBe(false);
  });
});

describe('gz-2024-cross-border (003)', () => {
  it('麒麟 pays 2,000,000 on the first entry only; 2024 is partly in force', () => {
    const ev = run({ lists: [{ list: 'qilin', year: 2024 }, { list: 'qilin', year: 2025 }] });
    const first = find(ev.results, 'gz-2024-cross-border/qilin', 2024);
    expect([first.status, yuan(first)]).toEqual(['eligible', '2000000.00']);
    expect(first.notes.map((n) => n.key)).toContain('note.partly-in-force');
    expect(find(ev.results, 'gz-2024-cross-border/qilin', 2025).status).toBe('ineligible');
  });

  it('鲲鹏 pays its park operator 5,000,000; 2023 lies before the document', () => {
    expect(yuan(find(run({ lists: [{ list: 'kunpeng', year: 2026 }] }).results, 'gz-2024-cross-border/kunpeng', 2026))).toBe('5000000.00');
    const ev = run({ lists: [{ list: 'kunpeng', year: 2023 }, { list: 'kunpeng', year: 2026 }] }, {}, { all: true });
    expect(find(ev.results, 'gz-2024-cross-border/kunpeng', 2023).status).toBe('not-in-force');
    // An entry in 2023 is still an earlier entry on the list (SPEC §2): 2026 is not the first.
    expect(find(ev.results, 'gz-2024-cross-border/kunpeng', 2026).status).toBe('ineligible');
  });

  // 50% × 2,000,000 = 1,000,000 = the cap exactly; 50% × 1,999,999.99 = 999,999.995 → 999,999.99.
  it('品牌出海 at the cap exactly and one fen below', () => {
    const at = (v: string) => find(run({ lists: [{ list: 'brand-overseas', year: 2026 }], years: { 2026: { brandPromotionExpense: v } } }).results, 'gz-2024-cross-border/brand-overseas', 2026);
    expect(yuan(at('2000000'))).toBe('1000000.00');
    expect(yuan(at('1999999.99'))).toBe('999999.99');
  });

  it('品牌出海 needs the selection and the expense', () => {
    const noList = find(run({ years: { 2025: { brandPromotionExpense: '500000' } } }).results, 'gz-2024-cross-border/brand-overseas', 2025);
    expect([noList.status, check(noList, 'listed')?.passed]).toEqual(['ineligible', false]);
    const noExpense = find(run({ lists: [{ list: 'brand-overseas', year: 2025 }] }).results, 'gz-2024-cross-border/brand-overseas', 2025);
    expect([noExpense.status, noExpense.missing]).toEqual(['needs-data', ['years.2025.brandPromotionExpense']]);
  });

  // 30% × 5,000,000 = 1,500,000 = the cap; 30% × 4,999,999.99 = 1,499,999.997 → 1,499,999.99; rent 0 → nothing.
  it('bonded-zone rent at the cap, one fen below, and zero', () => {
    const at = (v: string) => find(run({ tracks: ['cross-border'], years: { 2025: { bondedZoneRent: v } } }).results, 'gz-2024-cross-border/bonded-rent', 2025);
    expect(yuan(at('5000000'))).toBe('1500000.00');
    expect(yuan(at('4999999.99'))).toBe('1499999.99');
    expect(at('0').status).toBe('ineligible');
  });

  it('a result funded by the state or province for the same project is ineligible', () => {
    const r = find(run({ tracks: ['cross-border'], years: { 2025: { bondedZoneRent: '1000000' } }, higherLevelFunding: ['gz-2024-cross-border/bonded-rent@2025'] }).results, 'gz-2024-cross-border/bonded-rent', 2025);
    expect(r.status).toBe('ineligible');
    expect(check(r, 'higher-level-funding')?.passed).toBe(false);
    expect(r.amount).toBeNull();
  });

  it('2028 rent lies after the document (valid to 2027-03-05)', () => {
    expect(run({ years: { 2028: { bondedZoneRent: '1000000' } } }).results).toEqual([]);
  });
});

describe('gz-2025-ecommerce other measures', () => {
  it('above-quota needs both flags; a missing NBS flag is needs-data', () => {
    expect(find(run({ years: { 2025: { newlyAboveQuota: true, nbsDirectReporting: true } } }).results, 'gz-2025-ecommerce/above-quota', 2025)).toMatchObject({ status: 'eligible', kind: 'unquantified', amount: null });
    expect(find(run({ years: { 2025: { newlyAboveQuota: true } } }).results, 'gz-2025-ecommerce/above-quota', 2025).status).toBe('needs-data');
  });

  it('above-quota (第二条 ¶1) and 鸿鹄 (第三条) applied for in the same year: both stay eligible, with a note (第二十条)', () => {
    const ev = run({ years: { 2025: { newlyAboveQuota: true, nbsDirectReporting: true } }, lists: [{ list: 'honghu', year: 2025 }] });
    const aq = find(ev.results, 'gz-2025-ecommerce/above-quota', 2025);
    expect(aq.status).toBe('eligible');
    expect(aq.notes).toContainEqual({ key: 'note.same-year-conflict', args: { other: 'gz-2025-ecommerce/honghu@2025', article: '000 第二十条' } });
    expect(find(ev.results, 'gz-2025-ecommerce/honghu', 2025).status).toBe('eligible');
  });

  it('a tier award applied for when the document may have expired carries a note', () => {
    // 2027 performance → applied 2028; 000 is valid to 2028-02-13.
    const r = find(run({ years: sales({ 2025: 2.5e9, 2027: 3.1e9 }) }).results, TIER, 2027);
    expect(r.notes).toContainEqual({ key: 'note.applied-near-expiry', args: { applied: 2028, to: '2028-02-13' } });
  });

  it('park awards go to first entries; HQ and high-tech are non-monetary', () => {
    const ev = run({ lists: [{ list: 'ecommerce-park', year: 2025 }, { list: 'ecommerce-park', year: 2026 }, { list: 'gz-hq', year: 2025 }, { list: 'high-tech', year: 2026 }] });
    expect(find(ev.results, 'gz-2025-ecommerce/park', 2025).status).toBe('eligible');
    expect(find(ev.results, 'gz-2025-ecommerce/park', 2026).status).toBe('ineligible');
    expect(find(ev.results, 'gz-2025-ecommerce/hq', 2025)).toMatchObject({ status: 'eligible', kind: 'non-monetary' });
    expect(find(ev.results, 'gz-2025-ecommerce/high-tech', 2026)).toMatchObject({ status: 'eligible', kind: 'non-monetary' });
    expect(formatYuan(ev.total)).toBe('0.00');
  });
});

describe('gz-2019-ecommerce (001)', () => {
  it('talent support needs a recognition held in the year and at least one high-salary employee', () => {
    const base = { lists: [{ list: 'gz-demo-enterprise', year: 2020 }] };
    expect(find(run({ ...base, years: { 2021: { highSalaryStaff: 3 } } }).results, 'gz-2019-ecommerce/talent', 2021).status).toBe('eligible');
    expect(find(run({ ...base, years: { 2021: { highSalaryStaff: 0 } } }).results, 'gz-2019-ecommerce/talent', 2021).status).toBe('ineligible');
    const early = find(run({ lists: [{ list: 'gz-demo-enterprise', year: 2022 }], years: { 2021: { highSalaryStaff: 2 } } }).results, 'gz-2019-ecommerce/talent', 2021);
    expect([early.status, check(early, 'recognition')?.passed]).toEqual(['ineligible', false]);
    expect(find(run(base).results, 'gz-2019-ecommerce/talent', 2020).status).toBe('needs-data');
  });

  it('projects, listings and lists within 2019–2022; 2023 is after the document', () => {
    const ev = run(
      {
        projects: [{ type: 'platform', year: 2020 }, { type: 'rural-warehouse', year: 2023 }],
        years: { 2021: { newListing: true } },
        lists: [{ list: 'payment-license', year: 2019 }, { list: 'rural-demo', year: 2022 }],
      },
      {},
      { all: true },
    );
    expect(find(ev.results, 'gz-2019-ecommerce/platform-project', 2020)).toMatchObject({ status: 'eligible', kind: 'unquantified' });
    expect(find(ev.results, 'gz-2019-ecommerce/rural-warehouse', 2023).status).toBe('not-in-force');
    expect(find(ev.results, 'gz-2019-ecommerce/listing', 2021).status).toBe('eligible');
    expect(find(ev.results, 'gz-2019-ecommerce/payment-license', 2019).status).toBe('eligible');
    expect(find(ev.results, 'gz-2019-ecommerce/rural-demo', 2022).status).toBe('eligible');
  });
});

describe('gd-2012-ecommerce (004)', () => {
  // 50% × 800,000 = 400,000 extra deduction; 150% amortisation of 200,000 = an extra 100,000; 50% of 0.01 = 0.005 → 0.00.
  it('R&D: 50% extra deduction, 150% amortisation, rounded down; not cash', () => {
    const ev = run({ years: { 2025: { rdExpensed: '800000', rdCapitalized: '200000' }, 2024: { rdExpensed: '0.01' } } });
    expect(yuan(find(ev.results, 'gd-2012-ecommerce/rd-expensed', 2025))).toBe('400000.00');
    expect(yuan(find(ev.results, 'gd-2012-ecommerce/rd-capitalized', 2025))).toBe('100000.00');
    expect(yuan(find(ev.results, 'gd-2012-ecommerce/rd-expensed', 2024))).toBe('0.00');
    expect(formatYuan(ev.total)).toBe('0.00');
    expect(find(ev.results, 'gd-2012-ecommerce/rd-expensed', 2025).notes.map((n) => n.key)).toContain('note.gd-2012-superseded');
  });

  it('2011 lies before the opinion', () => {
    const results = run({ years: { 2011: { rdExpensed: '100' } } }, {}, { all: true }).results.filter((r) => r.policy === 'gd-2012-ecommerce');
    expect(results.map((r) => r.status)).toEqual(['not-in-force']);
  });

  // 20% of 10,000,000 is 2,000,000; registered 2013-03-01 → paid by 2015-03-01.
  it('registered capital: at least 20% first, the rest within two years', () => {
    const at = (first: string, paid: string) =>
      find(run({ registeredCapital: { amount: '10000000', firstInstallment: first, registeredOn: '2013-03-01', fullyPaidOn: paid } }).results, 'gd-2012-ecommerce/registered-capital', 2013);
    expect(at('2000000', '2015-03-01').status).toBe('eligible');
    expect(at('1999999.99', '2015-03-01').status).toBe('ineligible');
    const late = at('2000000', '2015-03-02');
    expect([late.status, check(late, 'paid-within')?.passed]).toEqual(['ineligible', false]);
    const open = find(run({ registeredCapital: { amount: '10000000', firstInstallment: '3000000', registeredOn: '2013-03-01' } }).results, 'gd-2012-ecommerce/registered-capital', 2013);
    expect([open.status, open.missing]).toEqual(['needs-data', ['registeredCapital.fullyPaidOn']]);
  });
});

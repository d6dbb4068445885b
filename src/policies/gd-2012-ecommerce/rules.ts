/** The measures of Guangdong's 2012 e-commerce opinion, file 004. */
import { yearData } from '../../domain/enterprise.js';
import { applyRate, atLeastShare, ratePercent, type Fen, type Rate } from '../../domain/money.js';
import type { Check } from '../../domain/result.js';
import { taxDeductionMeasure } from '../../templates/expense-ratio.js';
import { listMeasure } from '../../templates/list-award.js';
import { decide, fieldCheck } from '../common.js';
import { defineMeasure } from '../define.js';
import { ecommerceName as ecommerceNameParams, rdCapitalized as rdCapitalizedParams, rdExpensed as rdExpensedParams, registeredCapital as registeredCapitalParams } from './parameters.js';

const RD_QUOTE =
  '对电子商务企业为开发新技术、新产品、新工艺发生的符合税法规定的研究开发费用，未形成无形资产计入当期损益的，在按照规定据实扣除的基础上，按照研究开发费的50%在计算应纳税所得额时加计扣除；形成无形资产的，按照无形资产成本的150%摊销。';

/** What replaced (二十三)'s rates; the tool still computes the 2012 text's own figures. */
const RD_2023_NOTE = { key: 'note.rd-2023-7' } as const;

/** (二十三), expensed R&D: an extra deduction of 50% of the expense, in the following year's tax return. */
export const rdExpensed = taxDeductionMeasure({
  id: 'rd-expensed',
  article: '(二十三)',
  title: { zh: '研发费用加计扣除（费用化）', en: 'Extra deduction of expensed R&D' },
  quote: RD_QUOTE,
  input: 'rdExpensed',
  params: rdExpensedParams,
  rateParam: 'extraRate',
  notes: [RD_2023_NOTE],
});

/**
 * (二十三), capitalised R&D: "按照无形资产成本的150%摊销" — the amount is an extra amortisation base of 50% of
 * the cost, deducted over the asset's amortisation years, not at once: it belongs to the year the asset is formed.
 */
export const rdCapitalized = defineMeasure({
  id: 'rd-capitalized',
  article: '(二十三)',
  kind: 'tax-deduction',
  title: { zh: '无形资产加计摊销基数（研发形成无形资产）', en: 'Extra amortisation base of capitalised R&D' },
  quote: RD_QUOTE,
  params: rdCapitalizedParams,
  applicationLag: 0,
  notes: [{ key: 'note.rd-amortisation' }, RD_2023_NOTE],
  reads: { fields: ['rdCapitalized'] },
  evaluate(e, year, p) {
    const v = yearData(e, year)?.rdCapitalized;
    const checks: Check[] = [fieldCheck<Fen>('cost', e, year, 'rdCapitalized', (x) => x > 0n)];
    if (v !== undefined && v > 0n) checks.push({ id: 'amortisation-base', passed: true, msg: { key: 'amortisation-base', args: { cost: v, base: applyRate(v, p.extraRate), amortised: ratePercent({ num: p.extraRate.num + p.extraRate.den, den: p.extraRate.den }) } } });
    return decide(checks, v === undefined ? null : applyRate(v, p.extraRate));
  },
});

/**
 * (二十二): a one-off award for a newly introduced well-known e-commerce HQ; the amount is set elsewhere. Its own
 * list: 2019's top50-hq is the city's list of top-50 enterprises and international regional HQs, for the city's
 * award (001 (三)), not the province's "知名电子商务企业总部" (coverage map, 004 (二十二)).
 */
export const hqAward = listMeasure({
  id: 'hq-award',
  article: '(二十二)',
  kind: 'unquantified',
  title: { zh: '新引进知名电子商务企业总部一次性奖励', en: 'One-off award for a newly introduced e-commerce HQ' },
  quote: '对新引进的知名电子商务企业总部，给予一次性奖励。',
  lists: ['gd-well-known-hq'],
  firstTime: true,
});

/** Adds whole years to an ISO date (29 February falls to 28 February). */
function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4);
  if (rest === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) rest = '-02-28';
  return `${y}${rest}`;
}

/** (二十七): registered capital paid in instalments — at least 20% first, the rest within 2 years. */
export const registeredCapital = defineMeasure({
  id: 'registered-capital',
  article: '(二十七)',
  kind: 'non-monetary',
  title: { zh: '注册资本分期缴付', en: 'Registered capital paid in instalments' },
  quote: '除法律、法规另有规定外，允许电子商务企业注册资本分期缴付，注册资本首期最低可缴纳20%，其余2年内缴足。',
  params: registeredCapitalParams,
  applicationLag: 0,
  reads: { registeredCapital: true },
  evaluate(e, _year, p) {
    const rc = e.registeredCapital!;
    return decide([
      registeredAfterCheck(rc.registeredOn!, p.allowedFrom),
      firstInstallmentCheck(rc.amount, rc.firstInstallment, p.minFirstInstallment),
      paidWithinCheck(rc.registeredOn!, rc.fullyPaidOn, p.payWithinYears),
    ]);
  },
});

/**
 * (二十七): "允许企业在登记注册时冠“电子商务”行业名称" — a status given at registration, so a registration made
 * from the opinion's issue on. The record's registration date (registeredCapital.registeredOn) decides it.
 */
export const ecommerceName = defineMeasure({
  id: 'ecommerce-name',
  article: '(二十七)',
  kind: 'non-monetary',
  title: { zh: '登记注册时冠“电子商务”行业名称', en: 'The industry name "电子商务" at registration' },
  quote: '创新登记注册服务方式，进一步放宽电子商务企业市场准入条件，允许企业在登记注册时冠“电子商务”行业名称。',
  params: ecommerceNameParams,
  applicationLag: 0,
  reads: { registeredCapital: true },
  evaluate: (e, _year, p) => decide([registeredAfterCheck(e.registeredCapital!.registeredOn!, p.allowedFrom)]),
});

/** "允许…分期缴付" from the opinion's issue on: a company registered before it was not registered under it. */
function registeredAfterCheck(registeredOn: string, allowedFrom: string): Check {
  const ok = registeredOn >= allowedFrom;
  return { id: 'registered-after', passed: ok, msg: { key: ok ? 'registered-after.pass' : 'registered-after.fail', args: { registeredOn, allowedFrom } } };
}

function firstInstallmentCheck(amount: Fen | undefined, first: Fen | undefined, min: Rate): Check {
  const missing = [amount === undefined && 'registeredCapital.amount', first === undefined && 'registeredCapital.firstInstallment'].filter((x): x is string => !!x);
  if (missing.length) return { id: 'first-installment', passed: null, msg: { key: 'fields.missing', args: { paths: missing.join(', ') } }, missing };
  const ok = atLeastShare(first!, amount!, min);
  return { id: 'first-installment', passed: ok, msg: { key: ok ? 'first-installment.pass' : 'first-installment.fail', args: { amount: amount!, first: first!, min: applyRate(amount!, min) } } };
}

function paidWithinCheck(registeredOn: string, fullyPaidOn: string | undefined, years: number): Check {
  if (fullyPaidOn === undefined) {
    return { id: 'paid-within', passed: null, msg: { key: 'fields.missing', args: { paths: 'registeredCapital.fullyPaidOn' } }, missing: ['registeredCapital.fullyPaidOn'] };
  }
  const deadline = addYears(registeredOn, years);
  const ok = fullyPaidOn <= deadline;
  return { id: 'paid-within', passed: ok, msg: { key: ok ? 'paid-within.pass' : 'paid-within.fail', args: { registeredOn, fullyPaidOn, deadline, years } } };
}

/** (二十二): the HQ of an e-commerce enterprise is rewarded from its provincial tax share; "具体奖励措施另行制定". */
export const taxShareHq = listMeasure({
  id: 'tax-share-hq',
  article: '(二十二)',
  kind: 'unquantified',
  title: { zh: '按省级税收实得部分对总部企业奖励', en: 'HQ award from the provincial share of taxes paid' },
  quote: '以电子商务企业当年实际缴纳入库的营业税、增值税和企业所得税的省级实得部分的一定比例为标准，从省财政专项资金中对其总部企业给予奖励，具体奖励措施另行制定。',
  lists: ['ecommerce-hq'],
});

/**
 * (二十三): qualifying e-commerce enterprises may be recognised with priority as high-tech, software or advanced
 * technology service enterprises, and enjoy the tax terms of that status: any of the three lists in a year.
 */
export const highTechPriority = listMeasure({
  id: 'high-tech-priority',
  article: '(二十三)',
  kind: 'unquantified',
  title: { zh: '优先认定高新技术企业、软件企业、技术先进型服务企业并享受税收优惠', en: 'Priority recognition as a high-tech, software or advanced technology service enterprise, with its tax preferences' },
  quote: '符合规定条件的电子商务企业，可优先认定为高新技术企业、软件企业和技术先进型服务企业，按规定享受税收优惠政策。',
  lists: ['high-tech', 'software-enterprise', 'advanced-tech-service'],
});

/**
 * Parameters of 《广州市关于推动电子商务高质量发展的若干措施》 (广州市商务局, 2025-02-14), seed file
 * 000_d2f96fb1cb4f06f7.txt. Every value carries its article and the words it comes from.
 */
import { param } from '../define.js';

const TIER_QUOTE =
  '对 2025—2027年企业年度实物商品网上零售额突破 30亿元、 100亿元、 200亿元、 500亿元、 1000亿元，且突破每档前连续两年平均增长率不低于 10%、 6%、 4%、 3%、 2%的电商企业，于次年分别一次性给予不超过 150万元、 250万元、 400万元、 600万元、 1000万元的奖励';

export const validity = {
  from: param.date('2025-02-14', '第二十条', '本措施自印发之日起实施，有效期三年', '印发日期见通知落款：广州市商务局 2025年2月14日'),
  to: param.openDate('2028-02-13', '第二十条', '本措施自印发之日起实施，有效期三年'),
};

export const scaleTier = {
  thresholds: param.moneyTiers([3e9, 1e10, 2e10, 5e10, 1e11], '第二条', TIER_QUOTE),
  minGrowth: param.rateTiers(['0.10', '0.06', '0.04', '0.03', '0.02'], '第二条', TIER_QUOTE),
  awards: param.moneyTiers([1_500_000, 2_500_000, 4_000_000, 6_000_000, 10_000_000], '第二条', TIER_QUOTE),
  growthYears: param.count(2, '第二条', '且突破每档前连续两年平均增长率不低于 10%、 6%、 4%、 3%、 2%'),
  years: param.years([2025, 2026, 2027], '第二条', '对 2025—2027年企业年度实物商品网上零售额突破…'),
};

export const honghu = {
  cap: param.money(1_000_000, '第三条', '对首次进入名单的电子商务企业给予一次性奖励，最高不超过 100万元'),
  listYears: param.years([2025, 2027], '第三条', '于 2025年和 2027年通过综合评价方式，择优遴选一定数量的电子商务 “鸿鹄 ”企业'),
};

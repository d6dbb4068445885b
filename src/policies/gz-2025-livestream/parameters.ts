/**
 * Parameters of 《广州市关于推动直播电商产业高质量发展 助力传统商贸数字化转型的若干意见》
 * (广州市市场监督管理局、广州市商务局, 2025-04-28), seed file 002_20c4ad2a9a2821bc.txt.
 */
import { param } from '../define.js';

const TIER_QUOTE =
  '对2025-2027年企业年度实物商品网上零售额突破30亿元、100亿元、200亿元、500亿元、1000亿元,且突破每档前连续两年平均增长率不低于10%、6%、4%、3%、2%的直播电商企业,于次年分别一次性给予不超过150万元、250万元、400万元、600万元、1000万元的奖励';

export const validity = {
  from: param.date('2025-04-28', '（印发日期）', '广州市市场监督管理局 广州市商务局 2025年4月28日'),
  // INTERPRETATION: the text states no validity; its targets run "到2027年" and its tier award covers 2025-2027.
  to: param.openDate('2027-12-31', '二、发展目标', '到2027年,力争孵化建成10个以上年销售规模超10亿元的直播电商产业园区'),
};

export const scaleTier = {
  thresholds: param.moneyTiers([3e9, 1e10, 2e10, 5e10, 1e11], '三(一)2', TIER_QUOTE),
  minGrowth: param.rateTiers(['0.10', '0.06', '0.04', '0.03', '0.02'], '三(一)2', TIER_QUOTE),
  awards: param.moneyTiers([1_500_000, 2_500_000, 4_000_000, 6_000_000, 10_000_000], '三(一)2', TIER_QUOTE),
  growthYears: param.count(2, '三(一)2', '且突破每档前连续两年平均增长率不低于10%、6%、4%、3%、2%'),
  years: param.years([2025, 2026, 2027], '三(一)2', '对2025-2027年企业年度实物商品网上零售额突破…'),
};

export const honghu = {
  cap: param.money(1_000_000, '三(一)2', '对于首次进入商务部门“鸿鹄”企业名单的给予一次性奖励,最高不超过100万元'),
  listYears: param.years([2025, 2027], '三(一)2', '于2025年和2027年通过综合评价方式,择优遴选一定数量的从事直播方面的电子商务“鸿鹄”企业'),
};

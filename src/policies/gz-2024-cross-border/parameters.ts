/**
 * Parameters of 《广州市进一步推动跨境电子商务高质量发展若干政策措施》 (广州市商务局, 2024-03-06),
 * seed file 003_7fd8ecc448c3c867.txt.
 */
import { param } from '../define.js';

export const validity = {
  from: param.date('2024-03-06', '十七、其他', '本政策措施自印发之日起施行，有效期3年', '印发日期见通知落款：广州市商务局 2024年3月6日'),
  to: param.openDate('2027-03-05', '十七、其他', '本政策措施自印发之日起施行，有效期3年'),
};

export const qilin = {
  cap: param.money(2_000_000, '一', '择优遴选一定数量的跨境电商“麒麟”企业(B2B和B2C平台、第三方服务企业)，对首次进入名单的跨境电商企业给予一次性奖励，最高不超过200万元'),
};

export const kunpeng = {
  cap: param.money(5_000_000, '二', '对首次进入名单的跨境电商产业园区，给予运营主体一次性奖励，最高不超过 500 万元'),
};

export const brandOverseas = {
  rate: param.rate('0.5', '三', '对其借助社交媒体、搜索引擎、跨境直播、第三方跨境电子商务平台等方式开展品牌推广产生的实际费用，给予不超过推广费用 50%的资金扶持'),
  cap: param.money(1_000_000, '三', '单个企业每年扶持金额不超过 100 万元'),
};

export const bondedRent = {
  rate: param.rate('0.3', '四', '对跨境电商企业租赁海关特殊监管区域开展跨境电商业务的，给予不超过租金的 30%的资金扶持'),
  cap: param.money(1_500_000, '四', '单家企业每年扶持金额不超过 150 万元'),
};

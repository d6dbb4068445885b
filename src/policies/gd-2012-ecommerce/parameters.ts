/**
 * Parameters of 广东省人民政府办公厅's opinion on accelerating e-commerce (2012-12-25), seed file
 * 004_50d1ea506c6b7cb2.txt. The text states no end of validity.
 */
import { param } from '../define.js';

export const validity = {
  from: param.date('2012-12-25', '（落款）', '广东省人民政府办公厅 2012年12月25日'),
  to: param.openDate(null, '—', '', '文中未规定有效期'),
};

export const rdExpensed = {
  extraRate: param.rate('0.5', '(二十三)', '未形成无形资产计入当期损益的，在按照规定据实扣除的基础上，按照研究开发费的50%在计算应纳税所得额时加计扣除'),
};

export const rdCapitalized = {
  // Amortising 150% of cost is an extra amortisation base of 50% of cost.
  extraRate: param.rate('0.5', '(二十三)', '形成无形资产的，按照无形资产成本的150%摊销'),
};

export const registeredCapital = {
  // The opinion allows instalments from the day it is issued: a registration made before it was not made under it.
  allowedFrom: param.date('2012-12-25', '（落款）', '广东省人民政府办公厅 2012年12月25日', '印发日期即落款日期；此前已登记的企业不适用'),
  minFirstInstallment: param.rate('0.2', '(二十七)', '允许电子商务企业注册资本分期缴付，注册资本首期最低可缴纳20%'),
  payWithinYears: param.count(2, '(二十七)', '其余2年内缴足'),
};

export const ecommerceName = {
  // As for the instalments: the name is allowed to a registration made under the opinion, from its issue on.
  allowedFrom: registeredCapital.allowedFrom,
};

/** The measures of 《广州市关于推动电子商务高质量发展的若干措施》 (2025), file 000. */
import { flagMeasure, projectMeasure } from '../../templates/condition.js';
import { listMeasure } from '../../templates/list-award.js';
import { tierAwardMeasure } from '../../templates/tier-award.js';
import { honghu as honghuParams, scaleTier as scaleTierParams } from './parameters.js';

/** 第一条: recognised HQ enterprises enjoy the HQ policies' services. */
export const hq = listMeasure({
  id: 'hq',
  article: '第一条',
  kind: 'non-monetary',
  title: { zh: '总部企业认定及配套服务', en: 'HQ recognition and its services' },
  quote: '对能够达到我市总部企业标准的，支持其认定为我市总部企业，并根据我市促进总部经济发展相关政策享受人才户籍、人才绿卡、子女入园入学、人才公寓等政策和服务。',
  lists: ['gz-hq'],
});

/** 第二条 ¶1: newly above-quota enterprises that report to the NBS platform, per the separate reward policy. */
export const aboveQuota = flagMeasure({
  id: 'above-quota',
  article: '第二条',
  kind: 'unquantified',
  title: { zh: '新增限额以上企业奖励', en: 'Reward for newly above-quota enterprises' },
  quote: '推动电商企业 “个转企、小升规 ”，对纳入国家统计局联网直报平台并上报统计数据的企业，根据批发零售业新增限额以上企业奖励政策给予支持。',
  // the years come from newlyAboveQuota alone: a year with only the reporting flag is not this measure's
  flags: [
    { input: 'newlyAboveQuota', check: 'newly-above-quota' },
    { input: 'nbsDirectReporting', check: 'reporting' },
  ],
  readsOnly: ['newlyAboveQuota'],
});

/** 第二条 ¶2: the tier award on online retail sales. */
export const scaleTier = tierAwardMeasure({
  id: 'scale-tier',
  article: '第二条',
  title: { zh: '网上零售额进档奖励', en: 'Tier award on online retail sales' },
  quote: scaleTierParams.thresholds.quote + '，若获奖励企业再进档的，则补发所进档与已获奖励档之间的奖励差额。',
  params: scaleTierParams,
});

/** 第三条: the 鸿鹄 list, selected in 2025 and 2027; a one-off award on first entry. */
export const honghu = listMeasure({
  id: 'honghu',
  article: '第三条',
  kind: 'cash-cap',
  title: { zh: '电子商务“鸿鹄”企业奖励', en: '"Honghu" e-commerce enterprise award' },
  quote: '于 2025年和 2027年通过综合评价方式，择优遴选一定数量的电子商务 “鸿鹄 ”企业，对首次进入名单的电子商务企业给予一次性奖励，最高不超过 100万元。',
  lists: ['honghu'],
  track: 'ecommerce',
  firstTime: true,
  params: honghuParams,
  cap: 'cap',
  selectionYears: 'listYears',
});

/** 第四条: first entry of a district's list of excellent e-commerce parks; the district sets the award. */
export const park = listMeasure({
  id: 'park',
  article: '第四条',
  kind: 'unquantified',
  title: { zh: '优秀电子商务产业园区（基地）运营主体奖励', en: 'Award to operators of excellent e-commerce parks' },
  quote: '鼓励各区通过综合评价，择优遴选一定数量的优秀电子商务产业园区（基地），对首次进入名单的电子商务产业园区（基地），给予运营主体一次性奖励。',
  lists: ['ecommerce-park'],
  firstTime: true,
});

/** 第五条: support in applying for high-tech status; no money in this text. */
export const highTech = listMeasure({
  id: 'high-tech',
  article: '第五条',
  kind: 'non-monetary',
  title: { zh: '支持申报国家高新技术企业', en: 'Support in applying for high-tech enterprise status' },
  quote: '支持符合条件的电商企业申报国家高新技术企业。',
  lists: ['high-tech'],
});

/** 第三条: a district's vertical benchmark enterprises, supported by the district. */
export const benchmark = listMeasure({
  id: 'benchmark',
  article: '第三条',
  kind: 'unquantified',
  title: { zh: '垂直类电子商务标杆企业政策支持', en: 'Support for vertical e-commerce benchmark enterprises' },
  quote: '积极培育一批垂直类电子商务标杆企业并给予政策支持',
  lists: ['vertical-benchmark'],
});

/** 第四条: tenants of e-commerce parks, under the district's own policy. */
export const parkTenant = listMeasure({
  id: 'park-tenant',
  article: '第四条',
  kind: 'unquantified',
  title: { zh: '入驻电子商务园区扶持（区级政策）', en: 'Support for tenants of e-commerce parks (district policy)' },
  quote: '支持电子商务企业入驻电子商务园区，具体扶持政策由各区政府制定并组织实施。',
  lists: ['ecommerce-park-tenant'],
});

/** 第六条: organising influential e-commerce exhibitions and conferences, per the exhibition policy. */
export const events = projectMeasure({
  id: 'events',
  article: '第六条',
  title: { zh: '电子商务展会活动支持', en: 'Support for e-commerce exhibitions and conferences' },
  quote: '支持电子商务行业协会、机构、企业等主体在广州组织具有影响力的电子商务展览，举办具有重大影响力的国际性、全国性电子商务会议、论坛、节庆等活动，根据我市促进会展业发展相关政策给予支持。',
  type: 'exhibition',
});

/** 第七条: e-commerce with manufacturing, per the manufacturing digital-transformation policy. */
export const manufacturing = projectMeasure({
  id: 'manufacturing',
  article: '第七条',
  title: { zh: '电商与制造业融合支持', en: 'Support for e-commerce with manufacturing' },
  quote: '根据我市推进制造业数字化转型相关政策对符合条件的企业给予支持。',
  type: 'manufacturing-digital',
});

/** 第十六条: leading a standard's drafting, funded under the standardisation fund's rules. */
export const standards = projectMeasure({
  id: 'standards',
  article: '第十六条',
  title: { zh: '主导标准制修订资助', en: 'Funding for leading the drafting of standards' },
  quote: '对主导电子商务相关国际标准、国家标准、行业标准和地方标准制修订，符合相关规定要求的，按照我市质量发展与标准化战略专项资金管理相关规定给予资助。',
  type: 'standard',
});

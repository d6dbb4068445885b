/** The measures of the 2024 cross-border measures, file 003. */
import { projectMeasure } from '../../templates/condition.js';
import { expenseRatioMeasure } from '../../templates/expense-ratio.js';
import { listMeasure } from '../../templates/list-award.js';
import { bondedRent as bondedRentParams, brandOverseas as brandOverseasParams, kunpeng as kunpengParams, qilin as qilinParams } from './parameters.js';

/** 一: first entry on the 麒麟 list. */
export const qilin = listMeasure({
  id: 'qilin',
  article: '一',
  kind: 'cash-cap',
  title: { zh: '跨境电商“麒麟”企业奖励', en: '"Qilin" cross-border enterprise award' },
  quote: '择优遴选一定数量的跨境电商“麒麟”企业(B2B和B2C平台、第三方服务企业)，对首次进入名单的跨境电商企业给予一次性奖励，最高不超过200万元。',
  lists: ['qilin'],
  firstTime: true,
  params: qilinParams,
  cap: 'cap',
});

/** 一: high-tech enterprises are rewarded under the city's high-tech policies. */
export const highTech = listMeasure({
  id: 'high-tech',
  article: '一',
  kind: 'unquantified',
  title: { zh: '跨境电商国家高新技术企业奖励', en: 'Reward for cross-border high-tech enterprises' },
  quote: '支持符合条件的跨境电商企业申报国家高新技术企业，根据我市相关政策给予奖励。',
  lists: ['high-tech'],
  tracks: ['cross-border'],
});

/** 二: first entry of a park on the 鲲鹏 list; the record is the park's operator. */
export const kunpeng = listMeasure({
  id: 'kunpeng',
  article: '二',
  kind: 'cash-cap',
  title: { zh: '跨境电商“鲲鹏”产业园区运营主体奖励', en: '"Kunpeng" cross-border park operator award' },
  quote: '择优遴选一定数量的跨境电商“鲲鹏”产业园区(集聚区)，对首次进入名单的跨境电商产业园区，给予运营主体一次性奖励，最高不超过 500 万元。',
  lists: ['kunpeng'],
  firstTime: true,
  params: kunpengParams,
  cap: 'cap',
});

/** 三: 50% of the brand promotion expense of a selected 品牌出海 enterprise, at most 1,000,000 a year. */
export const brandOverseas = expenseRatioMeasure({
  id: 'brand-overseas',
  article: '三',
  title: { zh: '跨境电商“品牌出海”推广费用扶持', en: '"Brand overseas" promotion cost subsidy' },
  quote: '遴选一定数量的优秀跨境电商“品牌出海”企业，对其借助社交媒体、搜索引擎、跨境直播、第三方跨境电子商务平台等方式开展品牌推广产生的实际费用，给予不超过推广费用 50%的资金扶持，单个企业每年扶持金额不超过 100 万元。',
  input: 'brandPromotionExpense',
  lists: ['brand-overseas'],
  params: brandOverseasParams,
});

/** 四: 30% of the rent in customs special supervision zones, at most 1,500,000 a year. */
export const bondedRent = expenseRatioMeasure({
  id: 'bonded-rent',
  article: '四',
  title: { zh: '海关特殊监管区域租金扶持', en: 'Rent subsidy in customs special supervision zones' },
  quote: '对跨境电商企业租赁海关特殊监管区域开展跨境电商业务的，给予不超过租金的 30%的资金扶持，单家企业每年扶持金额不超过 150 万元。',
  input: 'bondedZoneRent',
  // "对跨境电商企业": the cross-border track. A rent given without it is an ineligible row, not silence.
  track: 'cross-border',
  params: bondedRentParams,
});

/** 六: excellent overseas-warehouse cases and provincial public overseas warehouses, per the relevant policies. */
export const overseasWarehouse = listMeasure({
  id: 'overseas-warehouse',
  article: '六',
  kind: 'unquantified',
  title: { zh: '海外仓运营主体支持', en: 'Support for overseas-warehouse operators' },
  quote: '对被商务部遴选为优秀海外仓实践案例的海外仓运营主体和对获得广东省公共海外仓认定的海外仓运营主体，按相关政策给予支持。',
  lists: ['overseas-warehouse'],
});

/** 一: newly introduced cross-border enterprises, under the investment-promotion policies in force. */
export const newlyIntroduced = listMeasure({
  id: 'newly-introduced',
  article: '一',
  kind: 'unquantified',
  title: { zh: '新引进跨境电商企业招商政策支持', en: 'Support for newly introduced cross-border enterprises' },
  quote: '对新引进符合条件的跨境电商企业，按照现行招商政策给予支持。',
  lists: ['cb-newly-introduced'],
});

/** 一: enterprises recognised as national e-commerce demo or provincial cross-border enterprises. */
export const demoEnterprise = listMeasure({
  id: 'demo-enterprise',
  article: '一',
  kind: 'unquantified',
  title: { zh: '获评国家示范/省级跨境电商企业支持', en: 'Support for recognised demo and provincial cross-border enterprises' },
  quote: '支持符合条件的跨境电商企业申报国家电子商务示范企业、省级跨境电子商务企业，对获评企业按相关政策给予支持。',
  lists: ['cb-demo-enterprise'],
});

/** 二: parks recognised as national e-commerce demo bases or provincial cross-border parks. */
export const demoPark = listMeasure({
  id: 'demo-park',
  article: '二',
  kind: 'unquantified',
  title: { zh: '获评国家示范基地/省级跨境电商产业园区支持', en: 'Support for recognised demo bases and provincial cross-border parks' },
  quote: '对符合条件的跨境电商园区推荐申报国家电子商务示范基地、省级跨境电商产业园区，对获评园区按相关政策给予支持。',
  lists: ['cb-demo-park'],
});

/** 八: customs facilitation for 麒麟 enterprises and the 海关重点培育 list; a status, not money. */
export const qilinCustoms = listMeasure({
  id: 'qilin-customs',
  article: '八',
  kind: 'non-monetary',
  title: { zh: '“麒麟”企业海关便利化监管及重点培育', en: 'Customs facilitation and priority AEO cultivation for "Qilin" enterprises' },
  quote: '对被评定的“麒麟”企业采取便利化监管措施，纳入海关重点培育企业名单优先培育认证成为高级认证企业。',
  lists: ['qilin'],
});

/** 十三: influential cross-border conferences and exhibitions held in Guangzhou, per the exhibition policy. */
export const events = projectMeasure({
  id: 'events',
  article: '十三',
  title: { zh: '跨境电商会议展览活动支持', en: 'Support for cross-border e-commerce conferences and exhibitions' },
  quote: '支持在穗举办具有影响力的跨境电商会议、展览等活动，按现有会展业政策予以支持。',
  type: 'exhibition',
  tracks: ['cross-border'],
});

/** 十三: leading the drafting of cross-border standards, per the standardisation policy. */
export const standards = projectMeasure({
  id: 'standards',
  article: '十三',
  title: { zh: '主导制定跨境电商标准扶持', en: 'Support for leading the drafting of cross-border standards' },
  quote: '对主导制定跨境电商国际标准、国家标准(产品类)、国家标准(产品类以外的其他类)、行业标准的单位，按现有标准化支持政策予以扶持。',
  type: 'standard',
  tracks: ['cross-border'],
});

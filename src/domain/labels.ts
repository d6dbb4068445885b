/**
 * Names of fields, lists, projects, tracks, statuses and kinds in Chinese and English, and the snake_case
 * names CSV headers use. One table, read by messages, renderers, CSV headers and templates, so they cannot drift.
 */
import type { ListId, ProjectType, YearField } from './enterprise.js';
import type { Kind, Status } from './result.js';

export type Lang = 'zh' | 'en';
export interface Label {
  zh: string;
  en: string;
}

export const YEAR_FIELD_LABELS = {
  onlineRetailSales: { snake: 'online_retail_sales', zh: '实物商品网上零售额', en: 'online retail sales' },
  nbsDirectReporting: { snake: 'nbs_direct_reporting', zh: '纳入国家统计局联网直报', en: 'reports to the NBS direct-reporting platform' },
  newlyAboveQuota: { snake: 'newly_above_quota', zh: '当年新增限额以上企业', en: 'newly above quota this year' },
  brandPromotionExpense: { snake: 'brand_promotion_expense', zh: '品牌出海推广费用', en: 'brand promotion expense' },
  bondedZoneRent: { snake: 'bonded_zone_rent', zh: '海关特殊监管区域租金', en: 'rent in customs special supervision zones' },
  highSalaryStaff: { snake: 'high_salary_staff', zh: '年薪30万元以上电商人才数', en: 'e-commerce staff paid 300,000+ a year' },
  rdExpensed: { snake: 'rd_expensed', zh: '研发费用（费用化）', en: 'R&D expensed' },
  rdCapitalized: { snake: 'rd_capitalized', zh: '研发费用（形成无形资产）', en: 'R&D capitalised' },
  newListing: { snake: 'new_listing', zh: '当年新上市挂牌发债', en: 'new listing, quotation or bond issue this year' },
  staffEducationExpense: { snake: 'staff_education_expense', zh: '员工教育经费', en: 'staff education expense' },
  crossBorderRetailExport: { snake: 'cross_border_retail_export', zh: '跨境电商零售出口', en: 'cross-border e-commerce retail exports' },
} as const satisfies Record<YearField, Label & { snake: string }>;

export const LIST_LABELS = {
  honghu: { zh: '鸿鹄企业名单', en: 'Honghu list' },
  qilin: { zh: '麒麟企业名单', en: 'Qilin list' },
  kunpeng: { zh: '鲲鹏产业园区名单', en: 'Kunpeng park list' },
  'brand-overseas': { zh: '品牌出海企业名单', en: 'Brand-overseas selection' },
  'ecommerce-park': { zh: '优秀电子商务产业园区名单', en: 'list of excellent e-commerce parks' },
  'livestream-park': { zh: '优秀直播电商产业园区名单', en: 'list of excellent live-streaming parks' },
  'gz-hq': { zh: '广州市总部企业认定', en: 'Guangzhou HQ recognition' },
  'high-tech': { zh: '国家高新技术企业认定', en: 'national high-tech enterprise status' },
  'gz-demo-enterprise': { zh: '市级电子商务示范企业', en: 'municipal e-commerce demo enterprise' },
  'gz-demo-base-tenant': { zh: '市级电子商务示范基地', en: 'municipal e-commerce demo base' },
  'cross-border-park-tenant': { zh: '市跨境电子商务产业园区', en: 'municipal cross-border e-commerce park' },
  'rural-demo': { zh: '农村电子商务示范企业', en: 'rural e-commerce demo enterprise' },
  'top50-hq': { zh: '新引入国内50强/国际知名电商区域总部', en: 'newly introduced top-50 / international e-commerce HQ' },
  'payment-license': { zh: '支付业务许可证', en: 'payment business licence' },
  'overseas-warehouse': { zh: '优秀海外仓案例/省级公共海外仓', en: 'excellent overseas warehouse / provincial public overseas warehouse' },
  'gz-demo-base': { zh: '市级电子商务示范基地（运营主体）', en: "operator of a municipal e-commerce demo base" },
  'cross-border-park': { zh: '市级跨境电子商务产业园区（运营主体）', en: "operator of a municipal cross-border e-commerce park" },
  'hq-relocated-listed': { zh: '总部从外地迁入广州的电子商务类上市公司', en: "listed e-commerce company that moved its HQ to Guangzhou" },
  'cb-newly-introduced': { zh: '新引进的跨境电商企业', en: "newly introduced cross-border e-commerce enterprise" },
  'cb-demo-enterprise': { zh: '获评国家电子商务示范企业/省级跨境电子商务企业', en: "recognised national e-commerce demo / provincial cross-border enterprise" },
  'cb-demo-park': { zh: '获评国家电子商务示范基地/省级跨境电商产业园区', en: "recognised national demo base / provincial cross-border park" },
  'vertical-benchmark': { zh: '区级垂直类电子商务标杆企业', en: "district vertical e-commerce benchmark enterprise" },
  'ecommerce-park-tenant': { zh: '入驻电子商务园区的企业', en: "tenant of an e-commerce park" },
  'ecommerce-hq': { zh: '电子商务企业的总部企业（省级税收奖励）', en: "HQ of an e-commerce enterprise (provincial tax-share award)" },
  'software-enterprise': { zh: '软件企业认定', en: 'software enterprise status' },
  'advanced-tech-service': { zh: '技术先进型服务企业认定', en: 'advanced technology service enterprise status' },
  'gd-well-known-hq': { zh: '新引进的知名电子商务企业总部（省）', en: 'newly introduced well-known e-commerce HQ (province)' },
} as const satisfies Record<ListId, Label>;

export const PROJECT_LABELS = {
  platform: { zh: '电子商务平台项目', en: 'e-commerce platform project' },
  'professional-market': { zh: '专业市场电子商务项目', en: 'professional-market e-commerce project' },
  'self-service-terminal': { zh: '社区自助投递终端项目', en: 'self-service delivery terminal project' },
  'industrial-ecommerce': { zh: '工业电子商务项目', en: 'industrial e-commerce project' },
  'rural-warehouse': { zh: '农村电子商务公共仓项目', en: 'rural e-commerce public warehouse project' },
  'exhibition': { zh: '电子商务展览、会议、论坛等活动', en: "e-commerce exhibition, conference or forum" },
  'manufacturing-digital': { zh: '电商与制造业融合（B2B平台）项目', en: "e-commerce and manufacturing (B2B platform) project" },
  'standard': { zh: '主导标准制修订', en: "leading a standard's drafting or revision" },
  'going-global': { zh: '跨境电子商务“走出去”重点项目', en: 'cross-border "going global" key project' },
} as const satisfies Record<ProjectType, Label>;

export const STATUS_LABELS = {
  eligible: { zh: '符合', en: 'eligible' },
  ineligible: { zh: '不符合', en: 'ineligible' },
  'needs-data': { zh: '缺数据', en: 'needs data' },
  'not-in-force': { zh: '不在有效期', en: 'not in force' },
  superseded: { zh: '已让位', en: 'superseded' },
} as const satisfies Record<Status, Label>;

export const KIND_LABELS = {
  'cash-cap': { zh: '定额奖励（上限）', en: 'cash award (ceiling)' },
  'cash-formula': { zh: '按比例资助', en: 'cash share of a cost' },
  'tax-deduction': { zh: '税前加计扣除', en: 'extra tax deduction' },
  unquantified: { zh: '金额另定', en: 'amount set elsewhere' },
  'non-monetary': { zh: '非资金支持', en: 'non-monetary' },
} as const satisfies Record<Kind, Label>;

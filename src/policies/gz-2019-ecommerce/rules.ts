/** The measures of the 2019 e-commerce measures (穗府办函〔2019〕2号), file 001. */
import { yearData, type ListId } from '../../domain/enterprise.js';
import type { Fen } from '../../domain/money.js';
import type { Check } from '../../domain/result.js';
import { flagMeasure, projectMeasure } from '../../templates/condition.js';
import { taxDeductionMeasure } from '../../templates/expense-ratio.js';
import { listMeasure } from '../../templates/list-award.js';
import { decide, fieldCheck } from '../common.js';
import { defineMeasure } from '../define.js';
import { talent as talentParams } from './parameters.js';

/**
 * (一): recognised municipal demo bases and cross-border parks receive funding per the rules. "对符合条件的基地和
 * 园区给予资金扶持" funds the base or park itself: the record is its operator, not a tenant.
 */
export const demoBase = listMeasure({
  id: 'demo-base',
  article: '(一)',
  kind: 'unquantified',
  title: { zh: '市级电子商务示范基地、跨境电子商务产业园区资金扶持', en: 'Funding for municipal e-commerce demo bases and cross-border parks' },
  quote: '继续认定一批市级电子商务示范基地、跨境电子商务产业园区,对符合条件的基地和园区给予资金扶持,并优先推荐其申报国家、省级电子商务示范基地。',
  lists: ['gz-demo-base', 'cross-border-park'],
});

export const platformProject = projectMeasure({
  id: 'platform-project',
  article: '(二)',
  title: { zh: '电子商务平台建设项目资金扶持', en: 'Funding for e-commerce platform projects' },
  quote: '对具有示范性和带动性的电子商务平台符合条件的电子商务建设项目,给予一定额度的资金扶持。',
  type: 'platform',
});

export const demoEnterprise = listMeasure({
  id: 'demo-enterprise',
  article: '(三)',
  kind: 'non-monetary',
  title: { zh: '市级电子商务示范企业认定', en: 'Municipal e-commerce demo enterprise recognition' },
  quote: '继续认定一批市级电子商务示范企业',
  lists: ['gz-demo-enterprise'],
});

export const top50Hq = listMeasure({
  id: 'top50-hq',
  article: '(三)',
  kind: 'unquantified',
  title: { zh: '新引入国内50强及国际知名电商区域总部奖励', en: 'Award for newly introduced top-50 and international e-commerce HQs' },
  quote: '对新引入的国内50强电子商务企业和国际知名电子商务企业区域总部,结合其对地方经济社会发展贡献情况,按照政策规定综合考虑给予奖励',
  lists: ['top50-hq'],
  firstTime: true,
});

export const ruralDemo = listMeasure({
  id: 'rural-demo',
  article: '(三)',
  kind: 'unquantified',
  title: { zh: '农村电子商务示范企业一次性资金奖励', en: 'One-off award for rural e-commerce demo enterprises' },
  quote: '认定一批农村电子商务示范企业,给予一次性资金奖励',
  lists: ['rural-demo'],
  firstTime: true,
});

export const marketProject = projectMeasure({
  id: 'market-project',
  article: '(九)',
  title: { zh: '专业市场电子商务建设项目资金扶持', en: 'Funding for professional-market e-commerce projects' },
  quote: '对积极推广应用电子商务转型升级的专业市场符合条件的电子商务建设项目,给予一定额度的资金扶持。',
  type: 'professional-market',
});

export const terminalProject = projectMeasure({
  id: 'terminal-project',
  article: '(十)',
  title: { zh: '社区自助投递终端建设项目资金扶持', en: 'Funding for community self-service delivery terminals' },
  quote: '对电子商务企业、物流(快递)企业在社区设立自助投递终端符合条件的建设项目给予一定额度的资金扶持',
  type: 'self-service-terminal',
});

export const industrialProject = projectMeasure({
  id: 'industrial-project',
  article: '(十一)(十三)',
  title: { zh: '工业电子商务建设及平台项目资金扶持', en: 'Funding for industrial e-commerce projects and platforms' },
  quote: '对积极应用电子商务转型升级的工业企业符合条件的电子商务建设项目,给予一定额度的资金扶持。……对符合条件的工业电子商务平台建设及应用推广项目,给予一定额度的资金扶持。',
  type: 'industrial-ecommerce',
});

export const ruralWarehouse = projectMeasure({
  id: 'rural-warehouse',
  article: '(十七)',
  title: { zh: '农村电子商务公共仓项目资金扶持', en: 'Funding for rural e-commerce public warehouses' },
  quote: '对投入实际运营,经济、社会效益良好的农村电子商务公共仓项目,给予一定额度的资金扶持。',
  type: 'rural-warehouse',
});

export const paymentLicense = listMeasure({
  id: 'payment-license',
  article: '(十九)',
  kind: 'unquantified',
  title: { zh: '持牌支付机构奖励补贴', en: 'Rewards for licensed payment institutions' },
  quote: '对于获得国家有关部门许可从事互联网支付、移动支付、电话支付、数字电视支付等支付业务的法人机构,结合市有关金融政策给予相应奖励补贴。',
  lists: ['payment-license'],
});

/** (二十): a first listing, quotation or bond issue in the year → a one-off subsidy per the finance policies. */
export const listing = flagMeasure({
  id: 'listing',
  article: '(二十)',
  kind: 'unquantified',
  title: { zh: '新上市、挂牌、发债一次性补贴', en: 'One-off subsidy for a new listing, quotation or bond issue' },
  quote: '对在境内外证券市场新上市的本地电子商务企业,及进入全国中小企业股份转让系统和广州股权交易中心挂牌交易的本地股份制电子商务企业,以及在交易所市场和银行间市场新发行债券的本地电子商务企业,结合市有关金融政策给予一次性补贴。',
  flags: [{ input: 'newListing', check: 'new-listing' }],
});

const TALENT_LISTS: readonly string[] = ['gz-demo-enterprise', 'gz-demo-base-tenant', 'cross-border-park-tenant'];

/** (二十三): demo enterprises and tenants of demo bases / cross-border parks with high-salary staff → 1+4 policy. */
export const talent = defineMeasure({
  id: 'talent',
  article: '(二十三)',
  kind: 'unquantified',
  title: { zh: '电子商务高端人才纳入“1+4”人才政策', en: 'High-end e-commerce staff under the "1+4" talent policy' },
  quote: '对市电子商务示范企业和进入市电子商务示范基地、市跨境电子商务产业园区的企业聘用年薪在30万元以上的电子商务高级管理人才、高端营运人才、核心技术人才,纳入市“1+4”人才政策支持范围,按规定给予经费资助和薪酬补贴。',
  params: talentParams,
  applicationLag: 0,
  reads: { fields: ['highSalaryStaff'], lists: TALENT_LISTS },
  evaluate(e, year, p) {
    // A recognition holds from the year it is entered.
    const entry = e.lists.filter((l) => TALENT_LISTS.includes(l.list) && l.year <= year).sort((a, b) => a.year - b.year)[0];
    const recognised: Check = {
      id: 'recognition',
      passed: entry !== undefined,
      msg: { key: entry ? 'recognition.pass' : 'recognition.fail', args: { list: entry?.list ?? null, since: entry?.year ?? null, year } },
    };
    const staff = fieldCheck<number>('high-salary-staff', e, year, 'highSalaryStaff', (v) => v >= p.minStaff, { salaryFloor: p.salaryFloor });
    return decide([recognised, staff]);
  },
});

export const highTechTax = listMeasure({
  id: 'high-tech-tax',
  article: '(二十八)',
  kind: 'unquantified',
  title: { zh: '高新技术企业税收优惠', en: 'Tax preferences for high-tech enterprises' },
  quote: '经有关部门认定为高新技术企业的电子商务及相关服务企业,按规定享受有关税收优惠政策。',
  lists: ['high-tech'],
});

/** (三): a listed e-commerce company moving its HQ to Guangzhou, subsidised under the HQ-economy award policy. */
export const hqRelocation = listMeasure({
  id: 'hq-relocation',
  article: '(三)',
  kind: 'unquantified',
  title: { zh: '电商类上市公司总部迁入补贴', en: 'Subsidy for a listed e-commerce company moving its HQ to Guangzhou' },
  quote: '对将总部从外地迁入广州的电子商务类上市公司,按我市总部经济奖励政策有关规定给予补贴',
  lists: ['hq-relocated-listed'],
  firstTime: true,
});

/** (六): cross-border e-commerce retail exports without invoices are exempt from VAT (a tax treatment). */
export const retailExportVat = flagMeasure({
  id: 'retail-export-vat',
  article: '(六)',
  kind: 'non-monetary',
  title: { zh: '跨境电商零售出口货物无票免征增值税', en: 'VAT exemption without invoices for cross-border retail exports' },
  quote: '试行跨境电子商务零售出口货物(财政部、国家税务总局明确取消出口退、免税的货物除外)无票免征增值税政策',
  flags: [{ input: 'crossBorderRetailExport', check: 'retail-export' }],
});

/** (七): key "going global" projects of cross-border enterprises get funding. */
export const goingGlobal = projectMeasure({
  id: 'going-global',
  article: '(七)',
  title: { zh: '跨境电商“走出去”重点项目资金支持', en: 'Funding for cross-border "going global" key projects' },
  quote: '对符合条件的跨境电子商务企业“走出去”重点项目予以资金支持。',
  type: 'going-global',
});

/** (二十八): R&D used for e-commerce gets the national super-deduction; the rate is national tax law. */
export const rdDeduction = defineMeasure({
  id: 'rd-deduction',
  article: '(二十八)',
  kind: 'tax-deduction',
  title: { zh: '研发费用企业所得税加计扣除', en: 'Corporate income tax super-deduction of R&D' },
  quote: '企业用于电子商务且符合税法规定的研发费用,可享受企业所得税加计扣除政策。',
  params: {},
  applicationLag: 1,
  notes: [{ key: 'note.rd-national-rate' }],
  reads: { fields: ['rdExpensed', 'rdCapitalized'] },
  evaluate(e, year) {
    const y = yearData(e, year);
    const checks = (['rdExpensed', 'rdCapitalized'] as const)
      .filter((f) => y?.[f] !== undefined)
      .map((f) => fieldCheck<Fen>('cost', e, year, f, (v) => v > 0n));
    // Either kind of R&D qualifies: one above zero decides it.
    const some = checks.find((c) => c.passed);
    return decide(some ? [some] : checks);
  },
});

/** (二十八): staff education expense drawn and used in the year is deducted before tax, per national rules. */
export const staffEducation = taxDeductionMeasure({
  id: 'staff-education',
  article: '(二十八)',
  title: { zh: '员工教育经费税前扣除', en: 'Pre-tax deduction of staff education expense' },
  quote: '对电商企业当年提取并实际使用的员工教育经费,按国家有关规定予以税前扣除。',
  input: 'staffEducationExpense',
  params: {},
});

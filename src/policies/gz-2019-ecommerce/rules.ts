/** The measures of the 2019 e-commerce measures (穗府辦函〔2019〕2號), file 001. */
import type { ListId } from '../../domain/enterprise.js';
import type { Check } from '../../domain/result.js';
import { decide, fieldCheck, listMeasure, projectMeasure } from '../common.js';
import { defineMeasure } from '../define.js';
import { talent as talentParams } from './parameters.js';

/** (一): recognised municipal demo bases and cross-border parks receive funding per the rules. */
export const demoBase = listMeasure({
  id: 'demo-base',
  article: '(一)',
  kind: 'unquantified',
  title: { zh: '市级电子商务示范基地、跨境电子商务产业园区资金扶持', en: 'Funding for municipal e-commerce demo bases and cross-border parks' },
  quote: '繼續認定一批市級電子商務示範基地、跨境電子商務產業園區，對符合條件的基地和園區給予資金扶持，並優先推薦其申報國家、省級電子商務示範基地。',
  lists: ['gz-demo-base-tenant', 'cross-border-park-tenant'],
});

export const platformProject = projectMeasure({
  id: 'platform-project',
  article: '(二)',
  title: { zh: '电子商务平台建设项目资金扶持', en: 'Funding for e-commerce platform projects' },
  quote: '對具有示範性和帶動性的電子商務平臺符合條件的電子商務建設項目，給予一定額度的資金扶持。',
  type: 'platform',
});

export const demoEnterprise = listMeasure({
  id: 'demo-enterprise',
  article: '(三)',
  kind: 'non-monetary',
  title: { zh: '市级电子商务示范企业认定', en: 'Municipal e-commerce demo enterprise recognition' },
  quote: '繼續認定一批市級電子商務示範企業',
  lists: ['gz-demo-enterprise'],
});

export const top50Hq = listMeasure({
  id: 'top50-hq',
  article: '(三)',
  kind: 'unquantified',
  title: { zh: '新引入国内50强及国际知名电商区域总部奖励', en: 'Award for newly introduced top-50 and international e-commerce HQs' },
  quote: '對新引入的國內50強電子商務企業和國際知名電子商務企業區域總部，結合其對地方經濟社會發展貢獻情況，按照政策規定綜合考慮給予獎勵',
  lists: ['top50-hq'],
  firstTime: true,
});

export const ruralDemo = listMeasure({
  id: 'rural-demo',
  article: '(三)',
  kind: 'unquantified',
  title: { zh: '农村电子商务示范企业一次性资金奖励', en: 'One-off award for rural e-commerce demo enterprises' },
  quote: '認定一批農村電子商務示範企業，給予一次性資金獎勵',
  lists: ['rural-demo'],
  firstTime: true,
});

export const marketProject = projectMeasure({
  id: 'market-project',
  article: '(九)',
  title: { zh: '专业市场电子商务建设项目资金扶持', en: 'Funding for professional-market e-commerce projects' },
  quote: '對積極推廣應用電子商務轉型升級的專業市場符合條件的電子商務建設項目，給予一定額度的資金扶持。',
  type: 'professional-market',
});

export const terminalProject = projectMeasure({
  id: 'terminal-project',
  article: '(十)',
  title: { zh: '社区自助投递终端建设项目资金扶持', en: 'Funding for community self-service delivery terminals' },
  quote: '對電子商務企業、物流(快遞)企業在社區設立自助投遞終端符合條件的建設項目給予一定額度的資金扶持',
  type: 'self-service-terminal',
});

export const industrialProject = projectMeasure({
  id: 'industrial-project',
  article: '(十一)(十三)',
  title: { zh: '工业电子商务建设及平台项目资金扶持', en: 'Funding for industrial e-commerce projects and platforms' },
  quote: '對積極應用電子商務轉型升級的工業企業符合條件的電子商務建設項目，給予一定額度的資金扶持。……對符合條件的工業電子商務平臺建設及應用推廣項目，給予一定額度的資金扶持。',
  type: 'industrial-ecommerce',
});

export const ruralWarehouse = projectMeasure({
  id: 'rural-warehouse',
  article: '(十七)',
  title: { zh: '农村电子商务公共仓项目资金扶持', en: 'Funding for rural e-commerce public warehouses' },
  quote: '對投入實際運營，經濟、社會效益良好的農村電子商務公共倉項目，給予一定額度的資金扶持。',
  type: 'rural-warehouse',
});

export const paymentLicense = listMeasure({
  id: 'payment-license',
  article: '(十九)',
  kind: 'unquantified',
  title: { zh: '持牌支付机构奖励补贴', en: 'Rewards for licensed payment institutions' },
  quote: '對於獲得國家有關部門許可從事互聯網支付、移動支付、電話支付、數字電視支付等支付業務的法人機構，結合市有關金融政策給予相應獎勵補貼。',
  lists: ['payment-license'],
});

/** (二十): a first listing, quotation or bond issue in the year → a one-off subsidy per the finance policies. */
export const listing = defineMeasure({
  id: 'listing',
  article: '(二十)',
  kind: 'unquantified',
  title: { zh: '新上市、挂牌、发债一次性补贴', en: 'One-off subsidy for a new listing, quotation or bond issue' },
  quote: '對在境內外證券市場新上市的本地電子商務企業，及進入全國中小企業股份轉讓系統和廣州股權交易中心掛牌交易的本地股份制電子商務企業，以及在交易所市場和銀行間市場新發行債券的本地電子商務企業，結合市有關金融政策給予一次性補貼。',
  params: {},
  applicationLag: 0,
  reads: { fields: ['newListing'] },
  evaluate: (e, year) => decide([fieldCheck<boolean>('new-listing', e, year, 'newListing', (v) => v)]),
});

const TALENT_LISTS: readonly ListId[] = ['gz-demo-enterprise', 'gz-demo-base-tenant', 'cross-border-park-tenant'];

/** (二十三): demo enterprises and tenants of demo bases / cross-border parks with high-salary staff → 1+4 policy. */
export const talent = defineMeasure({
  id: 'talent',
  article: '(二十三)',
  kind: 'unquantified',
  title: { zh: '电子商务高端人才纳入“1+4”人才政策', en: 'High-end e-commerce staff under the "1+4" talent policy' },
  quote: '對市電子商務示範企業和進入市電子商務示範基地、市跨境電子商務產業園區的企業聘用年薪在30萬元以上的電子商務高級管理人才、高端營運人才、核心技術人才，納入市“1+4”人才政策支持範圍，按規定給予經費資助和薪酬補貼。',
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
  quote: '經有關部門認定為高新技術企業的電子商務及相關服務企業，按規定享受有關稅收優惠政策。',
  lists: ['high-tech'],
});

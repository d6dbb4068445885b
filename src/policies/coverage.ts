/**
 * Every article (and numbered paragraph) of the five documents, mapped to the measures that model it or to
 * "not modelled" with a reason. `gz-awards rules --coverage` prints it; test/coverage.test.ts checks that every
 * heading of the shipped texts (laws/) is here, with its own words, and that every measure is named.
 *
 * Keys are the article labels the measures cite: 000 第N条, 001 and 004 (N), 002 三(一)2 (section, part,
 * paragraph), 003 N.
 */

/** Why an article is not modelled as a measure. */
export type NotModelled =
  /** Goals, encouragement, guidance: it grants nothing to an enterprise. */
  | 'grants-nothing'
  /** It is a duty of a department or a district (to build, plan, supervise, promote). */
  | 'department-duty'
  /** Its benefit goes to individuals (talents, streamers), not to the enterprise. */
  | 'individuals'
  /** It names a benefit, but who gets it and how much is set elsewhere, and no input of the tool identifies it. */
  | 'set-elsewhere'
  /** It is modelled, but as a rule of the engine (validity, conflicts, ceilings), not as a measure. */
  | 'engine-rule'
  /** A benefit to the enterprise (often a permission), but no input of the tool identifies who qualifies. */
  | 'no-input';

export const NOT_MODELLED_LABELS: Record<NotModelled, { zh: string; en: string }> = {
  'grants-nothing': { zh: '未向企业给予支持（目标、鼓励、引导）', en: 'grants nothing to an enterprise (goals, encouragement, guidance)' },
  'department-duty': { zh: '部门或各区的职责', en: 'a duty of a department or district' },
  individuals: { zh: '支持对象为个人而非企业', en: 'benefits individuals, not the enterprise' },
  'set-elsewhere': { zh: '支持对象和数额另行规定，本工具无对应输入', en: 'who and how much is set elsewhere; no input identifies it' },
  'engine-rule': { zh: '作为计算规则实现（有效期、冲突、上限）', en: 'implemented as an engine rule (validity, conflicts, ceilings)' },
  'no-input': { zh: '对企业的支持，但本工具无可识别适用对象的输入', en: 'a benefit to the enterprise, but no input identifies who qualifies' },
};

export interface CoverageEntry {
  /** The article label, as measures cite it. */
  readonly article: string;
  /** The article's heading (or opening words), as the shipped text has them. */
  readonly heading: string;
  /** The measures (ids within the document) that model it. */
  readonly measures: readonly string[];
  /** When nothing (or not everything) of it is a measure: why. */
  readonly notModelled?: NotModelled;
  /** What exactly is left out, when the article is partly modelled or the reason needs words. */
  readonly note?: { readonly zh: string; readonly en: string };
}

const m = (article: string, heading: string, measures: string[], note?: CoverageEntry['note'], notModelled?: NotModelled): CoverageEntry => ({
  article,
  heading,
  measures,
  ...(notModelled ? { notModelled } : {}),
  ...(note ? { note } : {}),
});
const no = (article: string, heading: string, notModelled: NotModelled, note?: CoverageEntry['note']): CoverageEntry => ({
  article,
  heading,
  measures: [],
  notModelled,
  ...(note ? { note } : {}),
});

export const COVERAGE: Readonly<Record<string, readonly CoverageEntry[]>> = {
  'gz-2025-ecommerce': [
    m('第一条', '大力引进电子商务优质企业', ['hq']),
    m('第二条', '支持电商企业做大做强', ['above-quota', 'scale-tier']),
    m('第三条', '培育一批电子商务标杆企业', ['honghu', 'benchmark'], {
      zh: '“支持符合条件的企业参与国家电子商务示范企业…评选活动”只是鼓励参评，未建模',
      en: 'support to take part in national demo selections is encouragement only, not modelled',
    }),
    m('第四条', '支持电商产业载体建设', ['park', 'park-tenant']),
    m('第五条', '鼓励电商企业技术创新', ['high-tech']),
    m('第六条', '支持举办各类电商活动', ['events']),
    m('第七条', '鼓励电商与制造业融合发展', ['manufacturing']),
    no('第八条', '鼓励电商与地方品牌融合', 'grants-nothing'),
    no('第九条', '推动电商助力 “百千万工程 ”', 'grants-nothing'),
    no('第十条', '打造 “直播电商之都 ”', 'department-duty', { zh: '鼓励各区出台扶持政策', en: 'districts are encouraged to issue their own policies' }),
    no('第十一条', '建设 “跨境电商之城 ”', 'department-duty'),
    no('第十二条', '鼓励电商新业态新模式发展', 'grants-nothing'),
    no('第十三条', '促进电商物流升级创新', 'department-duty'),
    no('第十四条', '构建金融保障体系', 'grants-nothing', { zh: '鼓励金融机构合作，无对企业的支持事项', en: 'encourages financial institutions; no item for the enterprise' }),
    no('第十五条', '构建人才支撑体系', 'individuals', {
      zh: '人才绿卡、主播资金支持的对象是人才个人，由各区出台政策',
      en: 'talent green cards and funding for streamers go to the people, under district policies',
    }),
    m('第十六条', '加强行业自律和服务体系建设', ['standards']),
    no('第十七条', '加大宣传推广力度', 'department-duty'),
    no('第十八条', '完善电商信用体系', 'department-duty'),
    no('第十九条', '营造规范有序市场环境', 'department-duty'),
    no('第二十条', '其他', 'engine-rule', {
      zh: '不重复支持、从优从高、第二条与第三条当年不可同时申请、“不超过”含本数、有效期三年：见冲突规则与有效期',
      en: 'no double funding, the better of two, 第二条 and 第三条 not in one year, ceilings inclusive, three years of validity: the conflict rules and validity',
    }),
  ],
  'gz-2019-ecommerce': [
    m('(一)', '加快培育电子商务集聚区', ['demo-base'], {
      zh: '国家、省认定集聚区列入市战略性新兴产业基地并按规定扶持：无对应输入',
      en: 'zones recognised by the state or province, funded by the rules: no input identifies them',
    }),
    m('(二)', '提升电子商务平台发展水平', ['platform-project']),
    m('(三)', '培育电子商务龙头企业', ['demo-enterprise', 'top50-hq', 'hq-relocation', 'rural-demo'], {
      zh: '“加大力度扶持…服务型跨境电子商务企业”未定对象和数额，未建模',
      en: 'stronger support for service-type cross-border enterprises names neither who nor how much: not modelled',
    }),
    no('(四)', '积极发展电子商务新业态', 'grants-nothing'),
    no('(五)', '鼓励各类经营主体开展跨境电子商务业务', 'set-elsewhere', {
      zh: '鼓励申报市专项资金，资金规则另定',
      en: 'encourages applying for the city’s special funds, whose rules are separate',
    }),
    m('(六)', '创新跨境电子商务监管和服务', ['retail-export-vat'], {
      zh: '“力争开展…采购成本税前扣除”尚未施行，未建模',
      en: 'the pre-tax deduction of purchase costs is only an aim: not modelled',
    }),
    m('(七)', '优化跨境电子商务企业全球布局', ['going-global']),
    no('(八)', '推动跨境电子商务粤港澳大湾区合作与行业标准制订', 'department-duty'),
    m('(九)', '加快商贸企业电子商务发展', ['market-project']),
    m('(十)', '引导发展民生领域电子商务', ['terminal-project']),
    m('(十一)', '加快工业电子商务应用普及', ['industrial-project']),
    no('(十二)', '推动工业电子商务应用深化', 'grants-nothing'),
    m('(十三)', '加大工业电子商务平台培育和推广力度', ['industrial-project']),
    no('(十四)', '完善农村电子商务营销体系', 'grants-nothing'),
    no('(十五)', '着力突破农村电子商务发展瓶颈', 'grants-nothing'),
    no('(十六)', '推动农产品标准体系及品牌建设', 'department-duty'),
    m('(十七)', '建设农村电子商务发展载体', ['rural-warehouse'], {
      zh: '“优先保障安排农村电子商务公共仓项目用地”是国土规划部门在“符合土地利用总体规划和城乡规划前提下”安排用地的次序，不是企业可申请的事项；本工具的公共仓项目是“投入实际运营”的项目，用地已在其前，未建模',
      en: '"优先保障安排…公共仓项目用地" orders how the planning authorities allocate land, within the plans; it is nothing an enterprise applies for, and the tool\'s warehouse project is one already in operation, past the land question: not modelled',
    }, 'department-duty'),
    no('(十八)', '推进电子商务与快递物流协同发展', 'department-duty'),
    m('(十九)', '鼓励电子商务支付发展', ['payment-license']),
    m('(二十)', '拓宽电子商务投融资渠道', ['listing']),
    no('(二十一)', '完善电子商务信用体系', 'department-duty'),
    no('(二十二)', '加强电子商务领域知识产权保护', 'department-duty'),
    m('(二十三)', '推动电子商务人才体系建设', ['talent'], {
      zh: '对培训机构的项目补助未建模（无对应输入）',
      en: 'project subsidies for training institutions are not modelled (no input identifies them)',
    }),
    no('(二十四)', '加强电子商务安全认证', 'department-duty'),
    no('(二十五)', '完善电子商务统计监测', 'department-duty'),
    no('(二十六)', '强化组织领导', 'department-duty'),
    no('(二十七)', '加大财政支持', 'set-elsewhere', { zh: '纳入专项资金扶持范围，扶持方式另定', en: 'brought under the special funds, whose terms are separate' }),
    m('(二十八)', '落实税收支持', ['high-tech-tax', 'rd-deduction', 'staff-education']),
    no('(二十九)', '优化用地支持', 'no-input', {
      zh: '“允许自主改造企业在政策范围内分期缴纳土地出让金”是对企业的便利（非金钱，同004注册资本分期缴付），但“自主改造企业”由城市更新政策认定、分期条件“在政策范围内”另定，本工具无对应输入；预留物流基地用地、弱化附加要求为部门职责',
      en: 'paying the land premium in instalments is a benefit to self-renovating enterprises (non-monetary, like 004\'s capital instalments), but urban renewal decides who they are and the terms are "within the policy": no input identifies them; reserving logistics land is the departments\' duty',
    }),
    no('(三十)', '本措施自发布之日起施行', 'engine-rule', { zh: '有效期', en: 'validity' }),
  ],
  'gz-2025-livestream': [
    no('一', '总体要求', 'grants-nothing'),
    no('二', '发展目标', 'grants-nothing', { zh: '目标至2027年，用作有效期的推定', en: 'targets to 2027, read as the validity' }),
    m('三(一)1', '推动产业集聚发展', ['park'], {
      zh: '入驻园区的扶持政策由各区制定（同000第四条 park-tenant）',
      en: 'support for park tenants is the districts’ (as 000 第四条 park-tenant)',
    }),
    m('三(一)2', '引进培育头部企业', ['hq', 'honghu', 'scale-tier']),
    no('三(二)3', '推行“直播+”新模式', 'grants-nothing'),
    no('三(二)4', '发展农村直播电商', 'grants-nothing'),
    no('三(三)5', '加强对直播电商人才培训管理', 'individuals'),
    no('三(四)6', '推进市场准入准营便利化', 'department-duty', {
      zh: '“对招商引资、重点引进的直播电商企业提供便利条件”未说明何种便利，属市场监管部门登记服务方式（自助办理、通办、集群注册），无可判定的支持事项',
      en: '"提供便利条件" to key introduced live-streaming enterprises names no benefit; it is how the market regulator runs registration (self-service, cross-region, cluster registration): nothing to decide',
    }),
    no('三(四)7', '提升“广货”产品质量', 'department-duty'),
    no('三(四)8', '完善直播电商合规管理机制', 'department-duty'),
    no('三(四)9', '实施包容审慎监管', 'department-duty'),
    no('三(四)10', '加强行业自律', 'department-duty'),
    no('四(一)', '强化组织实施', 'department-duty'),
    no('四(二)', '加强优势互补', 'department-duty'),
    no('四(三)', '营造良好氛围', 'department-duty'),
  ],
  'gz-2024-cross-border': [
    m('一', '培育引进跨境电商龙头企业', ['newly-introduced', 'demo-enterprise', 'qilin', 'high-tech']),
    m('二', '加强跨境电商产业园区建设', ['demo-park', 'kunpeng']),
    m('三', '支持跨境电商“品牌出海”', ['brand-overseas']),
    m('四', '强化跨境电商国际枢纽功能', ['bonded-rent']),
    no('五', '搭建跨境电商公共服务平台', 'department-duty'),
    m('六', '支持跨境电商海外仓发展', ['overseas-warehouse'], {
      zh: '海外重点联系企业的一对一服务未建模（无对应输入）',
      en: 'one-to-one service for overseas key contact enterprises is not modelled (no input)',
    }),
    no('七', '优化监管协作机制', 'department-duty'),
    m('八', '创新海关监管服务', ['qilin-customs']),
    no('九', '持续优化税收政策', 'department-duty', { zh: '税务部门优化流程、落实现行政策', en: 'the tax bureau streamlines and applies the policies in force' }),
    no('十', '探索跨境电商模式创新', 'grants-nothing'),
    no('十一', '加大跨境电商金融支持', 'grants-nothing'),
    no('十二', '加大跨境电商人才培养引进', 'department-duty'),
    m('十三', '支持行业交流', ['events', 'standards'], {
      zh: '“开放一批免费或优惠使用的活动场地”是给组织跨境电商对接交流活动的商会、企业的非金钱便利，但开放哪些场地、对谁开放未定，会展项目（exhibition，“具有影响力的会议、展览”）不等同于对接交流活动，本工具无对应输入，未建模',
      en: 'free or discounted venues for chambers and enterprises that organise exchange activities are a non-monetary benefit, but which venues and for whom is not set, and an exhibition project ("具有影响力的会议、展览") is not an exchange activity: no input identifies it, not modelled',
    }, 'no-input'),
    no('十四', '引导跨境电商企业合规经营', 'department-duty'),
    no('十五', '加强跨境电商知识产权海外维权援助', 'department-duty'),
    no('十六', '加大行业宣传推广', 'department-duty'),
    no('十七', '其他', 'engine-rule', {
      zh: '不重复支持、就高不就低、“不超过”含本数、有效期3年：见冲突规则、上限与有效期',
      en: 'no double funding, the higher of two, ceilings inclusive, three years: the conflict rules, ceilings and validity',
    }),
  ],
  'gd-2012-ecommerce': [
    no('(一)', '指导思想', 'grants-nothing'),
    no('(二)', '发展目标', 'grants-nothing'),
    no('(三)', '加快发展网络零售平台', 'grants-nothing'),
    no('(四)', '大力发展行业电子商务平台', 'grants-nothing'),
    no('(五)', '培育发展综合性电子商务平台', 'grants-nothing'),
    no('(六)', '发展壮大网商队伍', 'grants-nothing'),
    no('(七)', '实施“广货网上行”工程', 'department-duty'),
    no('(八)', '支持制造业企业发展电子商务', 'grants-nothing'),
    no('(九)', '支持传统商贸企业发展电子商务', 'grants-nothing'),
    no('(十)', '推动中小微企业应用电子商务', 'grants-nothing'),
    no('(十一)', '拓展电子商务应用领域', 'grants-nothing'),
    no('(十二)', '加快推进电子商务标准化工作', 'department-duty'),
    no('(十三)', '加强认证和信用建设', 'department-duty'),
    no('(十四)', '增强电子支付能力', 'grants-nothing'),
    no('(十五)', '提升物流协同水平', 'grants-nothing'),
    no('(十六)', '加强专业服务机构建设', 'grants-nothing'),
    no('(十七)', '推进技术创新和应用', 'grants-nothing'),
    no('(十八)', '推动经营模式创新', 'grants-nothing'),
    no('(十九)', '大力发展移动电子商务', 'grants-nothing'),
    no('(二十)', '培育引进电子商务龙头示范企业', 'grants-nothing'),
    no('(二十一)', '打造电子商务示范基地和示范城市', 'department-duty'),
    m('(二十二)', '强化财政支持', ['hq-award', 'tax-share-hq'], {
      zh: '省专项资金支持标杆企业、企业技术中心资助未定对象和数额，未建模。“新引进的知名电子商务企业总部”读自己的名单（gd-well-known-hq），不沿用2019年市级的 top50-hq：后者含国内50强企业和国际知名企业的区域总部，由市里认定、用于市级奖励，与省里的“知名电子商务企业总部”不是同一认定',
      en: 'provincial funds for benchmark enterprises and technology centres name neither who nor how much: not modelled. The "newly introduced well-known e-commerce HQ" reads its own list (gd-well-known-hq), not 2019\'s city list top50-hq, which holds top-50 enterprises and international regional HQs recognised by the city for its own award, not the province\'s recognition',
    }),
    m('(二十三)', '落实税收优惠政策', ['rd-expensed', 'rd-capitalized', 'high-tech-priority'], {
      zh: '优先认定读三份名单：高新技术企业（high-tech）、软件企业（software-enterprise）、技术先进型服务企业（advanced-tech-service）',
      en: 'priority recognition reads three lists: high-tech, software-enterprise, advanced-tech-service',
    }),
    no('(二十四)', '加强融资支持', 'set-elsewhere', { zh: '可列为重点上市培育企业：无对应输入', en: 'may be listed as a key IPO candidate: no input' }),
    no('(二十五)', '加强用地支持', 'no-input', {
      zh: '“在不改变用地主体、不重新开发建设等前提下，其土地用途可暂不变更”是对利用空置厂房、仓储用房发展电子商务园区者的许可（非金钱），但本工具无输入说明园区由存量房产改造、用地主体未变；优先保障用地计划指标为各地级以上市的职责',
      en: 'keeping the land use unchanged is a permission (non-monetary) for parks in vacant factories and warehouses, but no input says a park is such a conversion with the same land user; priority in land quotas is the cities\' duty',
    }),
    no('(二十六)', '加强人才支持', 'individuals'),
    m('(二十七)', '降低准入门槛', ['registered-capital', 'ecommerce-name']),
    no('(二十八)', '完善配套措施', 'department-duty'),
  ],
};

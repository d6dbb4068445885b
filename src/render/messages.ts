/**
 * Every message the engine and the readers produce, in Chinese and English, by key. The engine hands out keys
 * and arguments; only renderers turn them into words.
 */
import type { ListId, ProjectType, YearField } from '../domain/enterprise.js';
import { LIST_LABELS, PROJECT_LABELS, YEAR_FIELD_LABELS, type Lang } from '../domain/labels.js';
import { inputName } from '../domain/vocabulary.js';
import { parseRate, ratePercent, type Fen, type Unit } from '../domain/money.js';
import { amountIn, amountText, sentenceUnit, type Rounding } from './amount.js';
import { refText } from './titles.js';
import type { Msg } from '../domain/result.js';
import * as batchMessages from './messages-batch.js';
import * as readerMessages from './messages-readers.js';
import * as scenarioMessages from './messages-scenario.js';
import * as safetyMessages from './messages-safety.js';

export type Args = Record<string, string | number | bigint | boolean | null | undefined>;
type Text = (a: Args) => string;

/**
 * A message written as constant words between values: words()`${year} 年网上零售额 ${amount('sales', 'zh')} …`.
 * t() joins them into the same string a template would make; the JSON line writer copies each constant piece as
 * bytes encoded once and encodes only the values (a year, an amount), where most of a message's characters are
 * constant Chinese (json-line.ts). The messages of every JSON line (a threshold, a cap, a growth rate, a list) are
 * written so; the others stay templates.
 */
export interface Words {
  readonly texts: readonly string[];
  readonly values: readonly Value[];
  /** The one unit of the sentence's amounts (sentenceUnit), worked out once a message; null: each its own. */
  readonly unit: ((a: Args) => Unit) | null;
}
/** A value of a message: from its arguments, with the sentence's unit (if it has one). */
export type Value = ((a: Args, u: Unit | undefined) => string) & {
  /** For an argument shown as it is (arg()): its name, so that a writer can put a number's digits down itself. */
  readonly arg?: string;
  /**
   * For an amount in Chinese (amount(), amountOf()): the amount and its rounding, so that a writer can put it down
   * itself (writeAmountZh) in the sentence's unit.
   */
  readonly amountZh?: { readonly fen: (a: Args) => unknown; readonly rounding: Rounding };
};

const words =
  (unit: ((a: Args) => Unit) | null = null) =>
  (texts: TemplateStringsArray, ...values: Value[]): Words => ({ texts: [...texts], values, unit });

/** The message's words, its constant pieces and values joined. */
export function joinWords(w: Words, a: Args): string {
  const u = w.unit ? w.unit(a) : undefined;
  let s = w.texts[0]!;
  for (let i = 0; i < w.values.length; i++) s += w.values[i]!(a, u) + w.texts[i + 1]!;
  return s;
}

const arg = (k: string): Value => Object.assign((a: Args) => String(a[k]), { arg: k });
const year = arg('year');
/** An amount of the arguments, in the sentence's unit (zh), or as yuan (en). */
const amount = (k: string, lang: Lang): Value => amountOf((a) => a[k] as Fen, lang);
/** An amount worked out from the arguments, in the sentence's unit (zh), or as yuan (en). */
const amountOf = (fen: (a: Args) => Fen, lang: Lang, rounding: Rounding = 'down'): Value => {
  const v = (a: Args, u: Unit | undefined) => money(fen(a), lang, u, rounding);
  return lang === 'zh' ? Object.assign(v, { amountZh: { fen, rounding } }) : v;
};
const sentenceOf =
  (...keys: string[]) =>
  (a: Args): Unit =>
    unitOfKeys(a, keys);
const minPct: Value = (a) => pct(String(a['min']));

/** Money for people (see render/amount): the unit that reads best in Chinese, or `unit` for a whole sentence. */
export function money(fen: Fen, lang: Lang, unit?: Unit, rounding: Rounding = 'down'): string {
  return amountIn(fen, lang, unit, rounding);
}

/** An award as tables show it: rounded down, in the unit that reads best (zh) or exact ¥ (en). */
export function award(fen: Fen, lang: Lang): string {
  return amountText(fen, lang);
}

/** The one unit of a sentence that names the amounts `keys` of a message's arguments. */
const unitOfKeys = (a: Args, keys: readonly string[]): Unit => sentenceUnit(keys.map((k) => a[k] as Fen | undefined));
const unitOf = (a: Args, ...keys: string[]): Unit => unitOfKeys(a, keys);

/** "0.06" → "6%". */
export const pct = (rate: string): string => {
  let s = PERCENTS.get(rate);
  if (s === undefined) {
    const r = parseRate(rate);
    s = r ? `${ratePercent(r)}%` : rate;
    if (PERCENTS.size < 1024) PERCENTS.set(rate, s); // a rule set has a handful of rates, shown a million times
  }
  return s;
};
const PERCENTS = new Map<string, string>();

const f = (a: Args, k: string) => a[k] as Fen;
/** What an earlier tier was awarded by: a result of this run, or the input's 已获奖励 (prior awards). */
const byText = (a: Args, lang: Lang) => {
  const by = a['by'] === null || a['by'] === undefined ? '' : String(a['by']);
  const prior = by.startsWith('priorAwards:');
  const text = refText(prior ? by.slice('priorAwards:'.length) : by, lang);
  return prior ? (lang === 'zh' ? `已获奖励${text}` : `prior awards: ${text}`) : text;
};
/** "000 第二十条" → "第二十条": the conflict table's document codes are for --explain. */
export const articleText = (article: unknown) => String(article ?? '').replace(/\b\d{3} /g, '');
/** A yearly input's name: a built-in field's, else a declared input's (domain/vocabulary.ts), else as given. */
const fieldName = (a: Args, lang: Lang) => YEAR_FIELD_LABELS[a['field'] as YearField]?.[lang] ?? inputName(String(a['field']), lang);
/** "honghu|qilin" → "鸿鹄企业名单或麒麟企业名单": a rule set names a handful of lists, in a million messages. */
const listName = (a: Args, lang: Lang) => {
  const list = String(a['list']);
  const names = LIST_NAMES[lang];
  let s = names.get(list);
  if (s === undefined) {
    s = list
      .split('|')
      .map((l) => LIST_LABELS[l as ListId]?.[lang] ?? inputName(l, lang))
      .join(lang === 'zh' ? '或' : ' or ');
    if (names.size < 1024) names.set(list, s);
  }
  return s;
};
const LIST_NAMES: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() };
const yesNo = (v: unknown, lang: Lang) => (lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no');
const cmp = (a: Args) => (a['strict'] ? '>' : '≥');
const ncmp = (a: Args) => (a['strict'] ? '≤' : '<');

function growthRate(a: Args): string {
  return String(a['rate']);
}

const zh: Record<string, Text | Words> = {
  'field.missing': (a) => `缺少 ${a['year']} 年「${fieldName(a, 'zh')}」`,
  'fields.missing': (a) => `缺少 ${a['paths']}`,
  'reporting.pass': words()`${year} 年已纳入国家统计局联网直报平台`,
  'reporting.fail': words()`${year} 年未纳入国家统计局联网直报平台（本项前提）`,
  'newly-above-quota.pass': (a) => `${a['year']} 年为新增限额以上企业`,
  'newly-above-quota.fail': (a) => `${a['year']} 年不是新增限额以上企业`,
  'new-listing.pass': (a) => `${a['year']} 年新上市、挂牌或发债`,
  'new-listing.fail': (a) => `${a['year']} 年无新上市、挂牌或发债`,
  'cost.pass': words()`${year} 年${(a) => fieldName(a, 'zh')} ${amount('value', 'zh')}`,
  'cost.fail': (a) => `${a['year']} 年${fieldName(a, 'zh')}为 0`,
  'high-salary-staff.pass': (a) => `${a['year']} 年聘用年薪${award(f(a, 'salaryFloor'), 'zh')}以上电商人才 ${a['value']} 名`,
  'high-salary-staff.fail': (a) => `${a['year']} 年无年薪${award(f(a, 'salaryFloor'), 'zh')}以上电商人才`,
  'threshold.pass': words(sentenceOf('sales', 'threshold'))`${year} 年网上零售额 ${amount('sales', 'zh')} ${cmp} ${amount('threshold', 'zh')}（第${arg('tier')}档）`,
  'threshold.fail': words((a) => sentenceUnit([f(a, 'sales'), f(a, 'threshold'), gap(a)]))`${year} 年网上零售额 ${amount('sales', 'zh')} ${ncmp} 第1档门槛 ${amount('threshold', 'zh')}，还差 ${amountOf(gap, 'zh', 'up')}`,
  'first-crossing.pass': (a) => `上一年网上零售额 ${money(f(a, 'prev'), 'zh')} 未达第${a['tier']}档，${a['year']} 年为首次突破`,
  'first-crossing.fail': (a) => {
    const u = unitOf(a, 'prev', 'threshold');
    return `上一年网上零售额 ${money(f(a, 'prev'), 'zh', u)} 已达第${a['tier']}档门槛 ${money(f(a, 'threshold'), 'zh', u)}，${a['year']} 年不是首次突破`;
  },
  'growth.missing': (a) => `计算 ${a['from']}—${a['to']} 年平均增长率缺少 ${a['years']} 年网上零售额`,
  'growth.zero-base': (a) => `${a['year']} 年网上零售额为 0，无法计算增长率`,
  'growth.pass': words()`${arg('from')}—${arg('to')} 年平均增长率 ${growthRate}% ≥ ${minPct}`,
  'growth.fail': words()`${arg('from')}—${arg('to')} 年平均增长率 ${growthRate}% < ${minPct}（第${arg('tier')}档要求）`,
  'listed.pass': words()`${year} 年列入${(a) => listName(a, 'zh')}`,
  'listed.fail': words()`${year} 年未列入${(a) => listName(a, 'zh')}`,
  'first-time.pass': (a) => `首次进入${listName(a, 'zh')}`,
  'first-time.fail': (a) => `非首次进入${listName(a, 'zh')}${a['earlier'] ? `（${a['earlier']} 年已进入）` : ''}`,
  'selection-year.pass': (a) => `${a['year']} 年为遴选年份`,
  'selection-year.fail': (a) => `${a['year']} 年不是遴选年份（仅 ${a['years']} 年遴选）`,
  'project.pass': (a) => `${a['year']} 年有${PROJECT_LABELS[a['type'] as ProjectType]?.zh ?? a['type']}`,
  'project.fail': (a) => `${a['year']} 年没有${PROJECT_LABELS[a['type'] as ProjectType]?.zh ?? a['type']}`,
  'recognition.pass': (a) => `自 ${a['since']} 年起为${listName(a, 'zh')}`,
  'recognition.fail': (a) => `${a['year']} 年未认定为市电子商务示范企业，也未进入市电子商务示范基地或跨境电商产业园区`,
  'cap.applied': words(sentenceOf('base', 'share', 'cap', 'amount'))`${amount('base', 'zh')} × ${(a) => pct(String(a['rate']))} = ${amount('share', 'zh')}，每年上限 ${amount('cap', 'zh')}，取 ${amount('amount', 'zh')}（向下取整）`,
  'first-installment.pass': (a) => {
    const u = unitOf(a, 'first', 'min');
    return `首期缴付 ${money(f(a, 'first'), 'zh', u)} ≥ 注册资本的20%（${money(f(a, 'min'), 'zh', u)}）`;
  },
  'first-installment.fail': (a) => {
    const u = unitOf(a, 'first', 'min');
    return `首期缴付 ${money(f(a, 'first'), 'zh', u)} < 注册资本的20%（${money(f(a, 'min'), 'zh', u)}）`;
  },
  'registered-after.pass': (a) => `${a['registeredOn']} 登记注册，不早于文件印发日 ${a['allowedFrom']}`,
  'registered-after.fail': (a) => `${a['registeredOn']} 登记注册，早于文件印发日 ${a['allowedFrom']}，登记时本文件尚未施行`,
  'paid-within.pass': (a) => `${a['fullyPaidOn']} 缴足，不晚于 ${a['deadline']}（${a['years']} 年内）`,
  'paid-within.fail': (a) => `${a['fullyPaidOn']} 才缴足，晚于 ${a['deadline']}（应 ${a['years']} 年内缴足）`,
  'higher-level-funding.pass': () => '未申报已获国家或省同一项目资金',
  'higher-level-funding.fail': (a) => `同一项目已获国家或省资金奖补（${refText(String(a['ref']), 'zh')}），不重复支持`,
  'already-received': (a) => `不重复发放：已获奖励${refText(String(a['ref']), 'zh')}`,
  'prior-award.same-application-year': (a) => `${a['year']}年已申请${refText(String(a['prior']), 'zh')}（已获奖励），同一主体当年不可同时申请第二条和第三条支持事项（${articleText(a['article'])}）`,
  'prior-award.once-in-life': (a) => `已获奖励${refText(String(a['prior']), 'zh')}，一次性奖励只发一次（${articleText(a['article'])}）`,
  'prior-award.same-item': (a) => `同一事项已获奖励${refText(String(a['prior']), 'zh')}，不重复支持（${articleText(a['article'])}）`,
  'track.pass': (a) => `业务类型包含 ${a['track']}`,
  'track.fail': (a) => `本措施只适用于业务类型包含 ${a['track']} 的企业（跨境电商企业），本企业为 ${a['tracks'] || '无'}`,
  'note.rd-national-rate': () => '加计扣除比例按国家税法执行，本文件未规定；现行为财政部 税务总局公告2023年第7号：自2023年1月1日起按实际发生额的100%加计扣除（形成无形资产的按成本的200%摊销）',
  'already-awarded.pass': () => '此前未获本项奖励，全额发放',
  'already-awarded.top-up': (a) => `已获第${a['awarded']}档奖励（${byText(a, 'zh')}），补发第${a['tier']}档与第${a['awarded']}档的差额`,
  'already-awarded.fail': (a) => `已获第${a['awarded']}档奖励（${byText(a, 'zh')}），第${a['tier']}档未进档`,
  'in-force.fail': (a) => `${a['year']} 年不在有效期内（${a['range']}）`,
  'note.partly-in-force': (a) => `所涉年份仅部分时间在有效期内（${a['from']} 至 ${a['to'] ?? '—'}）`,
  'note.applied-near-expiry': (a) => `${a['applied']} 年申报时本文件可能已到期（有效期至 ${a['to']}），请留意申报时限`,
  'note.same-year-conflict': (a) => `与${refText(String(a['other']), 'zh')}同一年申报，二者不可同时申请（${articleText(a['article'])}）`,
  'note.gd-2012-superseded': () => '2012年省级文件未规定有效期，其税收条款可能已被后来的国家税法取代，请以现行规定为准',
  'note.rd-2023-7': () => '研发费用加计扣除比例已由《财政部 税务总局关于进一步完善研发费用税前加计扣除政策的公告》（财政部 税务总局公告2023年第7号）自2023年1月1日起提高至100%（形成无形资产的按成本的200%摊销）；此处按2012年文件的比例计算',
  'note.rd-amortisation': () => '按无形资产成本的150%摊销：所示金额为额外摊销基数（成本的50%），在摊销期内分期扣除，并非一次性扣除',
  'amortisation-base': (a) => {
    const u = unitOf(a, 'cost', 'base');
    return `无形资产成本 ${money(f(a, 'cost'), 'zh', u)}，按${a['amortised']}%摊销，额外摊销基数 ${money(f(a, 'base'), 'zh', u)}`;
  },
  'note.livestream-validity': () => '文件未规定有效期，按其目标年限视为至2027年',
  // The templates of policy files (src/templates/yearly.ts, condition.ts)
  'level.pass': (a) => {
    const u = unitOf(a, 'value', 'threshold');
    return `${a['year']} 年${fieldName(a, 'zh')} ${money(f(a, 'value'), 'zh', u)} ${cmp(a)} ${money(f(a, 'threshold'), 'zh', u)}${a['tier'] ? `（第${a['tier']}档）` : ''}`;
  },
  'level.fail': (a) => {
    const u = unitOf(a, 'value', 'threshold');
    return `${a['year']} 年${fieldName(a, 'zh')} ${money(f(a, 'value'), 'zh', u)} ${ncmp(a)} ${a['tier'] ? `第${a['tier']}档门槛 ` : '门槛 '}${money(f(a, 'threshold'), 'zh', u)}，还差 ${money(levelGap(a), 'zh', u, 'up')}`;
  },
  'first-reach.pass': (a) =>
    `${a['year']} 年首次达到第${a['from'] === a['tier'] ? a['tier'] : `${a['from']}—${a['tier']}`}档（此前最高${a['before'] ? `第${a['before']}档，${a['beforeYear']} 年` : '未达第1档'}）` +
    (a['from'] !== a['tier'] ? (a['every'] ? `，逐档给予，合计 ${money(f(a, 'amount'), 'zh')}` : `，按所达最高档给予 ${money(f(a, 'amount'), 'zh')}`) : ''),
  'first-reach.fail': (a) => `第${a['tier']}档已于 ${a['beforeYear']} 年达到，${a['year']} 年不是首次达到`,
  'increase.pass': (a) => {
    const u = unitOf(a, 'value', 'prev', 'increase');
    return `${a['year']} 年${fieldName(a, 'zh')} ${money(f(a, 'value'), 'zh', u)}，较上一年 ${money(f(a, 'prev'), 'zh', u)} 增加 ${money(f(a, 'increase'), 'zh', u)}`;
  },
  'increase.fail': (a) => {
    const u = unitOf(a, 'value', 'prev');
    return `${a['year']} 年${fieldName(a, 'zh')} ${money(f(a, 'value'), 'zh', u)} 未超过上一年 ${money(f(a, 'prev'), 'zh', u)}，没有增量`;
  },
  'ratio.applied': (a) => {
    const u = unitOf(a, 'share', 'cap', 'amount');
    return `增量 ${money(f(a, 'base'), 'zh')} × ${pct(String(a['rate']))} = ${money(f(a, 'share'), 'zh', u)}，每年上限 ${money(f(a, 'cap'), 'zh', u)}，取 ${money(f(a, 'amount'), 'zh', u)}（向下取整到分）`;
  },
  'steps.whole': (a) => `增量 ${money(f(a, 'increase'), 'zh')} 含 ${a['steps']} 个整 ${money(f(a, 'step'), 'zh')}，× ${money(f(a, 'award'), 'zh')} = ${money(f(a, 'sum'), 'zh')}，每年上限 ${money(f(a, 'cap'), 'zh')}，取 ${money(f(a, 'amount'), 'zh')}`,
  'steps.pro-rata': (a) => `增量 ${money(f(a, 'increase'), 'zh')} ÷ ${money(f(a, 'step'), 'zh')} × ${money(f(a, 'award'), 'zh')} = ${money(f(a, 'sum'), 'zh')}（按比例，向下取整到分），每年上限 ${money(f(a, 'cap'), 'zh')}，取 ${money(f(a, 'amount'), 'zh')}`,
  'steps.fail': (a) => `增量 ${money(f(a, 'increase'), 'zh')} 不足一个整 ${money(f(a, 'step'), 'zh')}`,
  'yoy.pass': (a) => `${a['year']} 年${fieldName(a, 'zh')}同比增长 ${a['rate']}% ≥ ${pct(String(a['min']))}`,
  'yoy.fail': (a) => `${a['year']} 年${fieldName(a, 'zh')}同比增长 ${a['rate']}% < ${pct(String(a['min']))}`,
  'flag.pass': (a) => `${a['year']} 年${fieldName(a, 'zh')}：是`,
  'flag.fail': (a) => `${a['year']} 年${fieldName(a, 'zh')}：否`,
  'note.first-reach-highest': () => '一次跨越多档的，按所达最高档给予一次（解释：firstReachJump=highest）',
  'note.first-reach-every': () => '一次跨越多档的，所跨各档分别给予（解释：firstReachJump=every）',
  'note.per-step-whole': () => '“每增加”按整档计，不足一档的部分不计（解释：perStep=whole）',
  'note.per-step-pro-rata': () => '“每增加”按比例计，不足一档的部分按比例给予（解释：perStep=pro-rata）',
  'note.text': (a) => String(a['zh']),
  // Input problems
  'expected.amount': () => '应为金额（元），如 3100000000、31亿、3.1e9',
  'amount.not-a-number': () => '应为金额：数字、千分位（3,100,000,000）、单位（31亿、310000万元）或指数形式（3.1e9）',
  'amount.negative': () => '金额不能为负数',
  'amount.sub-fen': () => '金额最多精确到分（元后两位小数）',
  'amount.not-finite': () => '金额不能为 NaN 或无穷大',
  'amount.too-large': (a) => `金额超出可信的范围（上限 ${a['max']} 元）：请核对数值、单位和指数`,
  'amount.exponent': () => '指数形式的数字（Excel 在显示时可能已四舍五入），请核对原值',
  'expected.boolean': () => '应为 true/false、1/0 或 是/否',
  'expected.count': () => '应为非负整数',
  'expected.year': (a) => `应为 ${a['min']}—${a['max']} 之间的年份`,
  'expected.year-key': (a) => `年份键应为 ${a['min']}—${a['max']} 之间的四位年份`,
  'expected.date': () => '应为日期 YYYY-MM-DD',
  'id.missing': () => '缺少统一社会信用代码（id）',
  'id.length': (a) => `统一社会信用代码应为 18 位，实为 ${a['length']} 位`,
  'id.charset': (a) => `统一社会信用代码第 ${a['position']} 位“${a['char']}”不是允许的字符（0-9 A-H J-N P-R T U W-Y）`,
  'id.check': (a) => `统一社会信用代码校验码错误：第18位应为“${a['expected']}”，不是“${a['actual']}”（GB 32100-2015）`,
  'id.check-lenient': (a) => `统一社会信用代码校验码应为“${a['expected']}”，实为“${a['actual']}”；按 --lenient-id 接受`,
  'expected.district': () => '应为广州市11个区之一：越秀 海珠 荔湾 天河 白云 黄埔 番禺 花都 南沙 从化 增城',
  'expected.measure': () => '应为已知的措施（如 scale-tier 或 gz-2025-ecommerce/scale-tier）或名单',
  'expected.funding-ref': () => '应为 policy/measure 或 policy/measure@年份，如 gz-2024-cross-border/brand-overseas@2025',
  'expected.object': () => '应为一个企业对象 {…}',
  'expected.required': () => '必填',
  'expected.type': (a) => `类型应为 ${a['type']}`,
  'expected.one-of': (a) => `应为以下之一：${a['values']}`,
  'expected.range': (a) => `超出范围（${a['min'] ?? ''}—${a['max'] ?? ''}）`,
  'expected.valid': (a) => `无效：${a['message']}`,
  'forbidden-key': (a) => `不允许的键名“${a['key']}”`,
  'unknown-field': (a) => `未知字段“${a['field']}”`,
  'none.contradicts': (a) => `已答“无”的 ${a['what']} 在 ${a['year']} 年又有记录：二者不能同时成立`,
  'file.missing': () => '文件不存在',
  'file.unreadable': (a) => `无法读取文件（${a['code']}）`,
  'file.empty': () => '文件为空',
  'file.no-rows': () => '只有表头，没有数据行',
  'json.syntax': (a) => `JSON 语法错误：${a['message']}`,
  'csv.syntax': (a) => `CSV 格式错误：${a['message']}`,
  'unknown-column': (a) => `未知列“${a['column']}”（见 gz-awards template）`,
  'duplicate-column': (a) => `列“${a['column']}”与“${a['first']}”重复`,
  'missing-id-column': () => '缺少统一社会信用代码列（id）',
  'row-cells': (a) => `该行有 ${a['found']} 个单元格，表头有 ${a['expected']} 列`,
  'expected.list-years': () => '应为年份，多个用分号分隔，如 2024；2025',
  'expected.list-years-track': () => '应为年份，可加“直播”表示直播电商鸿鹄名单，如 2025；2027直播',
  'expected.prior-award': () => '应为 措施@年份[:档次]，如 scale-tier@2025:1',
  'duplicate-id': (a) => `统一社会信用代码重复（首次出现于 ${a['first']}）`,
};

const en: Record<string, Text | Words> = {
  'field.missing': (a) => `${fieldName(a, 'en')} for ${a['year']} is missing`,
  'fields.missing': (a) => `missing ${a['paths']}`,
  'reporting.pass': words()`reports to the NBS direct-reporting platform in ${year}`,
  'reporting.fail': words()`does not report to the NBS direct-reporting platform in ${year} (a precondition)`,
  'newly-above-quota.pass': (a) => `newly above quota in ${a['year']}`,
  'newly-above-quota.fail': (a) => `not newly above quota in ${a['year']}`,
  'new-listing.pass': (a) => `new listing, quotation or bond issue in ${a['year']}`,
  'new-listing.fail': (a) => `no new listing, quotation or bond issue in ${a['year']}`,
  'cost.pass': words()`${(a) => fieldName(a, 'en')} ${year}: ${amount('value', 'en')}`,
  'cost.fail': (a) => `${fieldName(a, 'en')} ${a['year']} is 0`,
  'high-salary-staff.pass': (a) => `${a['value']} e-commerce staff paid ${money(f(a, 'salaryFloor'), 'en')}+ in ${a['year']}`,
  'high-salary-staff.fail': (a) => `no e-commerce staff paid ${money(f(a, 'salaryFloor'), 'en')}+ in ${a['year']}`,
  'threshold.pass': words()`${year} online retail sales ${amount('sales', 'en')} ${cmp} ${amount('threshold', 'en')} (tier ${arg('tier')})`,
  'threshold.fail': words()`${year} online retail sales ${amount('sales', 'en')} ${ncmp} the tier 1 threshold ${amount('threshold', 'en')}, ${(a) => money(gap(a), 'en')} short`,
  'first-crossing.pass': (a) => `sales the year before (${money(f(a, 'prev'), 'en')}) were below tier ${a['tier']}: ${a['year']} is the first crossing`,
  'first-crossing.fail': (a) => `sales the year before (${money(f(a, 'prev'), 'en')}) already reached tier ${a['tier']} (${money(f(a, 'threshold'), 'en')}): ${a['year']} is not a first crossing`,
  'growth.missing': (a) => `average growth ${a['from']}–${a['to']} needs online retail sales of ${a['years']}`,
  'growth.zero-base': (a) => `online retail sales of ${a['year']} are 0: no growth rate`,
  'growth.pass': words()`average growth ${arg('from')}–${arg('to')} ${growthRate}% ≥ ${minPct}`,
  'growth.fail': words()`average growth ${arg('from')}–${arg('to')} ${growthRate}% < ${minPct} (required for tier ${arg('tier')})`,
  'listed.pass': words()`${year}: ${(a) => listName(a, 'en')}`,
  'listed.fail': words()`${year}: not on the ${(a) => listName(a, 'en')}`,
  'first-time.pass': (a) => `first entry on the ${listName(a, 'en')}`,
  'first-time.fail': (a) => `not the first entry on the ${listName(a, 'en')}${a['earlier'] ? ` (already in ${a['earlier']})` : ''}`,
  'selection-year.pass': (a) => `${a['year']} is a selection year`,
  'selection-year.fail': (a) => `${a['year']} is not a selection year (selected only in ${String(a['years']).replace(/、/g, ' and ')})`,
  'project.pass': (a) => `${PROJECT_LABELS[a['type'] as ProjectType]?.en ?? a['type']} in ${a['year']}`,
  'project.fail': (a) => `no ${PROJECT_LABELS[a['type'] as ProjectType]?.en ?? a['type']} in ${a['year']}`,
  'recognition.pass': (a) => `${listName(a, 'en')} since ${a['since']}`,
  'recognition.fail': (a) => `in ${a['year']} neither a municipal demo enterprise nor in a municipal demo base or cross-border park`,
  'cap.applied': words()`${amount('base', 'en')} × ${(a) => pct(String(a['rate']))} = ${amount('share', 'en')}, capped at ${amount('cap', 'en')} a year: ${amount('amount', 'en')} (rounded down to the fen)`,
  'first-installment.pass': (a) => `first instalment ${money(f(a, 'first'), 'en')} ≥ 20% of the capital (${money(f(a, 'min'), 'en')})`,
  'first-installment.fail': (a) => `first instalment ${money(f(a, 'first'), 'en')} < 20% of the capital (${money(f(a, 'min'), 'en')})`,
  'registered-after.pass': (a) => `registered on ${a['registeredOn']}, not before the opinion was issued (${a['allowedFrom']})`,
  'registered-after.fail': (a) => `registered on ${a['registeredOn']}, before the opinion was issued (${a['allowedFrom']}): it did not yet apply at registration`,
  'paid-within.pass': (a) => `fully paid on ${a['fullyPaidOn']}, by ${a['deadline']} (within ${a['years']} years)`,
  'paid-within.fail': (a) => `fully paid only on ${a['fullyPaidOn']}, after ${a['deadline']} (due within ${a['years']} years)`,
  'higher-level-funding.pass': () => 'no state or provincial funding declared for the same project',
  'higher-level-funding.fail': (a) => `the same project is funded by the state or province (${refText(String(a['ref']), 'en')}): not supported twice`,
  'already-received': (a) => `already received (prior awards: ${refText(String(a['ref']), 'en')})`,
  'prior-award.same-application-year': (a) => `${refText(String(a['prior']), 'en')} already applied for in ${a['year']} (prior awards): 第二条 and 第三条 cannot both be applied for in one year (${articleText(a['article'])})`,
  'prior-award.once-in-life': (a) => `${refText(String(a['prior']), 'en')} already received (prior awards): the one-off award is paid once (${articleText(a['article'])})`,
  'prior-award.same-item': (a) => `the same item was already awarded as ${refText(String(a['prior']), 'en')} (prior awards): not paid twice (${articleText(a['article'])})`,
  'track.pass': (a) => `tracks include ${a['track']}`,
  'track.fail': (a) => `this measure is for enterprises whose tracks include ${a['track']} (cross-border e-commerce enterprises); this one has ${a['tracks'] || 'none'}`,
  'note.rd-national-rate': () => 'the rate is national tax law, not this text: since 2023-01-01 an extra 100% of the expense (intangible assets amortised at 200% of cost), 财政部 税务总局公告2023年第7号',
  'already-awarded.pass': () => 'no earlier tier awarded: paid in full',
  'already-awarded.top-up': (a) => `tier ${a['awarded']} already awarded (${byText(a, 'en')}): pays the difference up to tier ${a['tier']}`,
  'already-awarded.fail': (a) => `tier ${a['awarded']} already awarded (${byText(a, 'en')}): tier ${a['tier']} is no step up`,
  'in-force.fail': (a) => `${a['year']} is outside the validity (${a['range']})`,
  'note.partly-in-force': (a) => `the year is only partly in force (${a['from']} to ${a['to'] ?? '—'})`,
  'note.applied-near-expiry': (a) => `applied for in ${a['applied']}, when the document may have expired (valid to ${a['to']}): mind the deadline`,
  'note.same-year-conflict': (a) => `applied for in the same year as ${refText(String(a['other']), 'en')}: the two cannot both be applied for (${articleText(a['article'])})`,
  'note.gd-2012-superseded': () => 'the 2012 provincial text states no end date; later national tax law may have replaced its tax terms',
  'note.rd-2023-7': () => 'the extra deduction was raised to 100% from 2023-01-01 by 财政部 税务总局公告2023年第7号 (intangible assets amortised at 200% of cost); this figure follows the 2012 text',
  'note.rd-amortisation': () => 'amortised at 150% of cost: the amount is an extra amortisation base (50% of cost), deducted over the amortisation years, not at once',
  'amortisation-base': (a) => `intangible assets ${money(f(a, 'cost'), 'en')} amortised at ${a['amortised']}%: extra amortisation base ${money(f(a, 'base'), 'en')}`,
  'note.livestream-validity': () => 'the text states no validity; taken to run to 2027, the year of its targets',
  'level.pass': (a) => `${fieldName(a, 'en')} ${a['year']}: ${money(f(a, 'value'), 'en')} ${cmp(a)} ${money(f(a, 'threshold'), 'en')}${a['tier'] ? ` (tier ${a['tier']})` : ''}`,
  'level.fail': (a) => `${fieldName(a, 'en')} ${a['year']}: ${money(f(a, 'value'), 'en')} ${ncmp(a)} the ${a['tier'] ? `tier ${a['tier']} ` : ''}threshold ${money(f(a, 'threshold'), 'en')}, ${money(levelGap(a), 'en', undefined, 'up')} short`,
  'first-reach.pass': (a) =>
    `${a['year']} first reaches tier ${a['from'] === a['tier'] ? a['tier'] : `${a['from']}–${a['tier']}`} (before: ${a['before'] ? `tier ${a['before']}, in ${a['beforeYear']}` : 'below tier 1'})` +
    (a['from'] !== a['tier'] ? (a['every'] ? `; every tier crossed is paid, ${money(f(a, 'amount'), 'en')} in all` : `; the highest tier reached is paid, ${money(f(a, 'amount'), 'en')}`) : ''),
  'first-reach.fail': (a) => `tier ${a['tier']} was reached in ${a['beforeYear']} already: ${a['year']} is not the first time`,
  'increase.pass': (a) => `${fieldName(a, 'en')} ${a['year']}: ${money(f(a, 'value'), 'en')}, up ${money(f(a, 'increase'), 'en')} on the year before (${money(f(a, 'prev'), 'en')})`,
  'increase.fail': (a) => `${fieldName(a, 'en')} ${a['year']}: ${money(f(a, 'value'), 'en')}, not above the year before (${money(f(a, 'prev'), 'en')}): no increase`,
  'ratio.applied': (a) => `the increase ${money(f(a, 'base'), 'en')} × ${pct(String(a['rate']))} = ${money(f(a, 'share'), 'en')}, capped at ${money(f(a, 'cap'), 'en')} a year: ${money(f(a, 'amount'), 'en')} (rounded down to the fen)`,
  'steps.whole': (a) => `the increase ${money(f(a, 'increase'), 'en')} holds ${a['steps']} whole steps of ${money(f(a, 'step'), 'en')}, × ${money(f(a, 'award'), 'en')} = ${money(f(a, 'sum'), 'en')}, capped at ${money(f(a, 'cap'), 'en')} a year: ${money(f(a, 'amount'), 'en')}`,
  'steps.pro-rata': (a) => `the increase ${money(f(a, 'increase'), 'en')} ÷ ${money(f(a, 'step'), 'en')} × ${money(f(a, 'award'), 'en')} = ${money(f(a, 'sum'), 'en')} (pro rata, rounded down to the fen), capped at ${money(f(a, 'cap'), 'en')} a year: ${money(f(a, 'amount'), 'en')}`,
  'steps.fail': (a) => `the increase ${money(f(a, 'increase'), 'en')} is less than one whole step of ${money(f(a, 'step'), 'en')}`,
  'yoy.pass': (a) => `${fieldName(a, 'en')} ${a['year']}: year-on-year growth ${a['rate']}% ≥ ${pct(String(a['min']))}`,
  'yoy.fail': (a) => `${fieldName(a, 'en')} ${a['year']}: year-on-year growth ${a['rate']}% < ${pct(String(a['min']))}`,
  'flag.pass': (a) => `${fieldName(a, 'en')} ${a['year']}: yes`,
  'flag.fail': (a) => `${fieldName(a, 'en')} ${a['year']}: no`,
  'note.first-reach-highest': () => 'a year that crosses several tiers at once is paid the highest tier reached, once (interpretation firstReachJump=highest)',
  'note.first-reach-every': () => 'a year that crosses several tiers at once is paid every tier crossed (interpretation firstReachJump=every)',
  'note.per-step-whole': () => '"每增加" counts whole steps; a part step pays nothing (interpretation perStep=whole)',
  'note.per-step-pro-rata': () => '"每增加" pays in proportion, a part step too (interpretation perStep=pro-rata)',
  'note.text': (a) => String(a['en']),
  'expected.amount': () => 'expected an amount in 元, e.g. 3100000000, 31亿 or 3.1e9',
  'amount.not-a-number': () => 'expected an amount: digits, thousand separators (3,100,000,000), a unit (31亿, 310000万元) or an exponent (3.1e9)',
  'amount.negative': () => 'an amount cannot be negative',
  'amount.sub-fen': () => 'an amount is exact to the fen at most (two decimals of 元)',
  'amount.not-finite': () => 'an amount cannot be NaN or infinite',
  'amount.too-large': (a) => `the amount is beyond any plausible figure (the limit is ${a['max']} 元): check the digits, the unit and any exponent`,
  'amount.exponent': () => 'a number in exponent form (Excel writes this when it has rounded the number for display): check the original',
  'expected.boolean': () => 'expected true/false, 1/0 or 是/否',
  'expected.count': () => 'expected a whole number, 0 or more',
  'expected.year': (a) => `expected a year from ${a['min']} to ${a['max']}`,
  'expected.year-key': (a) => `a year key must be a four-digit year from ${a['min']} to ${a['max']}`,
  'expected.date': () => 'expected a date YYYY-MM-DD',
  'id.missing': () => 'the unified social credit code (id) is missing',
  'id.length': (a) => `a unified social credit code has 18 characters, this one ${a['length']}`,
  'id.charset': (a) => `character ${a['position']} "${a['char']}" is not allowed in a unified social credit code (0-9 A-H J-N P-R T U W-Y)`,
  'id.check': (a) => `wrong check character: the 18th character should be "${a['expected']}", not "${a['actual']}" (GB 32100-2015)`,
  'id.check-lenient': (a) => `check character should be "${a['expected']}", found "${a['actual']}"; accepted under --lenient-id`,
  'expected.district': () => "expected one of Guangzhou's 11 districts: Yuexiu Haizhu Liwan Tianhe Baiyun Huangpu Panyu Huadu Nansha Conghua Zengcheng",
  'expected.measure': () => 'expected a known measure (scale-tier or gz-2025-ecommerce/scale-tier) or list',
  'expected.funding-ref': () => 'expected policy/measure or policy/measure@year, e.g. gz-2024-cross-border/brand-overseas@2025',
  'expected.object': () => 'expected an enterprise object {…}',
  'expected.required': () => 'required',
  'expected.type': (a) => `expected a ${a['type']}`,
  'expected.one-of': (a) => `expected one of: ${a['values']}`,
  'expected.range': (a) => `out of range (${a['min'] ?? ''}–${a['max'] ?? ''})`,
  'expected.valid': (a) => `invalid: ${a['message']}`,
  'forbidden-key': (a) => `the key "${a['key']}" is not allowed`,
  'unknown-field': (a) => `unknown field "${a['field']}"`,
  'none.contradicts': (a) => `${a['what']} is answered "none" but has an entry in ${a['year']}: both cannot be true`,
  'file.missing': () => 'no such file',
  'file.unreadable': (a) => `cannot read the file (${a['code']})`,
  'file.empty': () => 'the file is empty',
  'file.no-rows': () => 'a header but no data rows',
  'json.syntax': (a) => `JSON syntax error: ${a['message']}`,
  'csv.syntax': (a) => `CSV format error: ${a['message']}`,
  'unknown-column': (a) => `unknown column "${a['column']}" (see gz-awards template)`,
  'duplicate-column': (a) => `column "${a['column']}" repeats "${a['first']}"`,
  'missing-id-column': () => 'no column for the unified social credit code (id)',
  'row-cells': (a) => `the row has ${a['found']} cells, the header ${a['expected']} columns`,
  'expected.list-years': () => 'expected years separated by semicolons, e.g. 2024;2025',
  'expected.list-years-track': () => 'expected years, with ":livestream" for the live-streaming Honghu list, e.g. 2025;2027:livestream',
  'expected.prior-award': () => 'expected measure@year[:tier], e.g. scale-tier@2025:1',
  'duplicate-id': (a) => `duplicate unified social credit code (first at ${a['first']})`,
};

/** What a level check's value lacks to reach its threshold. */
function levelGap(a: Args): Fen {
  const d = f(a, 'threshold') - f(a, 'value');
  return d > 0n ? d : 0n;
}

function gap(a: Args): Fen {
  const d = f(a, 'threshold') - f(a, 'sales');
  return d > 0n ? d : 0n;
}

export const CATALOGUE: Record<Lang, Record<string, Text | Words>> = {
  zh: { ...zh, ...batchMessages.zh, ...scenarioMessages.zh, ...readerMessages.zh, ...safetyMessages.zh },
  en: { ...en, ...batchMessages.en, ...scenarioMessages.en, ...readerMessages.en, ...safetyMessages.en },
};

/** The message's words as constant pieces and values (Words), if it is written so. */
export function wordsOf(key: string, lang: Lang): Words | null {
  const text = CATALOGUE[lang][key];
  return text !== undefined && typeof text !== 'function' ? text : null;
}

/** The words of a message; an unknown key shows itself rather than disappearing. */
export function t(msg: Msg, lang: Lang): string {
  const text = CATALOGUE[lang][msg.key];
  if (text) return typeof text === 'function' ? text((msg.args ?? {}) as Args) : joinWords(text, (msg.args ?? {}) as Args);
  return `${msg.key}${msg.args ? ' ' + JSON.stringify(msg.args, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) : ''}`;
}

/**
 * The CSV columns of the wide layout (one row per enterprise) and their Chinese and English headers. One alias
 * table, read by the row mapper and by `template`, so that what the template writes is what the reader reads.
 *
 *   id, name, district, tracks                       统一社会信用代码, 企业名称, 所属区, 业务类型
 *   <field>_<year>  e.g. online_retail_sales_2025    实物商品网上零售额_2025
 *   list_<list>     e.g. list_honghu = "2025;2027"   名单_鸿鹄 = "2025；2027"  (鸿鹄: "2027:livestream" or "2027直播")
 *   project_<type>  e.g. project_platform = "2020"   项目_平台 = "2020"
 *   registered_capital, first_installment, registered_on, fully_paid_on
 *   prior_awards = "scale-tier@2025:1; qilin@2024"   已获奖励
 *   higher_level_funding = "gz-2024-cross-border/brand-overseas@2025"   已获国家省级资金
 */
import { LIST_IDS, PROJECT_TYPES, YEAR_FIELDS, type ListId, type ProjectType, type YearField } from '../domain/enterprise.js';
import { YEAR_FIELD_LABELS } from '../domain/labels.js';
import type { Unit } from '../domain/money.js';
import { MAX_YEAR, MIN_YEAR } from '../domain/values.js';

export type Column =
  | { kind: 'id' | 'name' | 'district' | 'tracks' | 'prior' | 'funding' }
  | { kind: 'capital'; key: 'amount' | 'firstInstallment' | 'registeredOn' | 'fullyPaidOn' }
  | { kind: 'year'; field: YearField; year: number }
  | { kind: 'list'; list: ListId }
  | { kind: 'project'; type: ProjectType };

/** Short Chinese names of lists, as headers "名单_<name>". */
export const LIST_HEADER_ZH: Record<ListId, string> = {
  honghu: '鸿鹄',
  qilin: '麒麟',
  kunpeng: '鲲鹏',
  'brand-overseas': '品牌出海',
  'ecommerce-park': '电商园区',
  'livestream-park': '直播园区',
  'gz-hq': '总部企业',
  'high-tech': '高新技术企业',
  'gz-demo-enterprise': '示范企业',
  'gz-demo-base-tenant': '示范基地',
  'cross-border-park-tenant': '跨境园区',
  'rural-demo': '农村示范企业',
  'top50-hq': '50强总部',
  'payment-license': '支付牌照',
  'overseas-warehouse': '海外仓',
  'gz-demo-base': '示范基地运营',
  'cross-border-park': '跨境园区运营',
  'hq-relocated-listed': '迁入上市总部',
  'cb-newly-introduced': '新引进跨境电商',
  'cb-demo-enterprise': '跨境示范企业',
  'cb-demo-park': '跨境示范园区',
  'vertical-benchmark': '垂直类标杆企业',
  'ecommerce-park-tenant': '入驻电商园区',
  'ecommerce-hq': '电商总部企业',
  'software-enterprise': '软件企业',
  'advanced-tech-service': '技术先进型服务企业',
  'gd-well-known-hq': '知名电商总部',
};

export const PROJECT_HEADER_ZH: Record<ProjectType, string> = {
  platform: '平台',
  'professional-market': '专业市场',
  'self-service-terminal': '自助终端',
  'industrial-ecommerce': '工业电商',
  'rural-warehouse': '农村公共仓',
  'exhibition': '会展活动',
  'manufacturing-digital': '制造业数字化',
  'standard': '标准制修订',
  'going-global': '走出去',
};

/** Fixed columns: [kind-or-key, English header, Chinese header, other accepted spellings]. */
export const FIXED_COLUMNS: ReadonlyArray<[Column, string, string, string[]]> = [
  [{ kind: 'id' }, 'id', '统一社会信用代码', ['信用代码', 'uscc', '社会信用代码']],
  [{ kind: 'name' }, 'name', '企业名称', ['名称', '企业']],
  [{ kind: 'district' }, 'district', '所属区', ['区', '辖区', '区域']],
  [{ kind: 'tracks' }, 'tracks', '业务类型', ['业务']],
  [{ kind: 'capital', key: 'amount' }, 'registered_capital', '注册资本', []],
  [{ kind: 'capital', key: 'firstInstallment' }, 'first_installment', '首期缴付', ['首期出资']],
  [{ kind: 'capital', key: 'registeredOn' }, 'registered_on', '注册日期', ['成立日期']],
  [{ kind: 'capital', key: 'fullyPaidOn' }, 'fully_paid_on', '缴足日期', []],
  [{ kind: 'prior' }, 'prior_awards', '已获奖励', []],
  [{ kind: 'funding' }, 'higher_level_funding', '已获国家省级资金', ['已获上级资金']],
];

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

const LOOKUP = new Map<string, Column>();
for (const [col, en, zh, more] of FIXED_COLUMNS) for (const h of [en, zh, ...more]) LOOKUP.set(norm(h), col);
for (const list of LIST_IDS) {
  const col: Column = { kind: 'list', list };
  for (const h of [`list_${list}`, `list_${list.replace(/-/g, '_')}`, `名单_${LIST_HEADER_ZH[list]}`, `${LIST_HEADER_ZH[list]}名单`]) LOOKUP.set(norm(h), col);
}
for (const type of PROJECT_TYPES) {
  const col: Column = { kind: 'project', type };
  for (const h of [`project_${type}`, `project_${type.replace(/-/g, '_')}`, `项目_${PROJECT_HEADER_ZH[type]}`]) LOOKUP.set(norm(h), col);
}
/** The column a header names, or null (see readHeader). */
export function columnOf(header: string): Column | null {
  return readHeader(header).column;
}

/** The header of a column in a language: what `template` writes. */
export function headerOf(col: Column, lang: 'zh' | 'en'): string {
  switch (col.kind) {
    case 'year':
      return lang === 'zh' ? `${YEAR_FIELD_LABELS[col.field].zh}_${col.year}` : `${YEAR_FIELD_LABELS[col.field].snake}_${col.year}`;
    case 'list':
      return lang === 'zh' ? `名单_${LIST_HEADER_ZH[col.list]}` : `list_${col.list}`;
    case 'project':
      return lang === 'zh' ? `项目_${PROJECT_HEADER_ZH[col.type]}` : `project_${col.type}`;
    default: {
      const row = FIXED_COLUMNS.find(([c]) => c.kind === col.kind && (c.kind !== 'capital' || (col.kind === 'capital' && c.key === col.key)));
      return row ? (lang === 'zh' ? row[2] : row[1]) : col.kind;
    }
  }
}

/** Aliases of the yearly fields as offices write them, besides the template's Chinese and English headers. */
const YEAR_FIELD_ALIASES: Record<YearField, string[]> = {
  onlineRetailSales: ['网上零售额', '网络零售额', '实物商品网络零售额', 'online retail', 'retail sales'],
  nbsDirectReporting: ['联网直报', '纳入联网直报', '国家统计局联网直报'],
  newlyAboveQuota: ['新增限额以上企业', '新增限上企业', '当年新增限上企业'],
  brandPromotionExpense: ['品牌出海推广费', '品牌推广费用', '品牌推广费', '推广费用'],
  bondedZoneRent: ['特殊监管区域租金', '监管区域租金', '租金'],
  highSalaryStaff: ['电商人才数', '高薪人才数', '年薪30万以上人才数'],
  rdExpensed: ['研发费用费用化', '费用化研发费用', '研发费用化'],
  rdCapitalized: ['研发费用资本化', '资本化研发费用', '研发费用形成无形资产'],
  newListing: ['新上市挂牌发债', '上市挂牌发债'],
  staffEducationExpense: ['职工教育经费', '教育经费'],
  crossBorderRetailExport: ['跨境零售出口', '跨境电商出口'],
};

/** What a header says: its column, the unit written in it, and whether it named a year outside 2000–2100. */
export interface HeaderReading {
  column: Column | null;
  unit?: Unit;
  /** A four-digit year written in a header of a yearly field that is outside the years read (2000–2100). */
  yearOutOfRange?: number;
}

/** Unicode compatibility form (full-width brackets, colons, digits → ASCII), lower case. */
const fold = (s: string) => s.normalize('NFKC').replace(/^\uFEFF/, '').trim().toLowerCase();
/** The key a field's words are compared by: no spaces, separators or brackets. */
export const fieldKey = (s: string) => fold(s).replace(/[\s_\-–—.,，、:：;；/\\()（）[\]【】{}<>《》"'“”‘’]+/g, '');

const UNIT_WORDS: Record<string, Unit> = { 元: '元', 万元: '万元', 万: '万元', 亿元: '亿元', 亿: '亿元', 萬元: '万元', 億元: '亿元' };
/** A unit in brackets, "(万元)", or after 单位, "单位：万元" (after NFKC folding). */
const UNIT_IN_HEADER = /\(\s*(?:单位\s*:?\s*)?(元|万元|万|亿元|亿|萬元|億元)\s*\)|单位\s*:?\s*(元|万元|万|亿元|亿|萬元|億元)/;

/** The unit a text names ("单位：万元" in a title row, "(万元)" in a header), or undefined. */
export function unitIn(text: string): Unit | undefined {
  const m = UNIT_IN_HEADER.exec(fold(text));
  return m ? UNIT_WORDS[m[1] ?? m[2]!] : undefined;
}

const FIELD_BY_KEY = new Map<string, YearField>();
for (const field of Object.keys(YEAR_FIELDS) as YearField[]) {
  const l = YEAR_FIELD_LABELS[field];
  for (const h of [l.snake, l.zh, l.en, field, ...YEAR_FIELD_ALIASES[field]]) FIELD_BY_KEY.set(fieldKey(h), field);
}
const FIXED_BY_KEY = new Map<string, Column>();
for (const [h, col] of LOOKUP) FIXED_BY_KEY.set(fieldKey(h), col);

/** A four-digit year standing on its own (not inside a longer number), with 年 or 年度 after it. */
const YEAR_IN_HEADER = /(?<!\d)(\d{4})(?!\d)\s*(?:年度|年)?/g;

/** Reads a header as people write it: field and year in any order and decoration, a unit in brackets. */
export function readHeader(header: string): HeaderReading {
  const unit = unitIn(header);
  const bare = fold(header).replace(new RegExp(UNIT_IN_HEADER.source, 'g'), '');
  const fixed = LOOKUP.get(norm(bare)) ?? FIXED_BY_KEY.get(fieldKey(bare));
  if (fixed) return { column: fixed, ...(unit ? { unit } : {}) };
  const years = [...bare.matchAll(YEAR_IN_HEADER)];
  if (years.length !== 1) return { column: null, ...(unit ? { unit } : {}) };
  const year = Number(years[0]![1]);
  // "2025年网上零售额" without its 年; "2025 年薪30万元以上…" keeps it (年薪 is the field's word)
  const field = FIELD_BY_KEY.get(fieldKey(bare.replace(years[0]![0], ' '))) ?? FIELD_BY_KEY.get(fieldKey(bare.replace(years[0]![1]!, ' ')));
  if (!field) return { column: null, ...(unit ? { unit } : {}) };
  if (year < MIN_YEAR || year > MAX_YEAR) return { column: null, yearOutOfRange: year };
  return { column: { kind: 'year', field, year }, ...(unit ? { unit } : {}) };
}

/** A cell of a header row that is only a year ("2025", "2025年", "2025年度"): the upper row of a two-row header. */
export function yearCell(cell: string): number | null {
  const m = /^(\d{4})\s*(?:年度|年)?$/.exec(fold(cell));
  return m ? Number(m[1]) : null;
}

/** Words that only the readers' fields use: a header holding one is meant as a field, never ignored. */
const KEY_WORDS = ['零售额', '租金', '研发', '推广', '信用代码', '注册资本', '首期', '缴足', '联网直报', '限额以上', '限上', '人才', '挂牌', '名单', '项目', 'retail', 'rent', 'promotion', 'salary', 'capital', 'uscc', 'listing'];

/** Every header the reader knows, as suggestions: [key, header shown]. Yearly fields are shown with the year. */
function suggestions(year: number | null, lang: 'zh' | 'en'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const field of Object.keys(YEAR_FIELDS) as YearField[]) {
    const l = YEAR_FIELD_LABELS[field];
    const shown = (h: string) => (year ? `${h}_${year}` : `${h}_YYYY`);
    out.push([fieldKey(l.zh), shown(lang === 'zh' ? l.zh : l.snake)], [fieldKey(l.snake), shown(l.snake)]);
    for (const a of YEAR_FIELD_ALIASES[field]) out.push([fieldKey(a), shown(lang === 'zh' ? l.zh : l.snake)]);
  }
  for (const [col, en, zh, more] of FIXED_COLUMNS) for (const h of [en, zh, ...more]) out.push([fieldKey(h), headerOf(col, lang === 'zh' && /[^\x00-\x7f]/.test(h) ? 'zh' : 'en')]);
  for (const list of LIST_IDS) out.push([fieldKey(`名单_${LIST_HEADER_ZH[list]}`), `名单_${LIST_HEADER_ZH[list]}`], [fieldKey(`list_${list}`), `list_${list}`]);
  for (const type of PROJECT_TYPES) out.push([fieldKey(`项目_${PROJECT_HEADER_ZH[type]}`), `项目_${PROJECT_HEADER_ZH[type]}`], [fieldKey(`project_${type}`), `project_${type}`]);
  return out;
}

/** Levenshtein distance, by code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The known headers closest to an unknown one, best first, and whether it resembles one closely enough to be
 * meant as it (a key word of a field, or a small edit distance): such a column is an error, never ignored.
 */
export function closestHeaders(header: string, n = 3): { names: string[]; resembles: boolean } {
  const bare = fold(header).replace(new RegExp(UNIT_IN_HEADER.source, 'g'), '');
  const years = [...bare.matchAll(YEAR_IN_HEADER)];
  const year = years.length === 1 ? Number(years[0]![1]) : null;
  const key = fieldKey(year ? bare.replace(years[0]![0], ' ') : bare);
  if (key === '') return { names: [], resembles: false };
  const lang = /[^\x00-\x7f]/.test(key) ? 'zh' : 'en';
  const keyLength = [...key].length;
  const scored = suggestions(year, lang).map(([k, shown]) => {
    // lengths far apart are far apart: a header of 250,000 characters is not compared letter by letter (issue 34)
    const d = Math.abs(keyLength - k.length) > 32 ? Math.abs(keyLength - k.length) : editDistance(key, k);
    // a key word shared, or one contained in the other, counts as close
    const shared = KEY_WORDS.some((w) => key.includes(w) && k.includes(w)) || (key.length >= 2 && k.includes(key)) || (k.length >= 2 && key.includes(k));
    return { shown, d: shared ? Math.min(d, 0.5) : d, limit: Math.max(1, Math.floor(Math.max(keyLength, [...k].length) / 4)) };
  });
  scored.sort((x, y) => x.d - y.d);
  const names = [...new Set(scored.map((s) => s.shown))].slice(0, n);
  const best = scored[0];
  return { names, resembles: !!best && (best.d <= best.limit || KEY_WORDS.some((w) => key.includes(w))) };
}

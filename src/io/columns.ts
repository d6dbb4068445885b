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
const YEAR_PREFIX = new Map<string, YearField>();
for (const field of Object.keys(YEAR_FIELDS) as YearField[]) {
  const l = YEAR_FIELD_LABELS[field];
  for (const h of [l.snake, l.zh, field]) YEAR_PREFIX.set(norm(h), field);
}

/** The column a header names, or null. Yearly columns end in _YYYY (or -YYYY, or YYYY年). */
export function columnOf(header: string): Column | null {
  const h = norm(header.replace(/^\uFEFF/, ''));
  const fixed = LOOKUP.get(h);
  if (fixed) return fixed;
  const m = /^(.*?)_?(\d{4})年?$/.exec(h);
  if (m) {
    const field = YEAR_PREFIX.get(m[1]!.replace(/_$/, ''));
    if (field) return { kind: 'year', field, year: Number(m[2]) };
  }
  return null;
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

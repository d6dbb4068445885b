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
import type { ProjectType } from '../domain/enterprise.js';
import type { Unit } from '../domain/money.js';
import { MAX_YEAR, MIN_YEAR } from '../domain/values.js';
import { allInputs, fieldKey, fold, inputDef, LIST_HEADER_ZH, PROJECT_HEADER_ZH, STRUCTURAL_HEADERS, vocabularyVersion } from '../domain/vocabulary.js';

export { fieldKey, LIST_HEADER_ZH, PROJECT_HEADER_ZH };

/**
 * A column: the enterprise's own (id, name, …), a yearly input in a year (a built-in field or a per-year input a
 * policy file declares, domain/vocabulary.ts), a list (built-in or declared), a 2019 project type, or a
 * declared input given once (`input`).
 */
export type Column =
  | { kind: 'id' | 'name' | 'district' | 'tracks' | 'prior' | 'funding' }
  | { kind: 'capital'; key: 'amount' | 'firstInstallment' | 'registeredOn' | 'fullyPaidOn' }
  | { kind: 'year'; field: string; year: number }
  | { kind: 'list'; list: string }
  | { kind: 'project'; type: ProjectType }
  | { kind: 'input'; id: string };

const structural = (key: string): Column => (key.startsWith('capital.') ? { kind: 'capital', key: key.slice(8) as 'amount' } : { kind: key as 'id' });

/** Fixed columns: [kind-or-key, English header, Chinese header, other accepted spellings]. */
export const FIXED_COLUMNS: ReadonlyArray<[Column, string, string, string[]]> = STRUCTURAL_HEADERS.map(([key, en, zh, more]) => [structural(key), en, zh, [...more]]);

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The headers' index, made from the vocabulary and made again when a declaration extends it. */
interface Index {
  version: number;
  /** Whole headers (fixed columns, lists, projects, once-only inputs) by norm. */
  lookup: Map<string, Column>;
  /** The same by fieldKey. */
  fixedByKey: Map<string, Column>;
  /** Yearly inputs by the fieldKey of their headers without the year. */
  fieldByKey: Map<string, string>;
}
let index: Index | null = null;

function headerIndex(): Index {
  if (index && index.version === vocabularyVersion()) return index;
  const lookup = new Map<string, Column>();
  const fieldByKey = new Map<string, string>();
  for (const [col, en, zh, more] of FIXED_COLUMNS) for (const h of [en, zh, ...more]) lookup.set(norm(h), col);
  for (const d of allInputs()) {
    if (d.store === 'year') {
      for (const h of d.headers) if (!fieldByKey.has(fieldKey(h))) fieldByKey.set(fieldKey(h), d.id);
      continue;
    }
    const col: Column = d.store === 'list' ? { kind: 'list', list: d.id } : d.store === 'project' ? { kind: 'project', type: d.id as ProjectType } : { kind: 'input', id: d.id };
    for (const h of d.headers) if (!lookup.has(norm(h))) lookup.set(norm(h), col);
  }
  const fixedByKey = new Map<string, Column>();
  for (const [h, col] of lookup) fixedByKey.set(fieldKey(h), col);
  return (index = { version: vocabularyVersion(), lookup, fixedByKey, fieldByKey });
}

/** The column a header names, or null (see readHeader). */
export function columnOf(header: string): Column | null {
  return readHeader(header).column;
}

/** The header of a column in a language: what `template` writes. */
export function headerOf(col: Column, lang: 'zh' | 'en'): string {
  switch (col.kind) {
    case 'year':
      return `${inputDef(col.field)?.header[lang] ?? col.field}_${col.year}`;
    case 'list':
      return inputDef(col.list)?.header[lang] ?? `list_${col.list}`;
    case 'project':
      return inputDef(col.type)?.header[lang] ?? `project_${col.type}`;
    case 'input':
      return inputDef(col.id)?.header[lang] ?? col.id;
    default: {
      const row = FIXED_COLUMNS.find(([c]) => c.kind === col.kind && (c.kind !== 'capital' || (col.kind === 'capital' && c.key === col.key)));
      return row ? (lang === 'zh' ? row[2] : row[1]) : col.kind;
    }
  }
}

/** What a header says: its column, the unit written in it, and whether it named a year outside 2000–2100. */
export interface HeaderReading {
  column: Column | null;
  unit?: Unit;
  /** A four-digit year written in a header of a yearly field that is outside the years read (2000–2100). */
  yearOutOfRange?: number;
}


const UNIT_WORDS: Record<string, Unit> = { 元: '元', 万元: '万元', 万: '万元', 亿元: '亿元', 亿: '亿元', 萬元: '万元', 億元: '亿元' };
/** A unit in brackets, "(万元)", or after 单位, "单位：万元" (after NFKC folding). */
const UNIT_IN_HEADER = /\(\s*(?:单位\s*:?\s*)?(元|万元|万|亿元|亿|萬元|億元)\s*\)|单位\s*:?\s*(元|万元|万|亿元|亿|萬元|億元)/;

/** The unit a text names ("单位：万元" in a title row, "(万元)" in a header), or undefined. */
export function unitIn(text: string): Unit | undefined {
  const m = UNIT_IN_HEADER.exec(fold(text));
  return m ? UNIT_WORDS[m[1] ?? m[2]!] : undefined;
}


/** A four-digit year standing on its own (not inside a longer number), with 年 or 年度 after it. */
const YEAR_IN_HEADER = /(?<!\d)(\d{4})(?!\d)\s*(?:年度|年)?/g;

/** Reads a header as people write it: field and year in any order and decoration, a unit in brackets. */
export function readHeader(header: string): HeaderReading {
  const unit = unitIn(header);
  const bare = fold(header).replace(new RegExp(UNIT_IN_HEADER.source, 'g'), '');
  const ix = headerIndex();
  const fixed = ix.lookup.get(norm(bare)) ?? ix.fixedByKey.get(fieldKey(bare));
  if (fixed) return { column: fixed, ...(unit ? { unit } : {}) };
  const years = [...bare.matchAll(YEAR_IN_HEADER)];
  if (years.length !== 1) return { column: null, ...(unit ? { unit } : {}) };
  const year = Number(years[0]![1]);
  // "2025年网上零售额" without its 年; "2025 年薪30万元以上…" keeps it (年薪 is the field's word)
  const field = ix.fieldByKey.get(fieldKey(bare.replace(years[0]![0], ' '))) ?? ix.fieldByKey.get(fieldKey(bare.replace(years[0]![1]!, ' ')));
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
  const inputs = allInputs();
  const shown = (h: string) => (year ? `${h}_${year}` : `${h}_YYYY`);
  for (const d of inputs) {
    if (d.store !== 'year') continue;
    out.push([fieldKey(d.header.zh), shown(lang === 'zh' ? d.header.zh : d.header.en)], [fieldKey(d.header.en), shown(d.header.en)]);
    for (const a of d.aliases) out.push([fieldKey(a), shown(lang === 'zh' ? d.header.zh : d.header.en)]);
  }
  for (const [col, en, zh, more] of FIXED_COLUMNS) for (const h of [en, zh, ...more]) out.push([fieldKey(h), headerOf(col, lang === 'zh' && /[^\x00-\x7f]/.test(h) ? 'zh' : 'en')]);
  for (const store of ['list', 'project', 'static'] as const) {
    for (const d of inputs) {
      if (d.store !== store) continue;
      out.push([fieldKey(d.header.zh), d.header.zh], [fieldKey(d.header.en), d.header.en]);
      for (const a of d.aliases) out.push([fieldKey(a), lang === 'zh' ? d.header.zh : d.header.en]);
    }
  }
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

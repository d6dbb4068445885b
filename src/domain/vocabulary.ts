/**
 * The input vocabulary: every input an enterprise may give, as a registry of declarations. The built-ins (the
 * yearly fields, the lists, the 2019 projects) fill it when this module loads; a policy file extends it with the
 * inputs its measures read (registerInput, registerDeclaredInputs). Every reader (CSV, XLSX, JSON, --set,
 * template, validate, check) and every message reads its names, headers and kinds from here, so a declared
 * input is read exactly as a built-in is.
 *
 * Where an enterprise keeps a value (Enterprise, domain/enterprise.ts):
 *   money, boolean, count, category, per year   years[YYYY][id]        (CSV: <header>_YYYY)
 *   money, boolean, count, category, once       inputs[id]             (CSV: <header>)
 *   list (a 名单: the years it is on it)        lists: [{list: id, year}]  (CSV: 名单_<name> = "2025;2027")
 * Read them with inputValue / inputReader (one accessor for the engine and the templates).
 */
import { LIST_IDS, PROJECT_TYPES, YEAR_FIELDS, yearData, type Enterprise, type ListId, type ProjectType, type YearField } from './enterprise.js';
import { LIST_LABELS, PROJECT_LABELS, YEAR_FIELD_LABELS, type Label, type Lang } from './labels.js';
import { error, type Problem } from './problem.js';
import { readBool, readCount, readMoney, type Read } from './values.js';
import type { Unit } from './money.js';

export const INPUT_KINDS = ['money', 'boolean', 'count', 'category', 'list'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** A value a category input may take: an id (stored), its names, and other spellings read as it. */
export interface CategoryValue {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

/** An input as a policy file declares it (or a built-in, as this module declares it). */
export interface InputDecl {
  /** camelCase or kebab-case, e.g. annualSales, above-quota-category. */
  readonly id: string;
  readonly name: Label;
  readonly kind: InputKind;
  /** A figure of each year (years.YYYY.id, column <header>_YYYY), or one for the enterprise. Lists: always by year. */
  readonly perYear?: boolean;
  /** The headers `template` writes (default: the Chinese name, the id in snake_case; lists 名单_<name>, list_<id>). */
  readonly headers?: { readonly zh?: string; readonly en?: string };
  /** Other headers read as this input (as offices write them). */
  readonly aliases?: readonly string[];
  /** A category's values: written as an object, or as one string that is its id and both names. */
  readonly values?: ReadonlyArray<CategoryValue | string>;
}

/** Where an enterprise keeps an input's values. */
export type InputStore = 'year' | 'static' | 'list' | 'project';

/** A registered input. */
export interface InputDef {
  readonly id: string;
  readonly name: Label;
  readonly kind: InputKind;
  readonly perYear: boolean;
  readonly store: InputStore;
  /** 'built-in', or the file that declared it. */
  readonly source: string;
  /** The headers `template` writes (yearly inputs: before "_YYYY"). */
  readonly header: Label;
  /** Every header read as this input, the template's included (yearly inputs: without the year). */
  readonly headers: readonly string[];
  /** The headers among them written as offices write them (the declaration's aliases): suggested for near misses. */
  readonly aliases: readonly string[];
  readonly values?: readonly CategoryValue[];
  readonly builtIn: boolean;
}

/** The columns that are not inputs of a measure but the enterprise itself: key, English and Chinese headers, others. */
export const STRUCTURAL_HEADERS: ReadonlyArray<readonly [key: string, en: string, zh: string, more: readonly string[]]> = [
  ['id', 'id', '统一社会信用代码', ['信用代码', 'uscc', '社会信用代码']],
  ['name', 'name', '企业名称', ['名称', '企业']],
  ['district', 'district', '所属区', ['区', '辖区', '区域']],
  ['tracks', 'tracks', '业务类型', ['业务']],
  ['capital.amount', 'registered_capital', '注册资本', []],
  ['capital.firstInstallment', 'first_installment', '首期缴付', ['首期出资']],
  ['capital.registeredOn', 'registered_on', '注册日期', ['成立日期']],
  ['capital.fullyPaidOn', 'fully_paid_on', '缴足日期', []],
  ['prior', 'prior_awards', '已获奖励', []],
  ['funding', 'higher_level_funding', '已获国家省级资金', ['已获上级资金']],
];

/** Keys of the canonical JSON's top level and of registeredCapital: never an input's id. */
const RESERVED_IDS = new Set(['id', 'name', 'district', 'tracks', 'years', 'lists', 'projects', 'registeredCapital', 'priorAwards', 'higherLevelFunding', 'inputs', 'amount', 'firstInstallment', 'registeredOn', 'fullyPaidOn', '__proto__', 'constructor', 'prototype']);

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
  exhibition: '会展活动',
  'manufacturing-digital': '制造业数字化',
  standard: '标准制修订',
  'going-global': '走出去',
};

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

/** Unicode compatibility form (full-width brackets, colons, digits → ASCII), lower case. */
export const fold = (s: string) => s.normalize('NFKC').replace(/^\uFEFF/, '').trim().toLowerCase();
/** The key a header's words are compared by: no spaces, separators or brackets. */
export const fieldKey = (s: string) => fold(s).replace(/[\s_\-–—.,，、:：;；/\\()（）[\]【】{}<>《》"'“”‘’]+/g, '');
/** annualSales, above-quota-category → annual_sales, above_quota_category. */
export const snakeOf = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();

// ---------------------------------------------------------------------------------------------------------------
// The registry

const BY_ID = new Map<string, InputDef>();
/** Header key (fieldKey) → the input it names, or the structural column ("structural:<key>"). */
const BY_HEADER = new Map<string, string>();
let ORDER: InputDef[] = [];
let version = 0;
/** Per-year inputs declared beyond the built-in fields, in the order declared. */
let declaredYearIds: string[] = [];

for (const [key, en, zh, more] of STRUCTURAL_HEADERS) for (const h of [en, zh, ...more]) BY_HEADER.set(fieldKey(h), `structural:${key}`);

function add(def: InputDef): void {
  BY_ID.set(def.id, def);
  for (const h of def.headers) if (!BY_HEADER.has(fieldKey(h))) BY_HEADER.set(fieldKey(h), def.id);
  ORDER.push(def);
  if (!def.builtIn && def.store === 'year') declaredYearIds = [...declaredYearIds, def.id];
  version++;
}

for (const field of Object.keys(YEAR_FIELDS) as YearField[]) {
  const l = YEAR_FIELD_LABELS[field];
  add({
    id: field,
    name: { zh: l.zh, en: l.en },
    kind: YEAR_FIELDS[field],
    perYear: true,
    store: 'year',
    source: 'built-in',
    header: { zh: l.zh, en: l.snake },
    headers: [l.snake, l.zh, l.en, field, ...YEAR_FIELD_ALIASES[field]],
    aliases: YEAR_FIELD_ALIASES[field],
    builtIn: true,
  });
}
for (const list of LIST_IDS) {
  const short = LIST_HEADER_ZH[list];
  add({
    id: list,
    name: LIST_LABELS[list],
    kind: 'list',
    perYear: true,
    store: 'list',
    source: 'built-in',
    header: { zh: `名单_${short}`, en: `list_${list}` },
    headers: [`list_${list}`, `list_${list.replace(/-/g, '_')}`, `名单_${short}`, `${short}名单`],
    aliases: [],
    builtIn: true,
  });
}
for (const type of PROJECT_TYPES) {
  add({
    id: type,
    name: PROJECT_LABELS[type],
    kind: 'list',
    perYear: true,
    store: 'project',
    source: 'built-in',
    header: { zh: `项目_${PROJECT_HEADER_ZH[type]}`, en: `project_${type}` },
    headers: [`project_${type}`, `project_${type.replace(/-/g, '_')}`, `项目_${PROJECT_HEADER_ZH[type]}`],
    aliases: [],
    builtIn: true,
  });
}
const BUILT_IN_COUNT = ORDER.length;

/** Changes whenever an input is registered: readers that index headers rebuild their index when it moves. */
export function vocabularyVersion(): number {
  return version;
}

/** The input of an id, or undefined. */
export function inputDef(id: string): InputDef | undefined {
  return BY_ID.get(id);
}

/** Every input, built-ins first, in the order registered. */
export function allInputs(): readonly InputDef[] {
  return ORDER;
}

/** The inputs of one store (yearly figures, once-only values, lists, projects), built-ins first. */
export function inputsOf(store: InputStore): InputDef[] {
  return ORDER.filter((d) => d.store === store);
}

/** The inputs declared by files (not built in). */
export function declaredInputs(): readonly InputDef[] {
  return ORDER.slice(BUILT_IN_COUNT);
}

/** The per-year inputs declared beyond the built-in fields, in the order declared (their slots follow the built-ins'). */
export function declaredYearInputs(): readonly string[] {
  return declaredYearIds;
}

/** The input a header names (compared by fieldKey; yearly inputs without their year), or undefined. */
export function inputOfHeader(header: string): InputDef | undefined {
  const id = BY_HEADER.get(fieldKey(header));
  return id === undefined ? undefined : BY_ID.get(id);
}

/** An input's name in a language (its id when it is not registered). */
export function inputName(id: string, lang: Lang): string {
  return BY_ID.get(id)?.name[lang] ?? id;
}

/** A category value's name in a language (the value as given when the input or the value is unknown). */
export function categoryName(id: string, value: string, lang: Lang): string {
  return BY_ID.get(id)?.values?.find((v) => v.id === value)?.[lang] ?? value;
}

// ---------------------------------------------------------------------------------------------------------------
// Declaring

/** The file declarations came from when a caller gives none. */
const NO_SOURCE = 'policy file';

const DECL_KEYS = ['id', 'name', 'kind', 'perYear', 'headers', 'aliases', 'values'];
const ID_SHAPE = /^[a-z][a-zA-Z0-9]*(?:-[a-z0-9]+)*$/;
const A_YEAR = /(?<!\d)\d{4}(?!\d)/;

/**
 * Registers a declared input. Returns its problems (none when registered): each has the path inside the
 * declaration ("kind", "aliases[1]", "values[0].zh"), a message key of render/messages and its arguments, so a
 * loader adds the file, line and column. A declaration equal to one registered before (same id, kind, per-year
 * and values: two files of one district reading 年销售额) is accepted once; its new headers are added.
 */
export function registerInput(decl: InputDecl, source: string = NO_SOURCE): Problem[] {
  const staged = checkDecl(decl, source, new Map());
  if (!Array.isArray(staged)) commit([staged]);
  return Array.isArray(staged) ? staged : [];
}

/**
 * Registers the inputs a file declares, all or none: the problems of every declaration, their paths prefixed with
 * its index ("[2].kind"). What one declaration of the file takes (an id, a header) another may not take again.
 */
export function registerDeclaredInputs(decls: readonly InputDecl[], source: string = NO_SOURCE): Problem[] {
  const problems: Problem[] = [];
  const staged: Staged[] = [];
  const taken = new Map<string, string>();
  decls.forEach((decl, i) => {
    const r = checkDecl(decl, source, taken);
    if (Array.isArray(r)) for (const p of r) problems.push({ ...p, path: p.path ? `[${i}].${p.path}` : `[${i}]` });
    else staged.push(r);
  });
  if (problems.length === 0) commit(staged);
  return problems;
}

/** What registerDeclaredInputs registered, by file, in order: a worker thread replays it (registerDeclaredInputs). */
export function declaredBySource(): Array<{ source: string; decls: InputDecl[] }> {
  const out: Array<{ source: string; decls: InputDecl[] }> = [];
  for (const d of declaredInputs()) {
    let last = out[out.length - 1];
    if (!last || last.source !== d.source) out.push((last = { source: d.source, decls: [] }));
    last.decls.push({ id: d.id, name: d.name, kind: d.kind, perYear: d.perYear, headers: d.header, aliases: d.headers, ...(d.values ? { values: d.values } : {}) });
  }
  return out;
}

/** Drops every declared input (tests; a long-lived process between runs). The built-ins stay. */
export function resetDeclaredInputs(): void {
  for (const d of ORDER.slice(BUILT_IN_COUNT)) BY_ID.delete(d.id);
  ORDER = ORDER.slice(0, BUILT_IN_COUNT);
  declaredYearIds = [];
  BY_HEADER.clear();
  for (const [key, en, zh, more] of STRUCTURAL_HEADERS) for (const h of [en, zh, ...more]) BY_HEADER.set(fieldKey(h), `structural:${key}`);
  for (const d of ORDER) for (const h of d.headers) if (!BY_HEADER.has(fieldKey(h))) BY_HEADER.set(fieldKey(h), d.id);
  READERS.clear(); // an id declared again may be kept elsewhere
  version++;
}

/** A declaration checked: a new input, or new headers of one registered before. */
type Staged = { def: InputDef; existing: boolean };

function commit(staged: readonly Staged[]): void {
  for (const { def, existing } of staged) {
    if (!existing) {
      add(def);
      continue;
    }
    const old = BY_ID.get(def.id)!;
    const headers = [...old.headers, ...def.headers.filter((h) => !old.headers.some((o) => fieldKey(o) === fieldKey(h)))];
    const aliases = [...old.aliases, ...def.aliases.filter((h) => !old.headers.some((o) => fieldKey(o) === fieldKey(h)))];
    const merged: InputDef = { ...old, headers, aliases };
    BY_ID.set(def.id, merged);
    ORDER = ORDER.map((d) => (d.id === def.id ? merged : d));
    for (const h of headers) if (!BY_HEADER.has(fieldKey(h))) BY_HEADER.set(fieldKey(h), def.id);
    version++;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * A declaration checked against the registry and against `taken` (header keys → id, of declarations of the same
 * file checked before it, which it extends): the input to register, or its problems.
 */
function checkDecl(decl: InputDecl, source: string, taken: Map<string, string>): Staged | Problem[] {
  const problems: Problem[] = [];
  const d = (typeof decl === 'object' && decl !== null ? decl : {}) as Partial<InputDecl>;
  const id = d.id;
  const reserved = RESERVED_IDS.has(String(id)) || String(id) in Object.prototype;
  if (!isText(id) || !ID_SHAPE.test(id) || id.length > 64 || reserved) {
    problems.push(error('id', reserved ? 'input.reserved-id' : 'input.bad-id', { id: String(id ?? '') }));
    return problems;
  }
  for (const k of Object.keys(d)) if (!DECL_KEYS.includes(k)) problems.push(error(k, 'input.unknown-key', { id, key: k, keys: DECL_KEYS.join(', ') }));
  if (!(INPUT_KINDS as readonly unknown[]).includes(d.kind)) {
    problems.push(error('kind', 'input.unknown-kind', { id, kind: String(d.kind ?? ''), kinds: INPUT_KINDS.join(', ') }));
  }
  if (!d.name || !isText(d.name.zh) || !isText(d.name.en)) problems.push(error('name', 'input.no-name', { id }));
  if (d.perYear !== undefined && typeof d.perYear !== 'boolean') problems.push(error('perYear', 'input.per-year', { id }));
  const kind = d.kind as InputKind;
  const values = kind === 'category' ? categoryValues(d, id, problems) : undefined;
  if (kind !== 'category' && d.values !== undefined) problems.push(error('values', 'input.values-not-category', { id, kind: String(kind) }));
  if (problems.length) return problems;

  const perYear = kind === 'list' || !!d.perYear;
  const store: InputStore = kind === 'list' ? 'list' : perYear ? 'year' : 'static';
  const snake = snakeOf(id);
  const header: Label = {
    zh: isText(d.headers?.zh) ? d.headers.zh.trim() : kind === 'list' ? `名单_${d.name!.zh.trim()}` : d.name!.zh.trim(),
    en: isText(d.headers?.en) ? d.headers.en.trim() : kind === 'list' ? `list_${snake}` : snake,
  };
  // the headers, each with the path a problem of it names
  const named: Array<[string, string]> = [
    [header.zh, d.headers?.zh ? 'headers.zh' : 'name.zh'],
    [header.en, d.headers?.en ? 'headers.en' : 'id'],
    [d.name!.zh.trim(), 'name.zh'],
    [d.name!.en.trim(), 'name.en'],
    [id, 'id'],
  ];
  if (kind === 'list') named.push([`list_${id}`, 'id'], [`${d.name!.zh.trim()}名单`, 'name.zh']);
  if (d.aliases !== undefined && !Array.isArray(d.aliases)) problems.push(error('aliases', 'input.aliases', { id }));
  (Array.isArray(d.aliases) ? d.aliases : []).forEach((a, i) => {
    if (isText(a)) named.push([a.trim(), `aliases[${i}]`]);
    else problems.push(error(`aliases[${i}]`, 'input.aliases', { id }));
  });

  const old = BY_ID.get(id);
  const sameFile = [...taken.values()].includes(id);
  if (sameFile) problems.push(error('id', 'input.duplicate-id', { id, source }));
  else if (old) {
    const same = old.kind === kind && old.perYear === perYear && sameValues(old.values, values);
    if (!same) {
      problems.push(error(old.kind !== kind ? 'kind' : old.perYear !== perYear ? 'perYear' : 'values', 'input.conflict', {
        id,
        source: old.source,
        kind: old.kind,
        perYear: String(old.perYear),
      }));
    }
  }
  const headers: string[] = [];
  const aliases: string[] = [];
  const seen = new Set<string>();
  for (const [h, path] of named) {
    const key = fieldKey(h);
    if (seen.has(key)) continue;
    seen.add(key);
    if (key === '') {
      problems.push(error(path, 'input.empty-header', { id }));
      continue;
    }
    if (A_YEAR.test(fold(h))) {
      problems.push(error(path, 'input.header-year', { id, header: h }));
      continue;
    }
    const owner = taken.get(key) ?? BY_HEADER.get(key);
    if (owner !== undefined && owner !== id) {
      const other = owner.startsWith('structural:') ? null : BY_ID.get(owner);
      problems.push(error(path, 'input.header-taken', { id, header: h, owner: other ? `${other.name.zh} (${other.id})` : h, source: other?.source ?? 'built-in' }));
      continue;
    }
    headers.push(h);
    if (path.startsWith('aliases')) aliases.push(h);
  }
  if (problems.length) return problems;
  for (const h of headers) taken.set(fieldKey(h), id);
  const def: InputDef = { id, name: { zh: d.name!.zh.trim(), en: d.name!.en.trim() }, kind, perYear, store, source, header, headers, aliases, ...(values ? { values } : {}), builtIn: false };
  return { def, existing: !!old };
}

function categoryValues(d: Partial<InputDecl>, id: string, problems: Problem[]): CategoryValue[] | undefined {
  if (!Array.isArray(d.values) || d.values.length === 0) {
    problems.push(error('values', 'input.no-values', { id }));
    return undefined;
  }
  const out: CategoryValue[] = [];
  const keys = new Set<string>();
  d.values.forEach((v, i) => {
    const value: CategoryValue | null = isText(v)
      ? { id: v.trim(), zh: v.trim(), en: v.trim() }
      : typeof v === 'object' && v !== null && isText(v.id) && isText(v.zh) && isText(v.en)
        ? { id: v.id.trim(), zh: v.zh.trim(), en: v.en.trim(), ...(Array.isArray(v.aliases) ? { aliases: v.aliases.filter(isText).map((a: string) => a.trim()) } : {}) }
        : null;
    if (!value) {
      problems.push(error(`values[${i}]`, 'input.bad-value', { id }));
      return;
    }
    for (const w of new Set([value.id, value.zh, value.en, ...(value.aliases ?? [])].map(fieldKey))) {
      if (keys.has(w)) problems.push(error(`values[${i}]`, 'input.duplicate-value', { id, value: value.zh }));
      keys.add(w);
    }
    out.push(value);
  });
  return out;
}

function sameValues(a: readonly CategoryValue[] | undefined, b: readonly CategoryValue[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((v, i) => v.id === b[i]!.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and accessing values

/** A category's value as written (its id, either name or an alias, compared by fieldKey) → its id. */
export function readCategory(v: unknown, def: InputDef): Read<string> {
  if (typeof v === 'string' && def.values) {
    const key = fieldKey(v);
    for (const value of def.values) {
      if (fieldKey(value.id) === key || fieldKey(value.zh) === key || fieldKey(value.en) === key || value.aliases?.some((a) => fieldKey(a) === key)) return { ok: true, value: value.id };
    }
  }
  return { ok: false, key: 'expected.category', args: { values: (def.values ?? []).map((x) => x.zh).join('、') } };
}

/** One value of an input that is not a list, read as its kind says (money in `unit` when bare). */
export function readInputValue(def: InputDef, v: unknown, unit: Unit = '元'): Read<unknown> {
  switch (def.kind) {
    case 'money':
      return readMoney(v, unit);
    case 'boolean':
      return readBool(v);
    case 'count':
      return readCount(v);
    case 'category':
      return readCategory(v, def);
    default:
      return { ok: false, key: 'expected.valid', args: { message: def.kind } };
  }
}

/** Reads one input of an enterprise: a per-year one for `year`; a once-only one whatever the year; a list: the years. */
export type InputReader = (e: Enterprise, year: number) => unknown;

const READERS = new Map<string, InputReader>();

/**
 * The accessor of an input, made once (by a template when it is built, never per row): a per-year input reads the
 * year's figures as the built-in rules do (yearData(e, year)[id]); a once-only input reads `inputs`; a list or
 * project returns the years of its entries, ascending. Undefined when the enterprise does not give it.
 */
export function inputReader(id: string): InputReader {
  let r = READERS.get(id);
  if (r) return r;
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown input ${id}`); // a programming error: a template reads only registered inputs
  switch (def.store) {
    case 'year':
      r = (e, year) => (yearData(e, year) as Record<string, unknown> | undefined)?.[id];
      break;
    case 'static':
      r = (e) => e.inputs?.[id];
      break;
    case 'list':
      r = (e) => yearsOf(e.lists, (l) => l.list === id);
      break;
    case 'project':
      r = (e) => yearsOf(e.projects, (p) => p.type === id);
      break;
  }
  READERS.set(id, r);
  return r;
}

function yearsOf<T extends { year: number }>(entries: readonly T[], match: (x: T) => boolean): number[] | undefined {
  let out: number[] | undefined;
  for (const x of entries) if (match(x)) (out ??= []).includes(x.year) || out.push(x.year);
  return out?.sort((a, b) => a - b);
}

/** The value of an input of an enterprise (see inputReader): one call, for the rare reader; templates keep the reader. */
export function inputValue(e: Enterprise, id: string, year: number): unknown {
  return inputReader(id)(e, year);
}

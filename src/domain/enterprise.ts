/**
 * The enterprise as the engine sees it (SPEC §2), after reading and validation: money in fen, districts
 * canonical, years as numbers. Readers (JSON through the zod schema, CSV through the row mapper) produce this.
 */
import type { Fen } from './money.js';

export const TRACKS = ['ecommerce', 'livestream', 'cross-border'] as const;
export type Track = (typeof TRACKS)[number];

export const LIST_IDS = [
  'honghu',
  'qilin',
  'kunpeng',
  'brand-overseas',
  'ecommerce-park',
  'livestream-park',
  'gz-hq',
  'high-tech',
  'gz-demo-enterprise',
  'gz-demo-base-tenant',
  'cross-border-park-tenant',
  'rural-demo',
  'top50-hq',
  'payment-license',
  'overseas-warehouse',
  'gz-demo-base',
  'cross-border-park',
  'hq-relocated-listed',
  'cb-newly-introduced',
  'cb-demo-enterprise',
  'cb-demo-park',
  'vertical-benchmark',
  'ecommerce-park-tenant',
  'ecommerce-hq',
  'software-enterprise',
  'advanced-tech-service',
  'gd-well-known-hq',
] as const;
export type ListId = (typeof LIST_IDS)[number];

export const PROJECT_TYPES = [
  'platform',
  'professional-market',
  'self-service-terminal',
  'industrial-ecommerce',
  'rural-warehouse',
  'exhibition',
  'manufacturing-digital',
  'standard',
  'going-global',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** The yearly figures; an absent field is unknown, never zero. */
export interface YearData {
  onlineRetailSales?: Fen;
  nbsDirectReporting?: boolean;
  newlyAboveQuota?: boolean;
  brandPromotionExpense?: Fen;
  bondedZoneRent?: Fen;
  highSalaryStaff?: number;
  rdExpensed?: Fen;
  rdCapitalized?: Fen;
  newListing?: boolean;
  /** 员工教育经费 drawn and actually used in the year (001 (二十八)). */
  staffEducationExpense?: Fen;
  /** Exported goods as cross-border e-commerce retail exports (9610) in the year (001 (六)). */
  crossBorderRetailExport?: boolean;
}
export type YearField = keyof YearData;

/** Which yearly fields are money, which booleans, which counts: drives readers, templates and messages. */
export const YEAR_FIELDS = {
  onlineRetailSales: 'money',
  nbsDirectReporting: 'boolean',
  newlyAboveQuota: 'boolean',
  brandPromotionExpense: 'money',
  bondedZoneRent: 'money',
  highSalaryStaff: 'count',
  rdExpensed: 'money',
  rdCapitalized: 'money',
  newListing: 'boolean',
  staffEducationExpense: 'money',
  crossBorderRetailExport: 'boolean',
} as const satisfies Record<YearField, 'money' | 'boolean' | 'count'>;

export interface ListEntry {
  /** A built-in list (ListId) or one a policy file declares (domain/vocabulary.ts). */
  list: string;
  year: number;
  /** Only for honghu: which document's list (ecommerce by default). */
  track?: 'ecommerce' | 'livestream';
  firstTime?: boolean;
}

export interface Project {
  type: ProjectType;
  year: number;
}

export interface RegisteredCapital {
  amount?: Fen;
  firstInstallment?: Fen;
  /** ISO dates, YYYY-MM-DD. */
  registeredOn?: string;
  fullyPaidOn?: string;
}

export interface PriorAward {
  /** "scale-tier" or "policy/measure"; a list id also marks that list as entered before. */
  measure: string;
  year: number;
  tier?: number;
}

/** A list the enterprise says it is not on, in any year: a list id, and the track for 鸿鹄 (one list, two tracks). */
export interface ListNone {
  list: ListEntry['list'];
  track?: 'ecommerce' | 'livestream';
}

/** Lists and projects explicitly answered "none" (无), so that a resumed self-check does not ask them again. */
export interface AnsweredNone {
  lists: ListNone[];
  projects: ProjectType[];
}

export interface Enterprise {
  id: string;
  name?: string;
  district?: string;
  tracks: Track[];
  years: Record<number, YearData>;
  /**
   * The same years in a fast layout, where the reader gives one (the CSV row reader does): ascending years and
   * their figures side by side. An object keyed by integer years is a hash table in V8, slow to build and to read
   * a million times; the engine reads years through yearData and yearListOf, which use this when it is there.
   */
  yearList?: YearList;
  lists: ListEntry[];
  projects: Project[];
  registeredCapital?: RegisteredCapital;
  priorAwards: PriorAward[];
  higherLevelFunding: string[];
  /**
   * Inputs a policy file declares that are given once, not per year, by id (domain/vocabulary.ts); declared
   * per-year inputs sit in the years beside the built-in fields, declared lists in `lists`. Absent: none given.
   */
  inputs?: Record<string, unknown>;
  /**
   * The performance years asked for, as --years names them: each gets a row (a result, needs-data or not in
   * force) for every measure the enterprise gives any input for, even where that year's own figures are missing.
   */
  performanceYears?: readonly number[];
  /** Lists and projects answered "none": no entry, and the self-check does not ask them again. */
  answeredNone?: AnsweredNone;
}

/** Years, ascending and distinct, and the figures of each (data[i] for years[i]). */
export interface YearList {
  readonly years: readonly number[];
  readonly data: readonly YearData[];
}

/** The figures of one year, or undefined when the enterprise gives none for it. */
export function yearData(e: Enterprise, year: number): YearData | undefined {
  const l = e.yearList;
  if (l === undefined) return e.years[year];
  const ys = l.years;
  for (let i = 0; i < ys.length; i++) if (ys[i] === year) return l.data[i];
  return undefined;
}

/** The enterprise's years, ascending, with their figures. */
export function yearListOf(e: Enterprise): YearList {
  return e.yearList ?? yearListOfRecord(e.years);
}

/** An object of years as a YearList. */
export function yearListOfRecord(byYear: Record<number, YearData>): YearList {
  const years: number[] = [];
  const data: YearData[] = [];
  // for…in visits integer keys in ascending order
  for (const key in byYear) {
    years.push(Number(key));
    data.push(byYear[key as unknown as number]!);
  }
  return { years, data };
}

/** A YearList as the object keyed by year. */
export function recordOfYearList(l: YearList): Record<number, YearData> {
  const byYear: Record<number, YearData> = {};
  for (let i = 0; i < l.years.length; i++) byYear[l.years[i]!] = l.data[i]!;
  return byYear;
}

/**
 * Whether a list entry is the enterprise's first on that list: it is, unless the same list appears in an
 * earlier year (in `lists` or in `priorAwards`) or the entry says `firstTime: false`.
 */
export function isFirstTime(e: Enterprise, entry: ListEntry): boolean {
  if (entry.firstTime === false) return false;
  for (const other of e.lists) if (other.list === entry.list && other.year < entry.year) return false;
  for (const p of e.priorAwards) {
    if (p.year < entry.year && (p.measure === entry.list || p.measure.endsWith('/' + entry.list))) return false;
  }
  return true;
}

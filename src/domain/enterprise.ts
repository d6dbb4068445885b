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
  list: ListId;
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

export interface Enterprise {
  id: string;
  name?: string;
  district?: string;
  tracks: Track[];
  years: Record<number, YearData>;
  lists: ListEntry[];
  projects: Project[];
  registeredCapital?: RegisteredCapital;
  priorAwards: PriorAward[];
  higherLevelFunding: string[];
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

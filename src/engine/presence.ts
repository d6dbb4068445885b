/**
 * What an enterprise gives, as bits, worked out once per evaluation: a measure whose inputs the enterprise
 * does not give at all is skipped with one AND, and the years a measure speaks of follow from the same bits.
 */
import { LIST_IDS, PROJECT_TYPES, YEAR_FIELDS, yearListOf, type Enterprise, type YearData, type YearField } from '../domain/enterprise.js';
import { declaredYearInputs } from '../domain/vocabulary.js';
import type { Reads } from '../policies/define.js';

const FIELDS = Object.keys(YEAR_FIELDS) as YearField[];
const FIELD_BIT = Object.fromEntries(FIELDS.map((f, i) => [f, 1 << i])) as Record<string, number>;
/** Lists have a mask of their own, so that fields, projects and lists each have room in 31 bits. */
const LIST_BIT = Object.fromEntries(LIST_IDS.map((l, i) => [l, 1 << i])) as Record<string, number>;
const PROJECT_BIT = Object.fromEntries(PROJECT_TYPES.map((t, i) => [t, 1 << (FIELDS.length + i)])) as Record<string, number>;
const CAPITAL_BIT = 1 << (FIELDS.length + PROJECT_TYPES.length);
/**
 * Per-year inputs a policy file declares (domain/vocabulary.ts) share the bits left, the k-th declared taking bit
 * FIRST_DECLARED + k % DECLARED_BITS: a filter that may let a measure through, never one that keeps it out. A measure
 * that reads one has its years worked out exactly by candidateYears (DECLARED_MASK sends it there).
 */
const FIRST_DECLARED = FIELDS.length + PROJECT_TYPES.length + 1;
const DECLARED_BITS = 31 - FIRST_DECLARED;
export const DECLARED_MASK = ((1 << DECLARED_BITS) - 1) << FIRST_DECLARED;
/** Lists a policy file declares: one bit of the list mask for them all (again a filter only). */
const DECLARED_LIST_BIT = 1 << 30;
if (DECLARED_BITS < 1 || LIST_IDS.length > 30) throw new Error('presence bits overflow');
const declaredBit = (k: number) => 1 << (FIRST_DECLARED + (k % DECLARED_BITS));

export interface Presence {
  /** Everything the enterprise gives but lists: yearly fields, projects, registered capital. */
  mask: number;
  /** The lists it is on. */
  listMask: number;
  /** Its years, ascending, and the yearly fields each gives. */
  years: readonly number[];
  yearMasks: number[];
}

export function presenceOf(e: Enterprise): Presence {
  let mask = 0;
  const list = yearListOf(e);
  const years = list.years;
  const yearMasks: number[] = [];
  const declared = declaredYearInputs();
  for (let i = 0; i < years.length; i++) {
    let m = fieldMask(list.data[i]!);
    if (declared.length > 0) m |= declaredMask(list.data[i]!, declared);
    yearMasks.push(m);
    mask |= m;
  }
  let listMask = 0;
  for (const l of e.lists) listMask |= LIST_BIT[l.list] ?? DECLARED_LIST_BIT;
  for (const p of e.projects) mask |= PROJECT_BIT[p.type] ?? 0;
  if (e.registeredCapital?.registeredOn) mask |= CAPITAL_BIT;
  return { mask, listMask, years, yearMasks };
}

/**
 * The yearly fields a year gives, as bits: each field read by name (a readers' year has one shape, so these reads
 * stay fast), where a for…in over the object's keys went through a generic lookup per key.
 */
export function fieldMask(d: YearData): number {
  return (
    (d.onlineRetailSales !== undefined ? BIT.onlineRetailSales : 0) |
    (d.nbsDirectReporting !== undefined ? BIT.nbsDirectReporting : 0) |
    (d.newlyAboveQuota !== undefined ? BIT.newlyAboveQuota : 0) |
    (d.brandPromotionExpense !== undefined ? BIT.brandPromotionExpense : 0) |
    (d.bondedZoneRent !== undefined ? BIT.bondedZoneRent : 0) |
    (d.highSalaryStaff !== undefined ? BIT.highSalaryStaff : 0) |
    (d.rdExpensed !== undefined ? BIT.rdExpensed : 0) |
    (d.rdCapitalized !== undefined ? BIT.rdCapitalized : 0) |
    (d.newListing !== undefined ? BIT.newListing : 0) |
    (d.staffEducationExpense !== undefined ? BIT.staffEducationExpense : 0) |
    (d.crossBorderRetailExport !== undefined ? BIT.crossBorderRetailExport : 0)
  );
}
/** The bits of the declared per-year inputs a year gives (none of this runs without a policy file's inputs). */
function declaredMask(d: YearData, declared: readonly string[]): number {
  let m = 0;
  for (let k = 0; k < declared.length; k++) if ((d as Record<string, unknown>)[declared[k]!] !== undefined) m |= declaredBit(k);
  return m;
}

// fieldMask names every yearly field: test/fast-paths.property.test.ts fails when YEAR_FIELDS gains one it lacks
const BIT = FIELD_BIT as Record<YearField, number>;

/** The bits of what a measure reads: [all of it but lists, its yearly fields, its lists]. */
export function readsMasks(reads: Reads): [number, number, number] {
  let fields = 0;
  for (const f of reads.fields ?? []) fields |= FIELD_BIT[f] ?? declaredBitOf(f);
  let all = fields;
  let lists = 0;
  for (const l of reads.lists ?? []) lists |= LIST_BIT[l] ?? DECLARED_LIST_BIT;
  for (const t of reads.projects ?? []) all |= PROJECT_BIT[t]!;
  if (reads.registeredCapital) all |= CAPITAL_BIT;
  return [all, fields, lists];
}

/** The bit of a declared per-year input (a measure names inputs the registry has: ruleset checks them). */
function declaredBitOf(id: string): number {
  const k = declaredYearInputs().indexOf(id);
  if (k < 0) throw new Error(`a measure reads ${id}, which no built-in field or declared input is`);
  return declaredBit(k);
}

/** The years, ascending and distinct, in which the enterprise gives something the measure reads. */
export function candidateYears(e: Enterprise, reads: Reads, fieldMask: number, p: Presence): number[] {
  const out: number[] = [];
  if (fieldMask & DECLARED_MASK) {
    // declared inputs share bits: a year counts when it gives one of the fields themselves
    const data = yearListOf(e).data;
    for (let i = 0; i < p.years.length; i++) {
      if ((p.yearMasks[i]! & fieldMask) === 0) continue;
      const d = data[i] as Record<string, unknown>;
      if (reads.fields!.some((f) => d[f] !== undefined)) out.push(p.years[i]!);
    }
  } else if (fieldMask) for (let i = 0; i < p.years.length; i++) if (p.yearMasks[i]! & fieldMask) out.push(p.years[i]!);
  const byFields = out.length;
  if (reads.lists) {
    for (const l of e.lists) {
      if (reads.lists.includes(l.list) && (!reads.listTrack || (l.track ?? 'ecommerce') === reads.listTrack)) out.push(l.year);
    }
  }
  if (reads.projects) for (const pr of e.projects) if (reads.projects.includes(pr.type)) out.push(pr.year);
  if (reads.registeredCapital && e.registeredCapital?.registeredOn) out.push(Number(e.registeredCapital.registeredOn.slice(0, 4)));
  return out.length === byFields ? out : [...new Set(out)].sort((a, b) => a - b);
}

/**
 * The batch summary: by district and measure, how many enterprises are eligible and the total of their amounts,
 * cash ceilings and deduction bases in columns of their own (a deduction base is the extra deductible amount, not
 * cash: no sum ever mixes the two); unquantified and non-monetary measures are counted, never summed.
 * Folded record by record from small contributions, so that worker threads can compute them.
 */
import Table from 'cli-table3';
import { shortTitleOf, titledNames, titleOf } from './titles.js';
import { DISTRICTS } from '../domain/districts.js';
import { districtEnglish } from '../domain/districts.js';
import { runJson, runLines, type RunInfo } from './run-record.js';
import type { Lang } from '../domain/labels.js';
import { KIND_LABELS } from '../domain/labels.js';
import { FenSums, formatYuan, groupThousands, type Fen } from '../domain/money.js';
import { isCash, type Kind } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';

/** [district index, measure index, amount, measure index, amount, …] of one enterprise. */
export type Contribution = Array<number | bigint>;

/** Index of "no district given". */
export const NO_DISTRICT = DISTRICTS.length;
const DISTRICT_INDEX = new Map<string, number>(DISTRICTS.map((d, i) => [d.name, i]));
/** The index of a district in the summary's tables (NO_DISTRICT when none is given). */
export const districtIndexOf = (district: string | undefined): number => DISTRICT_INDEX.get(district ?? '') ?? NO_DISTRICT;

export interface SummaryMeasure {
  ref: string;
  kind: Kind;
}

export function summaryMeasures(rs: RuleSet): SummaryMeasure[] {
  return rs.policies.flatMap((p) => p.measures.map((m) => ({ ref: m.ref, kind: m.def.kind })));
}

/** What one evaluation adds to the summary: each measure it is eligible for once, with its amounts summed. */
export function contributionOf(ev: Evaluation, measureIndex: ReadonlyMap<string, number>): Contribution {
  const out: Contribution = [DISTRICT_INDEX.get(ev.enterprise.district ?? '') ?? NO_DISTRICT];
  for (const r of ev.results) {
    if (r.status !== 'eligible') continue;
    const m = measureIndex.get(r.ref);
    if (m === undefined) continue;
    let seen = -1;
    for (let i = 1; i < out.length; i += 2) if (out[i] === m) seen = i;
    const amount = r.amount ?? 0n;
    if (seen === -1) out.push(m, amount);
    else out[seen + 1] = (out[seen + 1] as bigint) + amount;
  }
  return out;
}

export interface SummaryRow {
  district: string;
  measure: string;
  kind: Kind;
  enterprises: number;
  amount: Fen;
}

export class Summary {
  private readonly counts: Uint32Array;
  private readonly amounts: FenSums;
  /** Enterprises that get cash, by district (the cash-total rows count these). */
  private readonly perDistrict: Uint32Array;
  /** Enterprises with a deduction base, by district. */
  private readonly perDistrictDeduction: Uint32Array;
  /** Enterprises in the output, by district (a district appears in the totals when it has any). */
  private readonly inOutput: Uint32Array;

  constructor(private readonly measures: readonly SummaryMeasure[]) {
    const cells = (NO_DISTRICT + 1) * measures.length;
    this.counts = new Uint32Array(cells);
    this.amounts = new FenSums(cells);
    this.perDistrict = new Uint32Array(NO_DISTRICT + 1);
    this.perDistrictDeduction = new Uint32Array(NO_DISTRICT + 1);
    this.inOutput = new Uint32Array(NO_DISTRICT + 1);
  }

  /** An enterprise's contribution: c, or c[from … to) (one of a block's flat pieces, batch/flat-pieces.ts). */
  add(c: ArrayLike<number | bigint>, from = 0, to = c.length): void {
    const d = c[from] as number;
    const base = d * this.measures.length;
    let cash = false;
    let deduction = false;
    for (let i = from + 1; i < to; i += 2) {
      const k = base + (c[i] as number);
      this.counts[k]!++;
      const amount = c[i + 1]!;
      this.amounts.add(k, amount);
      const kind = this.measures[c[i] as number]!.kind;
      if (amount > 0 && isCash(kind)) cash = true;
      else if (amount > 0 && kind === 'tax-deduction') deduction = true;
    }
    if (cash) this.perDistrict[d]!++;
    if (deduction) this.perDistrictDeduction[d]!++;
    this.inOutput[d]!++;
  }

  rows(): SummaryRow[] {
    const out: SummaryRow[] = [];
    for (let d = 0; d <= NO_DISTRICT; d++) {
      for (let m = 0; m < this.measures.length; m++) {
        const k = d * this.measures.length + m;
        if (this.counts[k] === 0) continue;
        out.push({ district: d === NO_DISTRICT ? '' : DISTRICTS[d]!.name, measure: this.measures[m]!.ref, kind: this.measures[m]!.kind, enterprises: this.counts[k]!, amount: this.amounts.value(k) });
      }
    }
    return out;
  }

  /** Every measure over all districts: enterprises eligible and the amount. */
  byMeasure(): SummaryRow[] {
    const out: SummaryRow[] = [];
    for (let m = 0; m < this.measures.length; m++) {
      let n = 0;
      let amount = 0n;
      for (let d = 0; d <= NO_DISTRICT; d++) {
        n += this.counts[d * this.measures.length + m]!;
        amount += this.amounts.value(d * this.measures.length + m);
      }
      if (n > 0) out.push({ district: '*', measure: this.measures[m]!.ref, kind: this.measures[m]!.kind, enterprises: n, amount });
    }
    return out;
  }

  /**
   * By district (districts with no enterprise in the output left out): the enterprises that get cash and the cash
   * total; apart, the enterprises with a deduction base and the total of the bases.
   */
  districts(): DistrictTotal[] {
    const out = [];
    for (let d = 0; d <= NO_DISTRICT; d++) {
      if (this.inOutput[d] === 0) continue;
      let cash = 0n;
      let deduction = 0n;
      for (let m = 0; m < this.measures.length; m++) {
        const kind = this.measures[m]!.kind;
        if (isCash(kind)) cash += this.amounts.value(d * this.measures.length + m);
        else if (kind === 'tax-deduction') deduction += this.amounts.value(d * this.measures.length + m);
      }
      out.push({ district: d === NO_DISTRICT ? '' : DISTRICTS[d]!.name, enterprises: this.perDistrict[d]!, cash, deductionEnterprises: this.perDistrictDeduction[d]!, deduction });
    }
    return out;
  }
}

export interface DistrictTotal {
  district: string;
  /** Enterprises that get cash. */
  enterprises: number;
  cash: Fen;
  /** Enterprises with a deduction base. */
  deductionEnterprises: number;
  deduction: Fen;
}

const H = {
  zh: { district: '区', measure: '措施', kind: '类型', enterprises: '符合企业数', cash: '现金上限（元）', deduction: '扣除基数（元）', title: '措施名称', all: '全部', none: '（未填区）', total: '现金合计', deductionTotal: '扣除基数合计' },
  en: { district: 'District', measure: 'Measure', kind: 'Kind', enterprises: 'Enterprises eligible', cash: 'Cash ceiling (元)', deduction: 'Deduction base (元)', title: 'Title', all: 'all', none: '(no district)', total: 'cash total', deductionTotal: 'deduction base total' },
} as const;

const districtName = (d: string, lang: Lang) => (d === '' ? H[lang].none : lang === 'en' ? districtEnglish(d) : d);

/** A row's amount in the cash column and in the deduction column (one of them, or neither: counted, not summed). */
const cashCell = (r: SummaryRow) => (isCash(r.kind) ? formatYuan(r.amount) : '');
const deductionCell = (r: SummaryRow) => (r.kind === 'tax-deduction' ? formatYuan(r.amount) : '');

/**
 * The totals per district and for all, as rows of cells (district, label, kind, enterprises, cash, deduction,
 * title): a cash row for every district, a deduction row where any enterprise has a deduction base.
 */
function districtTotals(s: Summary, lang: Lang): string[][] {
  const h = H[lang];
  const rows: string[][] = [];
  let cash = 0n;
  let n = 0;
  let deduction = 0n;
  let nd = 0;
  for (const d of s.districts()) {
    rows.push([districtName(d.district, lang), h.total, '', String(d.enterprises), formatYuan(d.cash), '', h.total]);
    if (d.deductionEnterprises > 0) rows.push([districtName(d.district, lang), h.deductionTotal, '', String(d.deductionEnterprises), '', formatYuan(d.deduction), h.deductionTotal]);
    cash += d.cash;
    n += d.enterprises;
    deduction += d.deduction;
    nd += d.deductionEnterprises;
  }
  rows.push([h.all, h.total, '', String(n), formatYuan(cash), '', h.total]);
  if (nd > 0) rows.push([h.all, h.deductionTotal, '', String(nd), '', formatYuan(deduction), h.deductionTotal]);
  return rows;
}

export type { RunInfo } from './run-record.js';

/** The run information as rows of cells, below a summary (an empty row first). */
export function runInfoCells(info: RunInfo, lang: Lang): string[][] {
  return [[], ...runLines(info, lang)];
}

/**
 * The summary as rows of cells (--summary FILE, the workbook's summary sheet): every district × measure, then the
 * totals. Columns: district, measure (its id), kind, enterprises, cash ceiling, deduction base, the measure's
 * title (batch/year-totals.ts puts the payment and performance year after the cash column).
 */
export function summaryCells(s: Summary, lang: Lang): string[][] {
  const h = H[lang];
  const rows: string[][] = [[h.district, h.measure, h.kind, h.enterprises, h.cash, h.deduction, h.title]];
  const title = measureTitles(s.rows().map((r) => r.measure), lang);
  for (const r of s.rows()) rows.push([districtName(r.district, lang), r.measure, KIND_LABELS[r.kind][lang], String(r.enterprises), cashCell(r), deductionCell(r), title(r.measure)]);
  return [...rows, ...districtTotals(s, lang)];
}

/**
 * The summary for the terminal, short enough to read: every measure over all districts, then each district's
 * totals, cash and deduction bases in columns of their own (the full district × measure table goes to --summary
 * FILE). Amounts grouped by thousands.
 */
export function renderSummaryTable(s: Summary, lang: Lang): string {
  const h = H[lang];
  const measures = s.byMeasure();
  const name = measureNames(measures.map((r) => r.measure), lang);
  const body = [...measures.map((r) => [h.all, name(r.measure), KIND_LABELS[r.kind][lang], String(r.enterprises), cashCell(r), deductionCell(r)]), ...districtTotals(s, lang)];
  const table = new Table({ head: [h.district, h.measure, h.kind, h.enterprises, h.cash, h.deduction], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: ['left', 'left', 'left', 'right', 'right', 'right'] });
  const grouped = (c: string | undefined) => (c ? groupThousands(BigInt(c.replace('.', ''))) : '');
  for (const row of body) table.push([row[0]!, row[1]!, row[2]!, row[3]!, grouped(row[4]), grouped(row[5])]);
  return table.toString() + '\n';
}

/** Titles for a table of measures: the title, with the document's short title where two measures share one. */
export function measureTitles(refs: readonly string[], lang: Lang): (ref: string) => string {
  return titledNames(refs.map((ref) => [ref, titleOf(ref, lang)] as const), (ref) => shortTitleOf(ref, lang));
}

/**
 * How the terminal names a measure: in Chinese by its title (the id added where two measures of the table share
 * a title); in English by its id, as the files name it.
 */
function measureNames(refs: readonly string[], lang: Lang): (ref: string) => string {
  return lang === 'en' ? (ref) => ref : titledNames(refs.map((ref) => [ref, titleOf(ref, 'zh')] as const));
}

/**
 * The summary as JSON-ready data: each row's `amount` (of its kind) and, apart, `cash` and `deduction` (null where
 * the row is not of that kind); by district and in all, the cash and the deduction bases, never one sum.
 */
export function summaryJson(s: Summary, info?: RunInfo, lang: Lang = 'zh'): unknown {
  const rows = s.rows();
  const title = measureTitles(rows.map((r) => r.measure), 'zh');
  const ds = s.districts();
  const sum = (f: (d: DistrictTotal) => bigint) => formatYuan(ds.reduce((a, d) => a + f(d), 0n));
  const count = (f: (d: DistrictTotal) => number) => ds.reduce((a, d) => a + f(d), 0);
  return {
    ...(info ? runJson(info, lang) : {}),
    totals: { cash: sum((d) => d.cash), cashEnterprises: count((d) => d.enterprises), deduction: sum((d) => d.deduction), deductionEnterprises: count((d) => d.deductionEnterprises) },
    byDistrictAndMeasure: rows.map((r) => ({ district: r.district || null, measure: r.measure, title: title(r.measure), kind: r.kind, enterprises: r.enterprises, amount: isCash(r.kind) || r.kind === 'tax-deduction' ? formatYuan(r.amount) : null, cash: cashCell(r) || null, deduction: deductionCell(r) || null })),
    byDistrict: ds.map((d) => ({ district: d.district || null, enterprises: d.enterprises, cash: formatYuan(d.cash), deductionEnterprises: d.deductionEnterprises, deduction: formatYuan(d.deduction) })),
  };
}

/**
 * The batch summary: by district and measure, how many enterprises are eligible and the total of their amounts
 * (cash ceilings; for deductions the extra deductible amount, which is not cash and is not in the totals).
 * Folded record by record from small contributions, so that worker threads can compute them.
 */
import Table from 'cli-table3';
import { titledNames, titleOf } from './titles.js';
import { DISTRICTS } from '../domain/districts.js';
import { districtEnglish } from '../domain/districts.js';
import type { Interpretation } from '../engine/interpretation.js';
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
  /** Enterprises in the output, by district (a district appears in the totals when it has any). */
  private readonly inOutput: Uint32Array;

  constructor(private readonly measures: readonly SummaryMeasure[]) {
    const cells = (NO_DISTRICT + 1) * measures.length;
    this.counts = new Uint32Array(cells);
    this.amounts = new FenSums(cells);
    this.perDistrict = new Uint32Array(NO_DISTRICT + 1);
    this.inOutput = new Uint32Array(NO_DISTRICT + 1);
  }

  /** An enterprise's contribution: c, or c[from … to) (one of a block's flat pieces, batch/flat-pieces.ts). */
  add(c: ArrayLike<number | bigint>, from = 0, to = c.length): void {
    const d = c[from] as number;
    const base = d * this.measures.length;
    let cash = false;
    for (let i = from + 1; i < to; i += 2) {
      const k = base + (c[i] as number);
      this.counts[k]!++;
      const amount = c[i + 1]!;
      this.amounts.add(k, amount);
      if (isCash(this.measures[c[i] as number]!.kind) && amount > 0) cash = true;
    }
    if (cash) this.perDistrict[d]!++;
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

  /** Enterprises that get cash and the cash total, by district (districts with no enterprise in the output left out). */
  districts(): Array<{ district: string; enterprises: number; cash: Fen }> {
    const out = [];
    for (let d = 0; d <= NO_DISTRICT; d++) {
      if (this.inOutput[d] === 0) continue;
      let cash = 0n;
      for (let m = 0; m < this.measures.length; m++) if (isCash(this.measures[m]!.kind)) cash += this.amounts.value(d * this.measures.length + m);
      out.push({ district: d === NO_DISTRICT ? '' : DISTRICTS[d]!.name, enterprises: this.perDistrict[d]!, cash });
    }
    return out;
  }
}

const H = {
  zh: { district: '区', measure: '措施', kind: '类型', enterprises: '符合企业数', amount: '金额合计（元）', all: '全部', none: '（未填区）', total: '现金合计' },
  en: { district: 'District', measure: 'Measure', kind: 'Kind', enterprises: 'Enterprises eligible', amount: 'Total (元)', all: 'all', none: '(no district)', total: 'cash total' },
} as const;

const districtName = (d: string, lang: Lang) => (d === '' ? H[lang].none : lang === 'en' ? districtEnglish(d) : d);

const amountCell = (r: SummaryRow) => (isCash(r.kind) || r.kind === 'tax-deduction' ? formatYuan(r.amount) : '');

/** Cash totals per district and for all, as rows of cells. */
function districtTotals(s: Summary, lang: Lang): string[][] {
  const h = H[lang];
  const rows: string[][] = [];
  let all = 0n;
  let n = 0;
  for (const d of s.districts()) {
    rows.push([districtName(d.district, lang), h.total, '', String(d.enterprises), formatYuan(d.cash)]);
    all += d.cash;
    n += d.enterprises;
  }
  rows.push([h.all, h.total, '', String(n), formatYuan(all)]);
  return rows;
}

/** How a run was made, as every output records it (SPEC §5): the interpretation and the parameter overrides. */
export interface RunInfo {
  interpretation: Interpretation;
  params?: { file: string; sha256: string } | null | undefined;
}

/** The run information as rows of cells, below a summary. */
export function runInfoCells(info: RunInfo, lang: Lang): string[][] {
  const zh = lang === 'zh';
  const rows: string[][] = [[], [zh ? '解释口径' : 'interpretation', Object.entries(info.interpretation).map(([k, v]) => `${k}=${v}`).join(', ')]];
  rows.push([zh ? '参数覆盖' : 'parameters', info.params ? `${info.params.file} (sha256 ${info.params.sha256})` : zh ? '（文件原文，无覆盖）' : '(as published, no overrides)']);
  return rows;
}

/** The summary as rows of cells (--summary FILE, the workbook's second sheet): every district × measure, then the cash totals. */
export function summaryCells(s: Summary, lang: Lang): string[][] {
  const h = H[lang];
  const rows: string[][] = [[h.district, h.measure, h.kind, h.enterprises, h.amount]];
  for (const r of s.rows()) rows.push([districtName(r.district, lang), r.measure, KIND_LABELS[r.kind][lang], String(r.enterprises), amountCell(r)]);
  return [...rows, ...districtTotals(s, lang)];
}

/**
 * The summary for the terminal, short enough to read: every measure over all districts, then each district's cash
 * total (the full district × measure table goes to --summary FILE). Amounts grouped by thousands.
 */
export function renderSummaryTable(s: Summary, lang: Lang): string {
  const h = H[lang];
  const measures = s.byMeasure();
  const name = measureNames(measures.map((r) => r.measure), lang);
  const body = [...measures.map((r) => [h.all, name(r.measure), KIND_LABELS[r.kind][lang], String(r.enterprises), amountCell(r)]), ...districtTotals(s, lang)];
  const table = new Table({ head: [h.district, h.measure, h.kind, h.enterprises, h.amount], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: ['left', 'left', 'left', 'right', 'right'] });
  for (const row of body) table.push([row[0]!, row[1]!, row[2]!, row[3]!, row[4] ? groupThousands(BigInt(row[4].replace('.', ''))) : '']);
  return table.toString() + '\n';
}

/**
 * How the terminal names a measure: in Chinese by its title (the id added where two measures of the table share
 * a title); in English by its id, as the files name it.
 */
function measureNames(refs: readonly string[], lang: Lang): (ref: string) => string {
  return lang === 'en' ? (ref) => ref : titledNames(refs.map((ref) => [ref, titleOf(ref, 'zh')] as const));
}

/** The summary as JSON-ready data. */
export function summaryJson(s: Summary, info?: RunInfo): unknown {
  return {
    ...(info ? { interpretation: info.interpretation, params: info.params ?? null } : {}),
    byDistrictAndMeasure: s.rows().map((r) => ({ district: r.district || null, measure: r.measure, kind: r.kind, enterprises: r.enterprises, amount: formatYuan(r.amount) })),
    byDistrict: s.districts().map((d) => ({ district: d.district || null, enterprises: d.enterprises, cash: formatYuan(d.cash) })),
  };
}

/**
 * Cash ceilings by year, on two bases: the performance year (业绩年度, the year the figures are of) and the
 * payment year (申报/兑现年度, `applicationYear`: the year the enterprise applies and the budget pays). For each
 * year: by measure and by district, with the number of enterprises; and the tier awards' tiers per performance
 * year. Folded enterprise by enterprise from small contributions of plain numbers (they cross worker threads).
 */
import { DISTRICTS, districtEnglish } from '../domain/districts.js';
import { KIND_LABELS, type Lang } from '../domain/labels.js';
import { FenSums, fenNumber, formatYuan, groupThousands, type Fen } from '../domain/money.js';
import { isCash } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import { measureTitles, NO_DISTRICT, type SummaryMeasure } from '../render/summary.js';

/**
 * Per eligible cash result shown: measure index, performance year, payment year, amount (fen: a number while
 * exact, below 2^53, else the bigint), tier (0: none).
 */
export type YearContribution = Array<number | bigint>;
const STRIDE = 5;

export function yearContributionOf(ev: Evaluation, measureIndex: ReadonlyMap<string, number>, out: YearContribution = []): YearContribution {
  for (const r of ev.results) {
    if (r.status !== 'eligible' || !isCash(r.kind) || r.amount === null) continue;
    const m = measureIndex.get(r.ref);
    if (m === undefined) continue;
    out.push(m, r.year, r.applicationYear, fenNumber(r.amount), r.ledger ? (r.tier ?? 0) : 0);
  }
  return out;
}

export type Basis = 'payment' | 'performance';

/** One year's cells on one basis. */
export interface YearCell {
  year: number;
  /** Results (one per enterprise and measure) and amounts, by measure index. */
  measureCount: Uint32Array;
  measureAmount: Fen[];
  /** Enterprises with cash that year and amounts, by district index (NO_DISTRICT last). */
  districtCount: Uint32Array;
  districtAmount: Fen[];
  enterprises: number;
  total: Fen;
}

/** A year's cells while they are summed: the amounts in FenSums (measures, then districts, then the total). */
interface Tally {
  year: number;
  measureCount: Uint32Array;
  districtCount: Uint32Array;
  enterprises: number;
  sums: FenSums;
}

export class YearTotals {
  private readonly cells: Record<Basis, Map<number, Tally>> = { payment: new Map(), performance: new Map() };
  /** Performance year → enterprises per tier (index tier − 1) with an eligible tier award. */
  private readonly tierCounts = new Map<number, number[]>();
  /** The years an enterprise has been counted in, per basis (reused from one enterprise to the next). */
  private readonly seen: Record<Basis, number[]> = { payment: [], performance: [] };

  constructor(readonly measures: readonly SummaryMeasure[]) {}

  /** The items of c[from … to) (a piece may carry something before them, and be part of a block's flat pieces). */
  add(district: number, c: ArrayLike<number | bigint>, from = 0, to = c.length): void {
    if (to <= from) return;
    const seen = this.seen;
    seen.payment.length = 0;
    seen.performance.length = 0;
    for (let i = from; i < to; i += STRIDE) {
      const m = c[i] as number;
      const amount = c[i + 3]!;
      this.fold('performance', c[i + 1] as number, m, district, amount, seen.performance);
      this.fold('payment', c[i + 2] as number, m, district, amount, seen.payment);
      const tier = c[i + 4] as number;
      if (tier > 0) {
        const year = c[i + 1] as number;
        const counts = this.tierCounts.get(year) ?? [];
        counts[tier - 1] = (counts[tier - 1] ?? 0) + 1;
        this.tierCounts.set(year, counts);
      }
    }
  }

  private fold(basis: Basis, year: number, m: number, d: number, amount: number | bigint, seen: number[]): void {
    const nm = this.measures.length;
    let cell = this.cells[basis].get(year);
    if (!cell) {
      cell = { year, measureCount: new Uint32Array(nm), districtCount: new Uint32Array(NO_DISTRICT + 1), enterprises: 0, sums: new FenSums(nm + NO_DISTRICT + 2) };
      this.cells[basis].set(year, cell);
    }
    cell.measureCount[m]!++;
    cell.sums.add(m, amount);
    cell.sums.add(nm + d, amount);
    cell.sums.add(nm + NO_DISTRICT + 1, amount);
    if (!seen.includes(year)) {
      seen.push(year);
      cell.districtCount[d]!++;
      cell.enterprises++;
    }
  }

  /** The years of a basis, in order. */
  years(basis: Basis): YearCell[] {
    const nm = this.measures.length;
    return [...this.cells[basis].values()]
      .sort((a, b) => a.year - b.year)
      .map((t) => ({
        year: t.year,
        measureCount: t.measureCount,
        measureAmount: Array.from({ length: nm }, (_, m) => t.sums.value(m)),
        districtCount: t.districtCount,
        districtAmount: Array.from({ length: NO_DISTRICT + 1 }, (_, d) => t.sums.value(nm + d)),
        enterprises: t.enterprises,
        total: t.sums.value(nm + NO_DISTRICT + 1),
      }));
  }

  /** Performance year → enterprises per tier, years in order. */
  tiers(): Array<{ year: number; counts: number[] }> {
    const width = Math.max(0, ...[...this.tierCounts.values()].map((c) => c.length));
    return [...this.tierCounts.entries()].sort((a, b) => a[0] - b[0]).map(([year, c]) => ({ year, counts: Array.from({ length: width }, (_, i) => c[i] ?? 0) }));
  }
}

/** District name of an index ('' for none). */
export const districtAt = (d: number): string => (d === NO_DISTRICT ? '' : DISTRICTS[d]!.name);

const W = {
  zh: { payment: '兑现年度', performance: '业绩年度', all: '全部', total: '现金合计', none: '（未填区）', sep: '；', colon: '：', yearOf: (y: number) => `${y}年` },
  en: { payment: 'payment year', performance: 'performance year', all: 'all', total: 'cash total', none: '(no district)', sep: '; ', colon: ': ', yearOf: (y: number) => String(y) },
} as const;

const districtName = (d: string, lang: Lang) => (d === '' ? W[lang].none : lang === 'en' ? districtEnglish(d) : d);

/**
 * The two lines the terminal summary starts with, the payment years first (the budget question):
 * "兑现年度（申报年度）现金合计：2026年 4,500,000.00；2027年 …".
 */
export function yearLines(t: YearTotals, lang: Lang): string {
  const w = W[lang];
  const line = (b: Basis, label: string) => {
    const ys = t.years(b);
    const body = ys.length === 0 ? '—' : ys.map((c) => `${w.yearOf(c.year)} ${groupThousands(c.total)}`).join(w.sep);
    return `${label}${w.colon}${body}\n`;
  };
  return lang === 'zh'
    ? line('payment', '按兑现年度（申报年度）现金合计（元）') + line('performance', '按业绩年度现金合计（元）')
    : line('payment', 'cash by payment (application) year (元)') + line('performance', 'cash by performance year (元)');
}

/**
 * The summary's rows (render/summary.ts summaryCells: district, measure, kind, enterprises, cash, deduction, title)
 * with two more columns after the cash, the payment year and the performance year — empty on its own rows, which
 * hold all years — and after them the year totals (cash only): for each payment year, then each performance year,
 * every measure, every district and the year's total. One rectangular table, as a CSV summary and the workbook's
 * summary sheet are.
 */
export function summaryCellsWithYears(summary: readonly string[][], t: YearTotals, lang: Lang): string[][] {
  const w = W[lang];
  const [head, ...body] = summary;
  const withYears = (r: readonly string[], years: string[]) => [...r.slice(0, 5), ...years, ...r.slice(5)];
  const rows: string[][] = [withYears(head!, yearHeader(lang)), ...body.map((r) => withYears(r, ['', '']))];
  const title = measureTitles(t.measures.map((m) => m.ref), lang);
  for (const b of ['payment', 'performance'] as const) {
    for (const c of t.years(b)) {
      const tail = b === 'payment' ? [String(c.year), ''] : ['', String(c.year)];
      t.measures.forEach((m, i) => {
        if (c.measureCount[i]! > 0) rows.push([w.all, m.ref, KIND_LABELS[m.kind][lang], String(c.measureCount[i]), formatYuan(c.measureAmount[i]!), ...tail, '', title(m.ref)]);
      });
      for (let d = 0; d <= NO_DISTRICT; d++) {
        if (c.districtCount[d]! > 0) rows.push([districtName(districtAt(d), lang), w.total, '', String(c.districtCount[d]), formatYuan(c.districtAmount[d]!), ...tail, '', w.total]);
      }
      rows.push([w.all, w.total, '', String(c.enterprises), formatYuan(c.total), ...tail, '', w.total]);
    }
  }
  return rows;
}

/** The two extra column names: the payment year, the performance year. */
const yearHeader = (lang: Lang): string[] => (lang === 'zh' ? ['兑现年度（申报年度）', '业绩年度'] : ['payment_year', 'performance_year']);

/** The year totals as JSON-ready data: byPaymentYear and byPerformanceYear. */
export function yearJson(t: YearTotals): { byPaymentYear: unknown[]; byPerformanceYear: unknown[] } {
  const of = (b: Basis) =>
    t.years(b).map((c) => ({
      year: c.year,
      enterprises: c.enterprises,
      cash: formatYuan(c.total),
      byMeasure: t.measures.flatMap((m, i) => (c.measureCount[i]! > 0 ? [{ measure: m.ref, enterprises: c.measureCount[i]!, cash: formatYuan(c.measureAmount[i]!) }] : [])),
      byDistrict: Array.from({ length: NO_DISTRICT + 1 }, (_, d) => d).flatMap((d) => (c.districtCount[d]! > 0 ? [{ district: districtAt(d) || null, enterprises: c.districtCount[d]!, cash: formatYuan(c.districtAmount[d]!) }] : [])),
    }));
  return { byPaymentYear: of('payment'), byPerformanceYear: of('performance') };
}

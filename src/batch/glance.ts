/**
 * The district at a glance, as aggregators of the batch pipeline (aggregate.ts): the totals by payment and
 * performance year, the potential list (--near, streamed to --near-out in input order, its best 50 kept in a
 * bounded heap) and the largest awards (a bounded heap, pre-filtered where the enterprise is evaluated), and the
 * HTML report (--report) made from them at the end. Memory stays flat: aggregates and bounded top-N only.
 */
import { runRecordPath, writeRunRecord } from './run-record-file.js';
import { DEFAULT_DISPLAY_UNIT, type DisplayUnit } from '../report/units.js';
import { extname } from 'node:path';
import type { Lang } from '../domain/labels.js';
import type { Fen, Rate } from '../domain/money.js';
import type { Problem } from '../domain/problem.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { Sink } from '../io/sink.js';
import { csvLine, UTF8_BOM } from '../render/csv.js';
import { t } from '../render/messages.js';
import { districtIndexOf, summaryMeasures, type RunInfo, type Summary } from '../render/summary.js';
import type { LargestAward } from '../report/district.js';
import type { Aggregator, AggregatorKind } from './aggregate.js';
import { NEAR_MONEY_COLUMNS, NEAR_NUMBER_COLUMNS, nearCells, nearCsvLine, nearHeader, nearPlan, nearRows, parseNearShare, type NearRow } from './near.js';
import { TopN } from './top-n.js';
import type { BatchSetup, XCell } from './types.js';
import { fenOf, TextOut, XlsxOut, type RowSink } from './write.js';
import { fenNumber } from '../domain/money.js';
import type { ColumnKind } from '../io/xlsx-write.js';
import { yearContributionOf, YearTotals } from './year-totals.js';

/** How many of the potential list and of the largest awards the report shows. */
export const REPORT_TOP = 50;
export const REPORT_LARGEST = 20;

// ---- totals by year -------------------------------------------------------------------------------------------

/** [district index, then yearContributionOf's items] (numbers; an amount beyond 2^53 fen stays a bigint). */
export type YearsPiece = Array<number | bigint>;

export const yearsKind: AggregatorKind<YearsPiece> = {
  flat: true,
  extractor(rs) {
    const measureIndex = new Map(summaryMeasures(rs).map((m, i) => [m.ref, i]));
    return (ev) => yearContributionOf(ev, measureIndex, [districtIndexOf(ev.enterprise.district)]);
  },
};

export class YearsAggregator implements Aggregator<YearsPiece> {
  readonly totals: YearTotals;
  constructor(rs: RuleSet) {
    this.totals = new YearTotals(summaryMeasures(rs));
  }
  add(piece: YearsPiece): void {
    this.totals.add(piece[0] as number, piece, 1);
  }
  addFlat(values: Float64Array, from: number, to: number): void {
    this.totals.add(values[from]!, values, from + 1, to);
  }
  async finish(): Promise<void> {}
}

// ---- the potential list -----------------------------------------------------------------------------------------

/** The near rows of an enterprise (null when none: most enterprises). */
export type NearPiece = NearRow[] | null;

export const nearKind: AggregatorKind<NearPiece> = {
  extractor(rs, setup) {
    const share = parseNearShare(setup.near ?? '') as Rate;
    const plan = nearPlan(rs, share);
    return (ev) => {
      const rows = nearRows(ev, rs, share, plan);
      return rows.length ? rows : null;
    };
  },
};

/** The potential list's file: CSV (with BOM) unless the name ends in .xlsx. */
export async function openNearOut(sink: Sink, lang: Lang): Promise<RowSink> {
  const header = nearHeader(lang);
  if (extname(sink.path ?? '').toLowerCase() === '.xlsx') {
    const kind = (i: number): ColumnKind => (NEAR_MONEY_COLUMNS.has(i) ? 'money' : NEAR_NUMBER_COLUMNS.has(i) ? 'general' : 'text');
    return XlsxOut.open(sink, { name: lang === 'zh' ? '潜力企业' : 'near', columns: header.map((h, i) => ({ header: h, kind: kind(i) })), freezeColumns: 2 }, lang);
  }
  return TextOut.open(sink, { open: UTF8_BOM + csvLine(header), close: '' });
}

interface Ranked<T> {
  item: T;
  seq: number;
}

/** Writes every near row in input order; keeps the best REPORT_TOP by money within reach (ties: input order). */
export class NearAggregator implements Aggregator<NearPiece> {
  readonly top = new TopN<Ranked<NearRow>>(REPORT_TOP, (a, b) => (a.item.topUp === b.item.topUp ? b.seq - a.seq : a.item.topUp > b.item.topUp ? 1 : -1));
  rows = 0;
  enterprises = 0;
  topUp: Fen = 0n;
  private seq = 0;
  private text = '';
  private xrows: XCell[][] = [];

  constructor(
    private readonly out: RowSink | null,
    private readonly xlsx: boolean,
  ) {}

  add(piece: NearPiece): void {
    if (!piece) return;
    this.enterprises++;
    for (const r of piece) {
      this.rows++;
      this.topUp += r.topUp;
      const ranked = { item: r, seq: this.seq++ };
      if (this.top.admits(ranked)) this.top.push({ item: { ...r, id: own(r.id), name: r.name === null ? null : own(r.name), district: r.district === null ? null : own(r.district) }, seq: ranked.seq });
      if (!this.out) continue;
      const cells = nearCells(r);
      // amounts in fen for the workbook (exact), other numbers as numbers
      if (this.xlsx) this.xrows.push(cells.map((c, i) => (c === '' ? c : NEAR_MONEY_COLUMNS.has(i) ? fenOf(c) : NEAR_NUMBER_COLUMNS.has(i) ? Number(c) : c)));
      else this.text += nearCsvLine(cells);
    }
  }

  /** Hands what has been added to the file (called once per block, so the file streams). */
  async flush(): Promise<void> {
    if (!this.out || (this.text === '' && this.xrows.length === 0)) return;
    const p = { text: this.text, xrows: this.xrows };
    this.text = '';
    this.xrows = [];
    await this.out.write(p);
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.out?.close();
  }

  abort(): Promise<void> {
    return this.out?.abort() ?? Promise.resolve();
  }
}

/**
 * A copy of a string that shares no memory with it. The reader's strings are slices of a whole block of input
 * (V8 keeps the block alive as long as a slice lives), so what a heap keeps until the end must be its own.
 */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

// ---- the largest awards --------------------------------------------------------------------------------------

/** [total in fen (a number while exact, else the bigint), id, name, district] of an enterprise that may be among the largest, or null. */
export type LargestPiece = [number | bigint, string, string, string] | null;

export const largestKind: AggregatorKind<LargestPiece> = {
  extractor() {
    // Where the enterprise is evaluated, only those that could still be among the best leave (a local heap of
    // the same size: an enterprise below the local N-th is below the global N-th too).
    const local = new TopN<number | bigint>(REPORT_LARGEST, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return (ev) => {
      if (ev.total <= 0n) return null;
      const total = fenNumber(ev.total);
      if (!local.admits(total)) return null;
      local.push(total);
      const e = ev.enterprise;
      return [total, e.id, e.name ?? '', e.district ?? ''];
    };
  },
};

export class LargestAggregator implements Aggregator<LargestPiece> {
  readonly top = new TopN<Ranked<LargestAward>>(REPORT_LARGEST, (a, b) => (a.item.total === b.item.total ? b.seq - a.seq : a.item.total > b.item.total ? 1 : -1));
  private seq = 0;
  add(piece: LargestPiece): void {
    const seq = this.seq++;
    if (!piece) return;
    const [total, id, name, district] = piece;
    const ranked = { item: { id, name, district, total: BigInt(total) }, seq };
    if (this.top.admits(ranked)) this.top.push({ item: { id: own(id), name: own(name), district: own(district), total: ranked.item.total }, seq });
  }
  async finish(): Promise<void> {}
}

// ---- rejected rows by reason -------------------------------------------------------------------------------------

/** The errors of rejected records, counted by message key; the first message of each key stands for it. */
export class RejectReasons {
  private readonly byKey = new Map<string, { reason: string; count: number }>();
  constructor(private readonly lang: Lang) {}

  add(problems: readonly Problem[]): void {
    for (const p of problems) {
      if (p.severity !== 'error') continue;
      const k = p.expected.key;
      const seen = this.byKey.get(k);
      if (seen) seen.count++;
      else this.byKey.set(k, { reason: t(p.expected, this.lang), count: 1 });
    }
  }

  list(): Array<{ reason: string; count: number }> {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count);
  }
}

// ---- the report, and all of the above as one piece of the pipeline -------------------------------------------------

/** Where the glance writes: --near-out and --report (null: not asked for). */
export interface GlancePaths {
  nearOut: string | null;
  report: string | null;
}

/**
 * What the pipeline holds for the district at a glance: its aggregators by name, the sinks of the potential list
 * and the report (opened up front with the other outputs), the rejected rows' reasons, and the page at the end.
 */
export class Glance {
  readonly years: YearsAggregator;
  readonly near: NearAggregator | null;
  readonly largest = new LargestAggregator();
  readonly rejects: RejectReasons;
  private readonly share: Rate | null;

  private constructor(
    private readonly rs: RuleSet,
    private readonly lang: Lang,
    nearOut: RowSink | null,
    xlsx: boolean,
    private readonly report: Sink | null,
    share: string | undefined,
    private readonly unit: DisplayUnit,
    /** The run record beside a CSV potential list (`<file>.run.json`): the list depends on the interpretation. */
    private readonly nearRecord: Sink | null,
  ) {
    this.years = new YearsAggregator(rs);
    this.share = share ? parseNearShare(share) : null;
    this.near = this.share ? new NearAggregator(nearOut, xlsx) : null;
    this.rejects = new RejectReasons(lang);
  }

  /** Opens the sinks through `open` (which records them, so that a failure removes every output). */
  static async open(rs: RuleSet, setup: BatchSetup, paths: GlancePaths, open: (p: string) => Promise<Sink>): Promise<Glance> {
    const near = setup.near && paths.nearOut ? await openNearOut(await open(paths.nearOut), setup.lang) : null;
    const report = paths.report ? await open(paths.report) : null;
    const nearCsv = !!setup.near && !!paths.nearOut && extname(paths.nearOut).toLowerCase() === '.csv';
    const nearRecord = nearCsv ? await open(runRecordPath(paths.nearOut!)) : null;
    return new Glance(rs, setup.lang, near, !!paths.nearOut && extname(paths.nearOut).toLowerCase() === '.xlsx', report, setup.near, setup.displayUnit ?? DEFAULT_DISPLAY_UNIT, nearRecord);
  }

  /** The aggregator of a name in BatchSetup.aggregators, or null when it is not one of the glance's. */
  aggregator(name: string): Aggregator | null {
    if (name === 'years') return this.years as Aggregator;
    if (name === 'near') return this.near as Aggregator | null;
    if (name === 'largest') return this.largest as Aggregator;
    return null;
  }

  /** After each block: the potential list streams to its file. */
  async afterBlock(): Promise<void> {
    await this.near?.flush();
  }

  /** After the aggregators have finished: the page. */
  async finish(x: { files: readonly string[]; info: RunInfo; counts: ReportInputs['counts']; summary: Summary }): Promise<void> {
    await writeRunRecord(this.nearRecord, x.info, this.lang);
    if (!this.report) return;
    await writeReport(this.rs, { ...x, sink: this.report, lang: this.lang, unit: this.unit, years: this.years.totals, near: this.near, share: this.share, largest: this.largest, rejects: this.rejects });
  }

  async abort(): Promise<void> {
    await this.near?.abort();
    await this.report?.abort();
    await this.nearRecord?.abort();
  }
}

/** The aggregator names a run needs: the year totals always; the potential list and the largest awards when asked. */
export function glanceAggregators(o: { near: boolean; report: boolean }): string[] {
  return ['years', ...(o.near ? ['near'] : []), ...(o.report ? ['largest'] : [])];
}

interface ReportInputs {
  sink: Sink;
  lang: Lang;
  unit: DisplayUnit;
  files: readonly string[];
  info: RunInfo;
  counts: { records: number; output: number; rejected: number; skipped: number };
  summary: Summary;
  years: YearTotals;
  near: NearAggregator | null;
  share: Rate | null;
  largest: LargestAggregator;
  rejects: RejectReasons;
}

/** Writes the HTML page (the page module and ECharts are loaded only now, only with --report). */
async function writeReport(rs: RuleSet, x: ReportInputs): Promise<void> {
  const { districtReport } = await import('../report/district.js');
  const html = await districtReport(
    {
      lang: x.lang,
      unit: x.unit,
      run: x.info,
      files: x.files,
      interpretation: x.info.interpretation,
      params: x.info.params ?? null,
      counts: { records: x.counts.records, output: x.counts.output, rejected: x.counts.rejected, skipped: x.counts.skipped },
      summary: x.summary,
      years: x.years,
      near: x.near && x.share ? { share: x.share, rows: x.near.rows, enterprises: x.near.enterprises, topUp: x.near.topUp, top: x.near.top.sorted().map((r) => r.item) } : null,
      largest: x.largest.top.sorted().map((r) => r.item),
      rejects: x.rejects.list(),
    },
    rs,
  );
  await x.sink.write(html);
  await x.sink.close();
}

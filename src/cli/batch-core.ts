/**
 * The costly part of `batch`, per block of records: map → evaluate → render the output pieces and the summary
 * contributions. The same code runs in the main thread (one job) and in worker threads (--jobs N), so that the
 * result cannot depend on the number of jobs. What it returns crosses threads: plain data only.
 */
import type { Problem } from '../domain/problem.js';
import { evaluate, type RunOptions } from '../engine/evaluate.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { ColumnPlan } from '../io/row.js';
import { forEachCsvRecord, mapJsonItems, mapperOptions, type At, type MappedRecord, type StreamOptions } from '../io/stream.js';
import type { JsonItem } from '../io/json-split.js';
import { awardCells, awardColumns, awardRow, columnIndex, type AwardColumn } from '../render/award-table.js';
import { csvLine, longRows } from '../render/csv.js';
import { toJson, toOutput, type RunMeta } from '../render/output.js';
import { contributionOf, summaryMeasures } from '../render/summary.js';
import { formatYuan } from '../domain/money.js';
import type { Lang } from '../domain/labels.js';

export type OutFormat = 'csv' | 'json' | 'jsonl' | 'xlsx';
export type Layout = 'long' | 'wide';

/** Everything a worker needs to process blocks as the main thread would (plain data, sent once). */
export interface BatchSetup {
  format: OutFormat;
  layout: Layout;
  lang: Lang;
  interpretation: Interpretation;
  years: number[] | null;
  all: boolean;
  districts: string[] | null;
  stream: StreamOptions;
  /** --params FILE, loaded again by each worker. */
  params?: string;
  /** With `validate`: map only, no evaluation, no output. */
  mapOnly?: boolean;
}

/** A cell of an XLSX row. */
export type XCell = string | number | null;

/** A record that is not in the output: rejected (with its problems), or skipped by --district. */
export interface RecordOut {
  at: At;
  /** The id (of the enterprise, or as written in a rejected record). */
  id: string | null;
  problems: Problem[];
  skipped?: true;
}

/**
 * What a block gives back, compact so that it crosses threads cheaply and its records die young: the output of
 * the accepted records concatenated (with where each ends, so the main thread can still drop a duplicate), their
 * ids and positions, their summary contributions, their warnings; and the records not in the output.
 */
export interface BlockOut {
  /** CSV rows the block spans. */
  rows: number;
  /** Records in the block (blank rows not counted). */
  records: number;
  /** Output text of the accepted records, and the end of each record's piece in it. */
  text: string;
  ends: number[];
  /** XLSX rows of the accepted records, and the end of each record's rows in it. */
  xrows: XCell[][];
  xends: number[];
  ids: string[];
  /** Row (CSV, relative to the block; JSON Lines) or index (JSON array) of each accepted record. */
  ats: number[];
  /** Per accepted record: its Contribution, flattened: length, then the items (amounts as fen numbers). */
  contrib: number[];
  /** Warnings of accepted records: [accepted index, problems]. */
  warnings: Array<[number, Problem[]]>;
  others: RecordOut[];
}

export type BlockTask = { kind: 'csv'; text: string; plan: ColumnPlan } | { kind: 'json'; items: JsonItem[] };

export interface Processor {
  run(task: BlockTask): BlockOut;
}

export function makeProcessor(setup: BatchSetup, rs: RuleSet, meta: RunMeta): Processor {
  const opts = mapperOptions(setup.stream);
  const run: RunOptions = { interpretation: setup.interpretation, years: setup.years ? new Set(setup.years) : null, all: setup.all };
  const districts = setup.districts ? new Set(setup.districts) : null;
  const cols: AwardColumn[] = awardColumns(rs, run.years);
  const colIndex = columnIndex(cols);
  const measureIndex = new Map(summaryMeasures(rs).map((m, i) => [m.ref, i]));
  const { format, layout, lang } = setup;
  const xlsx = format === 'xlsx';

  function block(): BlockOut {
    return { rows: 0, records: 0, text: '', ends: [], xrows: [], xends: [], ids: [], ats: [], contrib: [], warnings: [], others: [] };
  }

  function one(b: BlockOut, r: MappedRecord): void {
    b.records++;
    const e = r.enterprise;
    if (!e) {
      b.others.push({ at: r.at, id: r.rawId ?? null, problems: r.problems });
      return;
    }
    if (districts && !districts.has(e.district ?? '')) {
      b.others.push({ at: r.at, id: e.id, problems: r.problems, skipped: true });
      return;
    }
    const k = b.ids.length;
    b.ids.push(e.id);
    b.ats.push(r.at.row ?? r.at.index ?? 0);
    if (r.problems.length) b.warnings.push([k, r.problems]);
    if (setup.mapOnly) {
      b.ends.push(b.text.length);
      b.contrib.push(0);
      return;
    }
    const ev = evaluate(e, rs, run);
    if (xlsx) {
      if (layout === 'wide') {
        const row = awardRow(ev, cols, colIndex);
        b.xrows.push([row.id, row.name, row.district, ...row.amounts.map((a) => (a === null ? null : yuanNumber(a))), yuanNumber(row.total), row.other.join('; ')]);
      } else {
        for (const cells of longRows(ev, lang)) b.xrows.push(cells.map((c, i) => (i === LONG_AMOUNT ? (c === '' ? null : Number(c)) : i === LONG_YEAR || i === LONG_YEAR + 1 ? Number(c) : c)));
      }
      b.xends.push(b.xrows.length);
    } else {
      if (format === 'jsonl') b.text += toJson(toOutput(ev, lang, meta), false) + '\n';
      else if (format === 'json') b.text += ',\n' + toJson(toOutput(ev, lang, meta), false);
      else if (layout === 'wide') b.text += csvLine(awardCells(awardRow(ev, cols, colIndex)));
      else for (const cells of longRows(ev, lang)) b.text += csvLine(cells);
      b.ends.push(b.text.length);
    }
    const c = contributionOf(ev, measureIndex);
    b.contrib.push(c.length);
    for (const x of c) b.contrib.push(Number(x));
  }

  return {
    run(task) {
      const b = block();
      if (task.kind === 'csv') b.rows = forEachCsvRecord(task.text, task.plan, opts.row, (r) => one(b, r));
      else for (const r of mapJsonItems(task.items, opts.json)) one(b, r);
      return b;
    },
  };
}

const LONG_YEAR = 6; // year, application_year
const LONG_AMOUNT = 10;

/** Fen as a number of 元 for a spreadsheet cell (exact to the fen for any amount below 90 trillion 元). */
export function yuanNumber(fen: bigint): number {
  return Number(formatYuan(fen));
}

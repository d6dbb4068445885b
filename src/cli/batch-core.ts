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
import { mapCsvBlock, mapJsonItems, mapperOptions, type At, type MappedRecord, type StreamOptions } from '../io/stream.js';
import type { JsonItem } from '../io/json-split.js';
import { awardCells, awardColumns, awardRow, columnIndex, type AwardColumn } from '../render/award-table.js';
import { csvLine, longRows } from '../render/csv.js';
import { toJson, toOutput, type RunMeta } from '../render/output.js';
import { contributionOf, summaryMeasures, type Contribution } from '../render/summary.js';
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

export interface RecordOut {
  at: At;
  /** The id (of the enterprise, or as written in a rejected record). */
  id: string | null;
  problems: Problem[];
  /** Accepted: the output piece (text, or XLSX rows). Absent: rejected, or skipped by --district. */
  out?: string | XCell[][];
  contrib?: Contribution;
  skipped?: true;
}

export interface BlockOut {
  records: RecordOut[];
  /** CSV rows the block spans. */
  rows: number;
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

  function one(r: MappedRecord): RecordOut {
    const e = r.enterprise;
    if (!e) return { at: r.at, id: r.rawId ?? null, problems: r.problems };
    if (districts && !districts.has(e.district ?? '')) return { at: r.at, id: e.id, problems: r.problems, skipped: true };
    if (setup.mapOnly) return { at: r.at, id: e.id, problems: r.problems, out: '' };
    const ev = evaluate(e, rs, run);
    let out: string | XCell[][];
    if (format === 'json' || format === 'jsonl') out = toJson(toOutput(ev, lang, meta), false) + (format === 'jsonl' ? '\n' : '');
    else if (layout === 'wide') {
      const row = awardRow(ev, cols, colIndex);
      out = format === 'csv' ? csvLine(awardCells(row)) : [[row.id, row.name, row.district, ...row.amounts.map((a) => (a === null ? null : yuanNumber(a))), yuanNumber(row.total), row.other.join('; ')]];
    } else {
      const rows = longRows(ev, lang);
      out = format === 'csv' ? rows.map(csvLine).join('') : rows.map((cells) => cells.map((c, i) => (i === LONG_AMOUNT && c !== '' ? Number(c) : i === LONG_YEAR || i === LONG_YEAR + 1 ? Number(c) : c)));
    }
    return { at: r.at, id: e.id, problems: r.problems, out, contrib: contributionOf(ev, measureIndex) };
  }

  return {
    run(task) {
      if (task.kind === 'csv') {
        const { records, rows } = mapCsvBlock(task.text, task.plan, opts.row);
        return { records: records.map(one), rows };
      }
      return { records: mapJsonItems(task.items, opts.json).map(one), rows: 0 };
    },
  };
}

const LONG_YEAR = 6; // year, application_year
const LONG_AMOUNT = 10;

/** Fen as a number of 元 for a spreadsheet cell (exact to the fen for any amount below 90 trillion 元). */
export function yuanNumber(fen: bigint): number {
  return Number(formatYuan(fen));
}

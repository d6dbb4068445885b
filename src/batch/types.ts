/**
 * What the stages of the batch pipeline hand each other. Everything here crosses worker threads: plain data only.
 */
import type { Lang } from '../domain/labels.js';
import type { Problem } from '../domain/problem.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { ColumnPlan } from '../io/row.js';
import type { At, StreamOptions } from '../io/stream.js';
import type { JsonItem } from '../io/json-split.js';

export type OutFormat = 'csv' | 'json' | 'jsonl' | 'xlsx';

/** JSON or JSON Lines: about 3 KB of output a record (smaller blocks, bytes written around the cache). */
export const isJsonFormat = (format: string): boolean => format === 'json' || format === 'jsonl';
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
  /** --policy FILEs, loaded again by each worker. */
  policies?: string[];
  /** The aggregators (by name, see aggregate.ts) whose pieces each block computes, in this order. */
  aggregators: string[];
  /** --near SHARE ("10%"): the potential list's share (batch/near.ts). */
  near?: string;
  /** --display-unit: the one unit of the --report page's amounts (default 万元). */
  displayUnit?: '元' | '万元' | '亿元';
}

/** What a worker of `diff --jobs N` needs: the reader's options, both parameter files, each side's run options. */
export interface DiffSetup {
  kind: 'diff';
  stream: StreamOptions;
  baseParams?: string;
  params?: string;
  /** --policy FILEs (both sides) and --policy-new FILEs (the draft side), loaded again by each worker. */
  policies?: string[];
  policyNew?: string[];
  lang?: Lang;
  base: { interpretation: Interpretation; years: number[] | null; all: boolean };
  next: { interpretation: Interpretation; years: number[] | null; all: boolean };
}

/** A cell of an XLSX row: text, a number (amounts in integer fen: a number below 2^53, a bigint beyond), empty. */
export type XCell = string | number | bigint | null;

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
 * ids and positions, what each aggregator needs of them, their warnings; and the records not in the output.
 */
export interface BlockOut {
  /** CSV rows the block spans. */
  rows: number;
  /** Records in the block (blank rows not counted). */
  records: number;
  /**
   * Output of the accepted records as UTF-8 bytes (CSV and JSON lines are encoded as each is made, so that their
   * strings die young), and the byte where each record's piece ends; null for XLSX, whose rows are `xrows`.
   */
  bytes: Uint8Array | null;
  ends: number[];
  /** XLSX rows of the accepted records, and the end of each record's rows in it. */
  xrows: XCell[][];
  xends: number[];
  /** Accepted records. */
  count: number;
  /**
   * Each accepted record's id packed (packId: ID_WORDS words an id), so that the main thread notes it without
   * reading it again; the ids cross threads only so (unpackId spells one out), but for one that does not pack
   * (`odd`, by accepted index: the readers refuse such ids, so it stays empty in practice).
   */
  keys: Uint32Array;
  odd: Map<number, string>;
  /** Row (CSV, relative to the block; JSON Lines) or index (JSON array) of each accepted record. */
  ats: number[];
  /** Per aggregator (in the order of BatchSetup.aggregators), per accepted record: its piece. */
  pieces: Array<unknown[] | FlatPieces>;
  /** Warnings of accepted records: [accepted index, problems]. */
  warnings: Array<[number, Problem[]]>;
  others: RecordOut[];
}

/** A flat aggregator kind's pieces of one block: piece i is values[ends[i − 1] … ends[i]) (from 0 for the first). */
export interface FlatPieces {
  values: Float64Array;
  ends: Int32Array;
}

export type BlockTask = { kind: 'csv'; texts: string[]; plan: ColumnPlan } | { kind: 'json'; items: JsonItem[] };

/** Output of a block for a sink: text, or rows of cells for XLSX. */
export interface Pieces {
  text?: string;
  bytes?: Uint8Array | null;
  xrows: XCell[][];
}

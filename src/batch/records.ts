/**
 * The records of the input files, block by block, for the commands that look at each record in the main thread
 * (validate, diff): the read stage's blocks (read.ts) mapped synchronously (map.ts), put back in their files and
 * checked for duplicate ids as batch does (RecordLedger), and handed to `each` one by one inside the block, with
 * no promise per record. A block's records die with it.
 */
import type { Problem } from '../domain/problem.js';
import type { Msg } from '../domain/result.js';
import { RecordLedger, type At, type MappedRecord, type StreamOptions } from '../io/stream.js';
import type { BlockTask } from './types.js';
import type { ColumnPlan } from '../io/row.js';
import { blockMapper } from './map.js';
import { inputSize, readBlocks, ReadPosition } from './read.js';

export interface RecordVisitor {
  /** A record, placed in its file (row or index), with every problem; `enterprise` null when it is rejected. */
  record(file: string, r: MappedRecord): void;
  /** Problems of a whole file (missing, unreadable, a bad header, unknown columns). */
  fileProblems(file: string, problems: Problem[]): void;
  /** What the reader made of a file (the unit each amount column is read in). */
  fileNotes(file: string, notes: Msg[]): void;
  /** Called after each block, where the caller may wait (for output to drain). */
  afterBlock?(): Promise<void> | void;
}

/** Visits every record of `files` in input order. Never throws on bad input (see rawBlocks). */
export async function forEachRecord(files: string[], stream: StreamOptions, v: RecordVisitor): Promise<void> {
  const ledger = new RecordLedger(files);
  const size = await inputSize(files);
  const position = new ReadPosition();
  try {
    const map = blockMapper(stream);
    const plans = new Map<number, ColumnPlan>();
    for await (const ev of readBlocks(files, stream)) {
      switch (ev.kind) {
        case 'file-problems':
          v.fileProblems(ev.file, ev.problems);
          break;
        case 'file-notes':
          v.fileNotes(ev.file, ev.notes);
          break;
        case 'csv-start':
          plans.set(ev.fileIndex, ev.plan);
          ledger.startCsv(ev.fileIndex, ev.headerRow);
          break;
        case 'csv': {
          const fi = ev.fileIndex;
          const base = ledger.csvBase(fi, 0); // the row before the block; advanced by the block's rows below
          const rows = map({ kind: 'csv', texts: ev.texts, plan: plans.get(fi)! }, (r) => {
            r.at.row = r.at.row! + base;
            for (const p of r.problems) {
              p.file = ev.file;
              p.row = (p.row ?? 0) + base;
            }
            ledger.checkId(fi, r);
            v.record(ev.file, r);
          });
          ledger.csvBase(fi, rows);
          break;
        }
        case 'json': {
          const fi = ev.fileIndex;
          ledger.setIndexed(fi, ev.indexed);
          map({ kind: 'json', items: ev.items }, (r) => {
            for (const p of r.problems) p.file = ev.file;
            ledger.checkId(fi, r);
            v.record(ev.file, r);
          });
          break;
        }
        case 'bytes':
          ledger.readTo(position.at(ev), size);
          continue;
        default:
          continue;
      }
      await v.afterBlock?.();
    }
  } finally {
    ledger.close();
  }
}

/** A record as a block processor returns it: where (relative to the block for CSV), problems, id (null: rejected). */
export interface BlockRecord {
  at: At;
  problems: Problem[];
  id: string | null;
  rawId?: string;
}

/**
 * Visits the records of `files` as `runBlock` returns them, block by block, in input order, with `inFlight`
 * blocks started ahead (inline, or on worker threads: the order of the results does not depend on it). Each
 * record is placed in its file and checked for a duplicate id here, in the main thread, as batch does; a
 * duplicate comes to `record` with the problem added and `accepted` false.
 */
export async function forEachBlockRecord<R extends BlockRecord>(
  files: string[],
  stream: StreamOptions,
  runBlock: (task: BlockTask) => Promise<{ rows: number; records: R[] }>,
  inFlight: number,
  v: { record(file: string, r: R, accepted: boolean): void } & Pick<RecordVisitor, 'fileProblems' | 'fileNotes'>,
): Promise<void> {
  const ledger = new RecordLedger(files);
  const size = await inputSize(files);
  const position = new ReadPosition();
  try {
    const plans = new Map<number, ColumnPlan>();
    type Queued = { apply: () => void } | { fileIndex: number; csv: boolean; result: Promise<{ rows: number; records: R[] }> };
    const queue: Queued[] = [];
    const fold = async (q: Queued) => {
      if ('apply' in q) return q.apply();
      const b = await q.result;
      const fi = q.fileIndex;
      const file = files[fi]!;
      const base = q.csv ? ledger.csvBase(fi, b.rows) : 0;
      for (const r of b.records) {
        if (q.csv) r.at.row = r.at.row! + base;
        for (const p of r.problems) {
          p.file = file;
          if (q.csv) p.row = (p.row ?? 0) + base;
        }
        let accepted = r.id !== null;
        if (r.id !== null) {
          const dup = ledger.duplicate(fi, r.at, r.id);
          if (dup) {
            r.problems.push(dup);
            accepted = false;
          }
        }
        v.record(file, r, accepted);
      }
    };
    for await (const ev of readBlocks(files, stream)) {
      let q: Queued | null = null;
      switch (ev.kind) {
        case 'file-problems':
          q = { apply: () => v.fileProblems(ev.file, ev.problems) };
          break;
        case 'file-notes':
          q = { apply: () => v.fileNotes(ev.file, ev.notes) };
          break;
        case 'csv-start':
          plans.set(ev.fileIndex, ev.plan);
          q = { apply: () => ledger.startCsv(ev.fileIndex, ev.headerRow) };
          break;
        case 'csv':
          q = { fileIndex: ev.fileIndex, csv: true, result: runBlock({ kind: 'csv', texts: ev.texts, plan: plans.get(ev.fileIndex)! }) };
          break;
        case 'json': {
          const fi = ev.fileIndex;
          const indexed = ev.indexed;
          queue.push({ apply: () => ledger.setIndexed(fi, indexed) });
          q = { fileIndex: fi, csv: false, result: runBlock({ kind: 'json', items: ev.items }) };
          break;
        }
        case 'bytes':
          ledger.readTo(position.at(ev), size);
          break;
        default:
          break;
      }
      if (!q) continue;
      queue.push(q);
      while (queue.length > inFlight) await fold(queue.shift()!);
    }
    while (queue.length) await fold(queue.shift()!);
  } finally {
    ledger.close();
  }
}

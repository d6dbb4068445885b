/**
 * The records of the input files, block by block, for the commands that look at each record in the main thread
 * (validate, diff): the read stage's blocks (read.ts) mapped synchronously (map.ts), put back in their files and
 * checked for duplicate ids as batch does (RecordLedger), and handed to `each` one by one inside the block, with
 * no promise per record. A block's records die with it.
 */
import type { Problem } from '../domain/problem.js';
import { RecordLedger, type MappedRecord, type StreamOptions } from '../io/stream.js';
import type { ColumnPlan } from '../io/row.js';
import { blockMapper } from './map.js';
import { readBlocks } from './read.js';

export interface RecordVisitor {
  /** A record, placed in its file (row or index), with every problem; `enterprise` null when it is rejected. */
  record(file: string, r: MappedRecord): void;
  /** Problems of a whole file (missing, unreadable, a bad header, unknown columns). */
  fileProblems(file: string, problems: Problem[]): void;
  /** Called after each block, where the caller may wait (for output to drain). */
  afterBlock?(): Promise<void> | void;
}

/** Visits every record of `files` in input order. Never throws on bad input (see rawBlocks). */
export async function forEachRecord(files: string[], stream: StreamOptions, v: RecordVisitor): Promise<void> {
  const ledger = new RecordLedger(files);
  const map = blockMapper(stream);
  const plans = new Map<number, ColumnPlan>();
  for await (const ev of readBlocks(files, stream)) {
    switch (ev.kind) {
      case 'file-problems':
        v.fileProblems(ev.file, ev.problems);
        break;
      case 'csv-start':
        plans.set(ev.fileIndex, ev.plan);
        ledger.startCsv(ev.fileIndex, ev.headerRow);
        break;
      case 'csv': {
        const fi = ev.fileIndex;
        const base = ledger.csvBase(fi, 0); // the row before the block; advanced by the block's rows below
        const rows = map({ kind: 'csv', text: ev.text, plan: plans.get(fi)! }, (r) => {
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
      default:
        continue;
    }
    await v.afterBlock?.();
  }
}

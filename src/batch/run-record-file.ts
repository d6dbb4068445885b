/**
 * The run record beside a CSV that batch writes to a file (`<file>.run.json`: issue 32 item 9): a CSV is one
 * rectangular table, so how the run was made goes beside it, opened, written and given up with it.
 */
import type { Lang } from '../domain/labels.js';
import type { Sink } from '../io/sink.js';
import { toJson } from '../render/output.js';
import { runJson, type RunInfo } from '../render/run-record.js';
import type { OutFormat } from './types.js';

/** The run record's file beside an output: `<file>.run.json`. */
export const runRecordPath = (file: string): string => `${file}.run.json`;

/** Writes and closes a run record (nothing when there is none); the potential list's CSV has one too (glance.ts). */
export async function writeRunRecord(sink: Sink | null | undefined, info: RunInfo, lang: Lang): Promise<void> {
  if (!sink) return;
  await sink.write(toJson(runJson(info, lang)) + '\n');
  await sink.close();
}

/**
 * Which outputs get a run record beside them: a CSV written to a file (the award table, the summary). A CSV is one
 * rectangular table, so how the run was made goes beside it; JSON and workbooks hold it themselves.
 */
export function runRecordsOf(paths: { out: string | null; summary: string | null }, format: OutFormat): Array<'out' | 'summary'> {
  const out: Array<'out' | 'summary'> = [];
  if (paths.out && format === 'csv') out.push('out');
  if (paths.summary && !/\.(json|xlsx)$/i.test(paths.summary)) out.push('summary');
  return out;
}

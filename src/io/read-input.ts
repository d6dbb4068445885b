/**
 * Reads a small input (simulate, scenario files): a file or standard input holding canonical JSON (an object,
 * an array, JSON Lines) or a CSV of the wide layout. Every record comes back with its problems; nothing throws
 * on bad input.
 */
import { readFile } from 'node:fs/promises';
import type { Enterprise } from '../domain/enterprise.js';
import { parseEnterprise } from '../domain/input.js';
import type { Unit } from '../domain/money.js';
import { error, type Problem } from '../domain/problem.js';
import { knownMeasureNames } from '../policies/names.js';
import { decode, type Encoding } from './decode.js';
import { mapRow, planColumns } from './row.js';

export interface ReadOptions {
  encoding?: Encoding;
  unit?: Unit;
  lenientId?: boolean;
  strict?: boolean;
  format?: 'auto' | 'json' | 'csv';
}

export interface InputRecord {
  /** "row 2" / "[3]" / "" (a single object): where the record sits in its file. */
  at: { row?: number; index?: number };
  raw?: unknown;
  enterprise: Enterprise | null;
  problems: Problem[];
}

export interface InputFile {
  file: string;
  records: InputRecord[];
  /** Problems of the file as a whole (unreadable, empty, syntax, header). */
  problems: Problem[];
}

export async function readInputFile(file: string, o: ReadOptions = {}): Promise<InputFile> {
  let buf: Buffer;
  try {
    buf = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return { file, records: [], problems: [{ ...error('', code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code }), file }] };
  }
  const { text } = await decode(buf, o.encoding);
  return parseInputText(text, file, o);
}

export async function parseInputText(text: string, file: string, o: ReadOptions = {}): Promise<InputFile> {
  const out: InputFile = { file, records: [], problems: [] };
  if (text.trim() === '') {
    out.problems.push({ ...error('', 'file.empty'), file });
    return out;
  }
  const format = o.format && o.format !== 'auto' ? o.format : /\.(csv|tsv|txt)$/i.test(file) ? 'csv' : /\.(json|jsonl|ndjson)$/i.test(file) ? 'json' : /^\s*[[{]/.test(text) ? 'json' : 'csv';
  if (format === 'json') readJson(text, out, o);
  else await readCsv(text, out, o);
  for (const p of out.problems) p.file = file;
  for (const r of out.records) for (const p of r.problems) p.file = file;
  return out;
}

function readJson(text: string, out: InputFile, o: ReadOptions): void {
  const inputOpts = { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures: knownMeasureNames() };
  let docs: Array<{ value: unknown; at: InputRecord['at'] }> | null = null;
  try {
    const v = JSON.parse(text) as unknown;
    docs = Array.isArray(v) ? v.map((value, index) => ({ value, at: { index } })) : [{ value: v, at: {} }];
  } catch (err) {
    // Not one JSON document: JSON Lines, one object a line.
    const lines = text.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length < 2) {
      out.problems.push(error('', 'json.syntax', { message: withLine((err as Error).message, text) }));
      return;
    }
    docs = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        docs!.push({ value: JSON.parse(line) as unknown, at: { row: i + 1 } });
      } catch (e) {
        out.records.push({ at: { row: i + 1 }, enterprise: null, problems: [{ ...error('', 'json.syntax', { message: (e as Error).message }), row: i + 1 }] });
      }
    });
  }
  for (const d of docs) {
    const { enterprise, problems } = parseEnterprise(d.value, inputOpts);
    for (const p of problems) {
      if (d.at.index !== undefined) p.path = `[${d.at.index}]${p.path ? '.' + p.path : ''}`;
      if (d.at.row !== undefined) p.row = d.at.row;
    }
    out.records.push({ at: d.at, raw: d.value, enterprise, problems });
  }
}

async function readCsv(text: string, out: InputFile, o: ReadOptions): Promise<void> {
  const rows = await parseCsvText(text);
  if (rows.error) {
    out.problems.push(error('', 'csv.syntax', { message: rows.error }));
    return;
  }
  const [header, ...data] = rows.rows;
  if (!header || data.every((cells) => cells.every((c) => c === ''))) {
    out.problems.push(error('', header ? 'file.no-rows' : 'file.empty'));
    return;
  }
  const plan = planColumns(header, !!o.strict);
  out.problems.push(...plan.problems);
  if (plan.problems.some((p) => p.severity === 'error')) return;
  const rowOpts = { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures: knownMeasureNames(), ...(o.unit ? { unit: o.unit } : {}) };
  data.forEach((cells, i) => {
    const row = i + 2; // the header is row 1
    if (cells.every((c) => c === '')) return; // a blank line
    const { enterprise, problems } = mapRow(plan, cells, row, rowOpts);
    out.records.push({ at: { row }, enterprise, problems });
  });
}

/** A whole small CSV text into rows of cells (csv-parse, loaded only for CSV input), or why it could not be read. */
async function parseCsvText(text: string): Promise<{ rows: string[][]; error?: undefined } | { rows: never[]; error: string }> {
  const { parse } = await import('csv-parse/sync');
  try {
    // Blank lines are kept (and skipped below), so that row numbers are the spreadsheet's, as in batch.
    return { rows: parse(text, { relax_column_count: true, bom: true }) as string[][] };
  } catch (err) {
    return { rows: [], error: (err as Error).message };
  }
}

/** Node reports "at position N"; people want a line and a column. */
export function withLine(message: string, text: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${col})`;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

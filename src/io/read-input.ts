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
import type { Msg } from '../domain/result.js';
import { lineColumn, prepareJson } from './json-exact.js';
import { markProblem } from './marks.js';
import { sniff } from './sniff.js';
import type { StreamOptions } from './stream.js';

export interface ReadOptions {
  encoding?: Encoding;
  unit?: Unit;
  lenientId?: boolean;
  strict?: boolean;
  format?: 'auto' | 'json' | 'csv';
  sheet?: string;
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
  /** What the reader made of the file (the unit of each amount column). */
  notes?: Msg[];
}

export async function readInputFile(file: string, o: ReadOptions = {}): Promise<InputFile> {
  let buf: Buffer;
  try {
    buf = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return { file, records: [], problems: [{ ...error('', code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code }), file }] };
  }
  const kind = sniff(buf.subarray(0, 4096));
  if (kind.kind === 'text' && !kind.utf16) {
    const { text } = await decode(buf, o.encoding === 'utf16' ? 'auto' : o.encoding);
    if (isJson(text, file, o)) return parseInputText(text, file, o);
  }
  return readTable(file, buf, o);
}

/** Whether an input is JSON: by --format, else by the extension, else by its first character. */
function isJson(text: string, file: string, o: ReadOptions): boolean {
  if (o.format && o.format !== 'auto') return o.format === 'json';
  if (/\.(csv|tsv|txt)$/i.test(file)) return false;
  if (/\.(json|jsonl|ndjson)$/i.test(file)) return true;
  return /^\s*[[{]/.test(text);
}

/** A table (CSV in any encoding, or a workbook): read by the streaming reader, with the rules of batch. */
async function readTable(file: string, buf: Buffer, o: ReadOptions): Promise<InputFile> {
  const out: InputFile = { file, records: [], problems: [] };
  const stream: StreamOptions = { format: 'auto', lenientId: !!o.lenientId, strict: !!o.strict, ...(o.encoding ? { encoding: o.encoding } : {}), ...(o.unit ? { unit: o.unit } : {}), ...(o.sheet ? { sheet: o.sheet } : {}), ...(file === '-' ? { stdin: buf } : {}) };
  // the streaming reader (and with it the workbook reader) only for tables: simulate on JSON starts light
  const { streamRecords } = await import('./stream.js');
  for await (const ev of streamRecords([file], stream)) {
    if (ev.type === 'file-notes') out.notes = [...(out.notes ?? []), ...ev.notes];
    else if (ev.type === 'file-error') out.problems.push(...ev.problems);
    else out.records.push({ at: ev.at, enterprise: ev.enterprise, problems: ev.problems });
  }
  return out;
}

export async function parseInputText(text: string, file: string, o: ReadOptions = {}): Promise<InputFile> {
  const out: InputFile = { file, records: [], problems: [] };
  if (text.trim() === '') {
    out.problems.push({ ...error('', 'file.empty'), file });
    return out;
  }
  if (isJson(text, file, o)) readJson(text, out, o);
  else return readTable(file, Buffer.from(text), o);
  for (const p of out.problems) p.file = file;
  for (const r of out.records) for (const p of r.problems) p.file = file;
  return out;
}

function readJson(text: string, out: InputFile, o: ReadOptions): void {
  const inputOpts = { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures: knownMeasureNames(), ...(o.unit ? { unit: o.unit } : {}) };
  let docs: Array<{ value: unknown; at: InputRecord['at'] }> | null = null;
  // bytes invalid in the file's encoding (decode.ts): one document is refused with where; a JSON line, below
  const marked = markProblem(text);
  if (marked && !isJsonLines(text)) {
    out.problems.push(marked);
    return;
  }
  const whole = prepareJson(text, 1);
  if (!whole.ok && whole.key === 'json.duplicate-key' && !isJsonLines(text)) {
    // one document: the file is wrong, exit 2 (JSON Lines reject the record only, below)
    out.problems.push(error('', whole.key, { ...whole.args, ...lineColumn(text, whole.at) }));
    return;
  }
  if (!whole.ok && whole.key !== 'json.duplicate-key') {
    out.problems.push(error('', whole.key, whole.args));
    return;
  }
  try {
    if (!whole.ok) throw new SyntaxError('JSON Lines'); // a duplicate key in JSON Lines: read line by line
    const v = JSON.parse(whole.text) as unknown;
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
      const badBytes = markProblem(line);
      if (badBytes) {
        out.records.push({ at: { row: i + 1 }, enterprise: null, problems: [{ ...badBytes, row: i + 1 }] });
        return;
      }
      try {
        const one = prepareJson(line);
        if (!one.ok) {
          const args = one.key === 'json.duplicate-key' ? { ...one.args, line: i + 1, column: lineColumn(line, one.at).column } : one.args;
          out.records.push({ at: { row: i + 1 }, enterprise: null, problems: [{ ...error('', one.key, args), row: i + 1 }] });
          return;
        }
        docs!.push({ value: JSON.parse(one.text) as unknown, at: { row: i + 1 } });
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

/** Whether a text is JSON Lines rather than one document: two or more lines that each parse on their own. */
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]!);
    return true;
  } catch {
    return false;
  }
}

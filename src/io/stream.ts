/**
 * The streaming reader: files of any size (CSV of the wide layout, JSON arrays, JSON Lines, standard input), one
 * record at a time, in memory that does not grow with the file. Every record comes out once, either with its
 * enterprise or with the problems that reject it; a bad record never stops the others.
 *
 * Two layers, so that `batch --jobs N` can spread the costly part over worker threads:
 *   rawBlocks    bytes → decoded text → blocks of whole records (CSV text cut on record boundaries, JSON texts);
 *                cheap, runs where the files are read
 *   mapCsvBlock  a block → records (Enterprise or problems), row numbers relative to the block;
 *   mapJsonItems runs anywhere, in a worker too
 * and RecordLedger, which puts the records back in their files (row numbers, file names) and reports duplicate ids.
 */
import { createReadStream } from 'node:fs';
import type { Enterprise } from '../domain/enterprise.js';
import { parseEnterprise, type InputOptions } from '../domain/input.js';
import type { Unit } from '../domain/money.js';
import { error, warning, type Problem } from '../domain/problem.js';
import { knownMeasureNames } from '../policies/names.js';
import { CsvCutter, isBlankRecord, splitCsv } from './csv-split.js';
import { detectEncoding, type Encoding } from './decode.js';
import { IdRegistry } from './id-registry.js';
import { JsonSplitter, type JsonItem } from './json-split.js';
import { mapRow, planColumns, type ColumnPlan, type RowOptions } from './row.js';

export type { Encoding, Unit };

export interface StreamOptions {
  encoding?: Encoding;
  unit?: Unit;
  lenientId?: boolean;
  strict?: boolean;
  format?: 'auto' | 'csv' | 'json' | 'jsonl';
  /** Characters of CSV text (and JSON records, a thousandth of it) a block holds; smaller when each record's output is large. */
  blockSize?: number;
}

export type At = { row?: number; index?: number };

export type StreamEvent =
  | { type: 'record'; file: string; at: At; enterprise: Enterprise | null; problems: Problem[] }
  | { type: 'file-error'; file: string; problems: Problem[] };

/** A record as mapped from its block, before it is put back in its file. */
export interface MappedRecord {
  at: At;
  enterprise: Enterprise | null;
  problems: Problem[];
  /** The id as written, when the record is rejected (for the rejected-rows report). */
  rawId?: string;
}

/** What the reading layer hands out, in file order. */
export type RawEvent =
  | { kind: 'csv-start'; fileIndex: number; file: string; plan: ColumnPlan; headerRow: number }
  | { kind: 'csv'; fileIndex: number; file: string; text: string }
  | { kind: 'json'; fileIndex: number; file: string; items: JsonItem[]; indexed: boolean }
  /** Problems of a file as a whole. With an error among them, nothing more (or nothing at all) comes from it. */
  | { kind: 'file-problems'; fileIndex: number; file: string; problems: Problem[] }
  /** Progress: bytes of the current file read so far, and its size when known. */
  | { kind: 'bytes'; fileIndex: number; read: number; size: number | null };

const READ_CHUNK = 1 << 20;
/** JSON records handed out together. */
const JSON_BATCH = 1000;

/**
 * Reads the files one after another and hands out blocks of whole records. Never throws on bad input: a missing
 * or unreadable file, an empty one, a bad header become `file-problems`.
 */
export async function* rawBlocks(files: readonly string[], o: StreamOptions = {}): AsyncGenerator<RawEvent> {
  for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
    const file = files[fileIndex]!;
    const fileError = (key: string, args?: Record<string, string | number>): RawEvent => ({
      kind: 'file-problems',
      fileIndex,
      file,
      problems: [{ ...error('', key, args), file }],
    });
    let source: AsyncIterable<Buffer>;
    let size: number | null = null;
    try {
      if (file === '-') source = process.stdin;
      else {
        const { stat } = await import('node:fs/promises');
        const st = await stat(file);
        if (st.isDirectory()) {
          yield fileError('file.unreadable', { code: 'EISDIR' });
          continue;
        }
        size = st.size;
        source = createReadStream(file, { highWaterMark: o.blockSize ?? READ_CHUNK });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      yield fileError(code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code });
      continue;
    }

    let decode: ((buf: Buffer | null) => string) | null = null;
    let format: 'csv' | 'json' | 'jsonl' | null = o.format && o.format !== 'auto' ? o.format : byExtension(file);
    let cutter: CsvCutter | null = null;
    let json: JsonSplitter | null = null;
    let plan: ColumnPlan | null = null;
    let headerRow = 0;
    let sawText = false;
    let sawData = false;
    let read = 0;
    let failed = false;

    // The header comes out of the first block; what follows it in that block is data.
    function* csvBlocks(blocks: string[]): Generator<RawEvent> {
      for (let text of blocks) {
        if (failed) return;
        if (!plan) {
          let header: string[] | null = null;
          let broken = false;
          let end = 0;
          while (!header && end < text.length) {
            const r = splitCsv(text, (cells, _rel, b) => {
              if (!isBlankRecord(cells) || b) {
                header = cells;
                broken = b;
              }
            }, 1, end);
            if (r.records === 0) break;
            headerRow += r.records;
            end = r.end;
          }
          if (!header) continue; // only blank rows so far
          if (broken) {
            failed = true;
            yield fileError('csv.header-quote');
            return;
          }
          plan = planColumns(header, !!o.strict);
          if (plan.problems.length) {
            const fatal = plan.problems.some((p) => p.severity === 'error');
            yield { kind: 'file-problems', fileIndex, file, problems: plan.problems.map((p) => ({ ...p, file, row: headerRow })) };
            if (fatal) {
              failed = true;
              return;
            }
          }
          yield { kind: 'csv-start', fileIndex, file, plan, headerRow };
          text = text.slice(end);
        }
        if (text.length === 0) continue;
        if (!sawData && text.trim() !== '') sawData = true;
        yield { kind: 'csv', fileIndex, file, text };
      }
    }

    function* jsonBlocks(items: JsonItem[]): Generator<RawEvent> {
      const batch = o.blockSize ? Math.max(50, Math.round(o.blockSize / 500)) : JSON_BATCH;
      for (let i = 0; i < items.length; i += batch) {
        sawData = true;
        yield { kind: 'json', fileIndex, file, items: items.slice(i, i + batch), indexed: json!.isArray };
      }
    }

    function* feed(text: string): Generator<RawEvent> {
      if (!sawText) {
        const lead = text.trimStart();
        if (lead === '') return;
        sawText = true;
        format ??= lead.startsWith('[') || lead.startsWith('{') ? 'json' : 'csv';
        if (format === 'csv') cutter = new CsvCutter(o.blockSize);
        else json = new JsonSplitter(format === 'jsonl');
      }
      if (cutter) yield* csvBlocks(cutter.push(text));
      else yield* jsonBlocks(json!.push(text));
    }

    try {
      for await (const chunk of source) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        read += buf.length;
        decode ??= await decoderFor(buf, o.encoding);
        yield* feed(decode(buf));
        if (failed) break;
        yield { kind: 'bytes', fileIndex, read, size };
      }
      if (!failed) {
        if (decode) yield* feed(decode(null));
        if (cutter) yield* csvBlocks((cutter as CsvCutter).end());
        if (json) {
          const j = json as JsonSplitter;
          yield* jsonBlocks(j.end());
          if (j.fileProblems.length) yield { kind: 'file-problems', fileIndex, file, problems: j.fileProblems.map((p) => ({ ...(p.key === 'json.trailing' ? warning : error)('', p.key, p.args), file })) };
        }
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      yield fileError(code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code });
      if (source !== process.stdin) (source as unknown as { destroy?: () => void }).destroy?.();
      continue;
    }
    if (failed) {
      if (source !== process.stdin) (source as unknown as { destroy?: () => void }).destroy?.();
      continue;
    }
    if (!sawText) yield fileError('file.empty');
    else if (!sawData) yield fileError(cutter ? (plan ? 'file.no-rows' : 'file.empty') : 'file.no-records');
  }
}

function byExtension(file: string): 'csv' | 'json' | 'jsonl' | null {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.json$/i.test(file)) return 'json';
  return null;
}

/** A decoder for a file, chosen from its first bytes (or --encoding); null flushes it. iconv-lite only when needed. */
async function decoderFor(first: Buffer, requested: Encoding = 'auto'): Promise<(buf: Buffer | null) => string> {
  const encoding = detectEncoding(first.subarray(0, 1 << 16), requested);
  if (encoding === 'utf8') {
    const td = new TextDecoder('utf-8'); // strips a leading BOM
    return (buf) => (buf ? td.decode(buf, { stream: true }) : td.decode());
  }
  const iconv = (await import('iconv-lite')).default;
  const dec = iconv.getDecoder('gb18030');
  return (buf) => (buf ? dec.write(buf) : (dec.end() ?? ''));
}

/** Options of the row mapper and the JSON schema, from the stream options. */
export function mapperOptions(o: StreamOptions): { row: RowOptions; json: InputOptions } {
  const knownMeasures = knownMeasureNames();
  return {
    row: { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures, ...(o.unit ? { unit: o.unit } : {}) },
    json: { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures },
  };
}

/**
 * A CSV block → its records, one at a time to `each` (so that a record's objects die young), rows counted from 1
 * within the block (blank rows are counted, not handed out). Returns how many rows the block spans, so the next
 * block's rows can be placed.
 */
export function forEachCsvRecord(text: string, plan: ColumnPlan, o: RowOptions, each: (r: MappedRecord) => void): number {
  const idCol = plan.columns.findIndex((c) => c?.kind === 'id');
  return splitCsv(text, (cells, rel, broken) => {
    if (broken) {
      each({ at: { row: rel }, enterprise: null, problems: [{ ...error('', 'csv.unclosed-quote'), row: rel }] });
      return;
    }
    if (isBlankRecord(cells)) return;
    const { enterprise, problems } = mapRow(plan, cells, rel, o);
    const rec: MappedRecord = { at: { row: rel }, enterprise, problems };
    if (!enterprise && cells[idCol]) rec.rawId = cells[idCol]!.trim();
    each(rec);
  }).records;
}

/** A CSV block → all its records (see forEachCsvRecord). */
export function mapCsvBlock(text: string, plan: ColumnPlan, o: RowOptions): { records: MappedRecord[]; rows: number } {
  const records: MappedRecord[] = [];
  const rows = forEachCsvRecord(text, plan, o, (r) => records.push(r));
  return { records, rows };
}

/** JSON record texts → records. Problems of array elements carry the index in their path, JSON Lines their line. */
export function mapJsonItems(items: readonly JsonItem[], o: InputOptions): MappedRecord[] {
  return items.map(({ text, at }) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const p = error(at.index !== undefined ? `[${at.index}]` : '', 'json.syntax', { message: (err as Error).message }, text.trim().slice(0, 60));
      if (at.row !== undefined) p.row = at.row;
      return { at, enterprise: null, problems: [p] };
    }
    const { enterprise, problems } = parseEnterprise(value, o);
    for (const p of problems) {
      if (at.index !== undefined) p.path = `[${at.index}]${p.path ? '.' + p.path : ''}`;
      if (at.row !== undefined) p.row = at.row;
    }
    const rec: MappedRecord = { at, enterprise, problems };
    const id = (value as { id?: unknown } | null)?.id;
    if (!enterprise && typeof id === 'string') rec.rawId = id;
    return rec;
  });
}

/**
 * Puts mapped records back in their files: CSV rows become row numbers of the file, problems get the file name,
 * and an id seen before in the run rejects the record ("first at file:row"). Blocks must be placed in file order.
 */
export class RecordLedger {
  private readonly ids = new IdRegistry();
  private readonly rowBase = new Map<number, number>();
  private readonly indexed = new Map<number, boolean>();

  constructor(private readonly files: readonly string[]) {}

  /** The header of a CSV file is at `headerRow`; its data rows follow. */
  startCsv(fileIndex: number, headerRow: number): void {
    this.rowBase.set(fileIndex, headerRow);
  }

  /** The row before a CSV block of `rows` rows (its rows are relative to it); the next block comes after it. */
  csvBase(fileIndex: number, rows: number): number {
    const base = this.rowBase.get(fileIndex) ?? 1;
    this.rowBase.set(fileIndex, base + rows);
    return base;
  }

  /** Whether the records of a file are placed by index (a JSON array) rather than by row. */
  setIndexed(fileIndex: number, indexed: boolean): void {
    this.indexed.set(fileIndex, indexed);
  }

  /** Places a CSV block's records (rows relative to the block) after the rows placed so far. */
  placeCsv(fileIndex: number, records: ReadonlyArray<{ at: At; problems: Problem[] }>, rows: number): void {
    const base = this.csvBase(fileIndex, rows);
    const file = this.files[fileIndex]!;
    for (const r of records) {
      r.at.row = r.at.row! + base;
      for (const p of r.problems) {
        p.file = file;
        p.row = (p.row ?? 0) + base;
      }
    }
  }

  /** Places JSON records (their positions are already those of the file). */
  placeJson(fileIndex: number, records: ReadonlyArray<{ problems: Problem[] }>, indexed: boolean): void {
    this.indexed.set(fileIndex, indexed);
    const file = this.files[fileIndex]!;
    for (const r of records) for (const p of r.problems) p.file = file;
  }

  /** The problem that rejects a record whose id was seen before in the run, or null (and the id is noted). */
  duplicate(fileIndex: number, at: At, id: string): Problem | null {
    const first = this.ids.add(id, fileIndex, at.row ?? at.index ?? 0);
    if (!first) return null;
    const p = error('id', 'duplicate-id', { first: this.where(first.file, first.at) }, id);
    p.file = this.files[fileIndex]!;
    if (at.row !== undefined) p.row = at.row;
    return p;
  }

  /** Rejects a mapped record when its id was seen before. */
  checkId(fileIndex: number, r: MappedRecord): void {
    if (!r.enterprise) return;
    const dup = this.duplicate(fileIndex, r.at, r.enterprise.id);
    if (dup) {
      r.problems.push(dup);
      r.enterprise = null;
    }
  }

  private where(fileIndex: number, at: number): string {
    const file = this.files[fileIndex] ?? '?';
    return this.indexed.get(fileIndex) ? `${file}[${at}]` : `${file}:${at}`;
  }
}

/**
 * Every record of the files, in order, each with its enterprise or the problems that reject it, and the
 * problems of files as a whole. Memory stays flat however long the files are.
 */
export async function* streamRecords(files: string[], o: StreamOptions = {}): AsyncIterable<StreamEvent> {
  const opts = mapperOptions(o);
  const ledger = new RecordLedger(files);
  const plans = new Map<number, ColumnPlan>();
  for await (const ev of rawBlocks(files, o)) {
    switch (ev.kind) {
      case 'file-problems':
        yield { type: 'file-error', file: ev.file, problems: ev.problems };
        break;
      case 'csv-start':
        plans.set(ev.fileIndex, ev.plan);
        ledger.startCsv(ev.fileIndex, ev.headerRow);
        break;
      case 'csv': {
        const { records, rows } = mapCsvBlock(ev.text, plans.get(ev.fileIndex)!, opts.row);
        ledger.placeCsv(ev.fileIndex, records, rows);
        for (const r of records) ledger.checkId(ev.fileIndex, r);
        for (const r of records) yield { type: 'record', file: ev.file, ...r };
        break;
      }
      case 'json': {
        const records = mapJsonItems(ev.items, opts.json);
        ledger.placeJson(ev.fileIndex, records, ev.indexed);
        for (const r of records) ledger.checkId(ev.fileIndex, r);
        for (const r of records) yield { type: 'record', file: ev.file, ...r };
        break;
      }
      default:
        break;
    }
  }
}

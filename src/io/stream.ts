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
import { Readable } from 'node:stream';
import type { Enterprise } from '../domain/enterprise.js';
import { parseEnterprise, type InputOptions } from '../domain/input.js';
import { parseAmount, type Unit } from '../domain/money.js';
import type { Msg } from '../domain/result.js';
import { error, warning, type Problem } from '../domain/problem.js';
import { knownMeasureNames } from '../policies/names.js';
import { readHeader, unitIn, yearCell } from './columns.js';
import { CsvCutter, detectDelimiter, isBlankRecord, MAX_RECORD, splitCsv } from './csv-split.js';
import { readAhead, type ChunkReader } from './read-ahead.js';
import { checkedDecoder, detectEncoding, type Encoding } from './decode.js';
import { IdRegistry, SPILL_AT, unpackId, type FirstSeen } from './id-registry.js';
import { lineColumn, prepareJson } from './json-exact.js';
import { JsonSplitter, type JsonItem } from './json-split.js';
import { BLANK_LINE, isAmount, mapLine, mapRow, planColumns, unprotect, type ColumnPlan, type RowOptions } from './row.js';
import { sniff, ZIP_WHAT } from './sniff.js';
import { MARK, markProblem } from './marks.js';
import { XlsxError, xlsxCsvText, zipComplete } from './xlsx-read.js';

export type { Encoding, Unit };

export interface StreamOptions {
  encoding?: Encoding;
  unit?: Unit;
  lenientId?: boolean;
  strict?: boolean;
  format?: 'auto' | 'csv' | 'json' | 'jsonl';
  /** Characters of CSV text (and JSON records, a thousandth of it) a block holds; smaller when each record's output is large. */
  blockSize?: number;
  /** The sheet of a workbook: its name, else its 1-based place. */
  sheet?: string;
  /** Standard input, when it has already been read. */
  stdin?: Buffer;
  /** Only the problems of each record are wanted (validate): CSV rows are checked, their values not kept. */
  checkOnly?: boolean;
}

export type At = { row?: number; index?: number };

export type StreamEvent =
  | { type: 'record'; file: string; at: At; enterprise: Enterprise | null; problems: Problem[] }
  | { type: 'file-error'; file: string; problems: Problem[] }
  | { type: 'file-notes'; file: string; notes: Msg[]; problems: [] };

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
  /** Whole records of a file, as pieces that each end on a record boundary (see PIECE): one task's worth. */
  | { kind: 'csv'; fileIndex: number; file: string; texts: string[] }
  | { kind: 'json'; fileIndex: number; file: string; items: JsonItem[]; indexed: boolean }
  /** Problems of a file as a whole. With an error among them, nothing more (or nothing at all) comes from it. */
  | { kind: 'file-problems'; fileIndex: number; file: string; problems: Problem[] }
  /** Progress: bytes of the current file read so far, and its size when known. */
  | { kind: 'bytes'; fileIndex: number; read: number; size: number | null }
  /** What the reader made of a file, for the run's messages (the unit each amount column is read in). */
  | { kind: 'file-notes'; fileIndex: number; file: string; notes: Msg[] };

/**
 * Bytes read at a time. A read's buffer lives until its pieces are decoded: a 1 MB buffer lived through the work
 * of 6,000 rows, reached V8's old generation, and came back only in a full collection (30–50 of them in a batch of
 * 1,000,000 rows). Buffers of 64 KB mostly died young, but those that died old kept their memory outside the heap
 * until a full collection; a decoded chunk's buffer now goes back to the reader (ChunkReader.release), which reads
 * into it again: 8 buffers for a whole file instead of 2,666 a million rows, and a peak some 6 MB lower at
 * 3,000,000 rows (docs/performance.md, "What changed for speed and memory").
 */
const READ_CHUNK = 1 << 16;
/** Reads of a regular file in flight at once (read-ahead.ts). */
const READ_AHEAD = 4;
/**
 * Bytes decoded at a time, and about the characters of a piece of CSV text cut on record boundaries. V8 keeps a
 * string over 128 KB in memory of its own, mapped fresh for each one and unmapped when it dies: decoding a
 * whole 1 MB read, or joining pieces into blocks of half a million characters, cost a page fault every 4 KB
 * (13–17 µs each on this kind of machine) and kept blocks in the old generation. Pieces of 16 K stay small:
 * a task is a list of pieces (TASK_CHARS in all).
 */
const PIECE = 1 << 14;
/** Characters of the first piece of a CSV file, where its header (and any title rows above it) is looked for. */
const FIRST_PIECE = 1 << 17;
/** Characters of CSV text in one task (the unit a worker evaluates, and a block of output). */
const TASK_CHARS = 1 << 17;
/** JSON records handed out together. */
const JSON_BATCH = 1000;
/** Rows above the header that may be titles ("2025年天河区电商企业统计表", "单位：万元"). */
export const MAX_TITLE_ROWS = 20;
/** Data rows looked at for a column whose amounts are all below 10,000 元 (a file in 万元 read as 元). */
export const SMALL_AMOUNT_ROWS = 10_000;
const SMALL_AMOUNT_FEN = 1_000_000n; // 10,000 元

/**
 * Reads the files one after another and hands out blocks of whole records. Never throws on bad input: a missing
 * or unreadable file, an empty one, a bad header become `file-problems`. A workbook (.xlsx) is read as the CSV
 * text of its sheet; a legacy .xls or binary data is refused with what it looks like.
 */
export async function* rawBlocks(files: readonly string[], o: StreamOptions = {}): AsyncGenerator<RawEvent> {
  /** Stops the file being read, if a consumer gives up on the blocks before its end. */
  let stopReading: (() => void) | null = null;
  try {
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
        if (file === '-') source = o.stdin ? Readable.from([o.stdin]) : process.stdin;
        else {
          const { stat } = await import('node:fs/promises');
          const st = await stat(file);
          if (st.isDirectory()) {
            yield fileError('file.unreadable', { code: 'EISDIR' });
            continue;
          }
          size = st.size;
          // a regular file is read ahead (several reads in flight); a pipe or a device as a stream
          source = st.isFile() ? readAhead(file, READ_CHUNK, READ_AHEAD) : createReadStream(file, { highWaterMark: READ_CHUNK });
        }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
        yield fileError(code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code });
        continue;
      }

      let decode: ((buf: Buffer | null) => string) | null = null;
      let format: 'csv' | 'json' | 'jsonl' | null = o.format && o.format !== 'auto' ? o.format : byExtension(file);
      let workbook = false; // the rows are a workbook's sheet (a row may end before its header: ColumnPlan.shortRows)
      let cutter: CsvCutter | null = null;
      let json: JsonSplitter | null = null;
      let plan: ColumnPlan | null = null;
      let headerRow = 0;
      let sawText = false;
      let sawData = false;
      let read = 0;
      let failed = false;
      let crOnly = false;
      /** The start of a file, held until it shows how its lines end (see feed). */
      let held = '';
      let small: SmallAmounts | null = null;

      // Pieces gathered into one task, flushed when they reach the task's size and at the end of the file.
      const taskChars = o.blockSize ?? TASK_CHARS;
      let group: string[] = [];
      let groupChars = 0;
      function* flush(): Generator<RawEvent> {
        if (group.length === 0) return;
        const texts = group;
        group = [];
        groupChars = 0;
        yield { kind: 'csv', fileIndex, file, texts };
      }

      // The header comes out of the first block, after any title rows; what follows it in that block is data.
      function* csvBlocks(blocks: string[]): Generator<RawEvent> {
        for (let text of blocks) {
          if (failed) return;
          if (!plan) {
            const found = findHeader(text);
            if (!found) {
              // only blank rows so far
              headerRow += splitCsv(text, () => {}).records;
              continue;
            }
            if (found.broken) {
              failed = true;
              yield fileError('csv.header-quote');
              return;
            }
            const headerMark = found.header.map((c) => markProblem(c)).find((p) => p !== null);
            if (headerMark) {
              // the header's bytes are invalid in the encoding, or it is longer than a record may be: no column can be read
              failed = true;
              yield { kind: 'file-problems', fileIndex, file, problems: [{ ...headerMark, file, row: headerRow + found.headerRow }] };
              return;
            }
            headerRow += found.headerRow;
            plan = planColumns(found.header, { strict: !!o.strict, delimiter: found.delimiter, ...(found.titleUnit ? { titleUnit: found.titleUnit } : {}), ...(workbook ? { shortRows: true } : {}) });
            if (plan.problems.length) {
              const fatal = plan.problems.some((p) => p.severity === 'error');
              yield { kind: 'file-problems', fileIndex, file, problems: plan.problems.map((p) => ({ ...p, file, row: p.row ?? headerRow })) };
              if (fatal) {
                failed = true;
                return;
              }
            }
            const units = unitNotes(plan, found.titleUnit, o.unit);
            if (units.length) yield { kind: 'file-notes', fileIndex, file, notes: units };
            small = new SmallAmounts(plan, o.unit ?? '元');
            yield { kind: 'csv-start', fileIndex, file, plan, headerRow };
            text = text.slice(found.end);
          }
          if (text.length === 0) continue;
          if (!sawData && text.trim() !== '') sawData = true;
          if (small && !small.done) {
            const warnings = small.look(text);
            if (warnings.length) yield { kind: 'file-problems', fileIndex, file, problems: warnings.map((p) => ({ ...p, file })) };
          }
          group.push(text);
          groupChars += text.length;
          if (groupChars >= taskChars) yield* flush();
        }
      }

      function* jsonBlocks(items: JsonItem[]): Generator<RawEvent> {
        const batch = o.blockSize ? Math.max(50, Math.round(o.blockSize / 500)) : JSON_BATCH;
        for (let i = 0; i < items.length; i += batch) {
          sawData = true;
          yield { kind: 'json', fileIndex, file, items: items.slice(i, i + batch), indexed: json!.isArray };
        }
      }

      function* feed(piece: string, last = false): Generator<RawEvent> {
        let text = piece;
        if (!sawText) {
          // what is held has no LF, and a CR at most as its last character (else it would have been decided)
          const heldCr = held.endsWith('\r');
          const lf = piece.indexOf('\n');
          const cr = piece.indexOf('\r');
          text = held + piece;
          held = '';
          const lead = text.trimStart();
          if (lead === '') return;
          // Old Mac line ends: carriage returns and no line feed. Decided on the first line end that is not the
          // text's last character (a CR there may be the first half of a CRLF): until then the text is held, up
          // to a record's length (each piece is looked at once: a first line of 10 MB is not scanned again and again).
          if (!last && lf === -1 && !heldCr && (cr === -1 || cr === piece.length - 1) && text.length <= MAX_RECORD) {
            held = text;
            return;
          }
          sawText = true;
          crOnly = lf === -1 && (heldCr || cr !== -1);
          format ??= lead.startsWith('[') || lead.startsWith('{') ? 'json' : 'csv';
          if (format === 'csv') cutter = new CsvCutter(PIECE, FIRST_PIECE);
          else json = new JsonSplitter(format === 'jsonl');
        }
        if (crOnly) text = text.replace(/\r/g, '\n');
        if (cutter) yield* csvBlocks(cutter.push(text));
        else yield* jsonBlocks(json!.push(text));
      }

      function* finish(): Generator<RawEvent> {
        if (cutter) {
          yield* csvBlocks((cutter as CsvCutter).end());
          yield* flush();
        }
        if (json) {
          const j = json as JsonSplitter;
          yield* jsonBlocks(j.end());
          if (j.fileProblems.length) yield { kind: 'file-problems', fileIndex, file, problems: j.fileProblems.map((p) => ({ ...(p.key === 'json.trailing' ? warning : error)('', p.key, p.args), file })) };
        }
        const smallAtEnd = small as SmallAmounts | null;
        if (smallAtEnd && !smallAtEnd.done) {
          const warnings = smallAtEnd.end();
          if (warnings.length) yield { kind: 'file-problems', fileIndex, file, problems: warnings.map((p) => ({ ...p, file })) };
        }
      }

      const it = source[Symbol.asyncIterator]();
      const destroy = () => {
        stopReading = null;
        if (source !== process.stdin) (source as unknown as { destroy?: () => void }).destroy?.();
      };
      stopReading = destroy;
      // Text is decoded into strings of its own, so a chunk of text read ahead goes back to the reader once decoded:
      // the same few buffers take every read, and none lives long enough to die in V8's old generation. A workbook's
      // chunks go on to the unzipper, which may keep them: they are not given back.
      const release = (): void => (source as Partial<ChunkReader>).release?.();
      try {
        let first = await it.next();
        while (!first.done && (first.value as Buffer).length === 0) first = await it.next();
        const head = first.done ? null : toBuffer(first.value);
        const kind = head ? sniff(head) : null;
        if (kind?.kind === 'xls') {
          yield fileError('file.xls');
          destroy();
          continue;
        }
        if (kind?.kind === 'binary') {
          yield fileError('file.looks-like', kind.what);
          destroy();
          continue;
        }
        if (kind?.kind === 'zip' && size !== null && file !== '-' && !(await zipComplete(file, size))) {
          yield fileError('xlsx.damaged');
          destroy();
          continue;
        }
        if (kind?.kind === 'zip') {
          // a workbook: its sheet as CSV text, through the same header and row rules
          const counted = Readable.from(
            (async function* () {
              read += head!.length;
              yield head!;
              for (let n = await it.next(); !n.done; n = await it.next()) {
                const b = toBuffer(n.value);
                read += b.length;
                yield b;
              }
            })(),
          );
          format = 'csv';
          workbook = true;
          try {
            for await (const text of xlsxCsvText(counted, o.sheet)) {
              yield* feed(text);
              if (failed) break;
              yield { kind: 'bytes', fileIndex, read, size };
            }
          } catch (err) {
            counted.destroy();
            destroy();
            if (!(err instanceof XlsxError)) throw err;
            const notWorkbook = (err.key === 'xlsx.unreadable' && !plan) || err.key === 'xlsx.not-workbook';
            yield notWorkbook ? fileError('file.looks-like', ZIP_WHAT) : fileError(err.key, err.args);
            continue;
          }
          if (!failed) {
            yield* feed('', true);
            yield* finish();
          }
        } else {
          if (head) {
            read += head.length;
            decode = await decoderFor(head, o.encoding, kind?.kind === 'text' ? kind.utf16 : undefined);
            for (let i = 0; i < head.length && !failed; i += PIECE) yield* feed(decode(head.subarray(i, i + PIECE)));
            release();
            if (!failed) yield { kind: 'bytes', fileIndex, read, size };
          }
          while (!failed) {
            const n = await it.next();
            if (n.done) break;
            const buf = toBuffer(n.value);
            read += buf.length;
            for (let i = 0; i < buf.length && !failed; i += PIECE) yield* feed(decode!(buf.subarray(i, i + PIECE)));
            release();
            if (failed) break;
            yield { kind: 'bytes', fileIndex, read, size };
          }
          if (!failed) {
            if (decode) yield* feed(decode(null), true);
            yield* finish();
          }
        }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
        yield fileError(code === 'ENOENT' ? 'file.missing' : 'file.unreadable', { code });
        destroy();
        continue;
      }
      if (failed) {
        destroy();
        continue;
      }
      if (!sawText) yield fileError('file.empty');
      else if (!sawData && cutter) yield fileError(plan ? 'file.no-rows' : 'file.empty');
      // a JSON file of no record ([]) is read, not broken: every command says so and goes on (its output is empty)
      else if (!sawData) yield { kind: 'file-problems', fileIndex, file, problems: [{ ...warning('', 'file.no-records'), file }] };
    }
  } finally {
    stopReading?.();
  }
}

const toBuffer = (chunk: unknown): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));

interface FoundHeader {
  header: string[];
  /** Records of the block up to and including the header (its last row, for a two-row header). */
  headerRow: number;
  /** Where the data after the header starts in the block. */
  end: number;
  broken: boolean;
  delimiter: string;
  titleUnit?: Unit;
}

/**
 * The header of a CSV text: the first row (of the first MAX_TITLE_ROWS) that has an id column, the rows above
 * it being titles; or a two-row header, whose upper row holds years (a merged cell "2025年" over its fields) and
 * lower row the fields. When no row has an id column, the first non-blank row (the plan then says what is
 * missing). Null when the text holds only blank rows.
 */
export function findHeader(text: string): FoundHeader | null {
  const delimiter = detectDelimiter(text);
  const rows: Array<{ cells: string[]; broken: boolean; end: number; rel: number }> = [];
  let end = 0;
  let rel = 0;
  while (rows.length < MAX_TITLE_ROWS + 1 && end < text.length) {
    const r = splitCsv(text, (cells, _rel, broken) => {
      if (!isBlankRecord(cells) || broken) rows.push({ cells, broken, end: 0, rel: rel + 1 });
    }, 1, end, delimiter);
    if (r.records === 0) break;
    rel += r.records;
    end = r.end;
    const last = rows[rows.length - 1];
    if (last && last.end === 0) last.end = end;
    if (last?.broken) break;
  }
  if (rows.length === 0) return null;
  const hasId = (cells: readonly string[]) => cells.some((c) => readHeader(c).column?.kind === 'id');
  const hasYears = (cells: readonly string[]) => cells.some((c) => yearCell(c) !== null);
  const titleUnitOf = (upTo: number) => {
    for (let i = 0; i < upTo; i++) for (const c of rows[i]!.cells) {
      const u = unitIn(c);
      if (u) return u;
    }
    return undefined;
  };
  const at = (i: number, header: string[], titleRows: number): FoundHeader => {
    const titleUnit = titleUnitOf(titleRows);
    return { header, headerRow: rows[i]!.rel, end: rows[i]!.end, broken: rows[i]!.broken, delimiter, ...(titleUnit ? { titleUnit } : {}) };
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.broken) return at(i, r.cells, i);
    if (!hasId(r.cells)) continue;
    const prev = rows[i - 1];
    if (prev && prev.rel === r.rel - 1 && hasYears(prev.cells)) return at(i, combineHeader(prev.cells, r.cells), i - 1);
    const next = rows[i + 1];
    if (next && next.rel === r.rel + 1 && hasYears(r.cells) && !hasId(next.cells) && !next.broken) return at(i + 1, combineHeader(r.cells, next.cells), i);
    return at(i, r.cells, i);
  }
  return at(0, rows[0]!.cells, 0);
}

/**
 * A two-row header as one: a year of the upper row (merged across its fields, so written once) carries to the
 * right until the next non-empty upper cell; a lower cell gets its year appended; where the lower cell is empty
 * (merged down), the upper cell is the header.
 */
export function combineHeader(upper: readonly string[], lower: readonly string[]): string[] {
  const out: string[] = [];
  let year: number | null = null;
  for (let j = 0; j < Math.max(upper.length, lower.length); j++) {
    const u = (upper[j] ?? '').trim();
    const l = (lower[j] ?? '').trim();
    if (u !== '') year = yearCell(u);
    if (l === '') out.push(yearCell(u) === null ? u : '');
    else {
      // a column that has no year (名称, 注册日期) or names its own keeps its header
      const own = readHeader(l).column;
      out.push(year !== null && !(own && own.kind !== 'year') && !/(?<!\d)\d{4}(?!\d)/.test(l) ? `${l}_${year}` : l);
    }
  }
  return out;
}

/** Which unit each amount column is read in, and why (header, title row, --unit, default), one message a unit. */
function unitNotes(plan: ColumnPlan, titleUnit: Unit | undefined, flag: Unit | undefined): Msg[] {
  const groups = new Map<string, string[]>();
  plan.columns.forEach((c, i) => {
    if (!isAmount(c)) return;
    const own = readHeader(plan.headers[i]!).unit;
    const unit = plan.units[i] ?? flag ?? '元';
    const source = own ? 'header' : plan.units[i] && titleUnit ? 'title' : flag && flag !== '元' ? 'flag' : 'default';
    const key = `${unit}|${source}`;
    groups.set(key, [...(groups.get(key) ?? []), plan.headers[i]!.trim()]);
  });
  return [...groups].map(([key, cols]) => {
    const [unit, source] = key.split('|') as [string, string];
    return { key: 'units.read', args: { unit, source, n: cols.length, columns: cols.length > 4 ? `${cols.slice(0, 3).join('、')}…` : cols.join('、') } };
  });
}

/**
 * Watches the first SMALL_AMOUNT_ROWS data rows of a CSV file for amount columns (read in a unit from the
 * header or the run, not from the cell) whose every amount is below 10,000 元: likely a file in 万元 read as 元.
 */
class SmallAmounts {
  done = false;
  private rows = 0;
  private readonly watch: Array<{ i: number; unit: Unit; seen: boolean; big: boolean }>;

  constructor(private readonly plan: ColumnPlan, runUnit: Unit) {
    this.watch = plan.columns.flatMap((c, i) => (isAmount(c) && (plan.units[i] ?? runUnit) === '元' ? [{ i, unit: '元' as Unit, seen: false, big: false }] : []));
    if (this.watch.length === 0) this.done = true;
  }

  look(text: string): Problem[] {
    splitCsv(text, (cells) => {
      if (this.rows >= SMALL_AMOUNT_ROWS || isBlankRecord(cells)) return;
      this.rows++;
      for (const w of this.watch) {
        if (w.big) continue;
        const raw = (cells[w.i] ?? '').trim();
        if (raw === '') continue;
        const r = parseAmount(raw.charCodeAt(0) === 61 ? unprotect(raw) : raw, w.unit);
        if (!r.ok) continue;
        w.seen = true;
        // a unit in the cell ("31亿") says the writer knew the unit: not a 万元 file
        if (r.fen >= SMALL_AMOUNT_FEN || /[万萬亿億元]/.test(raw)) w.big = true;
      }
    }, Infinity, 0, this.plan.delimiter);
    if (this.rows >= SMALL_AMOUNT_ROWS || this.watch.every((w) => w.big)) return this.end();
    return [];
  }

  end(): Problem[] {
    this.done = true;
    return this.watch.filter((w) => w.seen && !w.big).map((w) => warning(this.plan.headers[w.i]!, 'small-amounts', { column: this.plan.headers[w.i]!, unit: w.unit }));
  }
}

function byExtension(file: string): 'csv' | 'json' | 'jsonl' | null {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.json$/i.test(file)) return 'json';
  return null;
}

/** A decoder for a file, chosen from its first bytes (or --encoding); null flushes it. Invalid bytes become marks (decode.ts). */
async function decoderFor(first: Buffer, requested: Encoding = 'auto', utf16?: 'le' | 'be'): Promise<(buf: Buffer | null) => string> {
  if (utf16 && (requested === 'auto' || requested === 'utf16')) {
    const td = new TextDecoder(utf16 === 'le' ? 'utf-16le' : 'utf-16be'); // strips a leading BOM
    return (buf) => (buf ? td.decode(buf, { stream: true }) : td.decode());
  }
  const encoding = detectEncoding(first.subarray(0, 1 << 16), requested === 'utf16' ? 'auto' : requested);
  return checkedDecoder(encoding);
}

/** Options of the row mapper and the JSON schema, from the stream options. */
export function mapperOptions(o: StreamOptions): { row: RowOptions; json: InputOptions } {
  const knownMeasures = knownMeasureNames();
  return {
    row: { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures, ...(o.unit ? { unit: o.unit } : {}), ...(o.checkOnly ? { checkOnly: true } : {}) },
    json: { lenientId: !!o.lenientId, strict: !!o.strict, knownMeasures, ...(o.unit ? { unit: o.unit } : {}) },
  };
}

/**
 * A CSV block → its records, one at a time to `each` (so that a record's objects die young), rows counted from 1
 * within the block (blank rows are counted, not handed out). Returns how many rows the block spans, so the next
 * block's rows can be placed.
 */
export function forEachCsvRecord(texts: string | readonly string[], plan: ColumnPlan, o: RowOptions, each: (r: MappedRecord) => void): number {
  if (typeof texts !== 'string') {
    let rows = 0;
    for (const text of texts) rows += forEachCsvRecord(text, plan, o, rows === 0 ? each : (r) => each(shifted(r, rows)));
    return rows;
  }
  const text = texts;
  const idCol = plan.columns.findIndex((c) => c?.kind === 'id');
  // a piece that holds a mark (bytes invalid in the encoding, a record too long): each row is looked at for one first
  const marks = text.indexOf(MARK) !== -1;
  return splitCsv(
    text,
    (cells, rel, broken) => {
      if (broken) {
        each({ at: { row: rel }, enterprise: null, problems: [{ ...error('', 'csv.unclosed-quote'), row: rel }] });
        return;
      }
      if (marks && markedRecord(cells, rel, plan, idCol, each)) return;
      if (isBlankRecord(cells)) return;
      const { enterprise, problems } = mapRow(plan, cells, rel, o);
      const rec: MappedRecord = { at: { row: rel }, enterprise, problems };
      if (!enterprise && cells[idCol]) rec.rawId = cells[idCol]!.trim();
      each(rec);
    },
    Infinity,
    0,
    plan.delimiter,
    // a line without quotes is read straight from the text (mapLine: the same record, no string per cell)
    (line, start, end, rel) => {
      if (marks) {
        const m = line.indexOf(MARK, start);
        if (m !== -1 && m < end) return false; // split, and rejected by onRecord
      }
      const r = mapLine(plan, line, start, end, rel, o);
      if (r === null) return false;
      if (r === BLANK_LINE) return true;
      const rec: MappedRecord = { at: { row: rel }, enterprise: r.enterprise, problems: r.problems };
      if (r.rawId !== undefined) rec.rawId = r.rawId;
      each(rec);
      return true;
    },
  ).records;
}

/** A record with a mark in a cell (marks.ts) is rejected with what the mark says; false when it holds none. */
function markedRecord(cells: readonly string[], rel: number, plan: ColumnPlan, idCol: number, each: (r: MappedRecord) => void): boolean {
  for (let i = 0; i < cells.length; i++) {
    const p = markProblem(cells[i]!, plan.headers[i] ?? '');
    if (!p) continue;
    p.row = rel;
    const rec: MappedRecord = { at: { row: rel }, enterprise: null, problems: [p] };
    const id = cells[idCol]?.trim();
    if (id && id.indexOf(MARK) === -1) rec.rawId = id;
    each(rec);
    return true;
  }
  return false;
}

/** A record of a later piece of a block, its rows counted from the block's start (`before`: rows of the pieces before). */
function shifted(r: MappedRecord, before: number): MappedRecord {
  r.at.row = r.at.row! + before;
  for (const p of r.problems) if (p.row !== undefined) p.row += before;
  return r;
}

/** A CSV block → all its records (see forEachCsvRecord). */
export function mapCsvBlock(texts: string | readonly string[], plan: ColumnPlan, o: RowOptions): { records: MappedRecord[]; rows: number } {
  const records: MappedRecord[] = [];
  const rows = forEachCsvRecord(texts, plan, o, (r) => records.push(r));
  return { records, rows };
}

/** JSON record texts → records. Problems of array elements carry the index in their path, JSON Lines their line. */
export function mapJsonItems(items: readonly JsonItem[], o: InputOptions): MappedRecord[] {
  return items.map(({ text: raw, at, line, column }) => {
    let value: unknown;
    if (raw.indexOf(MARK) !== -1) {
      // bytes invalid in the file's encoding (decode.ts): the record is not read
      const p = markProblem(raw, at.index !== undefined ? `[${at.index}]` : '')!;
      if (at.row !== undefined) p.row = at.row;
      return { at, enterprise: null, problems: [p] };
    }
    const prepared = prepareJson(raw);
    if (!prepared.ok) {
      const args: Record<string, string | number> = { ...prepared.args };
      if (prepared.key === 'json.duplicate-key') {
        // where the key is written twice, as a line and column of the file
        const lc = lineColumn(raw, prepared.at);
        args['line'] = line + lc.line - 1;
        args['column'] = lc.line === 1 ? column + lc.column - 1 : lc.column;
      }
      const p = error(at.index !== undefined ? `[${at.index}]` : '', prepared.key, args, prepared.key === 'json.duplicate-key' ? undefined : raw.trim().slice(0, 40));
      if (at.row !== undefined) p.row = at.row;
      return { at, enterprise: null, problems: [p] };
    }
    const text = prepared.text;
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
 * What `count` (records, ids) will come to by the end of the input, at the rate read so far (count × the input's
 * size ÷ the bytes read), or null when that cannot be told: the size is not known (standard input) or nothing is
 * read yet, or more has been read than the files held when the run began (a file that grows). The id table sizes
 * its last filters by it (RecordLedger.readTo).
 */
export function expectedAtEnd(count: number, read: number, size: number | null): number | null {
  if (!size || read <= 0 || read > size) return null;
  // an estimate of a count, not an amount: a float is fine, kept from below the count already reached
  return read === size ? count : Math.max(count, Math.ceil((count * size) / read));
}

/**
 * Puts mapped records back in their files: CSV rows become row numbers of the file, problems get the file name,
 * and an id seen before in the run rejects the record ("first at file:row"). Blocks must be placed in file order.
 */
export class RecordLedger {
  /** A run's ids: in memory up to about 131,000 of them, and on disk past that (see id-registry.ts). */
  private readonly ids = new IdRegistry(undefined, { at: SPILL_AT });
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

  /**
   * The reading has come to byte `read` of the input's `size` (null: not known): the id table is told the ids the
   * whole run will have at that rate (IdRegistry.expect), by which it sizes its last filters.
   */
  readTo(read: number, size: number | null): void {
    this.ids.expect(expectedAtEnd(this.ids.size, read, size));
  }

  /** The problem that rejects a record whose id was seen before in the run, or null (and the id is noted). */
  duplicate(fileIndex: number, at: At, id: string): Problem | null {
    const first = this.ids.add(id, fileIndex, at.row ?? at.index ?? 0);
    return first ? this.duplicateProblem(fileIndex, at, id, first) : null;
  }

  private duplicateProblem(fileIndex: number, at: At, id: string, first: FirstSeen): Problem {
    const p = error('id', 'duplicate-id', { first: this.where(first.file, first.at) }, id);
    p.file = this.files[fileIndex]!;
    if (at.row !== undefined) p.row = at.row;
    return p;
  }

  /**
   * duplicate(fileIndex, at, id) for an id packed at keys[i] (packId); `odd` is the id's text when it did not pack
   * (a packed id is spelled out again only to be reported).
   */
  duplicateKey(fileIndex: number, at: At, keys: Uint32Array, i: number, odd: string | undefined): Problem | null {
    const first = this.ids.addKey(odd, keys, i, fileIndex, at.row ?? at.index ?? 0);
    return first ? this.duplicateProblem(fileIndex, at, odd ?? unpackId(keys, i)!, first) : null;
  }

  /** Forgets the ids (their temporary files are removed): the run is over. */
  close(): void {
    this.ids.close();
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
  try {
    for await (const ev of rawBlocks(files, o)) {
      switch (ev.kind) {
        case 'file-problems':
          yield { type: 'file-error', file: ev.file, problems: ev.problems };
          break;
        case 'file-notes':
          yield { type: 'file-notes', file: ev.file, notes: ev.notes, problems: [] };
          break;
        case 'csv-start':
          plans.set(ev.fileIndex, ev.plan);
          ledger.startCsv(ev.fileIndex, ev.headerRow);
          break;
        case 'csv': {
          const { records, rows } = mapCsvBlock(ev.texts, plans.get(ev.fileIndex)!, opts.row);
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
  } finally {
    ledger.close();
  }
}

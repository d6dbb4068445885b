/**
 * CSV text → records, fast and incremental, for files of a million rows. Two parts that agree on where a record
 * ends: the cutter (reader side) cuts decoded text into blocks of whole records without splitting cells, and the
 * splitter (mapper side, possibly in a worker) turns a block into records of cells. RFC 4180: cells separated by
 * commas (or semicolons or tabs, detected by the reader), quoted with double quotes ("" inside quotes is one quote), records ended by LF or CRLF.
 *
 * A quoted cell that never closes would otherwise swallow the rest of the file. The cutter gives up on a record
 * whose quotes are still open after MAX_RECORD characters, or at the end of the file: that record is cut after its
 * first line (the splitter then reports it as broken) and reading goes on with the next line, so one bad quote
 * costs one row, not the file.
 */

import { MAX_RECORD_CHARS, tooLongMark } from './marks.js';

/**
 * Longest a record may grow (characters). One with an open quote is then declared broken; one without is
 * rejected whole, at once: replaced by a mark (marks.ts) with its first characters, the rest skipped to its end.
 */
export const MAX_RECORD = MAX_RECORD_CHARS;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Cuts a stream of text into blocks that end on record boundaries. */
export class CsvCutter {
  /**
   * The text not yet cut. Each piece pushed is scanned on its own and appended unflattened, so that a block is
   * copied once, when it is cut, rather than re-flattened at every piece (a scan of `pending` flattened it).
   */
  private pending = '';
  /** Whether the end of `pending` is inside quotes. */
  private inQuotes = false;
  /** Start of the record being scanned (in `pending`). */
  private recordStart = 0;
  /** End of the last whole record in `pending` (a cut may be made there). */
  private lastBoundary = 0;

  /** A record longer than MAX_RECORD being skipped to its end: its length so far and its first characters. */
  private skipping: { length: number; prefix: string } | null = null;

  /** Whether a block has been cut yet: the first waits for `firstBlock` characters (the header is read from it). */
  private cut = false;

  constructor(
    private readonly blockSize = 1 << 19,
    private readonly firstBlock = blockSize,
  ) {}

  /** Adds text; returns the blocks of whole records now available (possibly none). */
  push(text: string): string[] {
    if (this.skipping) {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        this.skipping.length += text.length;
        return [];
      }
      this.pending += tooLongMark(this.skipping.length + nl, this.skipping.prefix) + '\n';
      this.lastBoundary = this.recordStart = this.pending.length;
      this.skipping = null;
      text = text.slice(nl + 1);
    }
    const at = this.pending.length;
    this.pending += text;
    const out: string[] = [];
    this.scan(out, false, text, at);
    return out;
  }

  /** The end of the input: the rest, as blocks (the last may end without a newline, or inside an open quote). */
  end(): string[] {
    if (this.skipping) {
      this.pending += tooLongMark(this.skipping.length, this.skipping.prefix);
      this.lastBoundary = this.recordStart = this.pending.length;
      this.skipping = null;
    }
    const out: string[] = [];
    this.scan(out, true, '', this.pending.length);
    if (this.pending.length > 0) out.push(this.pending);
    this.pending = '';
    this.recordStart = this.lastBoundary = 0;
    this.inQuotes = false;
    return out;
  }

  /** Scans `piece`, the end of `pending` from `at` on (not yet scanned), then cuts what it can. */
  private scan(out: string[], atEnd: boolean, piece: string, at: number): void {
    for (;;) {
      // Fast path: no quote in the piece, so every newline ends a record.
      if (!this.inQuotes && piece.indexOf('"') === -1) {
        const nl = piece.lastIndexOf('\n');
        if (nl !== -1) this.lastBoundary = this.recordStart = at + nl + 1;
      } else {
        this.scanQuoted(piece, at);
      }
      if (this.inQuotes && (atEnd || this.pending.length - this.recordStart > MAX_RECORD)) {
        // A record whose quote never closes: cut it after its first line; the rest is read afresh.
        const p = this.pending;
        const start = this.recordStart;
        const nl = p.indexOf('\n', start);
        const firstLine = (nl === -1 ? p.length : nl + 1) - start;
        this.emitUpTo(start, out);
        out.push(this.pending.slice(0, firstLine));
        this.restartAt(firstLine);
        piece = this.pending;
        at = 0;
        continue;
      }
      if (!this.inQuotes && !atEnd && this.pending.length - this.recordStart > MAX_RECORD) {
        // A record with no end in sight: rejected whole, at once; what is left of it is skipped (push)
        this.emitUpTo(this.recordStart, out);
        this.skipping = { length: this.pending.length, prefix: this.pending.slice(0, 64) };
        this.restartAt(this.pending.length);
        return;
      }
      break;
    }
    if (this.lastBoundary >= (this.cut ? this.blockSize : this.firstBlock) || atEnd) this.emitUpTo(this.lastBoundary, out);
  }

  /** Scans `piece` (pending from `at` on) char by char (only text that holds quotes comes here). */
  private scanQuoted(piece: string, at: number): void {
    let inQ = this.inQuotes;
    const n = piece.length;
    for (let i = 0; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (c === QUOTE) inQ = !inQ; // "" inside quotes toggles twice: net unchanged
      else if (c === LF && !inQ) this.lastBoundary = this.recordStart = at + i + 1;
    }
    this.inQuotes = inQ;
  }

  /** Moves pending[0, at) out as a block (when non-empty) and rebases positions. */
  private emitUpTo(at: number, out: string[]): void {
    if (at <= 0) return;
    this.cut = true;
    out.push(this.pending.slice(0, at));
    this.pending = this.pending.slice(at);
    this.recordStart -= at;
    this.lastBoundary -= at;
  }

  private restartAt(at: number): void {
    this.pending = this.pending.slice(at);
    this.recordStart = this.lastBoundary = 0;
    this.inQuotes = false;
  }
}

/** What the splitter hands out for each record: its cells, its 1-based position in the block, and whether it is broken. */
export type OnRecord = (cells: string[], relRow: number, broken: boolean) => void;

/**
 * What the splitter may hand a record without quotes to instead: the line text[start, end) (its line end left
 * out) and its position; false when the line should be split and passed to onRecord after all.
 */
export type OnLine = (text: string, start: number, end: number, relRow: number) => boolean;

/**
 * Splits a block of whole records into cells. Returns the number of records (blank lines count, so that row
 * numbers match what a spreadsheet shows). A last record whose quote never closes is passed with `broken`.
 * With `onLine`, a record without quotes is offered to it as a line first (the row mapper reads it in place).
 */
export function splitCsv(text: string, onRecord: OnRecord, maxRecords = Infinity, from = 0, delimiter = ',', onLine?: OnLine): { records: number; end: number } {
  const n = text.length;
  let pos = from;
  let rel = 0;
  // The next quote, looked up again only once passed: searching from every record would scan to the end of a
  // quote-free block each time (quadratic in the block size).
  let q = text.indexOf('"', pos);
  while (pos < n && rel < maxRecords) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    if (q !== -1 && q < pos) q = text.indexOf('"', pos);
    rel++;
    if (q === -1 || q > nl) {
      const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (!onLine?.(text, pos, end, rel)) onRecord(text.slice(pos, end).split(delimiter), rel, false);
      pos = nl + 1;
      continue;
    }
    pos = quotedRecord(text, pos, rel, onRecord, delimiter.charCodeAt(0));
  }
  return { records: rel, end: Math.min(pos, n) };
}

/** The slow path: one record with quotes, char by char. Returns the position after the record. */
function quotedRecord(text: string, pos: number, rel: number, onRecord: OnRecord, comma: number): number {
  const n = text.length;
  const cells: string[] = [];
  let cell = '';
  let i = pos;
  let start = pos;
  let inQ = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inQ) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          cell += text.slice(start, i + 1);
          i++;
          start = i + 1;
        } else {
          cell += text.slice(start, i);
          inQ = false;
          start = i + 1;
        }
      }
    } else if (c === QUOTE) {
      cell += text.slice(start, i);
      inQ = true;
      start = i + 1;
    } else if (c === comma) {
      cells.push(cell + text.slice(start, i));
      cell = '';
      start = i + 1;
    } else if (c === LF) {
      const end = i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i;
      cells.push(cell + text.slice(start, end));
      onRecord(cells, rel, false);
      return i + 1;
    }
  }
  cells.push(cell + text.slice(start, n).replace(/\r$/, ''));
  onRecord(cells, rel, inQ);
  return n + 1;
}

/** Whether a record holds nothing at all (a blank line, or only empty cells as Excel writes for empty rows). */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** Separators a file may use: comma; semicolon (Excel in many locales); tab (Excel's "Unicode 文本"). */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator of a file, from its first lines (title rows included): the candidate that separates the most
 * cells on one line, outside quotes; a comma when none does.
 */
export function detectDelimiter(text: string, lines = 30): string {
  const best = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQ = false;
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let seen = 0;
  for (let i = 0; i < text.length && seen < lines; i++) {
    const c = text[i]!;
    if (c === '"') inQ = !inQ;
    else if (!inQ && c === '\n') {
      for (const d of DELIMITERS) best.set(d, Math.max(best.get(d)!, counts.get(d)!)), counts.set(d, 0);
      seen++;
    } else if (!inQ && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  for (const d of DELIMITERS) best.set(d, Math.max(best.get(d)!, counts.get(d)!));
  let pick = ',';
  for (const d of DELIMITERS) if (best.get(d)! > best.get(pick)!) pick = d;
  return pick;
}

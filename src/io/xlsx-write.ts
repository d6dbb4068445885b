/**
 * A streaming XLSX writer, small on purpose: the sheets as SpreadsheetML written row by row, deflated by zlib
 * (off the main thread) into a ZIP written with data descriptors, so nothing of a sheet is held but the rows
 * that fix its column widths (the header and the first WIDTH_ROWS rows) and zlib's window. Writes wait for the
 * file to drain, so memory stays flat at any row count.
 *
 * Why not exceljs's streaming writer: it builds a Row and Cell objects per cell, looks styles up per cell and
 * does not wait for its output; measured on this project's award table it took 5× the time of the CSV output and
 * grew about 0.9 KB a row (docs/performance.md, "Benchmark"). This writer puts one style index per column, strings inline
 * (no shared-string table to keep), and the cell XML straight into the stream.
 *
 * What a sheet looks like (SheetSpec): column widths fitted to the content (a CJK character counts double), a
 * bold wrapped header, text columns typed as text (ids stay 18 characters), amounts as numbers formatted
 * `#,##0.00`, panes frozen below the header and right of the first `freezeColumns`, an autofilter on the
 * header, and optionally a totals row of exact sums (a SUBTOTAL formula that follows the filter, with the exact
 * sum cached). Amounts are given as integer fen and written as decimal text: no float touches them.
 *
 * Sheets are written one after the other; a sheet that fills while another is being written (the rejected rows
 * of a batch) goes to a temporary file, deflated as it comes, and is copied into the archive at close.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import * as zlib from 'node:zlib';

/** How a column's cells are typed and shown. */
export type ColumnKind = 'text' | 'money' | 'integer' | 'general';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
}

/** A cell: text, a number (money: integer fen, as a number below 2^53 or a bigint), or empty. */
export type Cell = string | number | bigint | null;

export interface SheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  /** Columns left of the vertical split of the frozen panes (the header row is always frozen). */
  freezeColumns?: number;
  /** A totals row at the bottom: `label` in column `labelColumn` (0-based), the sum of every money column. */
  totals?: { label: string; labelColumn: number };
}

/**
 * Printing (A4 landscape, margins of 0.4 inch left and right): the printable width in pixels at 96 dpi, and what a
 * column of width w (in characters of the default font) takes: 7 pixels a character and 5 of padding. A sheet
 * whose columns fit at 70 % or more prints one page wide; a wider one prints at full size with its first
 * `freezeColumns` columns (the id and the name) repeated on every page.
 */
const PRINTABLE_PX = Math.floor(((297 - 2 * 10.16) / 25.4) * 96);
const MIN_FIT_SCALE = 0.7;
const columnPx = (w: number) => w * 7 + 5;

/** Whether columns of these widths print one page wide at MIN_FIT_SCALE or more. */
export function fitsOnePageWide(widths: readonly number[]): boolean {
  const total = widths.reduce((a, w) => a + columnPx(w), 0);
  return PRINTABLE_PX >= MIN_FIT_SCALE * total;
}

/** The footer of every printed page: the sheet's name on the left, "page / pages" on the right. */
const FOOTER = '&amp;L&amp;A&amp;R&amp;P / &amp;N';

/** Rows whose content fixes the column widths (with the header), before the first row is written. */
export const WIDTH_ROWS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Lines a header may wrap onto before its column is widened for it. */
const HEADER_LINES = 3;
/** Excel's limit: 1,048,576 rows a sheet (header and totals included). */
export const MAX_SHEET_ROWS = 1_048_576;

// style indexes (cellXfs in styles.xml below)
const S_GENERAL = 0;
const S_TEXT = 1;
const S_MONEY = 2;
const S_HEADER = 3;
const S_TOTAL_LABEL = 4;
const S_TOTAL_MONEY = 5;
const STYLE_OF: Record<ColumnKind, number> = { text: S_TEXT, money: S_MONEY, integer: S_GENERAL, general: S_GENERAL };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Display width of a text: a CJK or full-width character counts two, others one. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
  }
  return w;
}

/** Integer fen as decimal 元 text ("-1234.05"), exactly. */
export function fenText(fen: number | bigint): string {
  const neg = fen < 0;
  const a = typeof fen === 'bigint' ? (neg ? -fen : fen) : Math.abs(fen);
  const s = String(a).padStart(3, '0');
  return (neg ? '-' : '') + s.slice(0, -2) + '.' + s.slice(-2);
}

/** How wide an amount shows in #,##0.00: digits, thousands separators, the decimals. */
function moneyWidth(fen: number | bigint): number {
  const digits = Math.max(1, String(fen < 0 ? -fen : fen).length - 2);
  return digits + Math.floor((digits - 1) / 3) + 3 + (fen < 0 ? 1 : 0);
}

const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/** Text for XML: & < > " escaped; characters XML cannot hold (and text that looks like an escape) as _xHHHH_. */
export function xmlText(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** A deflated ZIP entry in the making: its CRC and sizes. */
interface Entry {
  name: string;
  crc: number;
  size: number;
  csize: number;
  offset: number;
}

/** Where compressed bytes go: the archive itself, or a temporary file copied in at the end. */
interface ByteOut {
  write(chunk: Buffer): boolean;
  once(ev: 'drain', f: () => void): unknown;
}

const crc32: (data: Buffer, value?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (d: Buffer, v?: number) => number }).crc32 : crc32Table;

let TABLE: Int32Array | null = null;
/** CRC-32 (the ZIP one) for Node versions without zlib.crc32. */
function crc32Table(data: Buffer, value = 0): number {
  if (!TABLE) {
    TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Bytes of XML a Deflater gathers before it hands them to zlib. */
const FLUSH_AT = 1 << 18;

/** XML text in, deflated bytes out to `out`, with back-pressure both ways; counts what the ZIP entry needs. */
class Deflater {
  crc = 0;
  size = 0;
  csize = 0;
  private readonly z: zlib.DeflateRaw;
  /** XML encoded as it comes (a row's text then dies young), handed to zlib every FLUSH_AT bytes. */
  private buf = Buffer.allocUnsafe(FLUSH_AT + (1 << 16));
  private used = 0;
  private failed: Error | null = null;

  constructor(out: ByteOut) {
    this.z = zlib.createDeflateRaw({ level: 1, memLevel: 9 });
    this.z.on('data', (chunk: Buffer) => {
      this.csize += chunk.length;
      if (!out.write(chunk)) {
        this.z.pause();
        out.once('drain', () => this.z.resume());
      }
    });
    this.z.on('error', (err) => (this.failed = err));
  }

  /**
   * Where the bytes go failed (a full disk, /dev/full): zlib is stopped with that error, so that a write or end
   * waiting on it fails with it, never waits for a drain that will not come (exit 13, a promise never settled).
   */
  fail(err: Error): void {
    this.failed ??= err;
    this.z.destroy(err);
  }

  /**
   * Queues text, encoded at once; flushes to zlib every FLUSH_AT bytes. Returns a promise only when it flushed
   * (then it resolves when zlib or the file has caught up), so that a row costs no promise of its own.
   */
  write(s: string): Promise<void> | null {
    if (this.used + 3 * s.length > this.buf.length) return this.writeAfterFlush(s);
    this.used += this.buf.write(s, this.used, 'utf8');
    return this.used >= FLUSH_AT ? this.flush() : null;
  }

  private async writeAfterFlush(s: string): Promise<void> {
    await this.flush();
    if (3 * s.length > this.buf.length) this.buf = Buffer.allocUnsafe(3 * s.length);
    this.used = this.buf.write(s, 0, 'utf8');
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.used === 0) return;
    // zlib keeps the buffer until it has read it: it is handed over, and a fresh one takes its place
    const buf = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.used = 0;
    this.crc = crc32(buf, this.crc);
    this.size += buf.length;
    if (!this.z.write(buf)) await once(this.z, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    const done = once(this.z, 'end');
    this.z.end();
    await done;
    if (this.failed) throw this.failed;
  }
}

/** One sheet being written: widths from its first rows, then rows streamed, then the totals row and filter. */
export class SheetWriter {
  private readonly early: Cell[][] = [];
  private started = false;
  private row = 1; // rows written (the header is row 1)
  private readonly sums: Array<number | bigint | null>;
  private readonly refs: string[];
  private readonly styles: string[];
  private readonly money: boolean[];
  /** Set when the widths are known: whether the sheet prints one page wide. */
  private fit = true;

  constructor(
    readonly spec: SheetSpec,
    private readonly out: Deflater,
  ) {
    this.refs = spec.columns.map((_, i) => columnName(i));
    this.styles = spec.columns.map((c) => (STYLE_OF[c.kind] === S_GENERAL ? '' : ` s="${STYLE_OF[c.kind]}"`));
    this.money = spec.columns.map((c) => c.kind === 'money');
    this.sums = spec.columns.map((c) => (c.kind === 'money' ? 0 : null));
  }

  /** Rows written so far below the header. */
  get rows(): number {
    return this.row - 1 + this.early.length;
  }

  /** Adds rows (cells in column order); waits when the output is behind. */
  async add(rows: readonly Cell[][]): Promise<void> {
    for (const r of rows) {
      if (!this.started) {
        this.early.push(r);
        if (this.early.length >= WIDTH_ROWS) await this.start();
        continue;
      }
      const wait = this.out.write(this.rowXml(r));
      if (wait) await wait;
    }
  }

  private async start(): Promise<void> {
    this.started = true;
    const { columns, freezeColumns = 0 } = this.spec;
    const widths = columns.map((c) => Math.max(MIN_WIDTH, Math.ceil(displayWidth(c.header) / HEADER_LINES)));
    for (const r of this.early) {
      for (let i = 0; i < columns.length; i++) {
        const v = r[i];
        if (v === null || v === undefined) continue;
        const w = this.money[i] && typeof v !== 'string' ? moneyWidth(v) : displayWidth(String(v));
        if (w > widths[i]!) widths[i] = w;
      }
    }
    const fitted = widths.map((w) => Math.min(MAX_WIDTH, w + 2));
    this.fit = fitsOnePageWide(fitted);
    // the header wraps within the fitted width: as many lines as its longest header needs
    const lines = Math.max(1, ...columns.map((c, i) => Math.ceil(displayWidth(c.header) / Math.max(1, fitted[i]! - 1))));
    const topLeft = `${columnName(freezeColumns)}2`;
    const pane = `<pane${freezeColumns ? ` xSplit="${freezeColumns}"` : ''} ySplit="1" topLeftCell="${topLeft}" activePane="${freezeColumns ? 'bottomRight' : 'bottomLeft'}" state="frozen"/>`;
    let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetPr><pageSetUpPr fitToPage="${this.fit ? 1 : 0}"/></sheetPr><sheetViews><sheetView workbookViewId="0">${pane}<selection pane="${freezeColumns ? 'bottomRight' : 'bottomLeft'}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>`;
    fitted.forEach((w, i) => (xml += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${this.styles[i] ? ` style="${STYLE_OF[columns[i]!.kind]}"` : ''}/>`));
    xml += `</cols><sheetData><row r="1" ht="${Math.min(409, lines * 15 + 2)}" customHeight="1">`;
    columns.forEach((c, i) => (xml += `<c r="${this.refs[i]}1" s="${S_HEADER}" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`));
    await this.out.write(xml + '</row>');
    const early = this.early.splice(0);
    for (const r of early) {
      const wait = this.out.write(this.rowXml(r));
      if (wait) await wait;
    }
  }

  private rowXml(cells: readonly Cell[]): string {
    const n = ++this.row;
    let xml = `<row r="${n}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'string') {
        xml += `<c r="${this.refs[i]}${n}"${this.styles[i]} t="inlineStr"><is><t${v.trim() !== v ? ' xml:space="preserve"' : ''}>${xmlText(v)}</t></is></c>`;
      } else if (this.money[i]) {
        const s = this.sums[i]!;
        this.sums[i] = addFen(s, v);
        xml += `<c r="${this.refs[i]}${n}"${this.styles[i]}><v>${fenText(v)}</v></c>`;
      } else {
        xml += `<c r="${this.refs[i]}${n}"${this.styles[i]}><v>${String(v)}</v></c>`;
      }
    }
    return xml + '</row>';
  }

  /** The totals row, the end of the sheet data, the autofilter. */
  async end(): Promise<void> {
    if (!this.started) await this.start();
    const { columns, totals } = this.spec;
    const last = this.row;
    const lastCol = columnName(columns.length - 1);
    let xml = '';
    if (totals) {
      const n = last + 1;
      xml += `<row r="${n}">`;
      columns.forEach((c, i) => {
        const ref = `${this.refs[i]}${n}`;
        if (i === totals.labelColumn) xml += `<c r="${ref}" s="${S_TOTAL_LABEL}" t="inlineStr"><is><t>${xmlText(totals.label)}</t></is></c>`;
        else if (c.kind === 'money') xml += `<c r="${ref}" s="${S_TOTAL_MONEY}"><f>SUBTOTAL(109,${this.refs[i]}2:${this.refs[i]}${Math.max(2, last)})</f><v>${fenText(this.sums[i]!)}</v></c>`;
        else xml += `<c r="${ref}" s="${S_TOTAL_LABEL}"/>`;
      });
      xml += '</row>';
    }
    xml += `</sheetData><autoFilter ref="A1:${lastCol}${Math.max(1, last)}"/><printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"${this.fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/><headerFooter><oddFooter>${FOOTER}</oddFooter></headerFooter></worksheet>`;
    await this.out.write(xml);
  }

  /**
   * What repeats on every printed page (the workbook's Print_Titles name): the header row, and the first
   * `freezeColumns` columns when the sheet is too wide to print one page wide.
   */
  get printTitles(): string {
    const n = this.spec.freezeColumns ?? 0;
    return !this.fit && n > 0 ? `$A:$${columnName(n - 1)},$1:$1` : '$1:$1';
  }

  /** The range of the autofilter, for the workbook's _FilterDatabase name. */
  get filterRange(): string {
    return `$A$1:$${columnName(this.spec.columns.length - 1)}$${Math.max(1, this.row)}`;
  }
}

/** fen + fen, exact: numbers while the sum stays a safe integer, bigint beyond. */
function addFen(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return BigInt(a) + BigInt(b);
}

interface SheetSlot {
  spec: SheetSpec;
  writer: SheetWriter;
  deflater: Deflater;
  /** A sheet written aside, to a temporary file. */
  side?: { file: string; stream: WriteStream };
  closed: boolean;
}

/**
 * A workbook written to `out` (a file's stream, which close() ends) as its sheets come. `sheet()` opens the next sheet in the archive (the previous
 * one must be ended); `sideSheet()` opens one that fills at the same time (kept deflated in a temporary file).
 * The sheets appear in the workbook in the order they were opened.
 */
export class XlsxWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly sheets: SheetSlot[] = [];
  private current: SheetSlot | null = null;
  private failed: Error | null = null;

  constructor(private readonly out: Writable) {
    this.out.on('error', (err) => {
      this.failed ??= err;
      for (const sheet of this.sheets) if (!sheet.side) sheet.deflater.fail(err);
    });
  }

  /** Opens the next sheet of the archive. */
  async sheet(spec: SheetSpec): Promise<SheetWriter> {
    if (this.current && !this.current.closed) throw new Error('xlsx: the previous sheet is not ended');
    const index = this.sheets.length + 1;
    const entry = this.beginEntry(`xl/worksheets/sheet${index}.xml`);
    const deflater = new Deflater(this.byteOut());
    const slot: SheetSlot = { spec, writer: new SheetWriter(spec, deflater), deflater, closed: false };
    (slot as SheetSlot & { entry: Entry }).entry = entry;
    this.sheets.push(slot);
    this.current = slot;
    return slot.writer;
  }

  /** Opens a sheet that fills while others are written; it goes into the archive at close(). */
  sideSheet(spec: SheetSpec, tmpFile: string): SheetWriter {
    const stream = createWriteStream(tmpFile);
    const deflater = new Deflater(stream);
    stream.on('error', (err) => {
      this.failed ??= err;
      deflater.fail(err);
    });
    const slot: SheetSlot = { spec, writer: new SheetWriter(spec, deflater), deflater, side: { file: tmpFile, stream }, closed: false };
    this.sheets.push(slot);
    return slot.writer;
  }

  /** Ends a sheet opened by sheet() (its totals row and filter, the end of its ZIP entry). */
  async endSheet(w: SheetWriter): Promise<void> {
    const slot = this.sheets.find((s) => s.writer === w)!;
    await w.end();
    await slot.deflater.end();
    slot.closed = true;
    if (!slot.side) this.endEntry((slot as SheetSlot & { entry: Entry }).entry, slot.deflater);
  }

  /** Ends the side sheets, copies them in, writes the workbook parts and the central directory. */
  async close(): Promise<void> {
    for (const s of this.sheets) {
      if (!s.side) {
        if (!s.closed) await this.endSheet(s.writer);
        continue;
      }
      if (!s.closed) {
        await s.writer.end();
        await s.deflater.end();
        s.closed = true;
      }
      s.side.stream.end();
      await settled(s.side.stream, 'finish');
      const index = this.sheets.indexOf(s) + 1;
      const entry = this.beginEntry(`xl/worksheets/sheet${index}.xml`);
      for await (const chunk of createReadStream(s.side.file)) await this.raw(chunk as Buffer);
      this.endEntry(entry, s.deflater);
      await rm(s.side.file, { force: true });
    }
    const names = this.sheets.map((s) => s.spec.name);
    await this.stored('[Content_Types].xml', contentTypes(names.length));
    await this.stored('_rels/.rels', ROOT_RELS);
    await this.stored('docProps/app.xml', appXml(names));
    await this.stored('xl/workbook.xml', workbookXml(this.sheets.map((s) => ({ name: s.spec.name, filter: s.writer.filterRange, titles: s.writer.printTitles }))));
    await this.stored('xl/_rels/workbook.xml.rels', workbookRels(names.length));
    await this.stored('xl/styles.xml', STYLES);
    await this.centralDirectory();
    this.out.end();
    await settled(this.out, 'finish');
    if (this.failed) throw this.failed;
  }

  /** Stops writing and removes side files (the caller removes the workbook's own temporary file). */
  async abort(): Promise<void> {
    this.out.destroy();
    for (const s of this.sheets) {
      if (s.side) {
        s.side.stream.destroy();
        await rm(s.side.file, { force: true });
      }
    }
  }

  private byteOut(): ByteOut {
    return {
      write: (chunk) => {
        this.offset += chunk.length;
        return this.out.write(chunk);
      },
      once: (ev, f) => this.out.once(ev, f),
    };
  }

  private async raw(chunk: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await settled(this.out, 'drain');
    if (this.failed) throw this.failed;
  }

  /** A local file header with a data descriptor to follow (sizes unknown yet), deflate method. */
  private beginEntry(name: string): Entry {
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0808, 6); // data descriptor, UTF-8 names
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt32LE(DOS_TIME, 10);
    h.writeUInt16LE(nameBuf.length, 26);
    const entry: Entry = { name, crc: 0, size: 0, csize: 0, offset: this.offset };
    this.offset += 30 + nameBuf.length;
    this.out.write(Buffer.concat([h, nameBuf]));
    this.entries.push(entry);
    return entry;
  }

  private endEntry(entry: Entry, d: Deflater): void {
    if (d.size > 0xffffffff || this.offset > 0xffffffff) throw new Error('xlsx: a sheet larger than 4 GB (ZIP64) is not supported');
    Object.assign(entry, { crc: d.crc >>> 0, size: d.size, csize: d.csize });
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(entry.crc, 4);
    dd.writeUInt32LE(entry.csize, 8);
    dd.writeUInt32LE(entry.size, 12);
    this.offset += 16;
    this.out.write(dd);
  }

  private async stored(name: string, text: string): Promise<void> {
    const entry = this.beginEntry(name);
    const d = new Deflater(this.byteOut());
    await d.write(text);
    await d.end();
    this.endEntry(entry, d);
  }

  private async centralDirectory(): Promise<void> {
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const nameBuf = Buffer.from(e.name, 'utf8');
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(DOS_TIME, 12);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.csize, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(nameBuf.length, 28);
      c.writeUInt32LE(e.offset, 42);
      parts.push(c, nameBuf);
    }
    const dir = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(dir);
    await this.raw(end);
  }
}

/** 1980-01-01 00:00 in DOS format: a fixed time, so the same data gives the same bytes. */
const DOS_TIME = (1 << 21) | (1 << 16);

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

function contentTypes(sheets: number): string {
  let s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`;
  for (let i = 1; i <= sheets; i++) s += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return s + '</Types>';
}

function appXml(names: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>gz-awards</Application><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
}

function workbookXml(sheets: ReadonlyArray<{ name: string; filter: string; titles: string }>): string {
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'`;
  // a print title names its sheet in every part: 'awards'!$A:$B,'awards'!$1:$1
  const titles = (s: { name: string; titles: string }) => s.titles.split(',').map((r) => `${quoted(s.name)}!${r}`).join(',');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${RNS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><definedNames>${sheets.map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoted(s.name))}!${s.filter}</definedName>`).join('')}${sheets.map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(titles(s))}</definedName>`).join('')}</definedNames></workbook>`;
}

function workbookRels(sheets: number): string {
  let s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
  for (let i = 1; i <= sheets; i++) s += `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return s + `<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
}

/**
 * The stream's `event`, or its error: rejects at once when it has already failed or been destroyed (events.once
 * would wait for good for an event a failed stream never sends).
 */
async function settled(stream: Writable, event: 'drain' | 'finish'): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (stream.destroyed) throw Object.assign(new Error('the output was closed'), { code: 'EPIPE' });
  if (event === 'finish' && stream.writableFinished) return;
  await once(stream, event);
}

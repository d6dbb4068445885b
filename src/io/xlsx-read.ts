/**
 * An .xlsx workbook → the CSV text of one of its sheets, streamed (exceljs' streaming WorkbookReader, loaded
 * only when a workbook is read), so that a workbook goes through the same header, unit and row rules as a CSV
 * file, in the same flat memory. One line per Excel row: rows Excel leaves out come as blank lines, so row
 * numbers are those Excel shows.
 *
 * Cells are read as Excel shows them:
 *   number   its shortest round-trip decimal with at most 15 significant digits (1234567.8899999999 → 1234567.89),
 *            never in E notation below 10^15; from 10^15 up (only an id stored as a number gets there) in
 *            Excel's E notation, 9.14401011904434E+17, which the id reader refuses: its digits are lost
 *   date     YYYY-MM-DD;  boolean  true / false;  text, rich text, hyperlink  the text;  formula  its result
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/**
 * exceljs 4.4 decodes each chunk of a sheet's XML on its own (utils/parse-sax.js), so a Chinese character whose
 * UTF-8 bytes straddle two chunks becomes two U+FFFD: "广州" comes out "���州" once in a few thousand rows.
 * Before exceljs is first loaded (this module is loaded with the readers, before any output is opened), its
 * parse-sax module is put in the require cache as the same parser with a streaming decoder per XML part.
 */
function fixExcelJsDecoding(): void {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve('exceljs/lib/utils/parse-sax.js');
    if (require.cache[path]) return;
    const { Module } = require('node:module') as { Module: new (id: string) => NodeJS.Module };
    const mod = new Module(path);
    mod.filename = path;
    mod.exports = async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
      const { SaxesParser } = createRequire(path)('saxes') as { SaxesParser: new () => SaxParser };
      const parser = new SaxesParser();
      let error: unknown;
      parser.on('error', (err) => (error = err));
      let events: unknown[] = [];
      parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
      parser.on('text', (value) => events.push({ eventType: 'text', value }));
      parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
      const decoder = new TextDecoder('utf-8');
      for await (const chunk of iterable) {
        parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
        if (error) throw error;
        yield events;
        events = [];
      }
      const rest = decoder.decode();
      if (rest) {
        parser.write(rest);
        if (error) throw error;
        yield events;
      }
    };
    mod.loaded = true;
    require.cache[path] = mod;
  } catch {
    // exceljs not installed: reading a workbook then says so
  }
}
interface SaxParser {
  on(event: string, f: (value: unknown) => void): void;
  write(text: string): void;
}
fixExcelJsDecoding();

export class XlsxError extends Error {
  constructor(readonly key: string, readonly args: Record<string, string | number> = {}) {
    super(key);
  }
}

/** A JS number as Excel shows it: 15 significant digits at most, shortest form, plain decimal. */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const shortest = Number(n.toPrecision(15));
  const neg = shortest < 0;
  const abs = Math.abs(shortest);
  if (abs >= 1e15) {
    // Excel's own display of such a number: d.dddddddddddddE+NN (at most 15 digits)
    const [m, e] = abs.toExponential().split('e') as [string, string];
    return `${neg ? '-' : ''}${m.toUpperCase()}E+${e.replace('+', '').padStart(2, '0')}`;
  }
  return (neg ? '-' : '') + plainDecimal(String(abs));
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000"; plain text unchanged. */
export function plainDecimal(s: string): string {
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3]);
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return digits.slice(0, point) + '.' + digits.slice(point);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One cell value of exceljs → its text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return excelNumberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if (typeof o.error === 'string') return o.error;
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

const NEEDS_QUOTES = /[",\r\n]/;
const quote = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Lines of CSV text handed out together (characters). */
const CHUNK = 1 << 18;

interface SheetReader extends AsyncIterable<{ number: number; values: unknown[] | Record<number, unknown> }> {
  name?: string;
  id?: string | number;
}

/**
 * The CSV text of the chosen sheet (by name first, else by its 1-based place; the first sheet by default), in
 * chunks. Throws XlsxError when the sheet is not there or the workbook cannot be read.
 */
export async function* xlsxCsvText(input: Readable, sheet?: string): AsyncGenerator<string> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const seen: string[] = [];
  let place = 0;
  let found = false;
  // A zip cut short that the reader waits on for good (standard input, where its end cannot be looked at first):
  // when nothing else is left to run, the process is about to end with a promise never settled (exit 13, no word).
  // Then the workbook is damaged, and said so.
  let stalled: (err: Error) => void = () => {};
  const stall = new Promise<never>((_, reject) => (stalled = reject));
  stall.catch(() => {});
  const onStall = () => stalled(new XlsxError('xlsx.damaged'));
  process.on('beforeExit', onStall);
  try {
    for await (const ws of unstalled(reader as unknown as AsyncIterable<SheetReader>, stall)) {
      place++;
      const name = ws.name ?? String(place);
      seen.push(name);
      const sheets = (reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets ?? [];
      if (!matches(sheet, name, place, sheets.map((s) => s.name))) {
        skip(ws);
        continue;
      }
      found = true;
      let text = '';
      let last = 0;
      for await (const row of unstalled(ws, stall)) {
        const values = row.values as unknown[];
        text += '\n'.repeat(Math.max(0, row.number - last - 1));
        last = row.number;
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(quote(cellText(values[i])));
        text += cells.join(',') + '\n';
        if (text.length >= CHUNK) {
          yield text;
          text = '';
        }
      }
      if (text) yield text;
      break;
    }
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError('xlsx.unreadable', { message: (err as Error).message ?? String(err) });
  } finally {
    process.off('beforeExit', onStall);
    input.destroy();
  }
  // a zip with no sheet at all is not a workbook (a zip of anything else): said so, not "no sheet named 1"
  if (!found) throw seen.length === 0 ? new XlsxError('xlsx.not-workbook') : new XlsxError('xlsx.no-sheet', { sheet: sheet ?? '1', sheets: seen.join('、') });
}

/** The items of an async iterable, each raced against `stall` (which rejects when the reading can never go on). */
async function* unstalled<T>(items: AsyncIterable<T>, stall: Promise<never>): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      const n = await Promise.race([it.next(), stall]);
      if (n.done) return;
      yield n.value;
    }
  } finally {
    void it.return?.()?.catch(() => {});
  }
}

/**
 * A sheet passed over. When a workbook stores its sheets before its shared strings, exceljs copies each sheet to
 * a temporary file, opens a read stream on it as it hands the sheet out, and deletes the file as soon as the
 * sheet is passed over, before the stream has opened it. The stream's ENOENT then arrives as an unhandled error
 * that can kill the process after its message is shown. The stream is closed here with its errors taken.
 */
function skip(ws: SheetReader): void {
  const it = (ws as { iterator?: unknown }).iterator;
  if (it && typeof (it as Readable).on === 'function' && typeof (it as Readable).destroy === 'function') {
    (it as Readable).on('error', () => {});
    (it as Readable).destroy();
  }
}

/** Whether a sheet is the one asked for: its name, else its place (in the workbook's own order when known). */
function matches(asked: string | undefined, name: string, place: number, order: string[]): boolean {
  if (asked === undefined) return order.length ? order[0] === name : place === 1;
  if (order.length ? order.includes(asked) : false) return name === asked;
  if (name === asked) return true;
  if (!/^\d+$/.test(asked)) return false;
  const n = Number(asked);
  return order.length ? order[n - 1] === name : place === n;
}

/**
 * Whether a zip file is whole: it ends with its central directory's end record (signature PK\x05\x06, within the
 * last 65,557 bytes: the record and a comment of at most 65,535). A workbook cut short (a copy or download broken
 * off) has none: it is damaged, said at once, before the streaming reader is given a zip that never ends (it
 * waited for good on one: exit 13 and no message).
 */
export async function zipComplete(file: string, size: number): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const fh = await open(file, 'r');
  try {
    const n = Math.min(size, 65_557);
    const tail = Buffer.alloc(n);
    await fh.read(tail, 0, n, size - n);
    for (let i = n - 22; i >= 0; i--) if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) return true;
    return false;
  } finally {
    await fh.close();
  }
}

/**
 * CSV for people who open it in Excel: a UTF-8 BOM so Chinese shows, amounts as plain numbers with two
 * decimals, and cells that begin with = + - @ (or tab, carriage return) neutralised against formula injection.
 */
import { formatYuan } from '../domain/money.js';
import type { Lang } from '../domain/labels.js';
import type { Evaluation } from '../engine/evaluate.js';
import { reasonOf } from './reason.js';

export const UTF8_BOM = '\uFEFF';

/** A plain decimal number, such as a diff's -1500000.00: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
/**
 * Digits a spreadsheet would turn into a number and so destroy: 16 or more of them (Excel keeps 15), or an
 * 18-character id that reads as a number in E notation (1234567890123456E7).
 */
export function mangledAsNumber(v: string): boolean {
  // /^(\d{16,}|(?=.{18}$)\d+E\d+)$/i, without a regular expression: it runs on every id of a batch
  const n = v.length;
  if (n < 16) return false;
  let e = -1;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 69 || c === 101) && e === -1 && i > 0 && i < n - 1) e = i;
    else return false;
  }
  return e === -1 || n === 18;
}

/**
 * A cell that Excel would run as a formula gets a leading apostrophe; a number stays a number. Digits that a
 * spreadsheet would round (an all-digit 统一社会信用代码) are written ="914401011904434208", which Excel and
 * LibreOffice show and save as the text it holds; the readers read that form back.
 */
export function safeCell(v: string): string {
  if (v.length === 0) return v;
  if (mangledAsNumber(v)) return `="${v}"`;
  return '=+-@\t\r'.includes(v[0]!) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

export const LONG_HEADER = ['id', 'name', 'district', 'policy', 'measure', 'article', 'year', 'application_year', 'status', 'kind', 'amount', 'tier', 'superseded_by', 'reason'] as const;

/** One row per enterprise × measure × year (the long layout). */
export function longRows(ev: Evaluation, lang: Lang): string[][] {
  const e = ev.enterprise;
  return ev.results.map((r) => [
    e.id,
    e.name ?? '',
    e.district ?? '',
    r.policy,
    r.measure,
    r.article,
    String(r.year),
    String(r.applicationYear),
    r.status,
    r.kind,
    r.amount === null ? '' : formatYuan(r.amount),
    r.tier === null ? '' : String(r.tier),
    r.supersededBy ?? '',
    reasonOf(r, lang),
  ]);
}

/** One cell of a CSV line: made safe, then quoted where RFC 4180 asks. */
export function csvCell(c: string): string {
  return c.length === 0 ? c : quote(safeCell(c));
}

/** A CSV line per row, RFC 4180 quoting, cells made safe. */
export function csvLine(cells: readonly string[]): string {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = csvCell(cells[i]!);
  return out.join(',') + '\r\n';
}

const NEEDS_QUOTES = /[",\r\n]/;

function quote(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

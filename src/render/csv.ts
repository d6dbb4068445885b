/**
 * CSV for people who open it in Excel: a UTF-8 BOM so Chinese shows, amounts as plain numbers with two
 * decimals, and cells that begin with = + - @ (or tab, carriage return) neutralised against formula injection.
 */
import { formatYuan } from '../domain/money.js';
import type { Lang } from '../domain/labels.js';
import type { Evaluation } from '../engine/evaluate.js';
import { reasonOf } from './reason.js';

export const UTF8_BOM = '\uFEFF';

/** A cell that Excel would run as a formula gets a leading apostrophe. */
export function safeCell(v: string): string {
  return v.length > 0 && '=+-@\t\r'.includes(v[0]!) ? `'${v}` : v;
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

/** A CSV line per row, RFC 4180 quoting, cells made safe. */
export function csvLine(cells: readonly string[]): string {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    out[i] = c.length === 0 ? c : quote(safeCell(c));
  }
  return out.join(',') + '\r\n';
}

const NEEDS_QUOTES = /[",\r\n]/;

function quote(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

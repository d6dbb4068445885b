/**
 * Readers of single values, shared by the JSON schema and the CSV row mapper so that both accept and refuse
 * the same things with the same messages. Each returns the value or a problem key (render/messages).
 */
import { resolveDistrict, type District } from './districts.js';
import { formatYuan, MAX_AMOUNT_FEN, parseAmount, type Fen, type Unit } from './money.js';
import { checkUscc } from './uscc.js';

type Args = Record<string, string | number>;
export type Read<T> = { ok: true; value: T; warn?: { key: string; args?: Args } } | { ok: false; key: string; args?: Args };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function readMoney(v: unknown, unit: Unit = '元'): Read<Fen> {
  if (typeof v !== 'string' && typeof v !== 'number') return { ok: false, key: 'expected.amount' };
  const r = parseAmount(v, unit);
  if (!r.ok) return r.problem === 'too-large' ? { ok: false, key: 'amount.too-large', args: { max: MAX_AMOUNT_TEXT } } : { ok: false, key: `amount.${r.problem}` };
  return r.exponent && typeof v === 'string' ? { ok: true, value: r.fen, warn: { key: 'amount.exponent' } } : { ok: true, value: r.fen };
}

/** The largest amount accepted, as messages show it (元, no decimals). */
export const MAX_AMOUNT_TEXT = formatYuan(MAX_AMOUNT_FEN).replace(/\.00$/, '');

const TRUE = new Set(['true', '1', '是', 'yes', 'y', '√', '✓', 't']);
const FALSE = new Set(['false', '0', '否', 'no', 'n', '×', 'f']);

export function readBool(v: unknown): Read<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number' && (v === 0 || v === 1)) return { ok: true, value: v === 1 };
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE.has(s)) return { ok: true, value: true };
    if (FALSE.has(s)) return { ok: true, value: false };
  }
  return { ok: false, key: 'expected.boolean' };
}

export function readCount(v: unknown): Read<number> {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) return { ok: false, key: 'expected.count' };
  return { ok: true, value: n };
}

export function readYear(v: unknown): Read<number> {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < MIN_YEAR || n > MAX_YEAR) return { ok: false, key: 'expected.year', args: { min: MIN_YEAR, max: MAX_YEAR } };
  return { ok: true, value: n };
}

/** A calendar date as YYYY-MM-DD; also read from YYYY/M/D and YYYY.M.D as Excel writes them. */
export function readDate(v: unknown): Read<string> {
  if (typeof v !== 'string') return { ok: false, key: 'expected.date' };
  const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(v);
  if (!m) return { ok: false, key: 'expected.date' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, key: 'expected.date' };
  return { ok: true, value: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A unified social credit code; a wrong check character is refused unless `lenient`, then it is a warning. */
const ID_AS_IS = /^[0-9A-Z]{18}$/;

export function readId(v: unknown, lenient: boolean): Read<string> {
  if (typeof v !== 'string') return { ok: false, key: 'id.missing' };
  // An id as exports hold it (18 capitals and digits) is read as it is: no copy made by trim or upper-casing.
  const id = ID_AS_IS.test(v) ? v : v.trim().toUpperCase();
  if (id === '') return { ok: false, key: 'id.missing' };
  // "9.14401011904434E+17": a spreadsheet stored the id as a number and kept 15 of its digits
  if (/^\d+(\.\d+)?E\+?\d+$/.test(id)) return { ok: false, key: 'id.as-number' };
  const p = checkUscc(id);
  if (!p) return { ok: true, value: id };
  if (p.kind === 'length') return { ok: false, key: 'id.length', args: { length: p.length } };
  if (p.kind === 'charset') return { ok: false, key: 'id.charset', args: { position: p.position, char: p.char } };
  if (lenient) return { ok: true, value: id, warn: { key: 'id.check-lenient', args: { expected: p.expected, actual: p.actual } } };
  return { ok: false, key: 'id.check', args: { expected: p.expected, actual: p.actual } };
}

export function readDistrict(v: unknown): Read<District> {
  const d = typeof v === 'string' ? resolveDistrict(v) : null;
  return d ? { ok: true, value: d } : { ok: false, key: 'expected.district' };
}

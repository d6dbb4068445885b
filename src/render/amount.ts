/**
 * Amounts for people. In Chinese an amount is shown in the unit that reads best — 元 below 1万, 万元 below 1亿,
 * 亿元 from 1亿 — with at most two decimals and no trailing zeros (`31亿元`, `1.33亿元`, `0元`). Awards and
 * amounts round down, so nothing shown is more than is due; shortfalls round up, so the figure shown is
 * enough. A sentence that names several amounts names them in one unit (`sentenceUnit`). English shows
 * yuan with thousand separators and two decimals, which is exact. JSON and CSV never come through here.
 */
import type { Lang } from '../domain/labels.js';
import { groupThousands, UNIT_FEN, type Fen, type Unit } from '../domain/money.js';
import { utf8, type Utf8Buffer } from './utf8-buffer.js';

export type Rounding = 'down' | 'up';

/** Largest unit first. */
const UNITS: readonly Unit[] = ['亿元', '万元', '元'];
/** A hundredth of each unit of UNITS, in fen: the least amount it shows as more than 0. */
const HUNDREDTH: readonly Fen[] = UNITS.map((u) => UNIT_FEN[u] / 100n);

/** The unit that reads best for one amount. */
export function bestUnit(fen: Fen): Unit {
  return fen >= UNIT_FEN.亿元 ? '亿元' : fen >= UNIT_FEN.万元 ? '万元' : '元';
}

/**
 * One unit for every amount of a sentence: the best unit of the largest, or a smaller one where a non-zero
 * amount would otherwise show as 0 (5,000元 beside 30亿元 is not "0亿元").
 */
export function sentenceUnit(fens: readonly (Fen | null | undefined)[]): Unit {
  let max: Fen | null = null;
  let minPositive: Fen | null = null;
  for (const f of fens) {
    if (typeof f !== 'bigint') continue;
    if (max === null || f > max) max = f;
    if (f > 0n && (minPositive === null || f < minPositive)) minPositive = f;
  }
  if (max === null) return '元';
  let i = UNITS.indexOf(bestUnit(max));
  // a smaller unit while the smallest non-zero amount would show as 0 in this one
  while (i < UNITS.length - 1 && minPositive !== null && minPositive < HUNDREDTH[i]!) i++;
  return UNITS[i]!;
}

/** Digits dropped from an amount in fen to count hundredths of a unit: 元 0, 万元 4, 亿元 8. */
const DROP: Record<Unit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * A non-negative amount in hundredths of a unit, as digits (at least one): rounding down drops the fen's last
 * digits; only rounding up does bigint arithmetic.
 */
function hundredths(fen: Fen, unit: Unit, rounding: Rounding): string {
  const drop = DROP[unit];
  if (rounding === 'up' && drop > 0) {
    const step = UNIT_FEN[unit] / 100n; // fen in 0.01 of the unit
    return ((fen + step - 1n) / step).toString();
  }
  const s = fen.toString();
  return s.length > drop ? s.slice(0, s.length - drop) : '0';
}

/**
 * The number part of an amount in a unit, at most two decimals, trailing zeros trimmed. Worked on the fen's
 * digits (rounding down drops the last ones); only rounding up does bigint arithmetic.
 */
export function inUnitRounded(fen: Fen, unit: Unit, rounding: Rounding): string {
  // never in practice (amounts are not negative): down is towards −∞, so the mirror of rounding the size up
  if (fen < 0n) return `-${inUnitRounded(-fen, unit, rounding === 'up' ? 'down' : 'up')}`;
  const h = hundredths(fen, unit, rounding);
  const n = h.length;
  const whole = n > 2 ? h.slice(0, n - 2) : '0';
  const tens = n > 1 ? h.charCodeAt(n - 2) : 48;
  const ones = h.charCodeAt(n - 1);
  if (ones !== 48) return `${whole}.${String.fromCharCode(tens, ones)}`;
  return tens !== 48 ? `${whole}.${String.fromCharCode(tens)}` : whole;
}

const UNIT_BYTES: Record<Unit, Uint8Array> = { 元: utf8('元'), 万元: utf8('万元'), 亿元: utf8('亿元') };

/**
 * amountIn(fen, 'zh', unit, rounding) written into `out` as UTF-8, the same bytes, without making the string (the
 * JSON line writer's, for the amounts of a message: nothing in them is escaped).
 */
export function writeAmountZh(out: Utf8Buffer, fen: Fen, unit: Unit | undefined, rounding: Rounding): void {
  if (fen < 0n) return out.add(amountIn(fen, 'zh', unit, rounding));
  const u = unit ?? bestUnit(fen);
  const h = hundredths(fen, u, rounding);
  const n = h.length;
  if (n > 2) out.asciiRange(h, 0, n - 2);
  else out.byte(48);
  const tens = n > 1 ? h.charCodeAt(n - 2) : 48;
  const ones = h.charCodeAt(n - 1);
  if (ones !== 48) {
    out.byte(46);
    out.byte(tens);
    out.byte(ones);
  } else if (tens !== 48) {
    out.byte(46);
    out.byte(tens);
  }
  out.bytes(UNIT_BYTES[u]);
}

/** "1.33亿元" (zh, unit chosen or given) or "¥133,449,977.00" (en, exact). */
export function amountText(fen: Fen, lang: Lang, o: { unit?: Unit; rounding?: Rounding } = {}): string {
  return amountIn(fen, lang, o.unit, o.rounding ?? 'down');
}

/** amountText without the options object (messages call it for every amount they name). */
export function amountIn(fen: Fen, lang: Lang, unit: Unit | undefined, rounding: Rounding): string {
  if (lang === 'en') return `¥${groupThousands(fen)}`;
  const u = unit ?? bestUnit(fen);
  return `${inUnitRounded(fen, u, rounding)}${u}`;
}

/**
 * Amounts for people. In Chinese an amount is shown in the unit that reads best — 元 below 1万, 万元 below 1亿,
 * 亿元 from 1亿 — with at most two decimals and no trailing zeros (`31亿元`, `1.33亿元`, `0元`). Awards and
 * amounts round down, so nothing shown is more than is due; shortfalls round up, so the figure shown is
 * enough. A sentence that names several amounts names them in one unit (`sentenceUnit`). English shows
 * yuan with thousand separators and two decimals, which is exact. JSON and CSV never come through here.
 */
import type { Lang } from '../domain/labels.js';
import { groupThousands, trimZeros, UNIT_FEN, type Fen, type Unit } from '../domain/money.js';

export type Rounding = 'down' | 'up';

/** Largest unit first. */
const UNITS: readonly Unit[] = ['亿元', '万元', '元'];

/** The unit that reads best for one amount. */
export function bestUnit(fen: Fen): Unit {
  return fen >= UNIT_FEN.亿元 ? '亿元' : fen >= UNIT_FEN.万元 ? '万元' : '元';
}

/**
 * One unit for every amount of a sentence: the best unit of the largest, or a smaller one where a non-zero
 * amount would otherwise show as 0 (5,000元 beside 30亿元 is not "0亿元").
 */
export function sentenceUnit(fens: readonly (Fen | null | undefined)[]): Unit {
  const known = fens.filter((f): f is Fen => typeof f === 'bigint');
  if (known.length === 0) return '元';
  const max = known.reduce((a, b) => (b > a ? b : a));
  let i = UNITS.indexOf(bestUnit(max));
  while (i < UNITS.length - 1 && known.some((f) => f > 0n && inUnitRounded(f, UNITS[i]!, 'down') === '0')) i++;
  return UNITS[i]!;
}

/** The number part of an amount in a unit, at most two decimals, trailing zeros trimmed. */
export function inUnitRounded(fen: Fen, unit: Unit, rounding: Rounding): string {
  const step = UNIT_FEN[unit] / 100n; // fen in 0.01 of the unit
  const hundredths = rounding === 'up' ? (fen + step - 1n) / step : fen / step;
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return trimZeros(`${whole}.${frac}`);
}

/** "1.33亿元" (zh, unit chosen or given) or "¥133,449,977.00" (en, exact). */
export function amountText(fen: Fen, lang: Lang, o: { unit?: Unit; rounding?: Rounding } = {}): string {
  if (lang === 'en') return `¥${groupThousands(fen)}`;
  const unit = o.unit ?? bestUnit(fen);
  return `${inUnitRounded(fen, unit, o.rounding ?? 'down')}${unit}`;
}

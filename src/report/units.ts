/**
 * One display unit per page (issue 30 item 3): the reports show every amount, in tables, charts and the potential
 * list alike, in one unit stated in every heading — 元 (to the fen), 万元 or 亿元 (two decimals, rounded half up
 * for display only). The data files keep exact 元; `--unit`, which reads input amounts, is another thing.
 */
import { groupThousands, UNIT_FEN, type Fen, type Unit } from '../domain/money.js';
import { displayValue } from './chart.js';

export type DisplayUnit = Unit;
export const DISPLAY_UNITS: readonly DisplayUnit[] = ['元', '万元', '亿元'];
export const DEFAULT_DISPLAY_UNIT: DisplayUnit = '万元';

/** An amount in the display unit: "1,500,000.00" (元), "150.00" (万元), "0.02" (亿元). */
export function displayAmount(fen: Fen, unit: DisplayUnit): string {
  if (unit === '元') return groupThousands(fen);
  const step = UNIT_FEN[unit] / 100n; // fen in a hundredth of the unit
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const hundredths = (a + step / 2n) / step;
  return (neg ? '-' : '') + groupThousands(hundredths);
}

/** An amount as a chart's bar height in the display unit (a display number, never for sums). */
export function chartValue(fen: Fen, unit: DisplayUnit): number {
  return displayValue(fen, UNIT_FEN[unit]);
}

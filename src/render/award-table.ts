/**
 * The award table (the wide layout of `batch`): one row per enterprise, a column per cash measure and
 * performance year with the amount of an eligible result, the total, and the other eligible results (deductions,
 * unquantified and non-monetary) by name. The columns are fixed before the first row, from the rule set: every
 * cash measure × every year it is in force (narrowed by --years), so that a streamed file has one header.
 */
import type { Lang } from '../domain/labels.js';
import { formatYuan, type Fen } from '../domain/money.js';
import { isCash, type Kind } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { csvCell } from './csv.js';
import { titledNames } from './titles.js';

export interface AwardColumn {
  /** "policy/measure@year" */
  key: string;
  ref: string;
  year: number;
  title: { zh: string; en: string };
}

/** The last year shown for a policy without an end date (none of the cash measures today). */
const OPEN_END_YEARS = 5;

export function awardColumns(rs: RuleSet, years: ReadonlySet<number> | null): AwardColumn[] {
  const cols: AwardColumn[] = [];
  for (const p of rs.policies) {
    for (const m of p.measures) {
      if (!isCash(m.def.kind)) continue;
      const inForce = m.years ? [...m.years].sort((a, b) => a - b) : range(p.fromYear, Number.isFinite(p.toYear) ? p.toYear : p.fromYear + OPEN_END_YEARS);
      for (const year of inForce) {
        if (years && !years.has(year)) continue;
        cols.push({ key: `${m.ref}@${year}`, ref: m.ref, year, title: m.def.title });
      }
    }
  }
  return cols;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

const FIXED = {
  zh: { id: '统一社会信用代码', name: '企业名称', district: '所属区', total: '现金奖励合计（元）', other: '其他符合项（非现金、金额另定、加计扣除）' },
  en: { id: 'id', name: 'name', district: 'district', total: 'total', other: 'other_eligible' },
} as const;

/**
 * The header row. English headers are the column keys ("gz-2025-ecommerce/scale-tier@2025"); Chinese ones the
 * measure's title and the year, as the input's yearly columns are written ("网上零售额进档奖励_2025"), with the
 * key added where two measures share a title.
 */
export function awardHeader(cols: readonly AwardColumn[], lang: Lang): string[] {
  const h = FIXED[lang];
  const name = titledNames(cols.map((c) => [c.ref, c.title.zh] as const));
  const zh = (c: AwardColumn) => `${name(c.ref)}_${c.year}`;
  return [h.id, h.name, h.district, ...cols.map((c) => (lang === 'en' ? c.key : zh(c))), h.total, h.other];
}

/**
 * The columns by measure and year, built once per run: a result finds its column by its ref (a string the rule
 * set made once, so its hash is kept) and its year, with no "ref@year" key made per result.
 */
export class ColumnIndex {
  private readonly byRef = new Map<string, Map<number, number>>();
  constructor(cols: readonly AwardColumn[]) {
    cols.forEach((c, i) => (this.byRef.get(c.ref) ?? this.byRef.set(c.ref, new Map()).get(c.ref)!).set(c.year, i));
  }
  at(ref: string, year: number): number | undefined {
    return this.byRef.get(ref)?.get(year);
  }
}

export function columnIndex(cols: readonly AwardColumn[]): ColumnIndex {
  return new ColumnIndex(cols);
}

export interface AwardRow {
  id: string;
  name: string;
  district: string;
  /** Per column: the amount of the eligible result, or null. */
  amounts: Array<Fen | null>;
  total: Fen;
  /** The other eligible results by key ("policy/measure@year", a deduction with its amount), joined by "; ". */
  other: string;
}

/**
 * Puts each eligible result of an evaluation in its place: a cash amount in its column of `amounts` (which comes
 * in filled with null), anything else among the others; returns the others, joined.
 */
function placeResults(ev: Evaluation, index: ColumnIndex, amounts: Array<Fen | null>): string {
  let other = '';
  for (const r of ev.results) {
    if (r.status !== 'eligible') continue;
    const col = isCash(r.kind) ? index.at(r.ref, r.year) : undefined;
    if (col !== undefined) amounts[col] = r.amount;
    else other += (other === '' ? '' : '; ') + otherLabel(`${r.ref}@${r.year}`, r.kind, r.amount);
  }
  return other;
}

export function awardRow(ev: Evaluation, cols: readonly AwardColumn[], index: ColumnIndex): AwardRow {
  const e = ev.enterprise;
  const amounts: Array<Fen | null> = new Array(cols.length).fill(null);
  const other = placeResults(ev, index, amounts);
  return { id: e.id, name: e.name ?? '', district: e.district ?? '', amounts, total: ev.total, other };
}

/**
 * The award table's CSV line of an evaluation: the very text of csvLine(awardCells(awardRow(…))), written in one
 * pass for batch (no row object, no arrays of cells). An amount cell is formatYuan's plain number, which
 * csvCell leaves as it is (test/fast-paths.property.test.ts holds the two to the same text).
 */
export class AwardCsvLine {
  private readonly amounts: Array<Fen | null>;
  constructor(
    cols: readonly AwardColumn[],
    private readonly index: ColumnIndex,
  ) {
    this.amounts = new Array<Fen | null>(cols.length).fill(null);
  }

  line(ev: Evaluation): string {
    const amounts = this.amounts;
    amounts.fill(null);
    const other = placeResults(ev, this.index, amounts);
    const e = ev.enterprise;
    let line = `${csvCell(e.id)},${csvCell(e.name ?? '')},${csvCell(e.district ?? '')}`;
    // Runs of empty cells go in as one string each: most rows have few amounts, and a piece per cell was a
    // thousand bytes of string pieces a row.
    let empty = 0;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i]!;
      if (a === null) {
        empty++;
        continue;
      }
      line += `${commas(empty)},${formatYuan(a)}`;
      empty = 0;
    }
    return `${line}${commas(empty)},${formatYuan(ev.total)},${csvCell(other)}\r\n`;
  }
}

/** `n` commas, from a table made as needed (a table has a few dozen columns). */
const COMMAS: string[] = [''];
function commas(n: number): string {
  while (COMMAS.length <= n) COMMAS.push(','.repeat(COMMAS.length));
  return COMMAS[n]!;
}

function otherLabel(key: string, kind: Kind, amount: Fen | null): string {
  return kind === 'tax-deduction' && amount !== null ? `${key}=${formatYuan(amount)}` : key;
}

/** The row as CSV cells: amounts as plain numbers with two decimals, empty where nothing is due. */
export function awardCells(row: AwardRow): string[] {
  return [row.id, row.name, row.district, ...row.amounts.map((a) => (a === null ? '' : formatYuan(a))), formatYuan(row.total), row.other];
}

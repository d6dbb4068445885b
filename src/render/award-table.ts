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
import { shortTitleOf } from './titles.js';
import { Utf8Buffer, utf8 } from './utf8-buffer.js';

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
  zh: { id: '统一社会信用代码', name: '企业名称', district: '所属区', total: '现金奖励合计（元）', other: '其他符合项（非现金、金额另定、加计扣除）', needs: '缺数据（措施@业绩年度：缺少的输入）' },
  en: { id: 'id', name: 'name', district: 'district', total: 'total', other: 'other_eligible', needs: 'needs_data' },
} as const;

/**
 * The header row. English headers are the column keys ("gz-2025-ecommerce/scale-tier@2025", names scripts keep);
 * Chinese ones say what the column holds: the measure's title, the year and its kind, and the unit
 * ("网上零售额进档奖励（2025业绩年度，元）"), with the document's short title added where two measures share a title.
 */
export function awardHeader(cols: readonly AwardColumn[], lang: Lang): string[] {
  const h = FIXED[lang];
  const shared = new Map<string, Set<string>>();
  for (const c of cols) (shared.get(c.title.zh) ?? shared.set(c.title.zh, new Set()).get(c.title.zh)!).add(c.ref);
  const zh = (c: AwardColumn) => `${c.title.zh}（${shared.get(c.title.zh)!.size > 1 ? shortTitleOf(c.ref, 'zh') + '，' : ''}${c.year}业绩年度，元）`;
  return [h.id, h.name, h.district, ...cols.map((c) => (lang === 'en' ? c.key : zh(c))), h.total, h.other, h.needs];
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
  /** The results that need data (neededData): an empty amount there is not a firm that earned nothing. */
  needs: string;
}

/**
 * The wide table's last column (issue 34): every result whose status is needs-data, as its key and the inputs it
 * lacks, "gz-2025-ecommerce/scale-tier@2025: years.2023.onlineRetailSales", joined by "; ". An amount cell left
 * empty, or a total of 0.00, then tells a firm whose award waits for a figure from one that earned nothing: the
 * column is empty only when nothing waits for data. The keys and paths are the machine names of the long layout
 * and JSON (the same in both languages); the long layout's status column says the same per result.
 */
export function neededData(ev: Evaluation): string {
  let out = '';
  for (const r of ev.results) {
    if (r.status !== 'needs-data') continue;
    out += `${out === '' ? '' : '; '}${r.ref}@${r.year}${r.missing.length ? `: ${r.missing.join(', ')}` : ''}`;
  }
  return out;
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
  return { id: e.id, name: e.name ?? '', district: e.district ?? '', amounts, total: ev.total, other, needs: neededData(ev) };
}

/**
 * The award table's CSV line of an evaluation, written in one pass for batch (no row object, no arrays of cells):
 * the UTF-8 bytes of csvLine(awardCells(awardRow(…))). The line is never built as a string: each text cell goes
 * through csvCell, as csvLine's do, and is encoded on its own; the commas, runs of commas for empty cells and the
 * line's end are bytes made once; an amount is formatYuan's plain number (ASCII), which csvCell leaves as it is.
 * Encoding cell by cell gives the bytes of the whole line: cells are parted by commas, so no character spans two
 * (test/fast-paths.property.test.ts holds the two to the same bytes).
 */
export class AwardCsvLine {
  private readonly amounts: Array<Fen | null>;
  private scratch: Utf8Buffer | null = null;
  constructor(
    cols: readonly AwardColumn[],
    private readonly index: ColumnIndex,
  ) {
    this.amounts = new Array<Fen | null>(cols.length).fill(null);
  }

  /** The line as text: what `write` writes, decoded (for tests; batch writes the bytes). */
  line(ev: Evaluation): string {
    const b = (this.scratch ??= new Utf8Buffer());
    this.write(ev, b);
    return b.textFrom(0);
  }

  /** The line, CRLF included, as UTF-8 bytes added to `out`. */
  write(ev: Evaluation, out: Utf8Buffer): void {
    // `amounts` comes in all null, and each amount is set back to null as it is written: a fill per row (a call
    // into V8's runtime) was a quarter of the old line's own time.
    const amounts = this.amounts;
    const other = placeResults(ev, this.index, amounts);
    const e = ev.enterprise;
    cell(e.id, out);
    out.byte(COMMA);
    if (e.name !== undefined) cell(e.name, out);
    out.byte(COMMA);
    if (e.district !== undefined) cell(e.district, out);
    // Runs of empty cells go in as one piece each: most rows have few amounts among a few dozen columns.
    let empty = 0;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i]!;
      if (a === null) {
        empty++;
        continue;
      }
      amounts[i] = null;
      out.bytes(commas(empty + 1));
      out.ascii(formatYuan(a));
      empty = 0;
    }
    out.bytes(commas(empty + 1));
    out.ascii(formatYuan(ev.total));
    out.byte(COMMA);
    cell(other, out);
    out.byte(COMMA);
    cell(neededData(ev), out);
    out.bytes(CRLF);
  }
}

const COMMA = 44;
const CRLF = utf8('\r\n');

/** A text cell as csvCell makes it, encoded (an empty one is nothing, as csvCell leaves it). */
function cell(s: string, out: Utf8Buffer): void {
  if (s.length !== 0) out.add(csvCell(s));
}

/** `n` commas as bytes, from a table made as needed (a table has a few dozen columns). */
const COMMAS: Uint8Array[] = [];
function commas(n: number): Uint8Array {
  while (COMMAS.length <= n) COMMAS.push(utf8(','.repeat(COMMAS.length)));
  return COMMAS[n]!;
}

function otherLabel(key: string, kind: Kind, amount: Fen | null): string {
  return kind === 'tax-deduction' && amount !== null ? `${key}=${formatYuan(amount)}` : key;
}

/** The row as CSV cells: amounts as plain numbers with two decimals, empty where nothing is due. */
export function awardCells(row: AwardRow): string[] {
  return [row.id, row.name, row.district, ...row.amounts.map((a) => (a === null ? '' : formatYuan(a))), formatYuan(row.total), row.other, row.needs];
}

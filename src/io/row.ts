/**
 * One CSV row of the wide layout → an Enterprise, or the problems of the row (each naming its column and
 * quoting the cell). The same value readers as the JSON schema; no zod here, because this runs a million times.
 */
import { LIST_IDS, TRACKS, recordOfYearList, yearListOfRecord, type Enterprise, type ListEntry, type PriorAward, type Project, type RegisteredCapital, type Track, type YearData, type YearList } from '../domain/enterprise.js';
import { smallUnitsToFen, wholeUnitsToFen, wholeUnitsWithin, type Unit } from '../domain/money.js';
import { error, warning, type Problem } from '../domain/problem.js';
import { MAX_YEAR, MIN_YEAR, readBool, readCount, readDate, readDistrict, readId, readMoney, readYear, type Read } from '../domain/values.js';
import { YEAR_FIELDS } from '../domain/enterprise.js';
import { declaredYearInputs, inputDef, readCategory, readInputValue, type InputKind } from '../domain/vocabulary.js';
import { closestHeaders, readHeader, type Column } from './columns.js';

export interface RowOptions {
  unit?: Unit;
  lenientId?: boolean;
  strict?: boolean;
  knownMeasures?: ReadonlySet<string>;
  /**
   * Check the row, keep nothing (validate): a whole amount is not turned into fen and the enterprise comes back
   * without its years. Its problems are the same as a full reading's.
   */
  checkOnly?: boolean;
}

export interface ColumnPlan {
  headers: string[];
  columns: Array<Column | null>;
  /** Per column, the unit its header (or a title row above it) names for bare amounts, or null (then --unit). */
  units: Array<Unit | null>;
  /** The cell separator of the file: ",", ";" or a tab. */
  delimiter: string;
  /** The years of the yearly columns, ascending, and per column its slot (year index × width + field), or −1. */
  years: number[];
  slots: number[];
  /**
   * The declared per-year inputs (domain/vocabulary.ts) the columns give, in their slot order after the built-in
   * fields: a year's slots are the built-in fields, then these (width: FIELDS.length + extras.length).
   */
  extras: string[];
  /** Problems of the header row: unknown columns (warnings unless strict), duplicates (errors). */
  problems: Problem[];
  /**
   * A row may have fewer cells than the header: a workbook keeps no empty cell, so a row whose last cells are
   * blank ends early, and those cells are empty (unknown), as the spreadsheet shows them. A longer row is an error.
   */
  shortRows?: boolean;
}

/** More columns than any layout of this program has (about 130 for five years): a file, not a table. */
export const MAX_COLUMNS = 2000;
/** Unknown-column warnings listed one by one; the rest are counted. */
export const UNKNOWN_COLUMNS_SHOWN = 10;

export interface PlanOptions {
  strict?: boolean;
  /** A unit named in a title row above the header ("单位：万元"): the unit of every amount column without its own. */
  titleUnit?: Unit;
  delimiter?: string;
  /** The rows come from a workbook, which stores no empty cell: a row may end before the header does. */
  shortRows?: boolean;
}

export function planColumns(headers: string[], strictOrOptions: boolean | PlanOptions = false): ColumnPlan {
  const o: PlanOptions = typeof strictOrOptions === 'boolean' ? { strict: strictOrOptions } : strictOrOptions;
  const strict = !!o.strict;
  const problems: Problem[] = [];
  const delimiter = o.delimiter ?? ',';
  if (headers.length > MAX_COLUMNS) {
    problems.push(error('', 'too-many-columns', { found: headers.length, max: MAX_COLUMNS }));
    return { headers: [], columns: [], units: [], delimiter, years: [], slots: [], extras: [], problems };
  }
  const readings = headers.map(readHeader);
  const columns = readings.map((r) => r.column);
  const units = readings.map((r, i) => (isAmount(columns[i] ?? null) ? (r.unit ?? o.titleUnit ?? null) : null));
  const seen = new Map<string, number>();
  const unknown: string[] = [];
  let hidden = 0;
  let shown = 0; // unknown-column warnings listed so far
  headers.forEach((h, i) => {
    const col = columns[i];
    const reading = readings[i]!;
    if (!col) {
      if (h.trim() === '') return;
      if (reading.yearOutOfRange !== undefined) {
        problems.push({ ...(strict ? error : warning)(h, 'column-year-range', { column: h, year: reading.yearOutOfRange, min: MIN_YEAR, max: MAX_YEAR }) });
        return;
      }
      unknown.push(h);
      const near = closestHeaders(h);
      // a message quotes a short prefix of a header, however long it is
      const column = h.length > 60 ? `${h.slice(0, 57)}…` : h;
      if (near.resembles) problems.push(error(h, 'unknown-column-like', { column, suggestions: near.names.join('、') }));
      else if (shown++ < UNKNOWN_COLUMNS_SHOWN) problems.push({ severity: strict ? 'error' : 'warning', path: h, expected: { key: 'unknown-column', args: { column } } });
      else hidden++;
      return;
    }
    const key = JSON.stringify(col);
    const first = seen.get(key);
    if (first !== undefined) problems.push(error(h, 'duplicate-column', { column: h, first: headers[first]! }));
    else seen.set(key, i);
  });
  if (hidden) problems.push({ severity: strict ? 'error' : 'warning', path: '', expected: { key: 'unknown-columns-more', args: { n: hidden } } });
  if (!columns.some((c) => c?.kind === 'id')) problems.push(error('id', 'missing-id-column'));
  else if (!columns.some((c) => c && MEASURE_READ.has(c.kind)) && !problems.some((p) => p.severity === 'error')) {
    const near = [...new Set(unknown.flatMap((h) => closestHeaders(h, 2).names))].slice(0, 6);
    problems.push(error('', 'no-measure-columns', { closest: near.join('、') }));
  }
  const years = [...new Set(columns.flatMap((c) => (c?.kind === 'year' ? [c.year] : [])))].sort((a, b) => a - b);
  const extras = declaredYearInputs().filter((id) => columns.some((c) => c?.kind === 'year' && c.field === id));
  const width = FIELDS.length + extras.length;
  const fieldIndex = (f: string) => (f in YEAR_FIELDS ? FIELDS.indexOf(f as keyof YearData) : FIELDS.length + extras.indexOf(f));
  const slots = columns.map((c) => (c?.kind === 'year' ? years.indexOf(c.year) * width + fieldIndex(c.field) : -1));
  return { headers, columns, units, delimiter, years, slots, extras, problems, ...(o.shortRows ? { shortRows: true } : {}) };
}

/** Kinds of columns some measure reads (an id and a name alone compute nothing). */
const MEASURE_READ = new Set(['year', 'list', 'project', 'capital', 'prior', 'funding', 'input']);

/** The kind of a yearly input: a built-in field's, else the declared input's. */
function kindOf(field: string): InputKind | undefined {
  return (YEAR_FIELDS as Record<string, InputKind>)[field] ?? inputDef(field)?.kind;
}

/** Whether a column holds amounts of money (a unit applies to it). */
export function isAmount(col: Column | null): boolean {
  return (
    !!col &&
    ((col.kind === 'year' && kindOf(col.field) === 'money') ||
      (col.kind === 'capital' && (col.key === 'amount' || col.key === 'firstInstallment')) ||
      (col.kind === 'input' && inputDef(col.id)?.kind === 'money'))
  );
}

const FIELDS = Object.keys(YEAR_FIELDS) as Array<keyof YearData>;

/**
 * One year's figures as an object of one fixed shape (every field, absent ones undefined), so that the engine's
 * reads of them stay monomorphic; undefined is absent everywhere (SPEC §2: never zero).
 */
function yearOf(v: unknown[], b: number): YearData | null {
  for (let i = 0; i < FIELDS.length; i++) {
    if (v[b + i] !== undefined) {
      return {
        onlineRetailSales: v[b] as YearData['onlineRetailSales'],
        nbsDirectReporting: v[b + 1] as YearData['nbsDirectReporting'],
        newlyAboveQuota: v[b + 2] as YearData['newlyAboveQuota'],
        brandPromotionExpense: v[b + 3] as YearData['brandPromotionExpense'],
        bondedZoneRent: v[b + 4] as YearData['bondedZoneRent'],
        highSalaryStaff: v[b + 5] as YearData['highSalaryStaff'],
        rdExpensed: v[b + 6] as YearData['rdExpensed'],
        rdCapitalized: v[b + 7] as YearData['rdCapitalized'],
        newListing: v[b + 8] as YearData['newListing'],
        staffEducationExpense: v[b + 9] as YearData['staffEducationExpense'],
        crossBorderRetailExport: v[b + 10] as YearData['crossBorderRetailExport'],
      };
    }
  }
  return null;
}
/**
 * The year at slot `b` with the declared inputs after its built-in fields (`extras`, slots b + FIELDS.length…)
 * added by id; `d` is its built-in figures (yearOf), or null. Only a plan with declared columns comes here.
 */
function withExtras(d: YearData | null, v: unknown[], b: number, extras: readonly string[]): YearData | null {
  for (let j = 0; j < extras.length; j++) {
    const x = v[b + FIELDS.length + j];
    if (x !== undefined) ((d ??= blankYear()) as Record<string, unknown>)[extras[j]!] = x;
  }
  return d;
}

/** A year of yearOf's shape with no figure. */
function blankYear(): YearData {
  return {
    onlineRetailSales: undefined,
    nbsDirectReporting: undefined,
    newlyAboveQuota: undefined,
    brandPromotionExpense: undefined,
    bondedZoneRent: undefined,
    highSalaryStaff: undefined,
    rdExpensed: undefined,
    rdCapitalized: undefined,
    newListing: undefined,
    staffEducationExpense: undefined,
    crossBorderRetailExport: undefined,
  };
}

if (FIELDS.join() !== 'onlineRetailSales,nbsDirectReporting,newlyAboveQuota,brandPromotionExpense,bondedZoneRent,highSalaryStaff,rdExpensed,rdCapitalized,newListing,staffEducationExpense,crossBorderRetailExport') {
  throw new Error('row.ts: yearOf lists the yearly fields in the order of YEAR_FIELDS');
}

const SPLIT = /[;；,，、\s]+/;
/** A whole number that parseAmount reads as exactly BigInt(cell) units: 1 to 15 digits. */
function plainInt(cell: string): boolean {
  if (cell.length > 15) return false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const LIVESTREAM = /^(?::|：)?(livestream|直播)$/i;
const ECOMMERCE = /^(?::|：)?(ecommerce|电商|电子商务)?$/i;
/** Tracks cells already read (a district has a handful of distinct ones); the arrays are shared, never mutated. */
const TRACK_CELLS = new Map<string, Track[]>();
const TRACK_ALIASES: Record<string, Track> = { 电子商务: 'ecommerce', 电商: 'ecommerce', 直播电商: 'livestream', 直播: 'livestream', 跨境电商: 'cross-border', 跨境: 'cross-border' };

/** The value a reader read, or undefined after recording why not; a warning is recorded beside the value. */
function valueOf<T>(r: Read<T>, header: string, raw: string, problems: Problem[]): T | undefined {
  if (!r.ok) {
    problems.push(error(header, r.key, r.args, raw));
    return undefined;
  }
  if (r.warn) problems.push(warning(header, r.warn.key, r.warn.args, raw));
  return r.value;
}

/**
 * A value under a header cell left empty: an error naming the column's letter (A, B, …, AA), never dropped
 * silently (issue 34); an empty column, or one of spaces only, is fine.
 */
function noHeader(i: number, raw: string, problems: Problem[]): void {
  if (raw.trim() === '') return;
  const letter = columnLetter(i);
  problems.push(error(letter, 'column.no-header', { column: letter }, raw.length > 40 ? `${raw.slice(0, 37)}…` : raw));
}

/** A column's letter as spreadsheets name it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Longest cell read (characters): no field of the layout comes near it. */
export const MAX_CELL = 10_000;

/**
 * A cell in the form spreadsheets keep as text, ="914401011904434208" (what this program writes for ids), read
 * back as what it protects. Any other cell starting with = is taken as written.
 */
export function unprotect(cell: string): string {
  if (cell.length >= 3 && cell.charCodeAt(1) === 34 && cell.charCodeAt(cell.length - 1) === 34) {
    const inner = cell.slice(2, -1);
    if (!/"(?!")/.test(inner.replace(/""/g, ''))) return inner.replace(/""/g, '"');
  }
  return cell;
}

/** The yearly values of the row being mapped, by plan slot (see mapRow). */
const VALS: unknown[] = [];
/** A row's years and their figures, gathered before the row's own arrays are made (finishRow). */
const YEARS: number[] = [];
const DATA: YearData[] = [];

/** The scratch array of yearly values, emptied for a row of this plan (mapRow never runs inside itself). */
function scratch(plan: ColumnPlan): unknown[] {
  const size = plan.years.length * (FIELDS.length + plan.extras.length);
  while (VALS.length < size) VALS.push(undefined);
  // a loop, not fill(): fill is a call into V8's runtime (1.2% of a 1M-row batch's time, the loop next to nothing)
  for (let i = 0; i < size; i++) VALS[i] = undefined;
  return VALS;
}

/** What a row becomes: its enterprise (null when an error rejects it) and its problems. */
export interface MappedRow {
  enterprise: Enterprise | null;
  problems: Problem[];
}

export function mapRow(plan: ColumnPlan, cells: readonly string[], row: number, o: RowOptions = {}): MappedRow {
  const problems: Problem[] = [];
  const e = newEnterprise();
  const vals = scratch(plan);
  const runUnit = o.unit ?? '元';
  let idSeen = false;
  const n = Math.min(cells.length, plan.columns.length);
  for (let i = 0; i < n; i++) {
    const raw = cells[i]!;
    if (raw.length === 0) continue;
    if (!plan.columns[i]) {
      if (plan.headers[i]!.trim() === '') noHeader(i, raw, problems);
      continue;
    }
    if (mapCell(plan, i, raw, e, vals, problems, o, runUnit)) idSeen = true;
  }
  return finishRow(plan, e, vals, problems, idSeen, cells.length, row, o);
}

function newEnterprise(): Enterprise {
  return new RowEnterprise();
}

const NO_YEARS: YearList = Object.freeze({ years: Object.freeze([]), data: Object.freeze([]) });
/** A row's lists before it has any (frozen: a push on it would throw, never reach another row). */
const NOTHING: never[] = Object.freeze([]) as unknown as never[];
const DEFAULT_TRACKS: Track[] = Object.freeze(['ecommerce']) as unknown as Track[];
/** A list of the enterprise's own to add to (`list` itself once it is one). */
function own<T>(list: T[]): T[] {
  return (list as unknown[]) === NOTHING ? [] : list;
}

/**
 * An enterprise as the row reader makes it: its years in the fast layout (`yearList`, ascending), which is what
 * the engine reads; the object keyed by year (`years`) is made from it only when something asks for it.
 */
class RowEnterprise implements Enterprise {
  id = '';
  // Shared, frozen lists until a cell gives one (mapCell makes a list of its own then): most rows have none, and
  // five new arrays a row were a tenth of what reading a row allocated.
  tracks: Track[] = DEFAULT_TRACKS;
  lists: ListEntry[] = NOTHING;
  projects: Project[] = NOTHING;
  priorAwards: PriorAward[] = NOTHING;
  higherLevelFunding: string[] = NOTHING;
  yearList: YearList = NO_YEARS;
  declare name?: string;
  declare district?: string;
  declare registeredCapital?: RegisteredCapital;
  declare inputs?: Record<string, unknown>;
  /** The object of years last made, and the list it was made from (a list set since makes it anew). */
  #byYear: Record<number, YearData> | null = null;
  #madeFrom: YearList | null = null;

  get years(): Record<number, YearData> {
    if (this.#madeFrom !== this.yearList) {
      this.#byYear = recordOfYearList(this.yearList);
      this.#madeFrom = this.yearList;
    }
    return this.#byYear!;
  }

  set years(byYear: Record<number, YearData>) {
    this.yearList = yearListOfRecord(byYear);
    this.#byYear = byYear;
    this.#madeFrom = this.yearList;
  }
}

/**
 * One non-empty cell of column i (a column the plan knows), read into the enterprise, its yearly values into
 * `vals` by slot; true when the cell is the id's (an id column cell with something in it).
 */
function mapCell(plan: ColumnPlan, i: number, raw: string, e: Enterprise, vals: unknown[], problems: Problem[], o: RowOptions, runUnit: Unit): boolean {
  const col = plan.columns[i]!;
  const header = plan.headers[i]!;
  if (raw.length > MAX_CELL) {
    problems.push(error(header, 'cell-too-long', { length: raw.length, max: MAX_CELL }, raw.slice(0, 40)));
    return false;
  }
  let cell = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (cell.charCodeAt(0) === 61 /* = */) cell = unprotect(cell);
  if (cell === '') return false; // an empty cell is absent, never zero
  const unit = plan.units[i] ?? runUnit;
  switch (col.kind) {
    case 'id': {
      const v = valueOf(readId(cell, !!o.lenientId), header, raw, problems);
      if (v !== undefined) e.id = v;
      return true;
    }
    case 'name':
      if (cell.indexOf('\0') !== -1) problems.push(error(header, 'cell.nul', undefined, raw.replace(/\0/g, '\\0')));
      else e.name = cell;
      break;
    case 'district': {
      const v = valueOf(readDistrict(cell), header, raw, problems);
      if (v !== undefined) e.district = v;
      break;
    }
    case 'tracks': {
      const known = TRACK_CELLS.get(cell);
      if (known) {
        e.tracks = known;
        break;
      }
      const tracks: Track[] = [];
      for (const t of cell.split(SPLIT).filter(Boolean)) {
        const track = (TRACKS as readonly string[]).includes(t.toLowerCase()) ? (t.toLowerCase() as Track) : TRACK_ALIASES[t];
        if (track) tracks.push(track);
        else problems.push(error(header, 'expected.one-of', { values: TRACKS.join(', ') }, raw));
      }
      if (tracks.length) e.tracks = tracks;
      if (tracks.length && !problems.length && TRACK_CELLS.size < 256) TRACK_CELLS.set(cell, tracks);
      break;
    }
    case 'input': {
      const v = valueOf(readInputValue(inputDef(col.id)!, cell, unit), header, raw, problems);
      if (v !== undefined) (e.inputs ??= {})[col.id] = v;
      break;
    }
    case 'year': {
      const kind = kindOf(col.field);
      const slot = plan.slots[i]!;
      // Fast paths for what an export holds a million times — whole numbers of the unit, true/false — read
      // exactly as the shared readers read them; anything else goes through those readers.
      if (kind === 'money' && plainInt(cell) && wholeUnitsWithin(Number(cell), unit)) {
        if (!o.checkOnly) vals[slot] = wholeUnitsToFen(cell, unit);
      }
      else if (kind === 'boolean' && (cell === 'true' || cell === 'false')) vals[slot] = cell === 'true';
      else {
        const r = kind === 'money' ? readMoney(cell, unit) : kind === 'boolean' ? readBool(cell) : kind === 'count' ? readCount(cell) : readCategory(cell, inputDef(col.field)!);
        vals[slot] = valueOf<unknown>(r, header, raw, problems);
      }
      break;
    }
    case 'list':
      for (const item of cell.split(SPLIT).filter(Boolean)) {
        const m = /^(\d{4})(.*)$/.exec(item);
        const year = m ? readYear(m[1]) : null;
        const rest = m?.[2] ?? '';
        if (!year?.ok || !(LIVESTREAM.test(rest) || ECOMMERCE.test(rest)) || (col.list !== 'honghu' && rest !== '')) {
          problems.push(error(header, col.list === 'honghu' ? 'expected.list-years-track' : 'expected.list-years', undefined, raw));
          continue;
        }
        const entry: ListEntry = { list: col.list, year: year.value };
        if (col.list === 'honghu' && LIVESTREAM.test(rest)) entry.track = 'livestream';
        (e.lists = own(e.lists)).push(entry);
      }
      break;
    case 'project':
      for (const item of cell.split(SPLIT).filter(Boolean)) {
        const year = valueOf(readYear(item), header, raw, problems);
        if (year !== undefined) (e.projects = own(e.projects)).push({ type: col.type, year });
      }
      break;
    case 'capital': {
      const rc = (e.registeredCapital ??= {});
      if (col.key === 'amount' || col.key === 'firstInstallment') {
        const v = valueOf(readMoney(cell, unit), header, raw, problems);
        if (v !== undefined) rc[col.key] = v;
      } else {
        const v = valueOf(readDate(cell), header, raw, problems);
        if (v !== undefined) rc[col.key] = v;
      }
      break;
    }
    case 'prior':
      for (const item of cell.split(SPLIT).filter(Boolean)) {
        const m = /^([a-z0-9/-]+)@(\d{4})(?::([1-5]))?$/.exec(item);
        if (!m || (o.knownMeasures && !o.knownMeasures.has(m[1]!))) {
          problems.push(error(header, 'expected.prior-award', undefined, item));
          continue;
        }
        (e.priorAwards = own(e.priorAwards)).push({ measure: m[1]!, year: Number(m[2]), ...(m[3] ? { tier: Number(m[3]) } : {}) });
      }
      break;
    case 'funding':
      for (const item of cell.split(SPLIT).filter(Boolean)) {
        if (!/^[a-z0-9-]+\/[a-z0-9-]+(@\d{4})?$/.test(item) || (o.knownMeasures && !o.knownMeasures.has(item.replace(/@\d{4}$/, '')))) {
          problems.push(error(header, 'expected.funding-ref', undefined, item));
          continue;
        }
        (e.higherLevelFunding = own(e.higherLevelFunding)).push(item);
      }
      break;
  }
  return false;
}

/**
 * The end of a row of `cells` cells: its years from `vals`, the checks that need the whole row (a count of cells
 * other than the header's comes first among the problems), the row number on every problem.
 */
function finishRow(plan: ColumnPlan, e: Enterprise, vals: unknown[], problems: Problem[], idSeen: boolean, cells: number, row: number, o: RowOptions): MappedRow {
  if (cells > plan.headers.length || (cells < plan.headers.length && !plan.shortRows)) problems.unshift(error('', 'row-cells', { expected: plan.headers.length, found: cells }));
  if (!o.checkOnly && plan.years.length > 0) {
    // plan.years is ascending (planColumns), and so is the list. Gathered in scratch arrays and copied at their
    // size: an array grown by push starts with room for 17.
    let n = 0;
    const width = FIELDS.length + plan.extras.length;
    for (let k = 0; k < plan.years.length; k++) {
      const d = plan.extras.length === 0 ? yearOf(vals, k * width) : withExtras(yearOf(vals, k * width), vals, k * width, plan.extras);
      if (d) {
        YEARS[n] = plan.years[k]!;
        DATA[n++] = d;
      }
    }
    if (n > 0) e.yearList = { years: YEARS.slice(0, n), data: DATA.slice(0, n) };
  }
  if (!idSeen && !problems.some((p) => p.path === 'id')) problems.push(error('id', 'id.missing'));
  if (e.registeredCapital && !e.registeredCapital.registeredOn) problems.push(error('registered_on', 'expected.required'));
  for (const p of problems) p.row = row;
  return { enterprise: problems.some((p) => p.severity === 'error') ? null : e, problems };
}

/**
 * How mapLine reads the columns of a plan: a code per column (what it is, as far as the fast path cares), the
 * slot of a yearly one, and for an amount column the unit its bare numbers are in. Made once per plan and unit.
 */
interface LinePlan {
  runUnit: Unit;
  code: Uint8Array;
  slot: Int32Array;
  unit: Unit[];
  idCol: number;
}
const SKIP = 0; // no column the plan knows: the cell is not read
const NO_HEADER = 4; // a column without a header: a value in it is an error (noHeader)
const MONEY = 1; // a yearly amount
const BOOL = 2; // a yearly true/false
const OTHER = 3; // anything else: through mapCell
const LINE_PLANS = new WeakMap<ColumnPlan, LinePlan>();

function linePlanOf(plan: ColumnPlan, runUnit: Unit): LinePlan {
  let lp = LINE_PLANS.get(plan);
  if (lp && lp.runUnit === runUnit) return lp;
  const n = plan.columns.length;
  lp = { runUnit, code: new Uint8Array(n), slot: new Int32Array(n), unit: [], idCol: plan.columns.findIndex((c) => c?.kind === 'id') };
  for (let i = 0; i < n; i++) {
    const col = plan.columns[i];
    const kind = col?.kind === 'year' ? kindOf(col.field) : null;
    lp.code[i] = !col ? (plan.headers[i]!.trim() === '' ? NO_HEADER : SKIP) : kind === 'money' ? MONEY : kind === 'boolean' ? BOOL : OTHER;
    lp.slot[i] = plan.slots[i] ?? -1;
    lp.unit.push(plan.units[i] ?? runUnit);
  }
  LINE_PLANS.set(plan, lp);
  return lp;
}

/** A line mapLine found blank (separators only): not a record. */
export const BLANK_LINE = Object.freeze({ enterprise: null, problems: [] as Problem[] });

/**
 * One line of CSV text without quotes, text[start, end) (its line end left out), read straight from the text:
 * the same result as mapRow(plan, text.slice(start, end).split(delimiter), row, o), without a string for every
 * cell (whole amounts and true/false are read from the characters; only other cells are cut out and go through
 * the same mapCell). BLANK_LINE for a line of separators only; null where the line must be split and read by
 * mapRow (it may be blank in a way only trim() tells: white space or other characters before its first cell).
 * `rawId`: the id cell as written, trimmed, when the row is rejected and has one.
 */
export function mapLine(plan: ColumnPlan, text: string, start: number, end: number, row: number, o: RowOptions): (MappedRow & { rawId?: string }) | null {
  const d = plan.delimiter.charCodeAt(0);
  let p = start;
  while (p < end && text.charCodeAt(p) === d) p++;
  if (p === end) return BLANK_LINE;
  const first = text.charCodeAt(p);
  if (first <= 32 || first >= 127) return null;
  const runUnit = o.unit ?? '元';
  const lp = linePlanOf(plan, runUnit);
  const code = lp.code;
  const ncols = code.length;
  const problems: Problem[] = [];
  const e = newEnterprise();
  const vals = scratch(plan);
  const checkOnly = !!o.checkOnly;
  let idSeen = false;
  let idStart = 0;
  let idEnd = 0;
  let i = 0;
  let cs = start;
  for (;;) {
    let ce = cs;
    while (ce < end && text.charCodeAt(ce) !== d) ce++;
    const k = i < ncols && ce > cs ? code[i]! : SKIP;
    if (k === NO_HEADER) noHeader(i, text.slice(cs, ce), problems);
    else if (k !== SKIP) {
      if (i === lp.idCol) {
        idStart = cs;
        idEnd = ce;
      }
      let done = false;
      if (k === MONEY && ce - cs <= 15) {
        // a whole number of the column's unit (what plainInt accepts), read digit by digit: exact below 10^15
        let n = 0;
        let c = cs;
        for (; c < ce; c++) {
          const ch = text.charCodeAt(c);
          if (ch < 48 || ch > 57) break;
          n = n * 10 + (ch - 48);
        }
        if (c === ce) {
          // checked only: not worked out, but within the limit (MAX_AMOUNT_FEN; a worked-out one below 2^53 always is)
          if (checkOnly) done = wholeUnitsWithin(n, lp.unit[i]!);
          else {
            const fen = smallUnitsToFen(n, lp.unit[i]!);
            if (fen !== null) {
              vals[lp.slot[i]!] = fen;
              done = true;
            }
          }
        }
      } else if (k === BOOL) {
        if (ce - cs === 4 && text.startsWith('true', cs)) {
          vals[lp.slot[i]!] = true;
          done = true;
        } else if (ce - cs === 5 && text.startsWith('false', cs)) {
          vals[lp.slot[i]!] = false;
          done = true;
        }
      }
      if (!done && mapCell(plan, i, text.slice(cs, ce), e, vals, problems, o, runUnit)) idSeen = true;
    }
    i++;
    if (ce >= end) break;
    cs = ce + 1;
  }
  const r: MappedRow & { rawId?: string } = finishRow(plan, e, vals, problems, idSeen, i, row, o);
  if (!r.enterprise && idEnd > idStart) r.rawId = text.slice(idStart, idEnd).trim();
  return r;
}

/** LIST_IDS re-exported for readers that document the list columns. */
export { LIST_IDS };

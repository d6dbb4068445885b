/**
 * Building blocks shared by the policy modules: checks on list entries, projects and yearly flags, and the
 * measure shapes that recur across documents (a list award, a project, a flag). Each takes its article and
 * quote from the caller, so a rule still cites its own document.
 */
import { isFirstTime, yearData, type Enterprise, type ListEntry, type ListId, type ProjectType, type Track, type YearField } from '../domain/enterprise.js';
import type { Fen } from '../domain/money.js';
import { UNEXPLAINED, type Check, type Kind } from '../domain/result.js';
import { defineMeasure, param, type MeasureDef, type Outcome, type Param, type ParamSpecs, type Resolved } from './define.js';

const NOTHING_MISSING: readonly string[] = Object.freeze([]);

/** The enterprise's tracks include `track` ("对跨境电商企业…"): a check, so a measure given data says why not. */
export function trackCheck(e: Enterprise, track: Track, explain = true): Check {
  const ok = e.tracks.includes(track);
  if (!explain) return { id: 'track', passed: ok, msg: UNEXPLAINED };
  return { id: 'track', passed: ok, msg: { key: ok ? 'track.pass' : 'track.fail', args: { track, tracks: e.tracks.join(',') } } };
}

/** Decides an outcome from its checks: any failed → ineligible; any undecided → needs-data; else eligible. */
export function decide(checks: Check[], amount: Fen | null = null): Outcome {
  let undecided = false;
  for (const c of checks) {
    if (c.passed === false) return { status: 'ineligible', checks, amount: null, missing: NOTHING_MISSING };
    if (c.passed === null) undecided = true;
  }
  if (undecided) {
    const missing: string[] = [];
    for (const c of checks) if (c.passed === null && c.missing) missing.push(...c.missing);
    return { status: 'needs-data', checks, amount: null, missing };
  }
  return { status: 'eligible', checks, amount, missing: NOTHING_MISSING };
}

/** The path of a yearly field in the input, as `missing` reports it. */
export function yearPath(year: number, field: YearField): string {
  return `years.${year}.${field}`;
}

/** A check on a yearly field that must be present; `passed` decides it when it is. */
export function fieldCheck<T>(
  id: string,
  e: Enterprise,
  year: number,
  field: YearField,
  passed: (v: T) => boolean,
  args?: Record<string, string | number | bigint | boolean | null>,
  explain = true,
): Check {
  const v = yearData(e, year)?.[field] as T | undefined;
  if (v === undefined) return missingCheck(id, year, field);
  const ok = passed(v);
  if (!explain) return { id, passed: ok, msg: UNEXPLAINED };
  return { id, passed: ok, msg: { key: ok ? `${id}.pass` : `${id}.fail`, args: args ? { field, year, value: v as never, ...args } : { field, year, value: v as never } } };
}

/** An undecided check: the yearly field it needs is absent. */
export function missingCheck(id: string, year: number, field: YearField): Check {
  const path = yearPath(year, field);
  return { id, passed: null, msg: { key: 'field.missing', args: { field, year } }, missing: [path] };
}

export function entryFor(e: Enterprise, lists: readonly ListId[], year: number, track?: Track): ListEntry | undefined {
  return e.lists.find((l) => l.year === year && lists.includes(l.list) && (!track || (l.track ?? 'ecommerce') === track));
}

export function listedCheck(e: Enterprise, lists: readonly ListId[], year: number, track?: Track): Check {
  const entry = entryFor(e, lists, year, track);
  return {
    id: 'listed',
    passed: entry !== undefined,
    msg: { key: entry ? 'listed.pass' : 'listed.fail', args: { list: entry?.list ?? lists.join('|'), year } },
  };
}

export function firstTimeCheck(e: Enterprise, entry: ListEntry): Check {
  const first = isFirstTime(e, entry);
  const earlier = first ? null : (e.lists.find((l) => l.list === entry.list && l.year < entry.year)?.year ?? null);
  return {
    id: 'first-time',
    passed: first,
    msg: { key: first ? 'first-time.pass' : 'first-time.fail', args: { list: entry.list, year: entry.year, earlier } },
  };
}

export function selectionYearCheck(year: number, years: readonly number[]): Check {
  const ok = years.includes(year);
  return { id: 'selection-year', passed: ok, msg: { key: ok ? 'selection-year.pass' : 'selection-year.fail', args: { year, years: years.join('、') } } };
}

interface ListMeasureOptions<S extends ParamSpecs> {
  id: string;
  article: string;
  kind: Kind;
  title: { zh: string; en: string };
  quote: string;
  lists: readonly ListId[];
  /** One-off awards "对首次进入名单的": the entry must be the first on its list. */
  firstTime?: boolean;
  /** The honghu list is one list with a track per entry; a measure reads the entries of its own track. */
  track?: Track;
  tracks?: readonly Track[];
  params?: S;
  /** Name of a `money` parameter: the ceiling a cash-cap measure reports. */
  cap?: keyof S & string;
  /** Name of a `year[]` parameter: the only years in which the list is selected. */
  selectionYears?: keyof S & string;
}

/** A measure that follows from being on a list in a year: HQ status, a park award, 鸿鹄, 麒麟 … */
export function listMeasure<S extends ParamSpecs = Record<string, never>>(o: ListMeasureOptions<S>): MeasureDef<S> {
  return defineMeasure<S>({
    id: o.id,
    article: o.article,
    kind: o.kind,
    title: o.title,
    quote: o.quote,
    params: (o.params ?? {}) as S,
    ...(o.tracks ? { tracks: o.tracks } : {}),
    applicationLag: 0,
    reads: { lists: o.lists, ...(o.track ? { listTrack: o.track } : {}) },
    evaluate(e, year, p) {
      const entry = entryFor(e, o.lists, year, o.track)!;
      const checks: Check[] = [listedCheck(e, o.lists, year, o.track)];
      if (o.selectionYears) checks.push(selectionYearCheck(year, p[o.selectionYears] as number[]));
      if (o.firstTime) checks.push(firstTimeCheck(e, entry));
      return decide(checks, o.cap ? (p[o.cap] as Fen) : null);
    },
  });
}

interface ProjectMeasureOptions {
  id: string;
  article: string;
  title: { zh: string; en: string };
  quote: string;
  type: ProjectType;
  tracks?: readonly Track[];
  kind?: Kind;
}

/** A project measure: a project of the type in the year → support per the rules named (unquantified). */
export function projectMeasure(o: ProjectMeasureOptions): MeasureDef<Record<string, never>> {
  return defineMeasure<Record<string, never>>({
    id: o.id,
    article: o.article,
    kind: o.kind ?? 'unquantified',
    title: o.title,
    quote: o.quote,
    params: {},
    ...(o.tracks ? { tracks: o.tracks } : {}),
    applicationLag: 0,
    reads: { projects: [o.type] },
    evaluate: (_e, year) => decide([{ id: 'project', passed: true, msg: { key: 'project.pass', args: { type: o.type, year } } }]),
  });
}

/** The type of a resolved measure parameter set, for rules written outside the factory. */
export type ParamsOf<M> = M extends MeasureDef<infer S> ? Resolved<S> : never;
export type { Param };
export { param };

/**
 * Building blocks shared by the policy modules and the templates (src/templates/): checks on list entries and
 * yearly fields, and how checks decide an outcome. Each takes its article and quote from the caller, so a rule
 * still cites its own document.
 */
import { isFirstTime, yearData, type Enterprise, type ListEntry, type ListId, type Track, type YearField } from '../domain/enterprise.js';
import type { Fen } from '../domain/money.js';
import { UNEXPLAINED, type Check } from '../domain/result.js';
import { param, type MeasureDef, type Outcome, type Param, type Resolved } from './define.js';

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

export function entryFor(e: Enterprise, lists: readonly string[], year: number, track?: Track): ListEntry | undefined {
  return e.lists.find((l) => l.year === year && lists.includes(l.list) && (!track || (l.track ?? 'ecommerce') === track));
}

export function listedCheck(e: Enterprise, lists: readonly string[], year: number, track?: Track): Check {
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

/** The type of a resolved measure parameter set, for rules written outside the factory. */
export type ParamsOf<M> = M extends MeasureDef<infer S> ? Resolved<S> : never;
export type { Param };
export { param };

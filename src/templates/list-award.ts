/**
 * list-award: a measure that follows from being on a list in a year (HQ status, a park award, 鸿鹄, 麒麟 …), paid
 * once on the first entry ("对首次进入名单的") or each year the enterprise is on it. Its kind says what it gives:
 * a capped sum (cash-cap, with `cap`), support set elsewhere (unquantified) or a status (non-monetary).
 */
import type { ListId, Track } from '../domain/enterprise.js';
import type { Fen } from '../domain/money.js';
import type { Check, Kind } from '../domain/result.js';
import { decide, entryFor, firstTimeCheck, listedCheck, selectionYearCheck } from '../policies/common.js';
import { defineMeasure, type MeasureDef, type ParamSpecs } from '../policies/define.js';
import { headFields, type MeasureHead } from './head.js';

interface ListMeasureOptions<S extends ParamSpecs> extends MeasureHead {
  kind: Kind;
  lists: readonly ListId[];
  /** One-off awards "对首次进入名单的": the entry must be the first on its list. */
  firstTime?: boolean;
  /** The honghu list is one list with a track per entry; a measure reads the entries of its own track. */
  track?: Track;
  params?: S;
  /** Name of a `money` parameter: the ceiling a cash-cap measure reports. */
  cap?: keyof S & string;
  /** Name of a `year[]` parameter: the only years in which the list is selected. */
  selectionYears?: keyof S & string;
}

/** A measure that follows from being on a list in a year: HQ status, a park award, 鸿鹄, 麒麟 … */
export function listMeasure<S extends ParamSpecs = Record<string, never>>(o: ListMeasureOptions<S>): MeasureDef<S> {
  return defineMeasure<S>({
    ...headFields(o, o.kind, 0),
    params: (o.params ?? {}) as S,
    reads: { lists: o.lists, ...(o.track ? { listTrack: o.track } : {}) },
    evaluate(e, year, p) {
      const entry = entryFor(e, o.lists, year, o.track);
      const checks: Check[] = [listedCheck(e, o.lists, year, o.track)];
      // a year asked for explicitly (--years, performanceYears) without an entry: not listed that year is the reason
      if (!entry) return decide(checks);
      if (o.selectionYears) checks.push(selectionYearCheck(year, p[o.selectionYears] as number[]));
      if (o.firstTime) checks.push(firstTimeCheck(e, entry));
      return decide(checks, o.cap ? (p[o.cap] as Fen) : null);
    },
  });
}

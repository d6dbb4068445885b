/**
 * The measures whose result is a condition met, not a sum worked out: a project of a type in the year (support
 * per the rules it names), or yearly yes/no inputs that must all be yes. Their kind says what they give:
 * unquantified support, a non-monetary status, or a tax treatment (tax-deduction without an amount).
 */
import type { ProjectType, YearField } from '../domain/enterprise.js';
import type { Check, Kind } from '../domain/result.js';
import { decide, fieldCheck } from '../policies/common.js';
import { defineMeasure, type MeasureDef } from '../policies/define.js';
import { headFields, type MeasureHead } from './head.js';

interface ProjectMeasureOptions extends MeasureHead {
  type: ProjectType;
  kind?: Kind;
}

/** A project measure: a project of the type in the year → support per the rules named (unquantified). */
export function projectMeasure(o: ProjectMeasureOptions): MeasureDef<Record<string, never>> {
  return defineMeasure<Record<string, never>>({
    ...headFields(o, o.kind ?? 'unquantified', 0),
    params: {},
    reads: { projects: [o.type] },
    evaluate: (e, year) => {
      // a year asked for explicitly (--years, performanceYears) may have no project of the type
      const has = e.projects.some((p) => p.type === o.type && p.year === year);
      return decide([{ id: 'project', passed: has, msg: { key: has ? 'project.pass' : 'project.fail', args: { type: o.type, year } } }]);
    },
  });
}

interface FlagMeasureOptions extends MeasureHead {
  kind: Kind;
  /** The yes/no inputs that must all be yes in the year, each with the id of its check ("flag" in policy files). */
  flags: readonly { readonly input: YearField; readonly check: string }[];
  /** The inputs whose years the measure speaks of, when only some of the flags (default: all of them). */
  readsOnly?: readonly YearField[];
}

/** A measure given in a year in which every one of its yes/no inputs is yes (新增限额以上且联网直报, 新上市 …). */
export function flagMeasure(o: FlagMeasureOptions): MeasureDef<Record<string, never>> {
  return defineMeasure<Record<string, never>>({
    ...headFields(o, o.kind, 0),
    params: {},
    reads: { fields: o.readsOnly ?? o.flags.map((f) => f.input) },
    evaluate: (e, year, _p, ctx) => decide(o.flags.map((f): Check => fieldCheck<boolean>(f.check, e, year, f.input, (v) => v, undefined, ctx.explain))),
  });
}

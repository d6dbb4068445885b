/**
 * The input contract (SPEC §2) as a zod schema: canonical JSON of one enterprise → Enterprise, or problems that
 * name the JSON path, what was expected and what was found.
 */
import { z } from 'zod';
import { PROJECT_TYPES, TRACKS, type Enterprise, type YearData } from './enterprise.js';
import type { Unit } from './money.js';
import { error, warning, type Problem } from './problem.js';
import { readBool, readCount, readDate, readDistrict, readId, readMoney, readYear, type Read } from './values.js';
import { inputsOf, readCategory, vocabularyVersion, type InputDef } from './vocabulary.js';

export interface InputOptions {
  /** Accept an id with a wrong check character, with a warning. */
  lenientId?: boolean;
  /** Unknown fields are errors instead of warnings. */
  strict?: boolean;
  /** Names accepted in priorAwards[].measure and higherLevelFunding (policy/measure, bare measure ids, lists). */
  knownMeasures?: ReadonlySet<string>;
  /** The unit of a bare amount (--unit); 元 when absent. */
  unit?: Unit;
}

const EMPTY = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A field read by one of the shared value readers; its failure becomes a zod issue carrying our message key. */
function fromRead<T>(read: (v: unknown) => Read<T>) {
  return z.unknown().transform((v, ctx): T => {
    const r = read(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.key, params: { key: r.key, args: r.args, received: v } });
      return z.NEVER;
    }
    return r.value;
  });
}
const optional = <T extends z.ZodTypeAny>(s: T) => z.preprocess(EMPTY, s.optional());

const bool = optional(fromRead(readBool));
const count = optional(fromRead(readCount));
const year = fromRead(readYear);

/** An amount; a bare number is in `unit` (--unit), one with its own unit ("31亿") in that. */
const moneyIn = (unit: Unit) => optional(fromRead((v) => readMoney(v, unit)));
type Money = ReturnType<typeof moneyIn>;
/** The reader of one value of an input (the vocabulary's kinds; a list is read as lists' entries, not here). */
function valueSchema(def: InputDef, money: Money): Money {
  if (def.kind === 'money') return money;
  if (def.kind === 'boolean') return bool as unknown as Money;
  if (def.kind === 'count') return count as unknown as Money;
  return optional(fromRead((v) => readCategory(v, def))) as unknown as Money;
}
/** A year's figures: every per-year input of the vocabulary, the built-in fields first. */
function yearSchemaIn(money: Money) {
  return z.object(Object.fromEntries(inputsOf('year').map((d) => [d.id, valueSchema(d, money)])) as Record<keyof YearData, Money>);
}
/** The inputs given once (declared by policy files), each optional. */
function inputsSchemaIn(money: Money) {
  return z.object(Object.fromEntries(inputsOf('static').map((d) => [d.id, valueSchema(d, money)])) as Record<string, Money>);
}

const tracks = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,;，；、\s]+/).filter(Boolean) : v),
  z.array(z.enum(TRACKS)).min(1),
);

/** A list entry: the built-in lists and those declared (the vocabulary's lists). */
const listEntryOf = () =>
  z.object({
    list: z.enum(inputsOf('list').map((d) => d.id) as [string, ...string[]]),
    year,
    track: z.enum(['ecommerce', 'livestream']).optional(),
    firstTime: z.boolean().optional(),
  });

const project = z.object({ type: z.enum(PROJECT_TYPES), year });

/** answeredNone: lists (an id, or { list, track } for the 鸿鹄 list of one track; declared lists too) and projects. */
const answeredNoneOf = () => {
  const ids = z.enum(inputsOf('list').map((d) => d.id) as [string, ...string[]]);
  const listNone = z.union([ids, z.object({ list: ids, track: z.enum(['ecommerce', 'livestream']).optional() })]);
  return z.object({ lists: z.array(listNone).optional(), projects: z.array(z.enum(PROJECT_TYPES)).optional() });
};

const registeredCapitalIn = (money: Money) =>
  z.object({
    amount: money,
    firstInstallment: money,
    registeredOn: fromRead(readDate),
    fullyPaidOn: optional(fromRead(readDate)),
  });

/** The amount, year and capital schemas of a unit, built once (again when a declaration extends the vocabulary). */
const BY_UNIT = new Map<string, { money: Money; year: ReturnType<typeof yearSchemaIn>; inputs: ReturnType<typeof inputsSchemaIn>; capital: ReturnType<typeof registeredCapitalIn> }>();
function unitSchemas(unit: Unit) {
  const key = `${unit}|${vocabularyVersion()}`;
  let s = BY_UNIT.get(key);
  if (!s) {
    const money = moneyIn(unit);
    BY_UNIT.set(key, (s = { money, year: yearSchemaIn(money), inputs: inputsSchemaIn(money), capital: registeredCapitalIn(money) }));
  }
  return s;
}

function buildSchema(o: InputOptions) {
  const known = o.knownMeasures;
  const byUnit = unitSchemas(o.unit ?? '元');
  const measureName = z.string().refine((s) => !known || known.has(s), { params: { key: 'expected.measure' } });
  const fundingRef = z.string().refine((s) => !known || known.has(s.replace(/@\d{4}$/, '')), { params: { key: 'expected.funding-ref' } });
  return z.object({
    id: fromRead((v) => readId(v, !!o.lenientId)),
    name: z.preprocess(EMPTY, z.string().optional()),
    district: optional(fromRead(readDistrict)),
    tracks: tracks.optional(),
    years: z.record(z.string(), byUnit.year).optional(),
    inputs: byUnit.inputs.optional(),
    lists: z.array(listEntryOf()).optional(),
    projects: z.array(project).optional(),
    registeredCapital: byUnit.capital.optional(),
    priorAwards: z.array(z.object({ measure: measureName, year, tier: z.number().int().min(1).max(5).optional() })).optional(),
    higherLevelFunding: z.array(fundingRef).optional(),
    performanceYears: z.array(year).optional(),
    answeredNone: answeredNoneOf().optional(),
  });
}

const schemas = new Map<string, ReturnType<typeof buildSchema>>();
const knownSchemas = new WeakMap<ReadonlySet<string>, Map<string, ReturnType<typeof buildSchema>>>();

/** The keys each object of the contract may have, for reporting unknown fields (the vocabulary's, as it is now). */
let knownKeys: { version: number; keys: Record<string, ReadonlySet<string>> } | null = null;
function knownKeysNow(): Record<string, ReadonlySet<string>> {
  if (knownKeys?.version === vocabularyVersion()) return knownKeys.keys;
  const keys = {
    '': new Set(['id', 'name', 'district', 'tracks', 'years', 'inputs', 'lists', 'projects', 'registeredCapital', 'priorAwards', 'higherLevelFunding', 'performanceYears', 'answeredNone']),
    answeredNone: new Set(['lists', 'projects']),
    year: new Set(inputsOf('year').map((d) => d.id)),
    inputs: new Set(inputsOf('static').map((d) => d.id)),
    lists: new Set(['list', 'year', 'track', 'firstTime']),
    projects: new Set(['type', 'year']),
    registeredCapital: new Set(['amount', 'firstInstallment', 'registeredOn', 'fullyPaidOn']),
    priorAwards: new Set(['measure', 'year', 'tier']),
  };
  return (knownKeys = { version: vocabularyVersion(), keys }).keys;
}
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads one enterprise of canonical JSON. Never throws on bad input. */
export function parseEnterprise(raw: unknown, o: InputOptions = {}): { enterprise: Enterprise | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { enterprise: null, problems: [error('', 'expected.object', undefined, JSON.stringify(raw)?.slice(0, 40))] };
  }
  forbiddenKeys(raw, '', problems);
  if (problems.length) return { enterprise: null, problems }; // never hand such an object to anything else
  unknownKeys(raw as Record<string, unknown>, o.strict ? 'error' : 'warning', problems);

  const key = `${!!o.lenientId}|${o.unit ?? '元'}|${vocabularyVersion()}`;
  // one schema per option set; the known-measure names are one shared set, so schemas are kept per set
  const cache = o.knownMeasures ? (knownSchemas.get(o.knownMeasures) ?? knownSchemas.set(o.knownMeasures, new Map()).get(o.knownMeasures)!) : schemas;
  let schema = cache.get(key);
  if (!schema) cache.set(key, (schema = buildSchema(o)));
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(fromIssue(issue));
    return { enterprise: null, problems };
  }
  if (problems.some((p) => p.severity === 'error')) return { enterprise: null, problems };
  const d = parsed.data;
  if (o.lenientId) {
    const r = readId((raw as { id: unknown }).id, true);
    if (r.ok && r.warn) problems.push(warning('id', r.warn.key, r.warn.args, String((raw as { id: unknown }).id)));
  }
  const years: Record<number, YearData> = {};
  for (const [y, data] of Object.entries(d.years ?? {})) {
    const clean: YearData = {};
    for (const [k, v] of Object.entries(data)) if (v !== undefined) (clean as Record<string, unknown>)[k] = v;
    years[Number(y)] = clean;
  }
  let inputs: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(d.inputs ?? {})) if (v !== undefined) (inputs ??= {})[k] = v;
  const enterprise: Enterprise = {
    id: d.id,
    ...(d.name !== undefined ? { name: d.name } : {}),
    ...(d.district !== undefined ? { district: d.district } : {}),
    tracks: d.tracks ?? ['ecommerce'],
    years,
    lists: (d.lists ?? []).map((l) => ({ list: l.list, year: l.year, ...(l.track ? { track: l.track } : {}), ...(l.firstTime !== undefined ? { firstTime: l.firstTime } : {}) })),
    projects: d.projects ?? [],
    ...(inputs ? { inputs } : {}),
    ...(d.registeredCapital ? { registeredCapital: stripUndefined(d.registeredCapital) } : {}),
    priorAwards: (d.priorAwards ?? []).map((p) => ({ measure: p.measure, year: p.year, ...(p.tier !== undefined ? { tier: p.tier } : {}) })),
    higherLevelFunding: d.higherLevelFunding ?? [],
  };
  if (d.performanceYears?.length) enterprise.performanceYears = [...new Set(d.performanceYears)].sort((a, b) => a - b);
  if (d.answeredNone) {
    const none = {
      lists: (d.answeredNone.lists ?? []).map((l) => (typeof l === 'string' ? { list: l } : { list: l.list, ...(l.track ? { track: l.track } : {}) })),
      projects: d.answeredNone.projects ?? [],
    };
    // "none" and an entry of the same list (or project) cannot both be true: one of them is a mistake
    none.lists.forEach((n, i) => {
      const entry = enterprise.lists.find((l) => l.list === n.list && (n.list !== 'honghu' || (l.track ?? 'ecommerce') === (n.track ?? 'ecommerce')));
      if (entry) problems.push(error(`answeredNone.lists[${i}]`, 'none.contradicts', { what: n.list, year: entry.year }));
    });
    none.projects.forEach((t, i) => {
      const entry = enterprise.projects.find((p) => p.type === t);
      if (entry) problems.push(error(`answeredNone.projects[${i}]`, 'none.contradicts', { what: t, year: entry.year }));
    });
    if (problems.some((p) => p.severity === 'error')) return { enterprise: null, problems };
    enterprise.answeredNone = none;
  }
  return { enterprise, problems };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function fromIssue(issue: z.core.$ZodIssue): Problem {
  const path = pathOf(issue.path);
  const params = (issue as { params?: { key?: string; args?: Record<string, string | number>; received?: unknown } }).params;
  if (issue.code === 'custom' && params?.key) {
    return error(path, params.key, params.args, params.received === undefined ? undefined : String(params.received));
  }
  switch (issue.code) {
    case 'invalid_type':
      return error(path, issue.input === undefined ? 'expected.required' : 'expected.type', { type: issue.expected });
    case 'invalid_value':
      return error(path, 'expected.one-of', { values: issue.values.map(String).join(', ') }, issue.input === undefined ? undefined : String(issue.input));
    case 'too_small':
    case 'too_big':
      return error(path, 'expected.range', { min: 'minimum' in issue ? String(issue.minimum) : '', max: 'maximum' in issue ? String(issue.maximum) : '' });
    default:
      return error(path, 'expected.valid', { message: issue.message });
  }
}

function forbiddenKeys(v: unknown, path: string, out: Problem[]): void {
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => forbiddenKeys(x, `${path}[${i}]`, out));
    return;
  }
  for (const k of Object.keys(v)) {
    const p = path ? `${path}.${k}` : k;
    if (FORBIDDEN.has(k)) out.push(error(p, 'forbidden-key', { key: k }));
    else forbiddenKeys((v as Record<string, unknown>)[k], p, out);
  }
}

function unknownKeys(raw: Record<string, unknown>, severity: 'error' | 'warning', out: Problem[]): void {
  const report = (obj: unknown, known: ReadonlySet<string>, prefix: string) => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return;
    for (const k of Object.keys(obj)) {
      if (!known.has(k) && !FORBIDDEN.has(k)) out.push({ severity, path: prefix ? `${prefix}.${k}` : k, expected: { key: 'unknown-field', args: { field: k } } });
    }
  };
  const KNOWN_KEYS = knownKeysNow();
  report(raw, KNOWN_KEYS['']!, '');
  report(raw['inputs'], KNOWN_KEYS['inputs']!, 'inputs');
  if (raw['years'] && typeof raw['years'] === 'object') {
    for (const [y, data] of Object.entries(raw['years'] as object)) {
      const r = readYear(y);
      // A key that is not a year is always an error: its figures would otherwise be silently ignored.
      if (!r.ok) out.push(error(`years.${y}`, 'expected.year-key', r.args, y));
      report(data, KNOWN_KEYS['year']!, `years.${y}`);
    }
  }
  for (const key of ['lists', 'projects', 'priorAwards'] as const) {
    const arr = raw[key];
    if (Array.isArray(arr)) arr.forEach((x, i) => report(x, KNOWN_KEYS[key]!, `${key}[${i}]`));
  }
  report(raw['registeredCapital'], KNOWN_KEYS['registeredCapital']!, 'registeredCapital');
  report(raw['answeredNone'], KNOWN_KEYS['answeredNone']!, 'answeredNone');
}

/**
 * Loads scenario files: finds them (files and directories), parses them with line positions, validates them
 * against the scenario schema and the override rules of SPEC §5, and returns the cases, or problems that name
 * the file, the line and the field. Nothing here evaluates or prints.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Fen } from '../domain/money.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { Overrides } from '../engine/ruleset.js';
import { checkOverrides, readParamsFile, type FileProblem, type ParamsOk, type ParamsRead, type ParamsSource } from '../io/params-file.js';
import { parseLocated, pathSteps, pathText, type LocatedDoc, type PathStep } from '../io/located-yaml.js';
import { caseSchema, fileSchema, issueMessage, readExpect, type CaseData, type Defaults, type ExpectedProblem, type ExpectEntry } from './schema.js';

export interface ScenarioCase {
  file: string;
  /** Position in the file's list of cases, from 0. */
  index: number;
  line: number;
  name: string;
  input: Record<string, unknown>;
  interpretation: Partial<Interpretation>;
  overrides: Overrides;
  /** The parameters files the case reads (inline overrides are part of the scenario file itself). */
  paramsFiles: ParamsSource[];
  all: boolean;
  lenientId: boolean;
  expect: Array<ExpectEntry & { line: number }>;
  total: { fen: Fen; line: number } | null;
  rejected: ExpectedProblem[] | null;
  warnings: ExpectedProblem[];
  /** The line of a field of the input ("years.2025.onlineRetailSales"), for input problems. */
  inputLine(path: string): number;
}

export interface ScenarioFile {
  file: string;
  cases: ScenarioCase[];
  problems: FileProblem[];
}

export type { FileProblem, ParamsSource };

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Files named on the command line, directories searched (recursively) for .yaml, .yml and .json, in a stable order. */
export async function findScenarioFiles(targets: readonly string[]): Promise<{ files: string[]; problems: FileProblem[] }> {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  for (const target of targets) {
    let isDir: boolean;
    try {
      isDir = (await stat(target)).isDirectory();
    } catch (err) {
      problems.push({ file: target, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : 'cannot read it' });
      continue;
    }
    if (!isDir) {
      files.push(target);
      continue;
    }
    const found = (await walk(target)).filter((f) => SCENARIO_FILE.test(f)).sort();
    if (found.length === 0) problems.push({ file: target, message: 'the directory holds no scenario files (.yaml, .yml, .json)' });
    files.push(...found);
  }
  return { files: [...new Set(files)], problems };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Reads and validates one scenario file. */
/**
 * The policy files scenario files name (`policies:`, paths from each scenario file), in order, each once: `test`
 * installs them before it loads the cases, which may name their measures. A file that cannot be read or parsed
 * names none here; loadScenarioFile reports it.
 */
export async function scenarioPolicies(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseLocated(text);
    const list = parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as { policies?: unknown }).policies : undefined;
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (typeof p !== 'string') continue;
      const path = resolve(dirname(file), p);
      if (!out.includes(path)) out.push(path);
    }
  }
  return out;
}

export async function loadScenarioFile(file: string): Promise<ScenarioFile> {
  const out: ScenarioFile = { file, cases: [], problems: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    out.problems.push({ file, message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return out;
  }
  if (text.trim() === '') {
    out.problems.push({ file, message: 'the file is empty' });
    return out;
  }
  const parsed = parseLocated(text);
  if (!parsed.ok) {
    out.problems.push(...parsed.problems.map((p) => ({ file, ...p })));
    return out;
  }
  const { located } = parsed;
  const problem = (path: PathStep[], message: string): FileProblem => ({ file, ...located.at(path), path: pathText(path), message });

  const top = fileSchema.safeParse(parsed.value);
  if (!top.success) {
    const issues = Array.isArray(parsed.value) || (typeof parsed.value === 'object' && parsed.value !== null) ? top.error.issues : [];
    if (issues.length === 0) out.problems.push({ file, line: 1, col: 1, message: 'expected a list of cases, or a mapping with `cases` (and optional `defaults`)' });
    for (const issue of flattenUnion(issues)) out.problems.push(problem(issuePath(issue), issueMessage(issue)));
    return out;
  }
  const list = Array.isArray(top.data) ? top.data : top.data.cases;
  const defaults: Defaults = Array.isArray(top.data) ? {} : (top.data.defaults ?? {});
  const casesAt: PathStep[] = Array.isArray(top.data) ? [] : ['cases'];
  if (list.length === 0) out.problems.push(problem(casesAt, 'the file holds no cases'));

  const paramsCache = new Map<string, Promise<ParamsRead>>();
  const defaultsParams = defaults.params !== undefined ? await readParams(defaults.params, ['defaults', 'params'], file, located, paramsCache) : null;
  if (defaultsParams && !defaultsParams.ok) out.problems.push(...defaultsParams.problems);

  for (let index = 0; index < list.length; index++) {
    const at: PathStep[] = [...casesAt, index];
    const r = caseSchema.safeParse(list[index]);
    if (!r.success) {
      for (const issue of r.error.issues) out.problems.push(problem([...at, ...issuePath(issue)], issueMessage(issue)));
      // Report the expectations' problems too, so one run names them all.
      const rawExpect = (list[index] as { expect?: unknown } | null)?.expect;
      if (typeof rawExpect === 'object' && rawExpect !== null && !Array.isArray(rawExpect)) {
        for (const issue of readExpect(rawExpect as Record<string, unknown>, [...at, 'expect']).issues) out.problems.push(problem(issue.path, issue.message));
      }
      continue;
    }
    const c = r.data;
    const expect = c.expect ? readExpect(c.expect, [...at, 'expect']) : { entries: [], issues: [] };
    for (const issue of expect.issues) out.problems.push(problem(issue.path, issue.message));
    const own = c.params !== undefined ? await readParams(c.params, [...at, 'params'], file, located, paramsCache) : null;
    if (own && !own.ok) out.problems.push(...own.problems);
    if (expect.issues.length > 0 || (own && !own.ok) || (defaultsParams && !defaultsParams.ok)) continue;
    out.cases.push(buildCase(file, index, at, c, defaults, expect, [defaultsParams, own].filter((p): p is ParamsOk => p !== null && p.ok), located));
  }
  return out;
}

function buildCase(
  file: string,
  index: number,
  at: PathStep[],
  c: CaseData,
  defaults: Defaults,
  expect: ReturnType<typeof readExpect>,
  params: ParamsOk[],
  located: LocatedDoc,
): ScenarioCase {
  const overrides: Overrides = {};
  for (const p of params) for (const [ref, values] of Object.entries(p.overrides)) overrides[ref] = { ...overrides[ref], ...values };
  const input = { ...defaults.input, ...c.input };
  const ownInput = c.input ?? {};
  return {
    file,
    index,
    line: located.at(at).line,
    name: c.name,
    input,
    interpretation: Object.assign({}, ...params.map((p) => p.interpretation), defaults.interpretation, c.interpretation) as Partial<Interpretation>,
    overrides,
    paramsFiles: params.flatMap((p) => (p.source ? [p.source] : [])),
    all: c.all ?? defaults.all ?? false,
    lenientId: c.lenientId ?? defaults.lenientId ?? false,
    expect: expect.entries.map((e) => ({ ...e, line: located.at(e.path).line })),
    total: expect.total ? { fen: expect.total.fen, line: located.at(expect.total.path).line } : null,
    rejected: c.rejected ?? null,
    warnings: c.warnings ?? [],
    inputLine(path) {
      const steps = pathSteps(path);
      const base: PathStep[] = steps.length > 0 && !(String(steps[0]) in ownInput) && defaults.input ? ['defaults', 'input'] : [...at, 'input'];
      return located.at([...base, ...steps]).line;
    },
  };
}

/** `params`: an inline override document, or the path (relative to the scenario file) of a parameters file. */
async function readParams(value: string | Record<string, unknown>, at: PathStep[], file: string, located: LocatedDoc, cache: Map<string, Promise<ParamsRead>>): Promise<ParamsRead> {
  if (typeof value !== 'string') return checkOverrides(value, (path) => ({ file, ...located.at([...at, ...path]) }), pathText(at));
  const target = resolve(dirname(file), value);
  let read = cache.get(target);
  if (!read) {
    read = readParamsFile(join(dirname(file), value));
    cache.set(target, read);
  }
  const r = await read;
  if (r.ok) return r;
  return { ok: false, problems: [{ file, ...located.at(at), path: pathText(at), message: `problems in the parameters file ${value}:` }, ...r.problems] };
}

function issuePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): PathStep[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // An unknown key is reported where it is written.
  return issue.code === 'unrecognized_keys' && issue.keys?.length ? [...path, issue.keys[0]!] : path;
}

/** The top level is a list or a mapping: report the errors of the shape the file actually has. */
function flattenUnion(issues: readonly import('zod').z.core.$ZodIssue[]): import('zod').z.core.$ZodIssue[] {
  const out: import('zod').z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union') {
      out.push(issue);
      continue;
    }
    const branch = issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0)) ?? issue.errors[issue.errors.length - 1] ?? [];
    out.push(...flattenUnion(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as import('zod').z.core.$ZodIssue)));
  }
  return out;
}

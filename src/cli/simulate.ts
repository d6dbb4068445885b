/**
 * gz-awards simulate [FILE|-] [--set key=value …]: one enterprise (or a few) → every result, its reason and
 * citation, the next tier and the total.
 */
import { z } from 'zod';
import type { Enterprise } from '../domain/enterprise.js';
import { parseEnterprise } from '../domain/input.js';
import { error, type Problem } from '../domain/problem.js';
import { evaluate } from '../engine/evaluate.js';
import { readInputFile, type InputRecord } from '../io/read-input.js';
import { setTarget } from '../io/set-names.js';
import { knownMeasureNames } from '../policies/names.js';
import { csvLine, LONG_HEADER, longRows, UTF8_BOM } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { toJson, toOutput } from '../render/output.js';
import { runSentence } from '../render/run-record.js';
import { renderTable } from '../render/table.js';
import { loadParams } from './params.js';
import { EXIT, formatNote, paintFor, printProblems, runOptionsOf, terminalWidth, UsageError, warnYearsOutside, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';

export const simulateOptions = z.object({
  set: z.array(z.string()).default([]),
  format: z.enum(['table', 'json', 'csv', 'md', 'html']).default('table'),
  lang: langSchema,
  policy: z.array(z.string()).default([]),
  explain: z.boolean().default(false),
  year: z.string().optional(),
  years: z.string().optional(),
  all: z.boolean().default(false),
  interpret: z.string().optional(),
  lenientId: z.boolean().default(false),
  strict: z.boolean().default(false),
  encoding: z.enum(['auto', 'utf8', 'gb18030', 'gbk', 'utf16']).default('auto'),
  sheet: z.string().optional(),
  unit: z.enum(['元', '万元', '亿元']).default('元'),
  params: z.string().optional(),
  displayUnit: z.enum(['元', '万元', '亿元']).default('万元'),
});
export type SimulateOptions = z.infer<typeof simulateOptions>;

/** An obviously made-up id that passes GB 32100-2015 (17 zeros, check character 0), for --set without an id. */
export const PLACEHOLDER_ID = '000000000000000000';

export async function simulate(file: string | undefined, raw: unknown): Promise<number> {
  const o = simulateOptions.parse(raw);
  const { ruleSet, interpretation, meta } = await loadParams(o.params, '--params', { files: o.policy, lang: o.lang });
  const run = runOptionsOf(o, interpretation);
  warnYearsOutside(run.years, ruleSet, o.lang);
  const records = await readRecords(file, o);
  const problems = records.flatMap((r) => r.problems);
  printProblems(problems, o.lang);
  const good = records.filter((r): r is InputRecord & { enterprise: Enterprise } => r.enterprise !== null);
  if (good.length === 0) return EXIT.usage;

  const evaluations = good.map((r) => evaluate(r.enterprise, ruleSet, run));
  if (o.format === 'json') {
    const outs = evaluations.map((ev) => toOutput(ev, o.lang, meta));
    await writeOut(toJson(outs.length === 1 && records.length === 1 ? outs[0] : outs) + '\n');
  } else if (o.format === 'csv') {
    await writeOut(UTF8_BOM + csvLine(LONG_HEADER) + evaluations.flatMap((ev) => longRows(ev, o.lang)).map(csvLine).join(''));
    // a CSV is one table: how the run was made goes to standard error, in words
    process.stderr.write(runSentence({ interpretation: run.interpretation, params: meta.params }, o.lang));
  } else if (o.format === 'html') {
    if (evaluations.length > 1) throw new UsageError(o.lang === 'zh' ? '--format html 每次只为一个企业生成报告' : '--format html makes the report of one enterprise at a time');
    const { renderEnterpriseReport } = await import('../report/enterprise.js');
    await writeOut(await renderEnterpriseReport(evaluations[0]!, ruleSet, o.lang, meta, { unit: o.displayUnit, ...(file !== undefined ? { inputs: [{ file, records: records.length }] } : {}) }));
  } else if (o.format === 'md') {
    await writeOut(evaluations.map((ev) => renderMarkdown(ev, ruleSet, o.lang, { explain: o.explain })).join('\n'), true);
  } else {
    const paint = await paintFor(process.stdout);
    const width = terminalWidth();
    await writeOut(evaluations.map((ev) => renderTable(ev, ruleSet, { lang: o.lang, explain: o.explain, paint, ...(width ? { width } : {}) }, meta)).join('\n'), true);
  }
  return good.length < records.length ? EXIT.rejected : EXIT.ok;
}

async function readRecords(file: string | undefined, o: SimulateOptions): Promise<InputRecord[]> {
  if (file === undefined && o.set.length === 0) {
    throw new UsageError('simulate needs a FILE, "-" for standard input, or --set key=value (e.g. --set years.2025.onlineRetailSales=3.1e9)');
  }
  if (file === undefined) return [fromRaw(applySets({ id: PLACEHOLDER_ID }, o.set), o)];
  const input = await readInputFile(file, { encoding: o.encoding, unit: o.unit, lenientId: o.lenientId, strict: o.strict, ...(o.sheet ? { sheet: o.sheet } : {}) });
  for (const n of input.notes ?? []) process.stderr.write(formatNote(file, n, o.lang) + '\n');
  if (input.problems.length) {
    printProblems(input.problems, o.lang);
    if (input.problems.some((p) => p.severity === 'error')) return [];
  }
  // nothing to simulate ("[]", a header without rows): say so, rather than exit with nothing said
  if (input.records.length === 0) {
    printProblems([{ ...error('', 'file.no-records'), file }], o.lang);
    return [];
  }
  if (o.set.length === 0) return input.records;
  if (input.records.some((r) => r.raw === undefined)) throw new UsageError('--set works with JSON input (or without a file); for CSV, edit the cell');
  return input.records.map((r) => {
    const rec = fromRaw(applySets(r.raw, o.set), o);
    for (const p of rec.problems) p.file = file;
    return rec;
  });
}

function fromRaw(raw: unknown, o: SimulateOptions): InputRecord {
  const { enterprise, problems } = parseEnterprise(raw, { lenientId: o.lenientId, strict: o.strict, knownMeasures: knownMeasureNames(), unit: o.unit });
  return { at: {}, raw, enterprise, problems };
}

/**
 * Applies "years.2025.onlineRetailSales=3.1e9"-style assignments to canonical JSON; a name may also be a template
 * column, in either language ("实物商品网上零售额_2025=31亿", "list_honghu=2025"). A value that reads as JSON
 * (true, false, [..], {..}) is taken as such; anything else stays a string, so money stays exact. An unknown
 * name is a usage error naming the closest names.
 */
export function applySets(raw: unknown, sets: readonly string[]): unknown {
  const root = structuredClone(raw ?? {}) as Record<string, unknown>;
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set "${s}": expected key=value, e.g. years.2025.onlineRetailSales=3.1e9 or 实物商品网上零售额_2025=31亿`);
    const name = s.slice(0, eq).trim();
    const text = s.slice(eq + 1).trim();
    const found = setTarget(name);
    if (!found.target) throw new UsageError(`--set "${s}": "${name}" is not a field (a path like years.2025.onlineRetailSales, or a column of gz-awards template)${found.closest.length ? `; closest: ${found.closest.join(', ')}` : ''}`);
    let value: unknown = text;
    if (/^(true|false|null)$/.test(text) || /^[[{]/.test(text)) {
      try {
        value = JSON.parse(text);
      } catch {
        throw new UsageError(`--set "${s}": the value is not valid JSON`);
      }
    }
    const target = found.target;
    if (target.kind !== 'path') {
      const items = typeof value === 'string' ? value.split(/[;；,，、\s]+/).filter(Boolean) : Array.isArray(value) ? value : [value];
      const push = (key: string, entries: unknown[]) => (root[key] = [...(Array.isArray(root[key]) ? (root[key] as unknown[]) : []), ...entries]);
      if (target.kind === 'list') push('lists', items.map((year) => ({ list: target.list, year: Number(year) })));
      else if (target.kind === 'project') push('projects', items.map((year) => ({ type: target.type, year: Number(year) })));
      else if (target.kind === 'funding') push('higherLevelFunding', items);
      else push('priorAwards', items.map(priorAward));
      continue;
    }
    const path = target.path;
    let obj = root;
    for (const key of path.slice(0, -1)) {
      const next = obj[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) obj[key] = {};
      obj = obj[key] as Record<string, unknown>;
    }
    obj[path[path.length - 1]!] = value;
  }
  return root;
}

/** "scale-tier@2025:1" (as in the template's prior_awards column) → a prior award of the contract. */
function priorAward(item: unknown): unknown {
  const m = typeof item === 'string' ? /^([a-z0-9/-]+)@(\d{4})(?::(\d+))?$/.exec(item) : null;
  if (!m) return item;
  return { measure: m[1], year: Number(m[2]), ...(m[3] ? { tier: Number(m[3]) } : {}) };
}

export type { Problem };

/**
 * Reads a policy file (YAML; JSON is YAML too): its syntax under the YAML limits that guard --params, its shape
 * (schema.ts), then what its values must say together — a known template and its parameters, amounts and rates
 * as people write them read exactly, tiers rising, caps above awards, known inputs and lists, unique ids, and
 * every quote found in the text when it names one. Each problem names file:line:column and what to write
 * instead, in the chosen language. A file is data: nothing in it is evaluated, and no tag constructs anything.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { ListId } from '../domain/enterprise.js';
import type { Lang } from '../domain/labels.js';
import { inputDef, inputsOf, registerDeclaredInputs, type InputDecl } from '../domain/vocabulary.js';
import { parseAmount, type Fen } from '../domain/money.js';
import type { Kind, Msg } from '../domain/result.js';
import type { ConflictRule } from '../engine/conflicts.js';
import { parseLocated, pathText, type LocatedDoc, type PathStep } from '../io/located-yaml.js';
import type { FileProblem } from '../io/params-file.js';
import { definePolicy, type Param, type ParamSpecs, type ParamType, type PolicyDef } from '../policies/define.js';
import { missingPiece, normText } from '../policies/quote.js';
import { CATALOGUE, t } from '../render/messages.js';
import { TEMPLATES, TEMPLATE_NAMES, type MeasureSpec, type Option, type TemplateDef, type TemplateName } from '../templates/index.js';
import { policyFileSchema, type MeasureFile, type ParamFile, type PolicyFile } from './schema.js';

/** A policy read from a file: the document, the conflicts it declares, and its source as outputs record it. */
export interface LoadedPolicy {
  policy: PolicyDef;
  conflicts: ConflictRule[];
  source: { file: string; sha256: string };
}
export type PolicyRead = { ok: true; loaded: LoadedPolicy } | { ok: false; problems: FileProblem[] };

export interface LoadOptions {
  lang: Lang;
  /** Measures of other documents a conflict rule may name (policy/measure): the built-ins and the other files. */
  knownRefs?: ReadonlySet<string>;
  /** The file, as the inputs it declares record where they come from (domain/vocabulary.ts). */
  source?: string;
  /** Inputs the file declares whose declarations were refused: its measures reading them are not refused again. */
  refusedInputs?: ReadonlySet<string>;
}

type Say = { zh: string; en: string };

/** A file's size limit: a document of a few hundred measures is far below it. */
const MAX_BYTES = 2 * 1024 * 1024;

export async function readPolicyFile(file: string, o: LoadOptions): Promise<PolicyRead> {
  const say = (s: Say) => s[o.lang];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problems: [{ file, message: say({ zh: `无法读取文件（${code}）`, en: `cannot read the file (${code})` }) }] };
  }
  if (bytes.length > MAX_BYTES) return { ok: false, problems: [{ file, message: say({ zh: `文件超过 ${MAX_BYTES / 1024 / 1024} MB，不像政策文件`, en: `the file is over ${MAX_BYTES / 1024 / 1024} MB: not a policy file` }) }] };
  const parsed = parseLocated(bytes.toString('utf8'));
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file, ...p })) };
  let text: string | null = null;
  const textName = (parsed.value as { text?: unknown } | null)?.text;
  const problems: FileProblem[] = [];
  const at = (path: PathStep[], s: Say): void => void problems.push({ file, ...parsed.located.at(path), path: pathText(path), message: say(s) });
  if (typeof textName === 'string') {
    try {
      text = normText(await readFile(resolve(dirname(file), textName), 'utf8'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      at(['text'], { zh: `无法读取文本文件 ${textName}（${code}）；text: 写政策文件旁边的原文文件路径`, en: `cannot read the text ${textName} (${code}); text: names the document's text, a path beside the policy file` });
      return { ok: false, problems };
    }
  }
  const checked = checkPolicy(parsed.value, text, { ...o, source: file }, at);
  if (!checked || problems.length > 0) return { ok: false, problems: problems.length ? problems : [{ file, message: say({ zh: '无效的政策文件', en: 'not a valid policy file' }) }] };
  return { ok: true, loaded: { ...checked, source: { file, sha256: createHash('sha256').update(bytes).digest('hex') } } };
}

/** "[1].aliases[0]" (a vocabulary problem's path) → [1, 'aliases', 0]. */
function stepsOf(path: string): PathStep[] {
  return (path.match(/\[\d+\]|[^.[\]]+/g) ?? []).map((m) => (m.startsWith('[') ? Number(m.slice(1, -1)) : m));
}

/** Checks a parsed policy file, reporting through `at`; the document when nothing was reported. */
export function checkPolicy(raw: unknown, text: string | null, o: LoadOptions, at: (path: PathStep[], s: Say) => void): { policy: PolicyDef; conflicts: ConflictRule[] } | null {
  let bad = false;
  const fail = (path: PathStep[], s: Say) => {
    bad = true;
    at(path, s);
  };
  const shape = policyFileSchema.safeParse(raw);
  if (!shape.success) {
    for (const issue of shape.error.issues) fail(issuePath(issue), issueWords(issue, raw));
    return null;
  }
  const f: PolicyFile = shape.data;
  const quote = (path: PathStep[], q: string | undefined, required = true) => {
    if (q === undefined || q.trim() === '') {
      if (required) fail([...path, ...(q === undefined ? [] : ['quote'])], { zh: '缺少 quote：写出所依据的原文，一字不改（省略处用“…”）', en: 'missing quote: write the words of the text it comes from, verbatim ("…" where words are left out)' });
      return;
    }
    if (text === null) return;
    const piece = missingPiece(text, q);
    if (piece !== null) fail([...path, 'quote'], { zh: `原文中找不到“${short(piece)}”：quote 须与 text 文件一字不差（只忽略空白）`, en: `"${short(piece)}" is not in the text: a quote must be the text's words exactly (only whitespace is ignored)` });
  };

  // validity and notes
  const from = dateParam(f.validity.from, ['validity', 'from'], false, fail);
  const to = dateParam(f.validity.to, ['validity', 'to'], true, fail);
  quote(['validity', 'from'], f.validity.from.quote, f.validity.from.note === undefined);
  quote(['validity', 'to'], f.validity.to.quote, f.validity.to.note === undefined);
  if (f.noDoubleFunding) quote(['noDoubleFunding'], f.noDoubleFunding.quote);
  // the inputs it declares join the vocabulary (all or none), so every reader knows their columns and names
  const refusedIds = new Set<string>();
  if (f.inputs && f.inputs.length > 0) {
    const refused = registerDeclaredInputs(f.inputs as InputDecl[], o.source);
    for (const p of refused) fail(['inputs', ...stepsOf(p.path)], { zh: t(p.expected, 'zh'), en: t(p.expected, 'en') });
    // a file's declarations are registered all or none: its measures are not told again that they are unknown
    if (refused.length > 0) for (const d of f.inputs) if (typeof (d as InputDecl | null)?.id === 'string') refusedIds.add((d as InputDecl).id);
  }
  const notes = (list: PolicyFile['notes'], path: PathStep[]): Msg[] =>
    (list ?? []).map((n, i): Msg => {
      if ('key' in n) {
        if (!n.key.startsWith('note.') || !CATALOGUE.zh[n.key]) fail([...path, i, 'key'], { zh: `未知的说明“${n.key}”；写 { zh: 中文说明, en: English note }`, en: `unknown note "${n.key}"; write { zh: …, en: … } instead` });
        return { key: n.key };
      }
      return { key: 'note.text', args: { zh: n.zh, en: n.en } };
    });

  // measures
  const ids = new Map<string, number>();
  const measures = f.measures.map((m, i) => {
    const path: PathStep[] = ['measures', i];
    const first = ids.get(m.id);
    if (first !== undefined) fail([...path, 'id'], { zh: `措施 id “${m.id}”重复（measures[${first}] 已用）：每项措施的 id 须唯一`, en: `measure id "${m.id}" is used twice (measures[${first}] has it): give each measure its own id` });
    else ids.set(m.id, i);
    quote(path, m.quote);
    return checkMeasure(m, path, { ...o, refusedInputs: refusedIds }, fail, quote, notes);
  });

  // conflicts
  const refOf = (r: string, path: PathStep[]): string => {
    if (!r.includes('/')) {
      if (!ids.has(r)) fail(path, { zh: `本文件没有措施“${r}”；写本文件的措施 id，或其他文件的 policy/measure`, en: `this file has no measure "${r}"; name a measure of this file, or another document's as policy/measure` });
      return `${f.id}/${r}`;
    }
    if (!r.startsWith(f.id + '/') && o.knownRefs && !o.knownRefs.has(r)) fail(path, { zh: `未知的措施“${r}”（gz-awards rules 列出已知措施）`, en: `unknown measure "${r}" (gz-awards rules lists them)` });
    if (r.startsWith(f.id + '/') && !ids.has(r.slice(f.id.length + 1))) fail(path, { zh: `本文件没有措施“${r}”`, en: `this file has no measure "${r}"` });
    return r;
  };
  const conflicts: ConflictRule[] = (f.conflicts ?? []).map((c, i): ConflictRule => {
    const path: PathStep[] = ['conflicts', i];
    quote(path, c.quote);
    const cite = { article: c.article, quote: c.quote ?? '' };
    if (c.kind === 'not-same-year') {
      const groups = c.groups.map((g, j) => g.map((r, k) => refOf(r, [...path, 'groups', j, k]))) as [string[], string[]];
      return { kind: 'same-application-year', groups, ...cite };
    }
    const refs = c.measures.map((r, k) => refOf(r, [...path, 'measures', k]));
    return c.kind === 'same-item' ? { kind: 'same-item', preferred: refs[0]!, others: refs.slice(1), ...cite } : { kind: 'once-in-life', measures: refs, ...cite };
  });

  if (bad || !from || !to) return null;
  const policy = definePolicy({
    id: f.id,
    title: f.title,
    ...(f.number ? { docNumber: f.number } : {}),
    issuer: f.issuer,
    issued: f.issued,
    seedFile: f.text ?? '',
    validity: { from: from as Param<'date'>, to: to as Param<'date?'> },
    ...(f.notes ? { notes: notes(f.notes, ['notes']) } : {}),
    ...(f.noDoubleFunding ? { noDoubleFunding: { article: f.noDoubleFunding.article, quote: f.noDoubleFunding.quote ?? '' } } : {}),
    measures: measures.map((spec) => TEMPLATES[spec!.template].build(spec!)),
  });
  return { policy, conflicts };
}

function short(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function dateParam(p: ParamFile, path: PathStep[], open: boolean, fail: (p: PathStep[], s: Say) => void): Param | null {
  const v = p.value;
  if (open && v === null) return { type: 'date?', value: null, article: p.article, quote: p.quote ?? '', ...(p.note ? { note: p.note } : {}) };
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    fail([...path, 'value'], { zh: `应为日期 YYYY-MM-DD${open ? '（无期限写 null）' : ''}`, en: `expected a date YYYY-MM-DD${open ? ' (null: no end)' : ''}` });
    return null;
  }
  return { type: open ? 'date?' : 'date', value: v, article: p.article, quote: p.quote ?? '', ...(p.note ? { note: p.note } : {}) };
}

const OPTION_WORDS: Record<Option, string> = {
  input: 'input',
  lists: 'lists',
  listTrack: 'listTrack',
  firstTime: 'firstTime',
  project: 'project',
  flags: 'flags',
  track: 'track',
  jump: 'jump',
  reading: 'reading',
  ledger: 'ledger',
};

function checkMeasure(
  m: MeasureFile,
  path: PathStep[],
  o: LoadOptions,
  fail: (p: PathStep[], s: Say) => void,
  quote: (path: PathStep[], q: string | undefined, required?: boolean) => void,
  notes: (list: PolicyFile['notes'], path: PathStep[]) => Msg[],
): MeasureSpec | null {
  const name = m.template as TemplateName;
  const t: TemplateDef | undefined = (TEMPLATES as Record<string, TemplateDef>)[m.template];
  if (!t || !Object.hasOwn(TEMPLATES, m.template)) {
    fail([...path, 'template'], { zh: `未知的模板“${m.template}”；可用：${TEMPLATE_NAMES.join('、')}`, en: `unknown template "${m.template}"; write one of ${TEMPLATE_NAMES.join(', ')}` });
    return null;
  }
  const kind: Kind = m.kind ?? t.kinds[0]!;
  if (!t.kinds.includes(kind)) fail([...path, 'kind'], { zh: `模板 ${name} 的类别只能是 ${t.kinds.join('、')}`, en: `a ${name} measure is of kind ${t.kinds.join(' or ')}` });

  // options the template takes, and those it needs
  for (const opt of Object.keys(OPTION_WORDS) as Option[]) {
    if (m[opt] !== undefined && !t.options.includes(opt)) fail([...path, opt], { zh: `模板 ${name} 不接受 ${opt}${t.options.length ? `；可写：${t.options.join('、')}` : ''}`, en: `the ${name} template takes no ${opt}${t.options.length ? `; it takes ${t.options.join(', ')}` : ''}` });
  }
  for (const opt of t.required) if (m[opt] === undefined) fail(path, { zh: `模板 ${name} 须写 ${opt}`, en: `a ${name} measure needs ${opt}` });
  if (name === 'non-monetary' || name === 'unquantified') {
    const given = (['lists', 'project', 'flags'] as const).filter((k) => m[k] !== undefined);
    if (given.length !== 1) fail(path, { zh: '须且只须写 lists（名单）、project（项目类型）或 flags（是/否输入项）之一', en: 'write exactly one of lists, project or flags' });
  }
  const refusedIds = o.refusedInputs ?? new Set<string>();
  const knownInput = (id: string, want: 'money' | 'boolean', where: PathStep[]) => {
    if (refusedIds.has(id)) return;
    // a yearly input of the vocabulary: built in, or declared under inputs: (this file's or another's)
    const def = inputDef(id);
    const kindOf = def?.store === 'year' ? def.kind : undefined;
    if (kindOf === undefined) {
      const known = inputsOf('year').filter((d) => d.kind === want).map((d) => d.id);
      fail(where, { zh: `未知的输入项“${id}”；可用的${want === 'money' ? '金额' : '是/否'}输入项：${known.join('、')}，或在 inputs: 中声明`, en: `unknown input "${id}"; the known ${want} inputs are ${known.join(', ')}, or declare it under inputs:` });
    } else if (kindOf !== want) {
      fail(where, { zh: `输入项“${id}”不是${want === 'money' ? '金额' : '是/否'}`, en: `the input "${id}" is not ${want === 'money' ? 'an amount' : 'yes/no'}` });
    }
  };
  if (m.input !== undefined && t.inputType) {
    knownInput(m.input, t.inputType === 'boolean' ? 'money' : t.inputType, [...path, 'input']);
    if (name === 'tier-award' && m.input !== 'onlineRetailSales') fail([...path, 'input'], { zh: 'tier-award 只读实物商品网上零售额（onlineRetailSales）；其他输入项用 first-reach-tiers 或 threshold-growth', en: 'tier-award reads onlineRetailSales only; for another input use first-reach-tiers or threshold-growth' });
  }
  (m.flags ?? []).forEach((fl, i) => knownInput(fl, 'boolean', [...path, 'flags', i]));
  (m.lists ?? []).forEach((l, i) => {
    const lists = () => inputsOf('list').map((d) => d.id);
    if (inputDef(l)?.store !== 'list' && !refusedIds.has(l)) fail([...path, 'lists', i], { zh: `未知的名单“${l}”；可用：${lists().join('、')}，或在 inputs: 中声明（kind: list）`, en: `unknown list "${l}"; the lists are ${lists().join(', ')}, or declare it under inputs: (kind: list)` });
  });

  // parameters
  const params: ParamSpecs = {};
  const given = m.params ?? {};
  for (const [p, slot] of Object.entries(t.params)) {
    if (slot.required && given[p] === undefined) fail([...path, ...(m.params ? ['params'] : [])], { zh: `缺少参数 ${p}（写 ${p}: { value: …, article: …, quote: … }）`, en: `missing parameter ${p} (write ${p}: { value: …, article: …, quote: … })` });
  }
  for (const [p, v] of Object.entries(given)) {
    const where: PathStep[] = [...path, 'params', p];
    const slot = (t.params as Record<string, { type: ParamType; tiered?: boolean }>)[p];
    if (!slot || !Object.hasOwn(t.params, p)) {
      fail(where, { zh: `模板 ${name} 没有参数 ${p}；其参数为：${Object.keys(t.params).join('、')}`, en: `the ${name} template has no parameter ${p}; it has ${Object.keys(t.params).join(', ')}` });
      continue;
    }
    quote(where, v.quote, v.note === undefined);
    const value = paramValue(slot.type, v.value, [...where, 'value'], fail);
    if (value !== undefined) params[p] = { type: slot.type, value: value as never, article: v.article, quote: v.quote ?? '', ...(v.note ? { note: v.note } : {}), ...(slot.tiered ? { tiered: true } : {}) };
  }
  if (kind === 'cash-cap' && name === 'list-award' && !given['cap']) fail(path, { zh: '现金类（cash-cap）名单奖励须写 cap（最高金额）', en: 'a cash-cap list award needs cap (its ceiling)' });
  if (name === 'tier-award' && given['minGrowth'] && !given['growthYears']) fail([...path, 'params', 'minGrowth'], { zh: '有增长率条件的须写 growthYears（连续几年的平均增长率）', en: 'a growth minimum needs growthYears (over how many years it is averaged)' });
  tierProblems(params, given, [...path, 'params'], fail);
  if (params['cap'] && params['award'] && name === 'per-step') {
    const cap = fen(params['cap']);
    const award = fen(params['award']);
    const [c, a] = [String(given['cap']!.value), String(given['award']!.value)];
    if (cap < award) fail([...path, 'params', 'cap', 'value'], { zh: `年度上限 ${c} 低于一档的奖励 ${a}：上限至少应为一档的奖励`, en: `the yearly cap ${c} is below the award of one step, ${a}: a cap is at least one award` });
  }
  return {
    id: m.id,
    template: name,
    article: m.article,
    kind,
    title: m.title,
    quote: m.quote ?? '',
    params,
    ...(m.tracks ? { tracks: m.tracks } : {}),
    ...(m.applicationLag !== undefined ? { applicationLag: m.applicationLag } : {}),
    ...(m.notes ? { notes: notes(m.notes, [...path, 'notes']) } : {}),
    ...(m.input !== undefined ? { input: m.input } : {}),
    ...(m.lists ? { lists: m.lists as ListId[] } : {}),
    ...(m.listTrack ? { listTrack: m.listTrack } : {}),
    ...(m.firstTime !== undefined ? { firstTime: m.firstTime } : {}),
    ...(m.project ? { project: m.project } : {}),
    ...(m.flags ? { flags: m.flags } : {}),
    ...(m.track ? { track: m.track } : {}),
    ...(m.jump ? { jump: m.jump } : {}),
    ...(m.reading ? { reading: m.reading } : {}),
    ...(m.ledger ? { ledger: m.ledger } : {}),
  };
}

const fen = (p: Param): Fen => parseAmount(String(p.value)).ok ? (parseAmount(String(p.value)) as { fen: Fen }).fen : 0n;

/** Thresholds rise strictly (equal ones overlap), a higher tier never pays less, and tier lists have one length. */
function tierProblems(params: ParamSpecs, given: Record<string, ParamFile>, path: PathStep[], fail: (p: PathStep[], s: Say) => void): void {
  const tiered = Object.entries(params).filter(([, p]) => p.tiered);
  const n = tiered[0]?.[1].value as unknown[] | undefined;
  for (const [k, p] of tiered) {
    if ((p.value as unknown[]).length !== n!.length) fail([...path, k, 'value'], { zh: `${k} 有 ${(p.value as unknown[]).length} 档，${tiered[0]![0]} 有 ${n!.length} 档：每档一个值`, en: `${k} has ${(p.value as unknown[]).length} tiers, ${tiered[0]![0]} has ${n!.length}: one value a tier` });
  }
  const rising = (k: string, allowEqual: boolean) => {
    const p = params[k];
    if (!p) return;
    const v = (p.value as (number | string)[]).map((x) => parseAmount(String(x)));
    const w = given[k]!.value as unknown[]; // as written, for the message
    for (let i = 1; i < v.length; i++) {
      const a = v[i - 1]!;
      const b = v[i]!;
      if (!a.ok || !b.ok) continue;
      if (k === 'thresholds' && b.fen === a.fen) fail([...path, k, 'value', i], { zh: `第${i}档与第${i + 1}档门槛相同（${w[i]}）：两档重叠，每档门槛须高于上一档`, en: `tiers ${i} and ${i + 1} have the same threshold (${w[i]}): the tiers overlap; each threshold must be above the one before` });
      else if (b.fen < a.fen && !(allowEqual && b.fen === a.fen)) {
        fail([...path, k, 'value', i], k === 'thresholds'
          ? { zh: `门槛须逐档上升：第${i + 1}档 ${w[i]} 低于第${i}档 ${w[i - 1]}`, en: `thresholds must rise tier by tier: tier ${i + 1} (${w[i]}) is below tier ${i} (${w[i - 1]})` }
          : { zh: `高一档的奖励不能更少：第${i + 1}档 ${w[i]} 低于第${i}档 ${w[i - 1]}`, en: `a higher tier cannot pay less: tier ${i + 1} (${w[i]}) is below tier ${i} (${w[i - 1]})` });
      }
    }
  };
  rising('thresholds', false);
  rising('awards', true);
}

/** A parameter's value read as its type demands, as the Param value the rule set resolves; undefined when wrong. */
function paramValue(type: ParamType, v: unknown, path: PathStep[], fail: (p: PathStep[], s: Say) => void): unknown {
  const list = (read: (x: unknown, p: PathStep[]) => unknown) => {
    if (!Array.isArray(v) || v.length === 0) {
      fail(path, { zh: '应为一个列表，如 [5000万, 1亿, 3亿]', en: 'expected a list, e.g. [5000万, 1亿, 3亿]' });
      return undefined;
    }
    const out = v.map((x, i) => read(x, [...path, i]));
    return out.includes(undefined) ? undefined : out;
  };
  switch (type) {
    case 'money':
      return moneyValue(v, path, fail);
    case 'money[]':
      return list((x, p) => moneyValue(x, p, fail));
    case 'rate':
      return rateValue(v, path, fail);
    case 'rate[]':
      return list((x, p) => rateValue(x, p, fail));
    case 'year[]':
      return list((x, p) => {
        if (typeof x === 'number' && Number.isInteger(x) && x >= 1990 && x <= 2100) return x;
        fail(p, { zh: '应为年份，如 2025', en: 'expected a year, e.g. 2025' });
        return undefined;
      });
    case 'count':
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 20) return v;
      fail(path, { zh: '应为 1—20 的整数', en: 'expected a whole number from 1 to 20' });
      return undefined;
    default:
      return v;
  }
}

/** An amount as people write it (5亿, 400万, 500000000), kept as whole 元 where a number holds it exactly. */
function moneyValue(v: unknown, path: PathStep[], fail: (p: PathStep[], s: Say) => void): number | string | undefined {
  const r = typeof v === 'string' || typeof v === 'number' ? parseAmount(v) : null;
  if (!r || !r.ok) {
    fail(path, { zh: `“${String(v)}”不是金额：写 5亿、400万、5000万元 或 500000000（元）`, en: `"${String(v)}" is not an amount: write 5亿, 400万, 5000万元 or 500000000 (yuan)` });
    return undefined;
  }
  const yuan = r.fen / 100n;
  return r.fen % 100n === 0n && yuan <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(yuan) : `${yuan}.${String(r.fen % 100n).padStart(2, '0')}`;
}

/** A rate as people write it (5%, 0.6‰, 0.0006) → its exact decimal ("0.05", "0.0006"); at most 1. */
export function rateText(v: unknown): { ok: true; value: string } | { ok: false; over: boolean } {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  const m = /^(\d+)(?:\.(\d+))?\s*(%|‰|％)?$/.exec(s);
  if (!m) return { ok: false, over: false };
  const scale = (m[2] ?? '').length + (m[3] === '‰' ? 3 : m[3] ? 2 : 0);
  const digits = (m[1]! + (m[2] ?? '')).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  // the decimal as written, trailing zeros kept: 10% is 0.10, as the text's "10%" and the built-ins' '0.10'
  const dec = digits.slice(digits.length - scale);
  const over = BigInt(int) > 1n || (BigInt(int) === 1n && /[1-9]/.test(dec));
  if (over) return { ok: false, over: true };
  return { ok: true, value: dec ? `${int}.${dec}` : int };
}

function rateValue(v: unknown, path: PathStep[], fail: (p: PathStep[], s: Say) => void): string | undefined {
  const r = rateText(v);
  if (r.ok) return r.value;
  fail(
    path,
    r.over
      ? { zh: `比例“${String(v)}”超过 1（100%）：比例写 5%、0.6‰ 或 0.05`, en: `the rate "${String(v)}" is over 1 (100%): write a rate as 5%, 0.6‰ or 0.05` }
      : { zh: `“${String(v)}”不是比例：写 5%、0.6‰ 或 0.0006`, en: `"${String(v)}" is not a rate: write 5%, 0.6‰ or 0.0006` },
  );
  return undefined;
}

function issuePath(issue: z.core.$ZodIssue): PathStep[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  return issue.code === 'unrecognized_keys' && issue.keys.length ? [...path, issue.keys[0]!] : path;
}

/** A schema problem in words, with what to write instead. */
function issueWords(issue: z.core.$ZodIssue, raw: unknown): Say {
  const last = issue.path[issue.path.length - 1];
  const field = last === undefined ? '' : String(last);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { zh: `未知的键 ${issue.keys.map((k) => `“${k}”`).join('、')}（键名区分大小写；见 gz-awards rules --policy-schema）`, en: `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (keys are case-sensitive; see gz-awards rules --policy-schema)` };
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined) return field === 'quote' ? { zh: '缺少 quote：写出所依据的原文，一字不改', en: 'missing quote: write the words of the text, verbatim' } : { zh: `缺少必填项 ${field}`, en: `${field} is required` };
      return { zh: `${field} 的类型应为 ${issue.expected}`, en: `${field} should be of type ${issue.expected}` };
    case 'invalid_value':
      return { zh: `应为以下之一：${issue.values.map(String).join('、')}`, en: `expected one of ${issue.values.map(String).join(', ')}` };
    case 'invalid_union':
      if (field === '' || /conflicts/.test(issue.path.join('.'))) return { zh: '冲突规则的 kind 应为 not-same-year、same-item 或 once-per-enterprise', en: 'a conflict rule\'s kind is not-same-year, same-item or once-per-enterprise' };
      return { zh: `${field} 的写法不对（见 gz-awards rules --policy-schema）`, en: `${field} is not written as expected (see gz-awards rules --policy-schema)` };
    case 'too_small':
      return { zh: `${field} 不能为空`, en: `${field} cannot be empty` };
    case 'invalid_format':
      return { zh: `${field} 的格式不对：${issue.format === 'regex' && field === 'issued' ? 'YYYY-MM-DD' : '小写字母、数字和“-”（如 tianhe-2025-commerce）'}`, en: `${field} is not well formed: ${issue.format === 'regex' && field === 'issued' ? 'YYYY-MM-DD' : 'lower-case letters, digits and "-" (e.g. tianhe-2025-commerce)'}` };
    default:
      return { zh: `${field}：${issue.message}`, en: `${field}: ${issue.message}` };
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** For LocatedDoc users that want the type. */
export type { LocatedDoc };

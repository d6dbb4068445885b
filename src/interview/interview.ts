/**
 * The self-check interview as a core module: what to ask next, how to read an answer, what it changes — with no
 * terminal, no pipe and no file, so that `check` (a terminal or a pipe) and any later front (a web page) share it.
 *
 * Like Publicodes' missing variables it asks only what a result still depends on, and the question that decides
 * the most money first (the largest ceiling among the measures it can still change). A question is asked only
 * when its answer can change a result for the chosen lines of business, district and years: a measure of a
 * document not in force in any chosen year, or of a line of business not chosen, is never asked about; a list is
 * offered only where an entry in a chosen year could make a result that is not ineligible (a list selected in
 * other years is not offered). Lists, and projects, are asked as one multi-select each; the years of an entry only
 * for those chosen. An unknown answer stays unknown (the result stays `needs-data`), never zero.
 */
import { DISTRICTS, resolveDistrict } from '../domain/districts.js';
import { TRACKS, type Enterprise, type ListEntry, type ListId, type ProjectType, type Track } from '../domain/enterprise.js';
import { parseEnterprise } from '../domain/input.js';
import type { Lang } from '../domain/labels.js';
import { formatYuan, parseAmount, type Fen } from '../domain/money.js';
import { MAX_AMOUNT_TEXT } from '../domain/values.js';
import { inputDef, inputName, readInputValue } from '../domain/vocabulary.js';
import { evaluate, inForce, type Evaluation, type RunOptions } from '../engine/evaluate.js';
import { ceilingOf, type ResolvedMeasure, type ResolvedPolicy, type RuleSet } from '../engine/ruleset.js';
import { knownMeasureNames } from '../policies/names.js';
import { t as message } from '../render/messages.js';
import { BACK, citation, moneyExample, NO, NONE, SKIP, worth, YES } from './words.js';

/** What a question asks for, and so how its answer is read. */
export type AnswerKind = 'money' | 'boolean' | 'count' | 'category' | 'years' | 'choice' | 'district';

export interface Choice {
  /** What the answer records: a track, "list:honghu", "list:honghu:livestream", "project:exhibition". */
  value: string;
  label: string;
}

export interface Question {
  /** Stable key: "tracks", "years", "years.2025.onlineRetailSales", "lists", "list:honghu:ecommerce", … */
  key: string;
  kind: AnswerKind;
  /** One line. */
  text: string;
  /** Why it is asked: the measure, its year, the most it can be worth and the article (document's short title). */
  why: string;
  /** The largest ceiling it can change (fen; 0 when none is quantified), for ordering. */
  stake: Fen;
  /** A multi-select's options (kind 'choice'). */
  options?: Choice[];
  /** A multi-select that needs at least one option (the lines of business). */
  required?: boolean;
  /** The answer Enter gives, as typed (shown with the question); absent: Enter means unknown. */
  default?: string;
}

export interface InterviewState {
  /** The canonical JSON built so far (from a file and the answers): what --save writes. */
  raw: Record<string, unknown>;
  /** Performance years checked (raw.performanceYears once chosen). */
  years: number[];
  /** Keys answered "unknown": not asked again in this interview. */
  unknown: Set<string>;
  /** Keys asked and answered. */
  answered: Set<string>;
  /** Lists and projects chosen in a multi-select whose years are still to be asked ("list:…", "project:…"). */
  chosen: Set<string>;
  /** The answer given to a key, as typed: the default when the question comes again (上一题). */
  given: Map<string, string>;
}

/** What an answer means: a value, unknown, or going back one question. */
export type Answer = { ok: true; unknown: boolean; back?: false; value?: unknown } | { ok: true; back: true; unknown: false } | { ok: false; error: string };

const TRACK_LABELS: Record<Track, { zh: string; en: string }> = {
  ecommerce: { zh: '电子商务', en: 'e-commerce' },
  livestream: { zh: '直播电商', en: 'live-streaming' },
  'cross-border': { zh: '跨境电商', en: 'cross-border' },
};

/**
 * The lines of business a document is written for, as the interview reads them (the engine's track scope stays
 * the measures' own): the 2024 cross-border measures are asked of cross-border firms, the 2025 live-streaming
 * opinions of live-streaming firms; the other documents, on e-commerce at large, of every firm. A measure's own
 * `tracks` win. This filters questions only: a file that gives such inputs is evaluated as before.
 */
const DOCUMENT_LINES: Record<string, readonly Track[]> = {
  'gz-2024-cross-border': ['cross-border'],
  'gz-2025-livestream': ['livestream'],
};

const words = (list: readonly string[]) => new RegExp(`^(${list.map((w) => w.replace(/[?<]/g, '\\$&')).join('|')})$`, 'i');
const IS_SKIP = words([...SKIP, '？', 'unknown', 'n/a', "don't know", 'dont know']);
const IS_BACK = words(BACK);
const IS_YES = words([...YES, 'true', '1']);
const IS_NO = words([...NO, 'false', '0']);
const IS_NONE = words([...NONE, 'never', '否', '不在']);

/** A fresh interview: from a file's canonical JSON (or nothing), the years named by the file, --years or the default. */
export function startInterview(raw: Record<string, unknown> | null, defaultYears: number[], yearsGiven = false): InterviewState {
  const base = structuredClone(raw ?? {}) as Record<string, unknown>;
  const s: InterviewState = { raw: base, years: defaultYears, unknown: new Set(), answered: new Set(), chosen: new Set(), given: new Map() };
  const saved = Array.isArray(base['performanceYears']) ? (base['performanceYears'] as unknown[]).map(Number).filter(Number.isInteger) : [];
  if (yearsGiven) {
    // named on the command line: recorded, so that simulate and a resumed check see the same years
    s.answered.add('years');
    base['performanceYears'] = s.years;
  } else if (saved.length) {
    s.years = [...new Set(saved)].sort((a, b) => a - b);
    s.answered.add('years');
  } else {
    // a file of figures without performanceYears: its own years are checked, and the file's rows stay its own
    const fileYears = Object.keys((base['years'] as object | undefined) ?? {}).map(Number).filter(Number.isInteger);
    if (fileYears.length) {
      s.years = fileYears.sort((a, b) => a - b);
      s.answered.add('years');
    }
  }
  return s;
}

/** The enterprise as the engine sees it now (answers so far), or null when the answers do not make one. */
export function enterpriseOf(s: InterviewState): Enterprise | null {
  return parseEnterprise(s.raw, { lenientId: true, strict: false, knownMeasures: knownMeasureNames() }).enterprise;
}

/** The enterprise as the engine sees it now, evaluated (the chosen years each have their rows). */
export function evaluateState(s: InterviewState, rs: RuleSet, run: RunOptions): Evaluation | null {
  const e = enterpriseOf(s);
  return e ? evaluate(e, rs, run) : null;
}

/** The opening questions (lines of business, district, years) still open, in that order. */
function opening(s: InterviewState, lang: Lang): Question[] {
  const zh = lang === 'zh';
  const out: Question[] = [];
  const open = (k: string) => !s.answered.has(k) && !s.unknown.has(k);
  if (s.raw['tracks'] === undefined && open('tracks')) {
    out.push({
      key: 'tracks',
      kind: 'choice',
      required: true,
      options: TRACKS.map((tr) => ({ value: tr, label: TRACK_LABELS[tr][lang] })),
      text: zh ? '业务类型（可多选）' : 'Lines of business (one or more)',
      why: zh ? '这决定哪些文件适用：直播电商、跨境电商各有专门的措施' : 'This decides which documents apply: live-streaming and cross-border have measures of their own',
      stake: 0n,
    });
  }
  if (s.raw['district'] === undefined && open('district')) {
    out.push({
      key: 'district',
      kind: 'district',
      text: zh ? `所属区（${DISTRICTS.map((d) => d.name.replace(/区$/, '')).join(' ')}）` : `District (${DISTRICTS.map((d) => d.en).join(' ')})`,
      // no promise of an office: the documents name departments, not district counters
      why: zh ? '写入结果和报告，供区商务部门核对' : 'Shown in the result and the report, for the district to check',
      stake: 0n,
    });
  }
  if (open('years')) {
    out.push({
      key: 'years',
      kind: 'years',
      default: s.years.join(' '),
      text: zh ? '测算哪些业绩年度？（如 2025 2026）' : 'Which performance years? (e.g. 2025 2026)',
      why: zh ? '只问这些年度的数据；每个年度都列出结果或缺什么' : 'Only these years are asked about; each gets its results or what is missing',
      stake: 0n,
    });
  }
  return out;
}

interface Relevant {
  policy: ResolvedPolicy;
  m: ResolvedMeasure;
  /** The chosen years in which it is in force. */
  years: number[];
  ceiling: Fen | null;
}

/** The measures the interview may ask about: of a chosen line of business and in force in a chosen year. */
function relevantMeasures(s: InterviewState, rs: RuleSet, tracks: readonly Track[]): Relevant[] {
  const out: Relevant[] = [];
  for (const policy of rs.policies) {
    for (const m of policy.measures) {
      const lines = m.def.tracks ?? DOCUMENT_LINES[policy.def.id];
      if (lines && !lines.some((tr) => tracks.includes(tr))) continue;
      const years = s.years.filter((y) => inForce(policy, m, y));
      if (years.length) out.push({ policy, m, years, ceiling: ceilingOf(m) });
    }
  }
  return out;
}

/** "list:honghu:livestream" → the list and its track (鸿鹄 only). */
function listOf(value: string): { list: ListId; track?: 'ecommerce' | 'livestream' } {
  const [, list, track] = value.split(':');
  return { list: list as ListId, ...(track ? { track: track as 'ecommerce' | 'livestream' } : {}) };
}
const listValue = (list: string, track?: Track) => (list === 'honghu' ? `list:${list}:${track ?? 'ecommerce'}` : `list:${list}`);
const sameList = (a: { list: string; track?: string }, list: string, track?: string) => a.list === list && (list !== 'honghu' || (a.track ?? 'ecommerce') === (track ?? 'ecommerce'));

/** Every question the results still depend on, largest stake first. */
export function openQuestions(s: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang): Question[] {
  const first = opening(s, lang);
  // an answer given before (the person came back with 上一题) is the default shown
  for (const q of first) if (s.given.has(q.key)) q.default = s.given.get(q.key)!;
  if (first.length) return first;
  const ev = evaluateState(s, rs, run);
  if (!ev) return [];
  const e = ev.enterprise;
  const zh = lang === 'zh';
  const byKey = new Map<string, Question>();
  const order: string[] = [];
  const none = e.answeredNone ?? { lists: [], projects: [] };
  const isOpen = (key: string) => !s.unknown.has(key) && !s.answered.has(key);
  const ctx = { interpretation: run.interpretation, explain: false };
  const hint = (r: Relevant, year: number | null) => {
    const when = year === null ? '' : zh ? `${year}年度` : ` (${year})`;
    const cite = citation(r.policy.def.id, r.policy.def.title, r.m.def.article, lang);
    return zh ? `这决定「${r.m.def.title.zh}」${when}：${worth(r.m.def.kind, r.ceiling, lang)}（${cite}）` : `This decides “${r.m.def.title.en}”${when}: ${worth(r.m.def.kind, r.ceiling, lang)} (${cite})`;
  };
  const consider = (q: Omit<Question, 'stake' | 'why'>, r: Relevant, year: number | null) => {
    order.push(q.key);
    if (!isOpen(q.key)) return;
    const stake = r.ceiling ?? 0n;
    const prev = byKey.get(q.key);
    if (prev && prev.stake >= stake) return;
    byKey.set(q.key, { ...q, stake, why: hint(r, year), ...(s.given.has(q.key) ? { default: s.given.get(q.key)! } : {}) });
  };
  // the multi-selects: options, each with the measure that makes it worth the most
  const listOptions = new Map<string, Relevant>();
  const projectOptions = new Map<string, Relevant>();
  const better = (map: Map<string, Relevant>, key: string, r: Relevant) => {
    const prev = map.get(key);
    if (!prev || (r.ceiling ?? 0n) > (prev.ceiling ?? 0n)) map.set(key, r);
  };

  for (const r of relevantMeasures(s, rs, e.tracks)) {
    const { m } = r;
    const reads = m.def.reads;
    for (const year of r.years) {
      const result = ev.results.find((x) => x.ref === m.ref && x.year === year);
      if (result?.status === 'needs-data') {
        for (const path of result.missing) {
          const q = fieldQuestion(path, lang);
          if (q) consider(q, r, year);
        }
      } else if (!result && reads.fields?.length && !reads.lists && !reads.projects) {
        // nothing given yet that this measure reads: ask its first input not answered "unknown"
        const field = reads.fields.find((f) => !s.unknown.has(`years.${year}.${f}`)) ?? reads.fields[0]!;
        const q = fieldQuestion(`years.${year}.${field}`, lang);
        if (q) consider(q, r, year);
      }
    }
    for (const list of reads.lists ?? []) {
      const value = listValue(list, reads.listTrack);
      const { track } = listOf(value);
      const decided = e.lists.some((l) => sameList(l, list, track)) || none.lists.some((n) => sameList(n, list, track)) || s.chosen.has(value) || s.answered.has(value);
      if (decided) continue;
      // offered only where an entry in a chosen year could make a result that is not ineligible
      const could = r.years.some((year) => {
        const entry: ListEntry = { list: list as ListId, year, ...(list === 'honghu' ? { track: track ?? 'ecommerce' } : {}) };
        return m.def.evaluate({ ...e, lists: [...e.lists, entry] }, year, m.params as never, ctx).status !== 'ineligible';
      });
      if (could) {
        better(listOptions, value, r);
        order.push('lists');
      }
    }
    for (const type of reads.projects ?? []) {
      const value = `project:${type}`;
      if (e.projects.some((p) => p.type === type) || none.projects.includes(type) || s.chosen.has(value) || s.answered.has(value)) continue;
      better(projectOptions, value, r);
      order.push('projects');
    }
  }
  // the years of the lists and projects chosen, each in its place by stake
  for (const value of s.chosen) {
    if (!isOpen(value)) continue;
    const r = findRelevant(s, rs, e.tracks, value);
    if (!r) continue;
    const name = optionLabel(value, lang);
    const q = {
      key: value,
      kind: 'years' as const,
      default: s.years.join(' '),
      text: value.startsWith('list:')
        ? zh
          ? `哪些年份列入「${name}」？`
          : `In which years was it on the ${name}?`
        : zh
          ? `哪些年份有「${name}」？`
          : `In which years did it have a ${name}?`,
    };
    consider(q, r, null);
  }
  group('lists', listOptions, zh ? '贵企业列入了以下哪些名单？（可多选；都没有请答“无”）' : 'Which of these lists is the enterprise on? (any number; "none" if none)');
  group('projects', projectOptions, zh ? '贵企业有以下哪些项目或活动？（可多选；都没有请答“无”）' : 'Which of these projects or events does the enterprise have? (any number; "none" if none)');

  function group(key: 'lists' | 'projects', options: Map<string, Relevant>, text: string): void {
    if (options.size === 0 || !isOpen(key)) return;
    const ranked = [...options.entries()];
    const top = ranked.reduce((a, b) => ((b[1].ceiling ?? 0n) > (a[1].ceiling ?? 0n) ? b : a));
    const stake = top[1].ceiling ?? 0n;
    const why = zh
      ? `这决定${options.size > 1 ? `${options.size}项措施，其中` : ''}${hint(top[1], null).replace(/^这决定/, '')}`
      : `This decides ${options.size > 1 ? `${options.size} measures, among them ` : ''}${hint(top[1], null).replace(/^This decides /, '')}`;
    byKey.set(key, {
      key,
      kind: 'choice',
      text,
      why,
      stake,
      options: ranked.map(([value]) => ({ value, label: optionLabel(value, lang) })),
      ...(s.given.has(key) ? { default: s.given.get(key)! } : {}),
    });
  }

  const rank = new Map<string, number>();
  order.forEach((k, i) => rank.has(k) || rank.set(k, i));
  const at = (k: string) => rank.get(k) ?? Number.MAX_SAFE_INTEGER;
  return [...byKey.values()].sort((a, b) => (a.stake === b.stake ? at(a.key) - at(b.key) : a.stake > b.stake ? -1 : 1));
}

/** The relevant measure that makes a chosen list or project worth the most. */
function findRelevant(s: InterviewState, rs: RuleSet, tracks: readonly Track[], value: string): Relevant | null {
  let best: Relevant | null = null;
  for (const r of relevantMeasures(s, rs, tracks)) {
    const reads = r.m.def.reads;
    const hit = value.startsWith('list:')
      ? (reads.lists ?? []).some((l) => listValue(l, reads.listTrack) === value)
      : (reads.projects ?? []).some((p) => `project:${p}` === value);
    if (hit && (!best || (r.ceiling ?? 0n) > (best.ceiling ?? 0n))) best = r;
  }
  return best;
}

/** The name of a list or project option: "鸿鹄企业名单（直播电商）". */
function optionLabel(value: string, lang: Lang): string {
  if (value.startsWith('project:')) return inputName(value.slice('project:'.length), lang);
  const { list, track } = listOf(value);
  return inputName(list, lang) + (track === 'livestream' ? (lang === 'zh' ? '（直播电商）' : ' (live-streaming)') : '');
}

/**
 * The question for an input's path: "years.2025.onlineRetailSales" for a yearly one, "inputs.aboveQuotaCategory"
 * for one a policy file declares given once (domain/vocabulary.ts); null for paths the interview does not ask.
 */
function fieldQuestion(path: string, lang: Lang): Omit<Question, 'stake' | 'why'> | null {
  const m = /^(?:years\.(\d{4})|inputs)\.([\w-]+)$/.exec(path);
  if (!m) return null;
  const year = m[1];
  const field = m[2]!;
  const def = inputDef(field);
  if (!def || def.store !== (year ? 'year' : 'static')) return null;
  const label = inputName(field, lang);
  const zh = lang === 'zh';
  const when = year ? `${year} 年` : '';
  const inYear = year ? ` in ${year}` : '';
  switch (def.kind) {
    case 'money':
      return { key: path, kind: 'money', text: zh ? `${when}${label}是多少？（${moneyExample(field, lang)}）` : `${cap(label)}${inYear}? (${moneyExample(field, lang)})` };
    case 'boolean':
      return { key: path, kind: 'boolean', text: zh ? `${when}是否${label.replace(/^当年/, '')}？（是/否）` : year ? `In ${year}: ${label}? (y/n)` : `${cap(label)}? (y/n)` };
    case 'count':
      return { key: path, kind: 'count', text: zh ? `${when}${label}？（${def.builtIn ? '人数' : '填整数'}）` : `${cap(label)}${inYear}? (a number)` };
    case 'category':
      return {
        key: path,
        kind: 'category',
        text: zh ? `${when}${label}是哪一类？（${(def.values ?? []).map((v) => v.zh).join('、')}）` : `${cap(label)}${inYear}? (one of: ${(def.values ?? []).map((v) => v.en).join(', ')})`,
      };
    default:
      return null;
  }
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Reads what a person typed: amounts with units, 是/否/y/n, years, the numbers of a multi-select's options;
 * 不知道/跳过 is unknown, 上一题/< is back, and Enter takes the default shown (unknown where none is shown).
 */
export function readAnswer(q: Question, text: string, lang: Lang): Answer {
  let t = text.trim();
  const zh = lang === 'zh';
  if (IS_BACK.test(t)) return { ok: true, back: true, unknown: false };
  if (t === '' && q.default !== undefined) t = q.default;
  if (t === '' || IS_SKIP.test(t)) return { ok: true, unknown: true };
  switch (q.kind) {
    case 'money': {
      const r = parseAmount(t.replace(/\s+/g, ''));
      if (r.ok) return { ok: true, unknown: false, value: formatYuan(r.fen) };
      if (r.problem === 'negative') return { ok: false, error: zh ? '金额不能为负数' : 'an amount cannot be negative' };
      if (r.problem === 'sub-fen') return { ok: false, error: zh ? '金额最多精确到分' : 'an amount is exact to the fen at most' };
      if (r.problem === 'too-large') return { ok: false, error: message({ key: 'amount.too-large', args: { max: MAX_AMOUNT_TEXT } }, lang) };
      return { ok: false, error: zh ? '请填写金额，如 120万、31亿 或 3,100,000,000' : 'give an amount, e.g. 120万, 31亿 or 3,100,000,000' };
    }
    case 'boolean': {
      if (IS_YES.test(t)) return { ok: true, unknown: false, value: true };
      if (IS_NO.test(t)) return { ok: true, unknown: false, value: false };
      return { ok: false, error: zh ? `请回答 是 或 否（${YES.join('/')}；${NO.join('/')}）` : `answer yes or no (${YES.join('/')}; ${NO.join('/')})` };
    }
    case 'count': {
      if (/^\d{1,6}$/.test(t)) return { ok: true, unknown: false, value: Number(t) };
      return { ok: false, error: zh ? '请填写人数（非负整数）' : 'give a whole number, 0 or more' };
    }
    case 'category': {
      const def = inputDef(q.key.replace(/^.*\./, ''));
      const r = def ? readInputValue(def, t) : null;
      if (r?.ok) return { ok: true, unknown: false, value: r.value };
      const values = (def?.values ?? []).map((v) => (zh ? v.zh : v.en));
      return { ok: false, error: zh ? `请填写以下之一：${values.join('、')}` : `give one of: ${values.join(', ')}` };
    }
    case 'years': {
      if (IS_NONE.test(t)) return q.key === 'years' ? { ok: false, error: zh ? '请至少填写一个年度' : 'give at least one year' } : { ok: true, unknown: false, value: [] };
      const parts = t.split(/[\s,，、;；]+/).filter(Boolean);
      const years = parts.map(Number);
      if (parts.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
        return { ok: false, error: zh ? '请填写 2000—2100 之间的年份，用空格分隔，如 2025 2027' : 'give years from 2000 to 2100 separated by spaces, e.g. 2025 2027' };
      }
      return { ok: true, unknown: false, value: [...new Set(years)].sort((a, b) => a - b) };
    }
    case 'choice': {
      const options = q.options ?? [];
      if (IS_NONE.test(t)) {
        if (q.required) return { ok: false, error: zh ? '请至少选择一项' : 'choose at least one' };
        return { ok: true, unknown: false, value: [] };
      }
      const out: string[] = [];
      for (const w of t.split(/[\s,，、;；]+/).filter(Boolean)) {
        const n = /^\d+$/.test(w) ? Number(w) : NaN;
        const lw = w.toLowerCase();
        const hit = n >= 1 && n <= options.length ? options[n - 1] : options.find((o) => o.label.toLowerCase() === lw || o.value === lw || (q.key === 'tracks' && TRACK_LABELS[o.value as Track]?.zh.replace('电商', '') === w));
        if (!hit) {
          return { ok: false, error: zh ? `“${w}”不是选项：请填 1—${options.length} 的编号，用空格分隔${q.required ? '' : '；都没有请答“无”'}` : `"${w}" is not an option: give numbers 1–${options.length}, separated by spaces${q.required ? '' : '; "none" if none'}` };
        }
        if (!out.includes(hit.value)) out.push(hit.value);
      }
      return { ok: true, unknown: false, value: out };
    }
    case 'district': {
      const d = resolveDistrict(t);
      if (d) return { ok: true, unknown: false, value: d };
      return { ok: false, error: zh ? '应为广州市11个区之一：越秀 海珠 荔湾 天河 白云 黄埔 番禺 花都 南沙 从化 增城' : "expected one of Guangzhou's 11 districts" };
    }
  }
}

/** What an answer echoes, for the record of the session: the answer, or （不知道）. */
export function echo(q: Question, a: Answer & { ok: true; back?: false }, lang: Lang, typed = ''): string {
  if (a.unknown) return lang === 'zh' ? '（不知道）' : '(unknown)';
  const v = a.value;
  if ((q.kind === 'money' || q.kind === 'count' || q.kind === 'category') && typed.trim()) return typed.trim();
  if (q.kind === 'choice') {
    const chosen = (v as string[]).map((x) => q.options?.find((o) => o.value === x)?.label ?? x);
    return chosen.length ? chosen.join(lang === 'zh' ? '、' : ', ') : lang === 'zh' ? '无' : 'none';
  }
  if (q.kind === 'years') return (v as number[]).length ? (v as number[]).join(' ') : lang === 'zh' ? '无' : 'none';
  if (q.kind === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  return String(v);
}

/** Records an answer in the state: into the canonical JSON, or as unknown (nothing recorded: absent). */
export function applyAnswer(s: InterviewState, q: Question, a: Answer & { ok: true; back?: false }, typed: string): void {
  if (a.unknown) s.given.delete(q.key);
  else s.given.set(q.key, typed.trim());
  if (a.unknown) {
    s.unknown.add(q.key);
    s.chosen.delete(q.key);
    return;
  }
  s.answered.add(q.key);
  const raw = s.raw;
  if (q.key === 'years') {
    s.years = a.value as number[];
    raw['performanceYears'] = s.years;
    return;
  }
  if (q.key === 'tracks' || q.key === 'district') {
    raw[q.key] = a.value;
    return;
  }
  if (q.key === 'lists' || q.key === 'projects') {
    const chosen = new Set(a.value as string[]);
    for (const o of q.options ?? []) {
      if (chosen.has(o.value)) s.chosen.add(o.value);
      else noneOf(raw, o.value);
    }
    return;
  }
  if (q.key.startsWith('list:') || q.key.startsWith('project:')) {
    s.chosen.delete(q.key);
    const years = a.value as number[];
    if (years.length === 0) {
      noneOf(raw, q.key);
      return;
    }
    if (q.key.startsWith('list:')) {
      const { list, track } = listOf(q.key);
      const entries = (raw['lists'] as unknown[] | undefined) ?? [];
      for (const year of years) entries.push({ list, year, ...(track ? { track } : {}) });
      raw['lists'] = entries;
    } else {
      const entries = (raw['projects'] as unknown[] | undefined) ?? [];
      for (const year of years) entries.push({ type: q.key.slice('project:'.length) as ProjectType, year });
      raw['projects'] = entries;
    }
    return;
  }
  const once = /^inputs\.([\w-]+)$/.exec(q.key);
  if (once) {
    const inputs = ((raw['inputs'] as Record<string, unknown> | undefined) ??= {});
    (raw['inputs'] = inputs)[once[1]!] = a.value;
    return;
  }
  const [, year, field] = /^years\.(\d{4})\.([\w-]+)$/.exec(q.key)!;
  const byYear = ((raw['years'] as Record<string, Record<string, unknown>> | undefined) ??= {});
  (raw['years'] = byYear)[year!] = { ...(byYear[year!] ?? {}), [field!]: a.value };
}

/** Records a list or project answered "none" in raw.answeredNone (a list id, or {list, track} for 鸿鹄). */
function noneOf(raw: Record<string, unknown>, value: string): void {
  const none = ((raw['answeredNone'] as { lists?: unknown[]; projects?: unknown[] } | undefined) ??= {});
  raw['answeredNone'] = none;
  if (value.startsWith('project:')) {
    (none.projects ??= []).push(value.slice('project:'.length));
  } else {
    const { list, track } = listOf(value);
    (none.lists ??= []).push(track ? { list, track } : list);
  }
}

/**
 * The most questions still to come, as a bound that holds whatever the answers: every open question, plus what
 * an answer could open — the years of each option of a multi-select, and, for each measure still undecided in a
 * chosen year, each of its inputs of that year and of the three years before (a growth window) not yet answered.
 * null before the years are chosen (a years answer can widen everything).
 */
export function questionsBound(s: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang, open: readonly Question[]): { bound: number; exact: boolean } | null {
  if (!s.answered.has('years') && !s.unknown.has('years')) return null;
  if (open.some((q) => q.key === 'tracks' || q.key === 'district')) return null;
  const ev = evaluateState(s, rs, run);
  if (!ev) return { bound: open.length, exact: true };
  const keys = new Set(open.map((q) => q.key));
  let more = 0;
  for (const q of open) if (q.kind === 'choice' && q.key !== 'tracks') more += q.options?.length ?? 0;
  const given = (path: string) => {
    const [, y, f] = path.split('.');
    return (s.raw['years'] as Record<string, Record<string, unknown>> | undefined)?.[y!]?.[f!] !== undefined;
  };
  for (const r of relevantMeasures(s, rs, ev.enterprise.tracks)) {
    for (const year of r.years) {
      const result = ev.results.find((x) => x.ref === r.m.ref && x.year === year);
      if (result && result.status !== 'needs-data') continue;
      const reads = r.m.def.reads;
      if (!result && (reads.lists || reads.projects)) {
        // a list or project measure is counted with its multi-select; its own inputs come once an entry is given,
        // so they count until every list it reads is answered none
        const none = ev.enterprise.answeredNone?.lists ?? [];
        if (!reads.fields || (reads.lists ?? []).every((l) => none.some((n) => sameList(n, l, reads.listTrack)))) continue;
      }
      for (const field of reads.fields ?? []) {
        for (let y = year; y >= year - (r.m.def.ledger ? 3 : 0); y--) {
          const path = `years.${y}.${field}`;
          if (!s.unknown.has(path) && !s.answered.has(path) && !given(path) && fieldQuestion(path, lang)) keys.add(path);
        }
      }
    }
  }
  const bound = keys.size + more;
  return { bound, exact: bound === open.length };
}

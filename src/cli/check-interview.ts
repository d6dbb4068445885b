/**
 * The self-check interview, without any terminal: what to ask next, how to read an answer, what it changes.
 * Like Publicodes' missing variables it asks only what a result still depends on — the paths a `needs-data`
 * result names, and the first input of a measure the enterprise has said nothing about — and, going further,
 * it asks first the question that decides the most money: the largest ceiling among the measures it can
 * still change. An unknown answer stays unknown (the result stays `needs-data`), never zero.
 */
import { DISTRICTS, resolveDistrict } from '../domain/districts.js';
import { TRACKS, type ProjectType, type Track } from '../domain/enterprise.js';
import { parseEnterprise } from '../domain/input.js';
import { inputDef, inputName, readCategory } from '../domain/vocabulary.js';
import { PROJECT_LABELS, type Lang } from '../domain/labels.js';
import { formatYuan, parseAmount, type Fen } from '../domain/money.js';
import { evaluate, inForce, type Evaluation, type RunOptions } from '../engine/evaluate.js';
import { ceilingOf, type RuleSet } from '../engine/ruleset.js';
import { knownMeasureNames } from '../policies/names.js';
import { award, t as message } from '../render/messages.js';
import { MAX_AMOUNT_TEXT } from '../domain/values.js';

/** What a question asks for, and so how its answer is read. */
export type AnswerKind = 'money' | 'boolean' | 'count' | 'category' | 'years' | 'tracks' | 'district';

export interface Question {
  /** Stable key: "years.2025.onlineRetailSales", "inputs.aboveQuotaCategory", "list:honghu", "tracks", … */
  key: string;
  kind: AnswerKind;
  text: string;
  /** Why it is asked: the measure, its year, what is at stake and the article. */
  why: string;
  /** The largest ceiling it can change (fen; 0 when none is quantified), for ordering and the progress line. */
  stake: Fen;
}

export interface InterviewState {
  /** The canonical JSON built so far (from a file and the answers). */
  raw: Record<string, unknown>;
  /** Performance years the enterprise checks. */
  years: number[];
  /** Keys answered "unknown": never asked again. */
  unknown: Set<string>;
  /** Keys asked and answered. */
  answered: Set<string>;
}

const TRACK_LABELS: Record<Track, { zh: string; en: string }> = {
  ecommerce: { zh: '电子商务', en: 'e-commerce' },
  livestream: { zh: '直播电商', en: 'live-streaming' },
  'cross-border': { zh: '跨境电商', en: 'cross-border' },
};

const SKIP = /^(|不知道|不清楚|跳过|略过|\?|？|skip|unknown|n\/a|don'?t know|dunno)$/i;

/** The opening questions (tracks, district, years) still open, in that order. */
function opening(s: InterviewState, lang: Lang): Question[] {
  const zh = lang === 'zh';
  const out: Question[] = [];
  const open = (k: string) => !s.answered.has(k) && !s.unknown.has(k);
  if (s.raw['tracks'] === undefined && open('tracks')) {
    out.push({
      key: 'tracks',
      kind: 'tracks',
      text: zh ? '业务类型（可多选，用空格分隔）：1 电子商务  2 直播电商  3 跨境电商' : 'Lines of business (one or more, separated by spaces): 1 e-commerce  2 live-streaming  3 cross-border',
      why: zh ? '这决定哪些文件适用：直播电商、跨境电商各有专门的措施' : 'This decides which documents apply: live-streaming and cross-border have measures of their own',
      stake: 0n,
    });
  }
  if (s.raw['district'] === undefined && open('district')) {
    out.push({
      key: 'district',
      kind: 'district',
      text: zh ? `所属区（${DISTRICTS.map((d) => d.name.replace(/区$/, '')).join(' ')}）` : `District (${DISTRICTS.map((d) => d.en).join(' ')})`,
      why: zh ? '报告和申报地点按区列出' : 'Reports and where to apply are listed by district',
      stake: 0n,
    });
  }
  if (open('years') && !s.answered.has('years')) {
    out.push({
      key: 'years',
      kind: 'years',
      text: zh ? `测算哪些业绩年度？（如 2025 2026；直接回车为 ${s.years.join(' ')}）` : `Which performance years? (e.g. 2025 2026; Enter for ${s.years.join(' ')})`,
      why: zh ? '只问这些年度的数据' : 'Only these years are asked about',
      stake: 0n,
    });
  }
  return out;
}

/** The enterprise as the engine sees it now (answers so far), evaluated. */
export function evaluateState(s: InterviewState, rs: RuleSet, run: RunOptions): Evaluation | null {
  const { enterprise } = parseEnterprise(s.raw, { lenientId: true, strict: false, knownMeasures: knownMeasureNames() });
  return enterprise ? evaluate(enterprise, rs, run) : null;
}

/** Every question the results still depend on, largest stake first. */
export function openQuestions(s: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang): Question[] {
  const first = opening(s, lang);
  if (first.length) return first;
  const ev = evaluateState(s, rs, run);
  if (!ev) return [];
  const zh = lang === 'zh';
  const byKey = new Map<string, Question>();
  const consider = (key: string, kind: AnswerKind, text: string, measureTitle: string, year: number | null, article: string, ceiling: Fen | null) => {
    if (s.unknown.has(key) || s.answered.has(key)) return;
    const stake = ceiling ?? 0n;
    const prev = byKey.get(key);
    if (prev && prev.stake >= stake) return;
    const when = year === null ? '' : zh ? `${year}年度` : ` (${year})`;
    const why = zh
      ? `这决定「${measureTitle}」${when}${ceiling !== null ? `最高${award(ceiling, 'zh')}` : ''}（${article}）`
      : `This decides “${measureTitle}”${when}${ceiling !== null ? `, up to ${award(ceiling, 'en')}` : ''} (${article})`;
    byKey.set(key, { key, kind, text, why, stake });
  };
  const tracks = ev.enterprise.tracks;
  const order: string[] = [];
  for (const policy of rs.policies) {
    for (const m of policy.measures) {
      if (m.def.tracks && !m.def.tracks.some((t) => tracks.includes(t))) continue;
      const ceiling = ceilingOf(m);
      const title = m.def.title[lang];
      for (const year of s.years) {
        if (!inForce(policy, m, year)) continue;
        const result = ev.results.find((r) => r.ref === m.ref && r.year === year);
        if (result && result.status === 'needs-data') {
          for (const path of result.missing) {
            const q = fieldQuestion(path, lang);
            if (q) consider(path, q.kind, q.text, title, year, m.def.article, ceiling);
            order.push(path);
          }
        } else if (!result) {
          // nothing given yet that this measure reads: ask its first input
          const reads = m.def.reads;
          const field = reads.fields?.[0];
          if (field) {
            const path = `years.${year}.${field}`;
            const q = fieldQuestion(path, lang)!;
            consider(path, q.kind, q.text, title, year, m.def.article, ceiling);
            order.push(path);
          } else if (reads.lists?.length) {
            const list = reads.lists[0]!;
            const key = `list:${list}${reads.listTrack ? `:${reads.listTrack}` : ''}`;
            // the list's years are known once the file (or an answer) gives any entry of it
            if (ev.enterprise.lists.some((l) => l.list === list && (!reads.listTrack || (l.track ?? 'ecommerce') === reads.listTrack))) continue;
            const name = inputName(list, lang) + (reads.listTrack === 'livestream' ? (zh ? '（直播电商）' : ' (live-streaming)') : '');
            consider(key, 'years', zh ? `哪些年份列入「${name}」？（如 2025 2027；没有请答“无”）` : `In which years was it on the ${name}? (e.g. 2025 2027; "none" if never)`, title, null, m.def.article, ceiling);
            order.push(key);
          } else if (reads.projects?.length) {
            const type = reads.projects[0]!;
            const key = `project:${type}`;
            if (ev.enterprise.projects.some((p) => p.type === type)) continue;
            consider(key, 'years', zh ? `哪些年份有「${PROJECT_LABELS[type].zh}」？（如 2020；没有请答“无”）` : `In which years did it have a ${PROJECT_LABELS[type].en}? (e.g. 2020; "none" if never)`, title, null, m.def.article, ceiling);
            order.push(key);
          }
        }
      }
    }
  }
  const rank = new Map<string, number>();
  order.forEach((k, i) => rank.has(k) || rank.set(k, i));
  return [...byKey.values()].sort((a, b) => (a.stake === b.stake ? rank.get(a.key)! - rank.get(b.key)! : a.stake > b.stake ? -1 : 1));
}

/**
 * The question for a canonical path of an input of the vocabulary (domain/vocabulary.ts): "years.2025.onlineRetailSales"
 * for a yearly one, "inputs.aboveQuotaCategory" for one a policy file declares given once; null for paths the
 * interview does not ask.
 */
function fieldQuestion(path: string, lang: Lang): { kind: AnswerKind; text: string } | null {
  const m = /^(?:years\.(\d{4})|inputs)\.([\w-]+)$/.exec(path);
  if (!m) return null;
  const def = inputDef(m[2]!);
  if (!def || def.store !== (m[1] ? 'year' : 'static')) return null;
  const type = def.kind;
  const label = def.name[lang];
  const year = m[1];
  if (lang === 'zh') {
    const when = year ? `${year} 年` : '';
    if (type === 'money') return { kind: 'money', text: `${when}${label}是多少？（如 31亿、310000万、3,100,000,000）` };
    if (type === 'boolean') return { kind: 'boolean', text: `${when}是否${label.replace(/^当年/, '')}？（是/否）` };
    if (type === 'category') return { kind: 'category', text: `${when}${label}是哪一类？（${def.values!.map((v) => v.zh).join('、')}）` };
    if (type === 'count') return { kind: 'count', text: `${when}${label}？（${def.builtIn ? '人数' : '填整数'}）` };
    return null;
  }
  const Label = label[0]!.toUpperCase() + label.slice(1);
  const inYear = year ? ` in ${year}` : '';
  if (type === 'money') return { kind: 'money', text: `${Label}${inYear}? (e.g. 31亿, 310000万, 3,100,000,000)` };
  if (type === 'boolean') return { kind: 'boolean', text: year ? `In ${year}: ${label}? (y/n)` : `${Label}? (y/n)` };
  if (type === 'category') return { kind: 'category', text: `${Label}${inYear}? (one of: ${def.values!.map((v) => v.en).join(', ')})` };
  if (type === 'count') return { kind: 'count', text: `${Label}${inYear}? (a number)` };
  return null;
}

export type Answer = { ok: true; unknown: boolean; value?: unknown } | { ok: false; error: string };

/** Reads what a person typed for a question: amounts with units, 是/否/y/n, lists of years; "不知道/跳过" is unknown. */
export function readAnswer(q: Question, text: string, lang: Lang, s: InterviewState): Answer {
  const t = text.trim();
  const zh = lang === 'zh';
  if (SKIP.test(t)) {
    if (q.kind === 'years' && q.key === 'years') return { ok: true, unknown: false, value: s.years };
    return { ok: true, unknown: true };
  }
  switch (q.kind) {
    case 'money': {
      const r = parseAmount(t.replace(/\s+/g, ''));
      if (r.ok) return { ok: true, unknown: false, value: formatYuan(r.fen) };
      const why: Record<string, [string, string]> = {
        negative: ['金额不能为负数', 'an amount cannot be negative'],
        'sub-fen': ['金额最多精确到分', 'an amount is exact to the fen at most'],
        'too-large': [message({ key: 'amount.too-large', args: { max: MAX_AMOUNT_TEXT } }, 'zh'), message({ key: 'amount.too-large', args: { max: MAX_AMOUNT_TEXT } }, 'en')],
      };
      const [z, e] = why[r.problem] ?? ['请填写金额，如 31亿、310000万 或 3,100,000,000', 'give an amount, e.g. 31亿, 310000万 or 3,100,000,000'];
      return { ok: false, error: zh ? z : e };
    }
    case 'boolean': {
      if (/^(是|对|有|y|yes|true|1)$/i.test(t)) return { ok: true, unknown: false, value: true };
      if (/^(否|不是|没有|无|n|no|false|0)$/i.test(t)) return { ok: true, unknown: false, value: false };
      return { ok: false, error: zh ? '请回答 是 或 否（y/n）' : 'answer yes or no (y/n)' };
    }
    case 'category': {
      const def = inputDef(q.key.replace(/^.*\./, ''));
      const r = def ? readCategory(t, def) : null;
      if (r?.ok) return { ok: true, unknown: false, value: r.value };
      const values = (def?.values ?? []).map((v) => (zh ? v.zh : v.en));
      return { ok: false, error: zh ? `请填写以下之一：${values.join('、')}` : `give one of: ${values.join(', ')}` };
    }
    case 'count': {
      if (/^\d{1,6}$/.test(t)) return { ok: true, unknown: false, value: Number(t) };
      return { ok: false, error: zh ? '请填写人数（非负整数）' : 'give a whole number, 0 or more' };
    }
    case 'years': {
      if (/^(无|没有|不在|none|no|never|否)$/i.test(t)) return { ok: true, unknown: false, value: [] };
      const parts = t.split(/[\s,，、;；]+/).filter(Boolean);
      const years = parts.map(Number);
      if (parts.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
        return { ok: false, error: zh ? '请填写年份，用空格分隔，如 2025 2027（没有请答“无”）' : 'give years separated by spaces, e.g. 2025 2027 ("none" if never)' };
      }
      return { ok: true, unknown: false, value: [...new Set(years)].sort((a, b) => a - b) };
    }
    case 'tracks': {
      const words = t.split(/[\s,，、;；]+/).filter(Boolean);
      const out: Track[] = [];
      for (const w of words) {
        const track = /^\d$/.test(w) ? TRACKS[Number(w) - 1] : TRACKS.find((k) => k === w.toLowerCase() || TRACK_LABELS[k].zh === w || TRACK_LABELS[k].zh.replace('电商', '') === w || TRACK_LABELS[k].en === w.toLowerCase());
        if (!track) return { ok: false, error: zh ? `“${w}”不是业务类型：请填 1、2、3 或 电子商务/直播电商/跨境电商` : `"${w}" is not a line of business: give 1, 2, 3 or e-commerce/live-streaming/cross-border` };
        if (!out.includes(track)) out.push(track);
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

/** Records an answer in the state: into the canonical JSON, or as unknown. */
export function applyAnswer(s: InterviewState, q: Question, a: Answer & { ok: true }): void {
  if (a.unknown) {
    s.unknown.add(q.key);
    return;
  }
  s.answered.add(q.key);
  const raw = s.raw;
  if (q.key === 'years') {
    s.years = a.value as number[];
    return;
  }
  if (q.key === 'tracks' || q.key === 'district') {
    raw[q.key] = a.value;
    return;
  }
  const list = /^list:([^:]+)(?::(\w[\w-]*))?$/.exec(q.key);
  if (list) {
    const entries = (raw['lists'] as unknown[] | undefined) ?? [];
    for (const year of a.value as number[]) entries.push({ list: list[1], year, ...(list[2] ? { track: list[2] } : {}) });
    raw['lists'] = entries;
    return;
  }
  const project = /^project:(.+)$/.exec(q.key);
  if (project) {
    const entries = (raw['projects'] as unknown[] | undefined) ?? [];
    for (const year of a.value as number[]) entries.push({ type: project[1] as ProjectType, year });
    raw['projects'] = entries;
    return;
  }
  const once = /^inputs\.([\w-]+)$/.exec(q.key);
  if (once) {
    const inputs = ((raw['inputs'] as Record<string, unknown> | undefined) ??= {});
    (raw['inputs'] = inputs)[once[1]!] = a.value;
    return;
  }
  const [, year, field] = /^years\.(\d{4})\.([\w-]+)$/.exec(q.key)!;
  const years = ((raw['years'] as Record<string, Record<string, unknown>> | undefined) ??= {});
  (raw['years'] = years)[year!] = { ...(years[year!] ?? {}), [field!]: a.value };
}

/** A fresh interview: from a file's canonical JSON (or nothing), checking `years` unless the file names its own. */
export function startInterview(raw: Record<string, unknown> | null, defaultYears: number[]): InterviewState {
  const base = structuredClone(raw ?? {}) as Record<string, unknown>;
  const fileYears = Object.keys((base['years'] as object | undefined) ?? {}).map(Number).filter((y) => Number.isInteger(y));
  const s: InterviewState = { raw: base, years: fileYears.length ? fileYears.sort((a, b) => a - b) : defaultYears, unknown: new Set(), answered: new Set() };
  if (fileYears.length) s.answered.add('years');
  return s;
}

/**
 * gz-awards check [FILE]: the guided self-check, the front of the interview (src/interview/interview.ts). Asks,
 * most money first, only what the results still depend on; then prints the result table, the next tiers and
 * the documents to apply under. On a terminal it prompts with @inquirer/prompts (a checkbox for the
 * multi-selects, Esc for back); otherwise it reads one answer per line from standard input, each question one
 * line on standard error beginning with "? ", so it can be scripted — end of input is "unknown" for every
 * question left. Interrupted (Ctrl-C, SIGINT, SIGTERM), it keeps the answers so far (--save) and says what became
 * of the report (--report): written marked 未完成, or not written.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { parseEnterprise } from '../domain/input.js';
import type { Lang } from '../domain/labels.js';
import type { Evaluation, RunOptions } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { applyAnswer, echo, evaluateState, openQuestions, questionsBound, readAnswer, startInterview, type InterviewState, type Question } from '../interview/interview.js';
import { citation } from '../interview/words.js';
import { inputName } from '../domain/vocabulary.js';
import { readInputFile } from '../io/read-input.js';
import { writeFileAtomic } from '../io/sink.js';
import { knownMeasureNames } from '../policies/names.js';
import { award } from '../render/messages.js';
import { toJson, type RunMeta } from '../render/output.js';
import { renderTable } from '../render/table.js';
import { EXIT, paintFor, parseYears, printProblems, runOptionsOf, say, terminalWidth, UsageError, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { loadParams } from './params.js';
import { PLACEHOLDER_ID } from './simulate.js';

export const checkOptions = z.object({
  lang: langSchema,
  policy: z.array(z.string()).default([]),
  save: z.string().optional(),
  report: z.string().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  years: z.string().optional(),
  interpret: z.string().optional(),
  params: z.string().optional(),
  displayUnit: z.enum(['元', '万元', '亿元']).default('万元'),
});

/** At most this many questions: a guard, never reached by the measures there are. */
const MAX_QUESTIONS = 300;
/** The performance years offered when neither a file nor the user names them. */
const DEFAULT_YEARS = [2025, 2026];
/** The exit code of each signal that stops the interview: 128 + its number. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Thrown by a prompt source when the person stops the interview (Ctrl-C on a terminal, a signal in a pipe). */
class Interrupted extends Error {
  constructor(readonly code: number) {
    super('interrupted');
  }
}

/** What the front asks with: one answer as typed, null at end of input, BACK for Esc on a terminal. */
interface Asker {
  ask(q: Question, retryReason?: string): Promise<string | null>;
  note(line: string): void;
  close(): void;
  /** Standard input has ended: every question left is unknown. */
  readonly ended: boolean;
  /** Answers are not shown by the prompt (a pipe): the interview echoes each. */
  readonly echoes: boolean;
}
const BACK = '上一题';

/** Standard error, kept safe: when its reader goes away (… 2>&1 | head) the interview goes on, silent, and still saves. */
let stderrGone = false;
function tell(text: string): void {
  if (!stderrGone) say(text);
}

export async function check(file: string | undefined, raw: unknown): Promise<number> {
  const o = checkOptions.parse(raw);
  const lang = o.lang;
  const zh = lang === 'zh';
  // before anything is asked: a report that is not HTML by its name, or years that are not years, are usage errors
  if (o.report !== undefined && !/\.html?$/i.test(o.report)) {
    throw new UsageError(zh ? `--report ${o.report}：报告是 HTML 网页，文件名应以 .html 结尾` : `--report ${o.report}: the report is an HTML page; give a name ending in .html`);
  }
  const flagYears = o.years !== undefined ? yearsFlag(o.years, lang) : null;
  const { ruleSet, interpretation, meta } = await loadParams(o.params, '--params', { files: o.policy, lang: o.lang });
  const run = runOptionsOf({ ...(o.interpret ? { interpret: o.interpret } : {}) }, interpretation);
  const start = await startingPoint(file, o, lang);
  const state = startInterview(start, flagYears ?? DEFAULT_YEARS, flagYears !== null);

  process.stderr.on('error', () => {
    stderrGone = true;
  });
  const tty = !!(process.stdin.isTTY && process.stderr.isTTY);
  const asker = tty ? await terminalAsker(lang) : lineAsker(lang);
  tell(
    (zh
      ? '企业自查：依次回答问题；不知道可答“不知道”，回到上一题答“上一题”或“<”' + (tty ? '（或按 Esc）' : '') + '。'
      : 'Self-check: answer each question; "skip" if you do not know, "back" or "<" for the previous question' + (tty ? ' (or Esc)' : '') + '.') + '\n',
  );
  let interrupted: number | null = null;
  try {
    await interview(state, ruleSet, run, lang, asker);
  } catch (err) {
    if (!(err instanceof Interrupted)) throw err;
    interrupted = err.code;
  } finally {
    asker.close();
  }

  if (interrupted !== null) return stopped(state, ruleSet, run, lang, o, meta, interrupted, tty);

  const ev = evaluateState(state, ruleSet, run);
  if (!ev) throw new UsageError(zh ? '回答无法组成有效的企业数据' : 'the answers do not make a valid enterprise');
  // saved before anything is printed: a reader of the output that goes away (| head) ends the run quietly
  if (o.save) await save(o.save, state);
  const paint = await paintFor(process.stdout);
  const width = terminalWidth();
  // the table as simulate prints it: escaped for the terminal (a name with an ESC from --name stays harmless)
  await writeOut(renderTable(ev, ruleSet, { lang, explain: false, paint, ...(width ? { width } : {}) }, meta) + unknownLine(state, lang) + (await whereToApply(ev, ruleSet, lang)), true);
  if (o.save) tell((zh ? `答案已保存到 ${o.save}（可用 gz-awards simulate ${o.save} 重算）` : `Answers saved to ${o.save} (gz-awards simulate ${o.save} computes the same)`) + '\n');
  if (o.report) {
    const { renderEnterpriseReport } = await import('../report/enterprise.js');
    await writeFileAtomic(o.report, await renderEnterpriseReport(ev, ruleSet, lang, meta, { unit: o.displayUnit, ...(file !== undefined ? { inputs: [{ file, records: 1 }] } : {}) }));
    tell((zh ? `报告已写入 ${o.report}` : `Report written to ${o.report}`) + '\n');
  }
  return EXIT.ok;
}

/** --years "2025 2026", "2024-2026" or "2024,2026": the years, or a usage error (exit 2) naming what is wrong. */
function yearsFlag(text: string, lang: Lang): number[] {
  const parts = text.trim().split(/[\s,，、]+/).filter(Boolean);
  const bad = parts.find((p) => !/^(20\d\d|2100)(?:\s*[-–~]\s*(20\d\d|2100))?$/.test(p));
  if (parts.length === 0 || bad !== undefined) {
    throw new UsageError(
      lang === 'zh'
        ? `--years "${text}"：${bad === undefined ? '没有年份' : `“${bad}”不是年份`}；请写 2000—2100 之间的年份或范围，如 "2025 2026"、2024-2026`
        : `--years "${text}": ${bad === undefined ? 'no year given' : `"${bad}" is not a year`}; give years from 2000 to 2100 or a range, e.g. "2025 2026", 2024-2026`,
    );
  }
  return [...parseYears(parts.join(','))].sort((a, b) => a - b);
}

/** The question loop: ask the heaviest open question, read, record; back one question on 上一题, <, Esc. */
async function interview(state: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang, asker: Asker): Promise<void> {
  const history: { q: Question; before: InterviewState }[] = [];
  let shown: number | null = null;
  for (let n = 0; n < MAX_QUESTIONS; n++) {
    const q = openQuestions(state, rs, run, lang)[0];
    if (!q) break;
    let reason: string | undefined;
    let wentBack = false;
    for (;;) {
      const text = await asker.ask(q, reason);
      if (text === null) {
        // end of input: unknown for this and every question left
        state.unknown.add(q.key);
        if (asker.echoes) tell(`  ${echo(q, { ok: true, unknown: true }, lang)}\n`);
        break;
      }
      const a = readAnswer(q, text, lang);
      if (!a.ok) {
        reason = a.error;
        continue;
      }
      if (a.back) {
        const last = history.pop();
        if (!last) {
          reason = lang === 'zh' ? '这已是第一题' : 'this is the first question';
          continue;
        }
        // the state before that question, with every answer given so far kept as the defaults shown
        const given = state.given;
        Object.assign(state, last.before, { given });
        tell(lang === 'zh' ? '  ← 上一题\n' : '  ← back\n');
        wentBack = true;
        shown = null;
        break;
      }
      const typed = text.trim() === '' && q.default !== undefined ? q.default : text;
      history.push({ q, before: snapshot(state) });
      applyAnswer(state, q, a, typed);
      if (asker.echoes) tell(`  ${echo(q, a, lang, typed)}\n`);
      break;
    }
    if (wentBack) continue;
    if (asker.ended) {
      for (const rest of openQuestions(state, rs, run, lang)) state.unknown.add(rest.key);
    }
    shown = progress(state, rs, run, lang, asker, shown);
  }
}

/** A copy of the state to come back to. */
function snapshot(s: InterviewState): InterviewState {
  return { raw: structuredClone(s.raw), years: [...s.years], unknown: new Set(s.unknown), answered: new Set(s.answered), chosen: new Set(s.chosen), given: new Map(s.given) };
}

/**
 * "→ 目前合计：150万元；缺数据 1 项，最多还有 9 个问题". The count never rises after an answer: it is the bound of
 * what is left (interview.questionsBound), and never more than one less than the count shown before.
 */
function progress(s: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang, asker: Asker, before: number | null): number | null {
  const ev = evaluateState(s, rs, run);
  const open = openQuestions(s, rs, run, lang);
  const needs = ev ? ev.results.filter((r) => r.status === 'needs-data').length : 0;
  const total = ev ? ev.total : 0n;
  const b = questionsBound(s, rs, run, lang, open);
  let shown: number | null = null;
  let exact = false;
  if (b) {
    shown = before === null ? b.bound : Math.min(before - 1, b.bound);
    shown = Math.max(shown, open.length);
    exact = b.exact && shown === open.length;
  }
  const left = shown === null ? '' : lang === 'zh' ? `，${exact ? '还有' : '最多还有'} ${shown} 个问题` : `, ${exact ? '' : 'at most '}${shown} questions left`;
  asker.note(lang === 'zh' ? `→ 目前合计：${award(total, 'zh')}；缺数据 ${needs} 项${left}` : `→ Total so far: ${award(total, 'en')}; ${needs} results need data${left}`);
  return shown;
}

/** Interrupted: keep the answers so far (--save, or offered on a terminal) and say what became of the report. */
async function stopped(state: InterviewState, rs: RuleSet, run: RunOptions, lang: Lang, o: z.infer<typeof checkOptions>, meta: RunMeta, code: number, tty: boolean): Promise<number> {
  const zh = lang === 'zh';
  tell('\n');
  if (o.save) {
    await save(o.save, state);
    tell((zh ? `已中断；已回答的内容保存在 ${o.save}` : `Interrupted; the answers so far are saved in ${o.save}`) + '\n');
  } else {
    const target = tty ? await offerToSave(lang) : null;
    if (target) {
      await save(target, state);
      tell((zh ? `已中断；已回答的内容保存在 ${target}` : `Interrupted; the answers so far are saved in ${target}`) + '\n');
    } else {
      tell((zh ? '已中断，回答未保存（保存请加 --save 文件）。' : 'Interrupted; the answers were not saved (add --save FILE to keep them).') + '\n');
    }
  }
  if (o.report) {
    const ev = evaluateState(state, rs, run);
    if (ev) {
      const { renderEnterpriseReport } = await import('../report/enterprise.js');
      await writeFileAtomic(o.report, await renderEnterpriseReport(ev, rs, lang, meta, { unit: o.displayUnit, unfinished: true }));
      tell((zh ? `未完成的报告已写入 ${o.report}（只含已回答的内容，标明“未完成”）` : `An unfinished report is written to ${o.report} (the answers so far, marked unfinished)`) + '\n');
    } else {
      tell((zh ? `未写报告 ${o.report}：已回答的内容不足以组成企业数据` : `No report written to ${o.report}: the answers so far do not make an enterprise`) + '\n');
    }
  }
  return code;
}

/** The questions answered 不知道, after the table: each stays unknown, and what depends on it stays 缺数据. */
function unknownLine(s: InterviewState, lang: Lang): string {
  const keys = [...s.unknown].filter((k) => k !== 'years');
  if (keys.length === 0) return '';
  const names = keys.map((k) => unknownName(k, lang)).join(lang === 'zh' ? '、' : '; ');
  return lang === 'zh'
    ? `\n不知道的 ${keys.length} 项（仍未知，不当作零；依赖它们的结果记为“缺数据”）：${names}\n`
    : `\n${keys.length} answers unknown (kept unknown, never zero; the results that depend on them stay "needs data"): ${names}\n`;
}

/** "2025 年研发费用（费用化）", "名单", "鸿鹄企业名单的年份". */
function unknownName(key: string, lang: Lang): string {
  const zh = lang === 'zh';
  const m = /^years\.(\d{4})\.([\w-]+)$/.exec(key);
  if (m) return zh ? `${m[1]} 年${inputName(m[2]!, 'zh')}` : `${inputName(m[2]!, 'en')} (${m[1]})`;
  if (key === 'lists') return zh ? '所列名单' : 'the lists';
  if (key === 'projects') return zh ? '所列项目' : 'the projects';
  if (key === 'tracks') return zh ? '业务类型' : 'lines of business';
  if (key === 'district') return zh ? '所属区' : 'district';
  const [kind, id, track] = key.split(':');
  const name = inputName(id!, lang) + (track === 'livestream' ? (zh ? '（直播电商）' : ' (live-streaming)') : '');
  return zh ? `${name}的年份` : `the years of the ${name}${kind === 'project' ? '' : ''}`;
}

/** The canonical JSON to start from: a file (JSON, one enterprise), or an id and name from the flags. */
async function startingPoint(file: string | undefined, o: z.infer<typeof checkOptions>, lang: Lang): Promise<Record<string, unknown>> {
  let raw: Record<string, unknown> = { id: PLACEHOLDER_ID };
  if (file !== undefined) {
    if (file === '-') throw new UsageError(lang === 'zh' ? 'check 从标准输入读取回答，起始数据请用文件' : 'check reads its answers from standard input; give the starting data as a file');
    const input = await readInputFile(file, {});
    printProblems(input.problems, lang);
    if (input.problems.some((p) => p.severity === 'error')) throw new UsageError(lang === 'zh' ? `${file} 无法读取` : `${file} cannot be read`);
    const first = input.records[0];
    if (!first || input.records.length !== 1 || typeof first.raw !== 'object' || first.raw === null) {
      throw new UsageError(lang === 'zh' ? 'check 需要一个企业的 JSON 文件' : 'check needs a JSON file of one enterprise');
    }
    printProblems(first.problems, lang);
    if (!first.enterprise) throw new UsageError(lang === 'zh' ? `${file} 中的企业数据有误` : `the enterprise in ${file} has errors`);
    raw = structuredClone(first.raw) as Record<string, unknown>;
  }
  if (o.id) raw['id'] = o.id;
  if (o.name) raw['name'] = o.name;
  const { enterprise, problems } = parseEnterprise(raw, { lenientId: false, strict: false, knownMeasures: knownMeasureNames() });
  if (!enterprise) {
    printProblems(problems, lang);
    throw new UsageError(lang === 'zh' ? '起始数据有误' : 'the starting data has errors');
  }
  return raw;
}

/**
 * The documents to apply under, for each eligible result: the document by its short title, the article, the year
 * of application, and — only where the document names them — its departments, in the document's own words
 * ("（市商务局牵头，各区政府配合）"). No office is ever invented: without such words none is named.
 */
async function whereToApply(ev: Evaluation, rs: RuleSet, lang: Lang): Promise<string> {
  const eligible = ev.results.filter((r) => r.status === 'eligible');
  if (eligible.length === 0) return '';
  const zh = lang === 'zh';
  const lines = ['', zh ? '申报指引（以当年申报通知为准）：' : 'Where to apply (the year’s call for applications decides):'];
  for (const r of eligible) {
    const policy = rs.policies.find((p) => p.def.id === r.policy)!.def;
    const m = rs.byRef.get(r.ref)!.def;
    const cite = citation(policy.id, policy.title, m.article, lang);
    const dept = await departmentsOf(policy.id, m.quote);
    lines.push(
      zh
        ? `- 「${m.title.zh}」${r.year}年度：依据${cite}${policy.docNumber ? `（${policy.docNumber}）` : ''}，${r.applicationYear}年申报${dept ? `；文件写明：（${dept}）` : ''}`
        : `- “${m.title.en}” (${r.year}): under ${cite}${policy.docNumber ? ` (${policy.docNumber})` : ''}; applied for in ${r.applicationYear}${dept ? `; the document names: (${dept})` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The shipped texts (laws/), beside dist/ in the package. */
const LAWS = new URL('../../laws/', import.meta.url);

/**
 * The departments a document names for the paragraph that holds a measure's words: the first "（…牵头…）" or
 * "（…依职责负责…）" after them, as written; null where the text names none or the words are not found.
 */
async function departmentsOf(policyId: string, quote: string): Promise<string | null> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(new URL(`${policyId}.txt`, LAWS), 'utf8');
  } catch {
    return null; // a policy file's document: no shipped text to read
  }
  const probe = quote.slice(0, 16);
  const at = probe ? text.indexOf(probe) : -1;
  if (at < 0) return null;
  const end = text.indexOf('\n', at);
  const paragraph = text.slice(at, end < 0 ? undefined : end);
  const m = /[（(]([^（）()]*?(?:牵头|依职责负责)[^（）()]*)[）)]/.exec(paragraph);
  return m ? m[1]!.trim() : null;
}

async function save(file: string, s: InterviewState): Promise<void> {
  await writeFileAtomic(file, toJson(s.raw) + '\n');
}

/** A question as the pipe shows it: "? " and the question on one line, the default, then the reason and the options. */
function questionLines(q: Question, lang: Lang): string {
  const zh = lang === 'zh';
  const dflt = q.default !== undefined && q.default !== '' ? (zh ? `（直接回车为 ${q.default}）` : ` (Enter for ${q.default})`) : '';
  const options = q.options ? q.options.map((o, i) => `  ${i + 1} ${o.label}\n`).join('') : '';
  return `? ${q.text}${dflt}\n${options}  ${q.why}\n`;
}

/**
 * Standard input, one answer per line; questions on standard error. SIGINT and SIGTERM while it waits stop the
 * interview as Ctrl-C does on a terminal: the answers so far are kept.
 */
function lineAsker(lang: Lang): Asker {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  const waiting: ((l: string | null) => void)[] = [];
  let ended = false;
  let stop: ((err: Interrupted) => void) | null = null;
  let signalled: number | null = null;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : lines.push(l)));
  rl.on('close', () => {
    ended = true;
    while (waiting.length) waiting.shift()!(null);
  });
  const onSignal = (sig: keyof typeof SIGNAL_EXIT) => () => {
    signalled ??= SIGNAL_EXIT[sig];
    stop?.(new Interrupted(signalled));
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  for (const [sig, h] of Object.entries(handlers)) process.on(sig, h);
  return {
    echoes: true,
    get ended() {
      return ended && lines.length === 0;
    },
    ask(q: Question, retryReason?: string) {
      if (retryReason) tell(`  ✗ ${retryReason}\n`);
      tell(questionLines(q, lang));
      return new Promise<string | null>((resolve, reject) => {
        if (signalled !== null) return reject(new Interrupted(signalled));
        stop = reject;
        if (lines.length) resolve(lines.shift()!);
        else if (ended) resolve(null);
        else waiting.push(resolve);
      });
    },
    note(line: string) {
      tell(line + '\n');
    },
    close() {
      for (const [sig, h] of Object.entries(handlers)) process.off(sig, h);
      rl.close();
    },
  };
}

/** A terminal: @inquirer/prompts, loaded only here; a checkbox for multi-selects; Esc is back; Ctrl-C stops. */
async function terminalAsker(lang: Lang): Promise<Asker> {
  const { input, checkbox } = await import('@inquirer/prompts');
  const zh = lang === 'zh';
  return {
    ended: false,
    echoes: false,
    async ask(q: Question, retryReason?: string) {
      if (retryReason) tell(`  ✗ ${retryReason}\n`);
      // Esc: abort this prompt and answer "back"
      const esc = new AbortController();
      const onKey = (_s: string, key: { name?: string } | undefined) => key?.name === 'escape' && esc.abort();
      process.stdin.on('keypress', onKey);
      try {
        if (q.kind === 'choice') {
          const dflt = new Set((q.default ?? '').split(/\s+/).filter(Boolean).map((n) => q.options?.[Number(n) - 1]?.value));
          const values = await checkbox(
            {
              message: `${q.text}\n  ${q.why}\n `,
              choices: (q.options ?? []).map((o) => ({ value: o.value, name: o.label, checked: dflt.has(o.value) })),
              required: !!q.required,
              pageSize: 12,
              instructions: q.required
                ? zh
                  ? '（↑↓ 移动，空格 选择，回车 确认，Esc 上一题）'
                  : '(↑↓ move, space select, Enter confirm, Esc back)'
                : zh
                  ? '（↑↓ 移动，空格 选择，回车 确认，Esc 上一题；不选直接回车表示“无”）'
                  : '(↑↓ move, space select, Enter confirm, Esc back; Enter with none selected means none)',
            },
            { signal: esc.signal },
          );
          if (values.length === 0) return zh ? '无' : 'none';
          return values.map((v) => String((q.options ?? []).findIndex((o) => o.value === v) + 1)).join(' ');
        }
        return await input(
          {
            message: `${q.text}\n  ${q.why}\n `,
            ...(q.default !== undefined && q.default !== '' ? { default: q.default } : {}),
            transformer: (value, { isFinal }) => (isFinal && value.trim() === '' ? (zh ? '（不知道）' : '(unknown)') : value),
            validate: (text) => {
              const a = readAnswer(q, text, lang);
              return a.ok ? true : a.error;
            },
          },
          { signal: esc.signal },
        );
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'AbortPromptError') return BACK;
        if (name === 'ExitPromptError') throw new Interrupted(SIGNAL_EXIT.SIGINT);
        throw err;
      } finally {
        process.stdin.off('keypress', onKey);
      }
    },
    note(line: string) {
      tell(line + '\n');
    },
    close() {},
  };
}

/** After Ctrl-C on a terminal without --save: offer to save the answers so far; null when declined or interrupted again. */
async function offerToSave(lang: Lang): Promise<string | null> {
  const { input } = await import('@inquirer/prompts');
  try {
    const file = await input({ message: lang === 'zh' ? '保存已回答的内容？输入文件名（直接回车不保存）' : 'Save the answers so far? File name (Enter for no)' });
    return file.trim() || null;
  } catch {
    return null;
  }
}

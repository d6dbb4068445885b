/**
 * gz-awards check [FILE]: the guided self-check. Asks, most money first, only what the results still depend
 * on; then prints the result table, the next tiers and where to apply. On a terminal it prompts with
 * @inquirer/prompts; otherwise it reads one answer per line from standard input, with the questions on
 * standard error, so it can be scripted — end of input is "unknown" for every question left.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { parseEnterprise } from '../domain/input.js';
import type { Lang } from '../domain/labels.js';
import type { Evaluation } from '../engine/evaluate.js';
import { readInputFile } from '../io/read-input.js';
import { writeFileAtomic } from '../io/sink.js';
import { knownMeasureNames } from '../policies/names.js';
import { award } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { renderTable } from '../render/table.js';
import { applyAnswer, evaluateState, openQuestions, readAnswer, startInterview, type InterviewState, type Question } from './check-interview.js';
import { EXIT, paintFor, printProblems, runOptionsOf, say, terminalWidth, UsageError, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { loadParams } from './params.js';
import { PLACEHOLDER_ID } from './simulate.js';

export const checkOptions = z.object({
  lang: langSchema,
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
/** The performance years asked about when neither a file nor the user names them. */
const DEFAULT_YEARS = [2025, 2026];

/** Thrown by a prompt source when the person stops the interview (Ctrl-C, Ctrl-D on a terminal). */
class Interrupted extends Error {}

interface Asker {
  ask(q: Question, retryReason?: string): Promise<string | null>;
  note(line: string): void;
  close(): void;
}

export async function check(file: string | undefined, raw: unknown): Promise<number> {
  const o = checkOptions.parse(raw);
  const lang = o.lang;
  const { ruleSet, interpretation, meta } = await loadParams(o.params);
  const run = runOptionsOf({ ...(o.interpret ? { interpret: o.interpret } : {}) }, interpretation);
  const start = await startingPoint(file, o, lang);
  const years = o.years ? o.years.split(/[\s,]+/).map(Number).filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100) : DEFAULT_YEARS;
  const state = startInterview(start, years);
  if (o.years) state.answered.add('years');

  const tty = process.stdin.isTTY && process.stderr.isTTY;
  const asker = tty ? await terminalAsker(lang) : lineAsker();
  const zh = lang === 'zh';
  asker.note(zh ? '企业自查：依次回答问题；不知道可答“不知道”或直接回车跳过。' : 'Self-check: answer each question; "skip" or Enter if you do not know.');
  let interrupted = false;
  try {
    for (let n = 0; n < MAX_QUESTIONS; n++) {
      const q = openQuestions(state, ruleSet, run, lang)[0];
      if (!q) break;
      let reason: string | undefined;
      for (;;) {
        const text = await asker.ask(q, reason);
        if (text === null) {
          // end of input: unknown for this and every question left
          state.unknown.add(q.key);
          break;
        }
        const a = readAnswer(q, text, lang, state);
        if (!a.ok) {
          reason = a.error;
          continue;
        }
        applyAnswer(state, q, a);
        break;
      }
      asker.note(progressLine(state, ruleSet, run, lang));
      if (state.unknown.has(q.key) && (asker as { ended?: boolean }).ended) {
        for (const rest of openQuestions(state, ruleSet, run, lang)) state.unknown.add(rest.key);
      }
    }
  } catch (err) {
    if (!(err instanceof Interrupted)) throw err;
    interrupted = true;
  } finally {
    asker.close();
  }

  if (interrupted) {
    if (o.save) {
      await save(o.save, state);
      say((zh ? `已中断；已回答的内容保存在 ${o.save}` : `Interrupted; the answers so far are saved in ${o.save}`) + '\n');
    } else {
      const target = await offerToSave(lang);
      if (target) {
        await save(target, state);
        say((zh ? `已保存到 ${target}` : `Saved to ${target}`) + '\n');
      } else {
        say((zh ? '已中断，未保存。' : 'Interrupted, nothing saved.') + '\n');
      }
    }
    return 130;
  }

  const ev = evaluateState(state, ruleSet, run);
  if (!ev) throw new UsageError(zh ? '回答无法组成有效的企业数据' : 'the answers do not make a valid enterprise');
  const paint = await paintFor(process.stdout);
  const width = terminalWidth();
  await writeOut(renderTable(ev, ruleSet, { lang, explain: false, paint, ...(width ? { width } : {}) }, meta) + whereToApply(ev, ruleSet, lang));
  if (o.save) {
    await save(o.save, state);
    say((zh ? `答案已保存到 ${o.save}（可用 gz-awards simulate ${o.save} 重算）` : `Answers saved to ${o.save} (gz-awards simulate ${o.save} computes the same)`) + '\n');
  }
  if (o.report) {
    const { renderEnterpriseReport } = await import('../report/enterprise.js');
    await writeFileAtomic(o.report, await renderEnterpriseReport(ev, ruleSet, lang, meta, { unit: o.displayUnit, ...(file !== undefined ? { inputs: [{ file, records: 1 }] } : {}) }));
    say((zh ? `报告已写入 ${o.report}` : `Report written to ${o.report}`) + '\n');
  }
  return EXIT.ok;
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

/** "目前合计：250万元；待定 3 项（最高 1150万元）". */
function progressLine(s: InterviewState, rs: Parameters<typeof openQuestions>[1], run: Parameters<typeof openQuestions>[2], lang: Lang): string {
  const ev = evaluateState(s, rs, run);
  const open = openQuestions(s, rs, run, lang).length;
  const needs = ev ? ev.results.filter((r) => r.status === 'needs-data').length : 0;
  const total = ev ? ev.total : 0n;
  return lang === 'zh'
    ? `→ 目前合计：${award(total, 'zh')}；缺数据 ${needs} 项，还有 ${open} 个问题`
    : `→ Total so far: ${award(total, 'en')}; ${needs} results need data, ${open} questions left`;
}

/** Where to apply for each eligible result: its document and article, and the year of application. */
function whereToApply(ev: Evaluation, rs: Parameters<typeof renderTable>[1], lang: Lang): string {
  const eligible = ev.results.filter((r) => r.status === 'eligible');
  if (eligible.length === 0) return '';
  const zh = lang === 'zh';
  const lines = ['', zh ? '申报指引：' : 'Where to apply:'];
  for (const r of eligible) {
    const policy = rs.policies.find((p) => p.def.id === r.policy)!.def;
    const m = rs.byRef.get(r.ref)!.def;
    lines.push(
      zh
        ? `- 「${m.title.zh}」${r.year}年度：依据《${policy.title.zh}》${policy.docNumber ? `（${policy.docNumber}）` : ''}${m.article}，${r.applicationYear}年申报`
        : `- “${m.title.en}” (${r.year}): under “${policy.title.en}”${policy.docNumber ? ` (${policy.docNumber})` : ''}, ${m.article}; applied for in ${r.applicationYear}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function save(file: string, s: InterviewState): Promise<void> {
  await writeFileAtomic(file, toJson(s.raw) + '\n');
}

/** Standard input, one answer per line; questions on standard error. */
function lineAsker(): Asker & { ended: boolean } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  const waiting: ((l: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : lines.push(l)));
  rl.on('close', () => {
    ended = true;
    while (waiting.length) waiting.shift()!(null);
  });
  const next = () => new Promise<string | null>((resolve) => (lines.length ? resolve(lines.shift()!) : ended ? resolve(null) : waiting.push(resolve)));
  const self = {
    get ended() {
      return ended && lines.length === 0;
    },
    async ask(q: Question, retryReason?: string) {
      if (retryReason) say(`  ✗ ${retryReason}\n`);
      say(`? ${q.text}\n  ${q.why}\n`);
      return next();
    },
    note(line: string) {
      say(line + '\n');
    },
    close() {
      rl.close();
    },
  };
  return self;
}

/** A terminal: @inquirer/prompts, loaded only here. Ctrl-C and Ctrl-D end the interview. */
async function terminalAsker(lang: Lang): Promise<Asker> {
  const { input } = await import('@inquirer/prompts');
  let q0: Question | undefined;
  return {
    async ask(q: Question) {
      q0 = q;
      try {
        return await input({
          message: `${q.text}\n  ${q.why}\n `,
          validate: (text) => {
            const a = readAnswer(q0!, text, lang, { raw: {}, years: [], unknown: new Set(), answered: new Set() });
            return a.ok ? true : a.error;
          },
        });
      } catch (err) {
        if ((err as Error).name === 'ExitPromptError' || (err as Error).name === 'AbortPromptError') throw new Interrupted();
        throw err;
      }
    },
    note(line: string) {
      say(line + '\n');
    },
    close() {},
  };
}

/** After Ctrl-C: offer to save the answers so far (a terminal only); null when declined or interrupted again. */
async function offerToSave(lang: Lang): Promise<string | null> {
  if (!(process.stdin.isTTY && process.stderr.isTTY)) return null;
  const { input } = await import('@inquirer/prompts');
  try {
    const file = await input({ message: lang === 'zh' ? '保存已回答的内容？输入文件名（直接回车不保存）' : 'Save the answers so far? File name (Enter for no)' });
    return file.trim() || null;
  } catch {
    return null;
  }
}

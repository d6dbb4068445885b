/**
 * Drives `gz-awards check` over pipes question by question, as a script would: it reads standard error, and
 * when a question is complete (its "? " line, its options, the reason under it) writes one answer line. The
 * answers come from a persona's canonical JSON; where the file is silent the answer is 不知道.
 */
import { spawn } from 'node:child_process';
import { LIST_LABELS, PROJECT_LABELS, YEAR_FIELD_LABELS } from '../../src/domain/labels.js';
import { BIN, cliEnv, guard, ROOT, type CliRun } from './cli.js';

export interface Asked {
  text: string;
  options: string[];
  answer: string;
}

export interface Session extends CliRun {
  asked: Asked[];
  /** The "还有 N" / "最多还有 N" counts, in order. */
  counts: number[];
}

type Persona = {
  tracks?: string[];
  district?: string;
  performanceYears?: number[];
  years?: Record<string, Record<string, unknown>>;
  lists?: { list: string; year: number; track?: string }[];
  projects?: { type: string; year: number }[];
};

const TRACK_NAMES: Record<string, string> = { 电子商务: 'ecommerce', 直播电商: 'livestream', 跨境电商: 'cross-border' };

/** The persona's answer to a question (zh), or 不知道. */
export function answerFrom(p: Persona, q: { text: string; options: string[] }): string {
  const t = q.text;
  if (t.startsWith('业务类型')) return numbers(q.options, (o) => (p.tracks ?? []).includes(TRACK_NAMES[o]!));
  if (t.startsWith('所属区')) return p.district ?? '不知道';
  if (t.startsWith('测算哪些业绩年度')) return (p.performanceYears ?? []).join(' ') || '不知道';
  if (t.startsWith('贵企业列入了以下哪些名单')) return numbers(q.options, (o) => (p.lists ?? []).some((l) => listLabel(l) === o)) || '无';
  if (t.startsWith('贵企业有以下哪些项目')) return numbers(q.options, (o) => (p.projects ?? []).some((x) => PROJECT_LABELS[x.type as keyof typeof PROJECT_LABELS]?.zh === o)) || '无';
  const list = /^哪些年份列入「(.+)」/.exec(t);
  if (list) return (p.lists ?? []).filter((l) => listLabel(l) === list[1]).map((l) => l.year).join(' ') || '无';
  const project = /^哪些年份有「(.+)」/.exec(t);
  if (project) return (p.projects ?? []).filter((x) => PROJECT_LABELS[x.type as keyof typeof PROJECT_LABELS]?.zh === project[1]).map((x) => x.year).join(' ') || '无';
  const field = /^(\d{4}) 年(?:是否)?(.+?)(?:是多少)?？/.exec(t);
  if (field) {
    const [, year, label] = field;
    for (const [id, l] of Object.entries(YEAR_FIELD_LABELS)) {
      if (l.zh === label || l.zh.replace(/^当年/, '') === label) {
        const v = p.years?.[year!]?.[id];
        if (v === undefined) return '不知道';
        return typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
      }
    }
  }
  return '不知道';
}

function listLabel(l: { list: string; track?: string }): string {
  return LIST_LABELS[l.list as keyof typeof LIST_LABELS]?.zh + (l.list === 'honghu' && l.track === 'livestream' ? '（直播电商）' : '');
}

function numbers(options: string[], pick: (o: string) => boolean): string {
  return options
    .map((o, i) => (pick(o) ? String(i + 1) : ''))
    .filter(Boolean)
    .join(' ');
}

/** Runs check with `args`, answering each question with `answer` (null: close standard input). */
export function drive(args: string[], answer: (q: { text: string; options: string[] }, n: number) => string | null): Promise<Session> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const asked: Asked[] = [];
    let current: { text: string; options: string[] } | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`check did not finish:\n${stderr.slice(-3000)}`));
    }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.startsWith('? ')) {
          current = { text: line.slice(2), options: [] };
        } else if (current) {
          const opt = /^ {2}(\d+) (.+)$/.exec(line);
          if (opt && Number(opt[1]) === current.options.length + 1) {
            current.options.push(opt[2]!);
            continue;
          }
          // the reason under the question: the question is complete
          const a = answer(current, asked.length);
          asked.push({ ...current, answer: a ?? '' });
          current = null;
          if (a === null) child.stdin.end();
          else child.stdin.write(a + '\n');
        }
      }
    });
    child.stdin.on('error', () => {}); // the interview may end before the last answer is read
    child.on('close', (code) => {
      clearTimeout(timer);
      const counts = [...stderr.matchAll(/(?:还有 |, (?:at most )?)(\d+) (?:个问题|questions left)/g)].map((m) => Number(m[1]));
      try {
        resolve({ ...guard(['check', ...args], { code: code ?? -1, stdout, stderr }), asked, counts });
      } catch (err) {
        reject(err);
      }
    });
  });
}

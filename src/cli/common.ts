/**
 * What every command shares: usage errors, option schemas, the run options, problem messages, colour.
 * Commands parse, call the engine, hand data to a renderer and pick an exit code; nothing here computes.
 */
import type { Lang } from '../domain/labels.js';
import type { Problem } from '../domain/problem.js';
import type { Msg, Status } from '../domain/result.js';
import { DEFAULT_INTERPRETATION, parseInterpretation, type Interpretation } from '../engine/interpretation.js';
import type { RunOptions } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { t } from '../render/messages.js';
import type { Paint } from '../render/table.js';
import { PLAIN } from '../render/table.js';
import { escapeTerminal, escapeTerminalKeepColour } from '../render/escape.js';

/** Exit codes of SPEC §7. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

/** A mistake in how the command was called or in its input: a message, exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly problems: Problem[] = []) {
    super(message);
  }
}

/** A user's mistake as a message key and arguments: worded in the user's language where it is reported (exit 2). */
export class KeyedError extends UsageError {
  constructor(readonly msg: Msg) {
    super(msg.key);
  }
}

/**
 * The language of a run: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG: the first one set decides;
 * zh… → zh, en… → en), else Chinese.
 */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (!v) continue;
    if (/^en/i.test(v)) return 'en';
    return 'zh';
  }
  return 'zh';
}

/** The width tables fit: the terminal's on a terminal, else COLUMNS when set, else none (no wrapping). */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  if (stream.isTTY && stream.columns > 0) return stream.columns;
  const env = Number(process.env['COLUMNS']);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/** "2025", "2024-2026", "2024,2026" → the years. */
export function parseYears(text: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d{4})(?:\s*[-–~]\s*(\d{4}))?$/.exec(part);
    if (!m) throw new UsageError(`--years: "${part}" is not a year or a range like 2024-2026`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a || b - a > 200) throw new UsageError(`--years: "${part}" is not a range from an earlier to a later year`);
    for (let y = a; y <= b; y++) out.add(y);
  }
  return out;
}

export interface RunFlags {
  interpret?: string;
  year?: string;
  years?: string;
  all?: boolean;
}

export function runOptionsOf(flags: RunFlags, base: Partial<Interpretation> = {}): RunOptions {
  let interpretation: Interpretation = { ...DEFAULT_INTERPRETATION, ...base };
  if (flags.interpret) {
    const r = parseInterpretation(flags.interpret);
    if (!r.ok) throw new UsageError(`--interpret: ${r.error}`);
    interpretation = { ...interpretation, ...r.value };
  }
  let years: Set<number> | null = null;
  if (flags.year) years = parseYears(flags.year);
  if (flags.years) years = new Set([...(years ?? []), ...parseYears(flags.years)]);
  return { interpretation, years, all: !!flags.all };
}

/**
 * Warns (on stderr) about the years of --year/--years that lie outside the validity of every document of the rule
 * set: nothing can be in force then, which is most likely a typo (2205) or a year before the documents.
 */
export function warnYearsOutside(years: ReadonlySet<number> | null, rs: RuleSet, lang: Lang): void {
  if (!years) return;
  const outside = [...years].filter((y) => !rs.policies.some((p) => y >= p.fromYear && y <= p.toYear)).sort((a, b) => a - b);
  if (outside.length === 0) return;
  const shown = outside.length > 6 ? `${outside.slice(0, 3).join(', ')} … ${outside[outside.length - 1]}` : outside.join(', ');
  say(`${t({ key: 'years.outside', args: { years: shown } }, lang)}\n`);
}

/** "data.csv, row 3, online_retail_sales_2025: expected … (found "abc")" in the chosen language. */
export function formatProblem(p: Problem, lang: Lang): string {
  const where: string[] = [];
  if (p.file) where.push(p.file);
  if (p.row !== undefined) where.push(lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`);
  if (p.path) where.push(clip(p.path));
  const level = p.severity === 'warning' ? (lang === 'zh' ? '警告' : 'warning') : lang === 'zh' ? '错误' : 'error';
  const found = p.received !== undefined ? (lang === 'zh' ? `（实为“${clip(p.received)}”）` : ` (found "${clip(p.received)}")`) : '';
  const colon = lang === 'zh' ? '：' : ': ';
  return `${level}${colon}${where.join(lang === 'zh' ? '，' : ', ')}${where.length ? colon : ''}${t(p.expected, lang)}${found}`;
}

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s);

/** A reader's note on a file ("amount columns … read in 万元") for standard error, control characters shown escaped. */
export function formatNote(file: string, note: Msg, lang: Lang): string {
  return `${file}${lang === 'zh' ? '：' : ': '}${t(note, lang)}`.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function printProblems(problems: readonly Problem[], lang: Lang): void {
  for (const p of problems) say(formatProblem(p, lang) + '\n');
}

/** Colour for a stream: only on a terminal, never with NO_COLOR, through chalk's own rules otherwise. */
export async function paintFor(stream: NodeJS.WriteStream): Promise<Paint> {
  if (!stream.isTTY || ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '')) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk();
  if (c.level === 0) return PLAIN;
  const colours: Record<Status, (s: string) => string> = {
    eligible: c.green,
    ineligible: c.red,
    'needs-data': c.yellow,
    'not-in-force': c.gray,
    superseded: c.cyan,
  };
  return { status: (s, x) => colours[s](x), bold: c.bold, dim: c.dim };
}

/**
 * Writes to stdout and resolves when it has been flushed (so a pipe gets everything before exit). What is meant
 * for reading (`display`: tables, Markdown, text reports) is always escaped for the terminal; data (CSV, JSON)
 * only when standard output is a terminal, so that a redirected file keeps the data as it was.
 */
export function writeOut(text: string, display = false): Promise<void> {
  const out = display || process.stdout.isTTY ? forTerminal(text) : text;
  return new Promise((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
}

/** Text for standard output, escaped (colour sequences kept when colour can be on: a terminal without NO_COLOR). */
function forTerminal(text: string): string {
  const colour = process.stdout.isTTY && !('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '');
  return colour ? escapeTerminalKeepColour(text) : escapeTerminal(text);
}

/** Writes a message to standard error, every control character from an input shown escaped. */
export function say(text: string): boolean {
  return process.stderr.write(escapeTerminal(text));
}

/**
 * Help and the global options, through the spawned CLI: `--lang` and `--no-color` before or after the command,
 * every `--help` ending with examples that run as written and the exit codes in the chosen language, and the
 * extensions a help line names being the ones the command accepts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliAsync, cliEnv, ROOT, type CliRun } from './helpers/cli.js';

/** A spawned run that does not block the test worker (a long loop of spawnSync starves vitest's own messages). */
const run = (args: string[]): Promise<CliRun> => cliAsync(args).done;

/** A shell line in a folder, standard input empty. */
function sh(line: string, cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], { cwd, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const COMMANDS = ['simulate', 'check', 'rules', 'test', 'batch', 'template', 'validate', 'diff'];

describe('--lang before the command', () => {
  it('gives the unknown-command message in English, with the command it resembles', () => {
    const r = cli(['--lang', 'en', 'bach'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown command 'bach'");
    expect(r.stderr).toContain('Did you mean batch?');
    expect(r.stderr).not.toMatch(/unknown option|未知/);
  });

  it('and in Chinese with --lang zh in an English locale', () => {
    const r = cli(['--lang', 'zh', 'bach'], { env: { LANG: 'en_US.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：未知命令 'bach'");
  });

  it('runs the command in that language, as --lang after the command does', () => {
    // fixtures/diff/small-district.jsonl: six enterprises, every one read
    const before = cli(['--lang', 'en', 'batch', 'fixtures/diff/small-district.jsonl', '--format', 'jsonl', '--no-progress'], { env: { LANG: 'zh_CN.UTF-8' } });
    const after = cli(['batch', 'fixtures/diff/small-district.jsonl', '--format', 'jsonl', '--no-progress', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(before.code).toBe(0);
    expect(before.stderr).toMatch(/6 records read: 6 in the output, 0 rejected/);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stderr).toBe(after.stderr);
    const zh = cli(['--lang=zh', 'simulate', 'fixtures/enterprises/tianhe-retailer.json'], { env: { LANG: 'en_US.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('网上零售额进档奖励');
  });

  it('the last --lang counts when it is given twice', () => {
    const r = cli(['--lang', 'zh', 'bach', '--lang', 'en']);
    expect(r.stderr).toContain("error: unknown command 'bach'");
  });

  it('refuses a language it does not have, before or after the command', () => {
    for (const args of [['--lang', 'fr', 'rules'], ['rules', '--lang', 'fr']]) {
      const r = cli(args, { env: { LANG: 'en_US.UTF-8' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("option '--lang <lang>' argument 'fr' is invalid");
    }
  });
});

describe('--no-color', () => {
  const script = spawnSync('script', ['--version']).status === 0;
  /** The command's output on a pseudo-terminal (util-linux script), colour allowed unless the run says otherwise. */
  const onTerminal = (args: string[]) => {
    const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const env = { PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', HOME: process.env['HOME'] ?? ROOT };
    return spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' }).stdout;
  };
  const ESC = '\x1b[';

  it.skipIf(!script)('turns colour off on a terminal, before or after the command, as NO_COLOR does', () => {
    const file = 'fixtures/enterprises/tianhe-retailer.json';
    expect(onTerminal(['simulate', file])).toContain(ESC); // the statuses are coloured on a terminal
    const before = onTerminal(['--no-color', 'simulate', file]);
    const after = onTerminal(['simulate', file, '--no-color']);
    expect(before).toContain('网上零售额进档奖励');
    expect(before).not.toContain(ESC);
    expect(after).not.toContain(ESC);
    expect(after).toBe(before);
  });

  it.skipIf(script)('is skipped: util-linux script is not installed, so no pseudo-terminal test ran', () => {
    console.warn('NOTICE: the --no-color terminal test was skipped: script is not installed');
  });

  it('is accepted by every command and listed in its help', () => {
    for (const c of COMMANDS) expect(cli([c, '--help', '--lang', 'en']).stdout).toMatch(/--no-color\s+no colour, as NO_COLOR does/);
    expect(cli(['--no-color', 'rules', 'gz-2025-ecommerce/scale-tier']).code).toBe(0);
  });
});

/** The examples of a help text: the indented `gz-awards …` lines after "Examples:" / "示例：". */
function examplesOf(help: string): string[] {
  const at = help.search(/^(Examples:|示例：)$/m);
  return at < 0 ? [] : help.slice(at).split('\n').filter((l) => /^ {2}gz-awards /.test(l)).map((l) => l.trim());
}

/** The exit codes a help text lists: "  0  done" lines after "Exit codes:" / "退出码：". */
function exitCodesOf(help: string): number[] {
  const at = help.search(/^(Exit codes:|退出码：)$/m);
  return at < 0 ? [] : [...help.slice(at).matchAll(/^ +(\d+) {2}\S/gm)].map((m) => Number(m[1]));
}

describe('every --help ends with examples and the exit codes', () => {
  it.each(COMMANDS)('%s, in both languages', (c) => {
    const en = cli([c, '--help', '--lang', 'en']);
    const zh = cli(['--lang', 'zh', c, '--help']);
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    // the examples, then the exit codes, and nothing after them
    expect(en.stdout).toMatch(/\nExamples:\n {2}gz-awards [^\n]+\n {6}\S[^\n]*\n[\s\S]*\nExit codes:\n(?: +\d+ {2}[^\n]+\n)+\n?$/);
    expect(zh.stdout).toMatch(/\n示例：\n {2}gz-awards [^\n]+\n {6}\S[^\n]*\n[\s\S]*\n退出码：\n(?: +\d+ {2}[^\n]+\n)+\n?$/);
    expect(zh.stdout).not.toMatch(/Examples:|Exit codes:/);
    const examples = examplesOf(en.stdout);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
    expect(examplesOf(zh.stdout)).toEqual(examples);
    expect(exitCodesOf(zh.stdout)).toEqual(exitCodesOf(en.stdout));
    for (const e of examples) expect(e).toMatch(new RegExp(`^gz-awards ${c}\\b`));
  });

  it('names the codes each command can end with', () => {
    const codes = (c: string) => exitCodesOf(cli([c, '--help', '--lang', 'en']).stdout);
    expect(codes('test')).toEqual([0, 1, 2]);
    expect(codes('diff')).toEqual([0, 1, 2, 3]);
    expect(codes('batch')).toEqual([0, 2, 3, 130]);
    expect(codes('validate')).toEqual([0, 2, 3]);
    expect(codes('rules')).toEqual([0, 2]);
    expect(cli(['test', '--help', '--lang', 'en']).stdout).toMatch(/ 1 {2}a case failed/);
    expect(cli(['test', '--help', '--lang', 'zh']).stdout).toMatch(/ 1 {2}有用例失败/);
  });

  it('the program help has them too', () => {
    const r = cli(['--help', '--lang', 'en']);
    expect(r.stdout).toMatch(/Examples:\n {2}gz-awards check\n/);
    expect(exitCodesOf(r.stdout)).toEqual([0, 1, 2, 3]);
  });

  it('every example runs as written from the project folder and exits with a code its help lists', { timeout: 300_000 }, async () => {
    // a folder of its own, holding the project's fixtures, so that the examples' outputs land there
    const dir = mkdtempSync(join(tmpdir(), 'gz-help-'));
    symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
    const failures: string[] = [];
    for (const c of ['', ...COMMANDS]) {
      const help = cli([...(c ? [c] : []), '--help', '--lang', 'en']).stdout;
      const listed = exitCodesOf(help);
      for (const e of examplesOf(help)) {
        // `gz-awards` is the built binary; the line is otherwise run as it is, redirections included
        const line = e.replace(/^gz-awards/, `'${process.execPath}' '${BIN}'`);
        const r = await sh(line, dir);
        // the line under the example says "exit N" when it is not 0
        const description = help.slice(help.indexOf(e) + e.length).split('\n')[1] ?? '';
        const expected = Number(/\bexit (\d+)\b/.exec(description)?.[1] ?? 0);
        if (r.code !== expected || !listed.includes(r.code)) failures.push(`${e}: exit ${r.code}, expected ${expected}\n${r.stderr.slice(0, 500)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(existsSync(join(dir, 'awards.near.csv'))).toBe(true); // batch's third example wrote the potential list
    expect(existsSync(join(dir, 'test-results', 'scenarios.xml'))).toBe(true);
  });
});

describe('the extensions a help line names are those the command accepts', () => {
  /** The extensions named in the help line of an option, e.g. ".csv, .json or .xlsx". */
  const extensionsOf = (help: string, option: string) => {
    const line = new RegExp(`^ {2}${option} <file>\\s+([^\\n]*(?:\\n {20,}[^\\n]*)*)`, 'm').exec(help)?.[1] ?? '';
    return [...new Set([...line.matchAll(/\.(csv|jsonl|json|xlsx|html|xml|txt|md)\b/g)].map((m) => m[1]!))];
  };
  const help = cli(['batch', '--help', '--lang', 'en']).stdout;

  it('batch --summary, --rejects and --out', async () => {
    expect(extensionsOf(help, '--summary').sort()).toEqual(['csv', 'json', 'xlsx']);
    expect(extensionsOf(help, '--rejects').sort()).toEqual(['csv', 'json', 'jsonl', 'xlsx']);
    expect(extensionsOf(help, '--out').sort()).toEqual(['csv', 'json', 'jsonl', 'xlsx']);
    const dir = mkdtempSync(join(tmpdir(), 'gz-ext-'));
    // the sample district with its seven bad rows: every output has something to hold
    for (const option of ['--summary', '--rejects']) {
      for (const ext of extensionsOf(help, option)) {
        const path = join(dir, `x${option}.${ext}`);
        const r = await run(['batch', 'fixtures/districts/sample-district-with-rejects.csv', '--out', join(dir, `awards${option}.csv`), option, path, '--lang', 'en', '--no-progress']);
        expect(r.code, `${option} ${ext}: ${r.stderr.slice(-300)}`).toBe(3);
        expect(existsSync(path)).toBe(true);
      }
      // an extension the help does not name is refused before anything is read
      const xml = await run(['batch', 'fixtures/districts/sample-district.csv', '--out', join(dir, 'a.csv'), option, join(dir, 'x.xml'), '--lang', 'en']);
      expect(xml.code).toBe(2);
      expect(xml.stderr).toContain('.xml');
    }
  });

  it('the out of test and diff', async () => {
    const testHelp = cli(['test', '--help', '--lang', 'en']).stdout;
    expect(extensionsOf(testHelp, '--out').sort()).toEqual(['json', 'md', 'txt', 'xml']);
    const diffHelp = cli(['diff', '--help', '--lang', 'en']).stdout;
    expect(extensionsOf(diffHelp, '--out').sort()).toEqual(['csv', 'json', 'md', 'txt']);
    const dir = mkdtempSync(join(tmpdir(), 'gz-ext-'));
    for (const [reporter, ext] of [['junit', 'xml'], ['json', 'json'], ['text', 'txt'], ['text', 'md']] as const) {
      const r = await run(['test', 'fixtures/scenarios/spec-examples.yaml', '--reporter', reporter, '--out', join(dir, `r-${reporter}.${ext}`)]);
      expect(r.code, `${reporter} ${ext}`).toBe(0);
    }
    for (const [format, ext] of [['table', 'txt'], ['table', 'md'], ['json', 'json'], ['csv', 'csv']] as const) {
      const r = await run(['diff', 'fixtures/diff/small-district.jsonl', '--params', 'fixtures/reforms/tier1-5bn.yaml', '--format', format, '--out', join(dir, `d-${format}.${ext}`)]);
      expect(r.code, `${format} ${ext}`).toBe(0);
    }
  });
});

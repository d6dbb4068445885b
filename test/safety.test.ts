/**
 * Issue 7, items 1 and 2, through the spawned CLI: an output is never an input or another output, an extension
 * agrees with its format, and every file-system failure is one message in the user's language (exit 2), with
 * nothing half-written left behind and the input untouched.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv, guard, ROOT } from './helpers/cli.js';

const HAND = readFileSync(join(ROOT, 'fixtures/districts/sample-district.csv'), 'utf8').split('\r\n').slice(0, 9).join('\r\n') + '\r\n';
const SCENARIO = join(ROOT, 'fixtures/scenarios');

/** A fresh folder holding the eight hand-designed enterprises as in.csv. */
function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gz-safe-'));
  writeFileSync(join(d, 'in.csv'), HAND);
  return d;
}

/** The files in a folder, hidden temporary ones included. */
const files = (d: string) => readdirSync(d).sort();

describe('item 1: an output is never an input', () => {
  it('refuses --out that is the input, names both, reads nothing and leaves the input as it was', () => {
    const d = workdir();
    const r = cli(['batch', 'in.csv', '--out', 'in.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gz-awards: --out in.csv 与输入文件 in.csv 是同一个文件：输出绝不覆盖输入，请换一个文件名；未读取任何内容\n');
    expect(r.stdout).toBe('');
    expect(readFileSync(join(d, 'in.csv'), 'utf8')).toBe(HAND);
    expect(files(d)).toEqual(['in.csv']);
  });

  it('sees through other spellings, hard links and symbolic links (in English too)', () => {
    const d = workdir();
    linkSync(join(d, 'in.csv'), join(d, 'hard.csv'));
    symlinkSync(join(d, 'in.csv'), join(d, 'soft.csv'));
    const en = (args: string[]) => cli([...args, '--lang', 'en'], { cwd: d });
    expect(en(['batch', 'in.csv', '--out', './sub/../in.csv']).stderr).toContain('--out ./sub/../in.csv is the same file as the input in.csv');
    const hard = en(['batch', 'in.csv', '--rejects', 'hard.csv']);
    expect(hard.code).toBe(2);
    expect(hard.stderr).toBe('gz-awards: --rejects hard.csv is the same file as the input in.csv: an output never overwrites an input; choose another name (nothing was read)\n');
    const soft = en(['batch', 'in.csv', '--summary', 'soft.csv']);
    expect(soft.code).toBe(2);
    expect(soft.stderr).toContain('--summary soft.csv is the same file as the input in.csv');
    expect(readFileSync(join(d, 'in.csv'), 'utf8')).toBe(HAND);
    expect(files(d)).toEqual(['hard.csv', 'in.csv', 'soft.csv']);
  });

  it('refuses two outputs that are one file', () => {
    const d = workdir();
    const r = cli(['batch', 'in.csv', '--out', 'a.csv', '--summary', './a.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gz-awards: --summary ./a.csv 与 --out a.csv 是同一个文件：两个输出不能写入同一个文件\n');
    expect(files(d)).toEqual(['in.csv']);
  });

  it('refuses an extension that disagrees with the format written', () => {
    const d = workdir();
    const cases: Array<[string[], string]> = [
      [['batch', 'in.csv', '--out', 'a.xlsx', '--format', 'csv'], '--out a.xlsx: the extension .xlsx does not match the format csv (accepted here: .csv)'],
      [['batch', 'in.csv', '--out', 'a.csv', '--format', 'jsonl'], '--out a.csv: the extension .csv does not match the format jsonl (accepted here: .jsonl .ndjson)'],
      [['batch', 'in.csv', '--rejects', 'r.xml'], '--rejects r.xml: the extension .xml does not match the format csv (accepted here: .csv .json .jsonl .ndjson .xlsx .xls)'],
      [['batch', 'in.csv', '--summary', 's.jsonl'], '--summary s.jsonl: the extension .jsonl does not match the format csv (accepted here: .csv .json .xlsx .xls)'],
      [['test', SCENARIO, '--reporter', 'junit', '--out', 'r.json'], '--out r.json: the extension .json does not match the format junit (accepted here: .xml)'],
      [['diff', 'in.csv', '--params', join(ROOT, 'fixtures/reforms/tier1-5bn.yaml'), '--out', 'd.csv'], '--out d.csv: the extension .csv does not match the format table (accepted here: .txt .md)'],
    ];
    for (const [args, message] of cases) {
      const r = cli([...args, '--lang', 'en'], { cwd: d });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`gz-awards: ${message}\n`);
    }
    expect(files(d)).toEqual(['in.csv']);
  });

  it('diff and test refuse a report that would overwrite their inputs', () => {
    const d = workdir();
    const params = join(d, 'p.yaml');
    writeFileSync(params, readFileSync(join(ROOT, 'fixtures/reforms/tier1-5bn.yaml')));
    const before = readFileSync(params, 'utf8');
    const r = cli(['diff', 'in.csv', '--params', 'p.yaml', '--format', 'json', '--out', 'p.yaml', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gz-awards: --out p.yaml is the same file as the input p.yaml: an output never overwrites an input; choose another name (nothing was read)\n');
    expect(readFileSync(params, 'utf8')).toBe(before);
    const scenario = join(d, 's.yaml');
    writeFileSync(scenario, readFileSync(join(SCENARIO, readdirSync(SCENARIO).find((f) => f.endsWith('.yaml'))!)));
    const t = cli(['test', 's.yaml', '--out', 's.yaml'], { cwd: d });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--out s.yaml 与输入文件 s.yaml 是同一个文件');
  });
});

describe('item 2: every file-system failure is one message', () => {
  it('a folder that cannot be made: ENOENT (under /proc) and ENOTDIR (under a file), before anything is written', () => {
    const d = workdir();
    const noent = cli(['batch', 'in.csv', '--summary', '/proc/gz-none/s.csv', '--lang', 'en'], { cwd: d });
    expect(noent.code).toBe(2);
    expect(noent.stderr).toBe('gz-awards: cannot write /proc/gz-none/s.csv: the folder does not exist and cannot be made (ENOENT)\n');
    expect(noent.stdout).toBe(''); // the award table's header was not written: the summary failed first
    const notdir = cli(['batch', 'in.csv', '--out', 'in.csv/a.csv'], { cwd: d });
    expect(notdir.code).toBe(2);
    expect(notdir.stderr).toBe('gz-awards: 无法写入 in.csv/a.csv：路径中有一段是文件而不是文件夹（ENOTDIR）\n');
    expect(files(d)).toEqual(['in.csv']);
  });

  it('makes a missing folder for an output', () => {
    const d = workdir();
    expect(cli(['batch', 'in.csv', '--out', 'x/y/a.csv'], { cwd: d }).code).toBe(0);
    // the award table and its run record (<file>.run.json), made together in the new folder
    expect(files(join(d, 'x/y'))).toEqual(['a.csv', 'a.csv.run.json']);
  });

  it('EISDIR: an output that is a folder', { timeout: 120_000 }, () => {
    const d = workdir();
    mkdirSync(join(d, 'out.csv'));
    const r = cli(['batch', 'in.csv', '--out', 'out.csv', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gz-awards: cannot write out.csv: it is a folder, not a file (EISDIR)\n');
    const t = cli(['test', SCENARIO, '--out', d]);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`gz-awards: 无法写入 ${d}：这是一个文件夹，不是文件（EISDIR）\n`);
  });

  it('EACCES: a place nobody may write (/sys refuses even root)', () => {
    if (!existsSync('/sys/kernel')) return void console.warn('skipped: no /sys here');
    const r = cli(['batch', join(ROOT, 'fixtures/diff/small-district.jsonl'), '--rejects', '/sys/kernel/gz-r.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gz-awards: cannot write /sys/kernel/gz-r.csv: permission denied (EACCES)\n');
    expect(r.stdout).toBe('');
  });

  it('ENOSPC on standard output (> /dev/full): one message, exit 2, no temporary file left', () => {
    if (!existsSync('/dev/full')) return void console.warn('skipped: no /dev/full here');
    const d = workdir();
    for (const lang of ['zh', 'en'] as const) {
      const fd = openSync('/dev/full', 'w');
      const args = ['batch', 'in.csv', '--rejects', 'r.csv', '--lang', lang];
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: d, env: cliEnv(), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      const run = guard(args, { code: r.status ?? -1, stdout: '', stderr: r.stderr });
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n').pop()).toBe(lang === 'zh' ? 'gz-awards: 无法写入标准输出：磁盘已满（ENOSPC）' : 'gz-awards: cannot write to standard output: the disk is full (ENOSPC)');
    }
    expect(files(d)).toEqual(['in.csv']);
  });

  it('ENOSPC on a file during the run removes the partial outputs and exits 2', () => {
    if (!existsSync('/dev/full')) return void console.warn('skipped: no /dev/full here');
    const d = workdir();
    writeFileSync(join(d, 'r.csv'), 'earlier\n');
    const r = cli(['batch', 'in.csv', '--out', '/dev/full', '--format', 'csv', '--rejects', 'r.csv', '--summary', 's.csv', '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('gz-awards: cannot write /dev/full: the disk is full (ENOSPC)');
    expect(files(d)).toEqual(['in.csv', 'r.csv']);
    expect(readFileSync(join(d, 'r.csv'), 'utf8')).toBe('earlier\n');
  });

  it('/dev/null is a fine output, for the table and the rejects alike', () => {
    const d = workdir();
    const r = cli(['batch', 'in.csv', '--out', '/dev/null', '--format', 'csv', '--rejects', '/dev/null'], { cwd: d });
    expect(r.code).toBe(0);
    expect(files(d)).toEqual(['in.csv']);
  });
});

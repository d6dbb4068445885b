/**
 * Every shell example in the README runs as written. The contract (stated in the README too): each line of a
 * ```sh block is one command (a trailing backslash continues it); it runs with bash in a temporary copy of the
 * repository after the quick start, with standard input closed, and must exit 0 — or the code of a
 * `# exits N` comment on its line. A line marked `# not run` is skipped (npm ci, npm test, npm run bench,
 * apt-get, browsers, interactive sessions). The copy reuses the built dist/ and node_modules/, and the
 * commands run a few at a time, in the order of the README within a block.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

interface Example {
  line: number;
  command: string;
  expect: number;
  block: number;
}

/** The commands of the README's sh blocks, with their line numbers and expected exit codes. */
export function readmeExamples(text: string): { run: Example[]; skipped: Example[] } {
  const run: Example[] = [];
  const skipped: Example[] = [];
  const lines = text.split('\n');
  let inSh = false;
  let block = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!inSh && /^```(sh|bash|shell)\s*$/.test(l)) {
      inSh = true;
      block++;
      continue;
    }
    if (inSh && /^```\s*$/.test(l)) {
      inSh = false;
      continue;
    }
    if (!inSh || l.trim() === '' || l.trim().startsWith('#')) continue;
    const start = i;
    let command = l;
    while (command.endsWith('\\') && i + 1 < lines.length) command = command.slice(0, -1) + ' ' + lines[++i]!.trim();
    const code = /#.*\bexits\s+(\d+)\b/.exec(command);
    const example = { line: start + 1, command, expect: code ? Number(code[1]) : 0, block };
    (/#\s*not run\b/.test(command) ? skipped : run).push(example);
  }
  return { run, skipped };
}

/** A copy of the repository's tracked files, with the built dist/ and the installed node_modules/ reused. */
function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gz-readme-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    if (f.startsWith('node_modules/')) continue;
    mkdirSync(join(dir, dirname(f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(dir, f));
    } catch {
      // a file deleted in the working tree but still in the index
    }
  }
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * `npx gz-awards` in the copy runs its bin/gz-awards.js, as npx does for a project's own bin; the shell
 * function below does the same without npm's start-up per command (seconds each on a loaded machine).
 */
const NPX_SHIM = 'npx() { if [ "$1" = gz-awards ]; then shift; node ./bin/gz-awards.js "$@"; else command npx "$@"; fi; }\n';

function runIn(cwd: string, command: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', NPX_SHIM + command], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? cwd, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const { run, skipped } = readmeExamples(README);

describe('the README', () => {
  it('has examples, and says how they are checked', () => {
    expect(run.length).toBeGreaterThan(10);
    expect(skipped.map((s) => s.command).join('\n')).toMatch(/npm test/);
    expect(README).toContain('# not run');
    expect(README).not.toMatch(/SPEC §/);
  });

  const dir = copyOfRepo();

  it('every shell example runs as written and exits as its comment says', { timeout: 600_000 }, async () => {
    // blocks run side by side, the commands of one block in order (a later one may read an earlier one's file)
    const blocks = [...new Set(run.map((e) => e.block))].map((b) => run.filter((e) => e.block === b));
    const failures: string[] = [];
    const LIMIT = 3;
    let next = 0;
    const worker = async () => {
      while (next < blocks.length) {
        const block = blocks[next++]!;
        for (const e of block) {
          const r = await runIn(dir, e.command);
          if (r.code !== e.expect) failures.push(`README.md:${e.line}: exit ${r.code}, expected ${e.expect}: ${e.command}\n${r.stderr}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LIMIT }, worker));
    expect(failures).toEqual([]);
  });
});

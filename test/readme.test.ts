/**
 * Every shell example in the README and the pages of docs/ runs as written, and every link and named project path
 * in them exists. The contract (stated in the README too): each line of a
 * ```sh block is one command (a trailing backslash continues it); it runs with bash in a temporary copy of the
 * repository after the quick start, with standard input closed, and must exit 0 — or the code of a
 * `# exits N` comment on its line. A line marked `# not run` is skipped (npm ci, npm test, npm run bench,
 * apt-get, browsers, interactive sessions). The copy reuses the built dist/ and node_modules/, and the
 * commands run a few at a time, in the order of the README within a block.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

interface Example {
  file?: string;
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

/** The user documents: the README and every page under docs/, by their path in the repository. */
function documents(): { path: string; text: string }[] {
  const pages = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f).split(sep).join('/'))
    .sort();
  return ['README.md', ...pages].map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}
const DOCS = documents();

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped (Chinese too), spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks), with GitHub's -1, -2 for repeats. */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fence = false;
  for (const l of text.split('\n')) {
    if (/^\s*```/.test(l)) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    if (!m) continue;
    const a = anchorOf(m[1]!);
    const n = seen.get(a) ?? 0;
    seen.set(a, n + 1);
    out.add(n === 0 ? a : `${a}-${n}`);
  }
  return out;
}

/** Every problem with a document's relative links (file missing, anchor missing) and named project paths. */
export function brokenReferences(doc: { path: string; text: string }, read: (path: string) => string | null): string[] {
  const problems: string[] = [];
  const links = [...doc.text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  for (const link of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const target = file === '' ? doc.path : posix.normalize(posix.join(posix.dirname(doc.path), decodeURI(file)));
    const text = read(target);
    if (text === null) problems.push(`${doc.path}: link to ${link}: ${target} does not exist`);
    else if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(text).has(decodeURI(anchor)))
      problems.push(`${doc.path}: link to ${link}: no heading with that anchor in ${target}`);
  }
  for (const m of doc.text.matchAll(/(?<![\w./-])(?:fixtures|docs|laws)\/[\p{L}\p{N}_./-]*/gu)) {
    const path = m[0].replace(/[.,;:]+$/, '');
    if (read(path) === null) problems.push(`${doc.path}: names ${path}, which the project does not ship`);
  }
  return problems;
}

function readInRepo(path: string): string | null {
  const full = join(ROOT, path);
  if (!existsSync(full)) return null;
  return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
}

describe('the README', () => {
  it('has examples, and says how they are checked', () => {
    const { run, skipped } = readmeExamples(README);
    expect(run.length).toBeGreaterThan(5);
    expect(skipped.map((s) => s.command).join('\n')).toMatch(/npm test/);
    expect(README).toContain('# not run');
    expect(README.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('starts in Chinese with the quick start: the main job on the sample district first, then the tests', () => {
    const heading = README.split('\n').findIndex((l) => /^##\s.*(快速开始|Quick start)/.test(l));
    expect(heading).toBeGreaterThan(0);
    expect(README.split('\n').slice(0, heading).join('\n')).toMatch(/[\u4e00-\u9fff]{10}/);
    const { run, skipped } = readmeExamples(README);
    const first = [...run, ...skipped].sort((a, b) => a.line - b.line).filter((e) => e.block === 1);
    expect(first.map((e) => e.command.replace(/\s+#.*$/, ''))).toEqual([
      'npm ci && npx gz-awards batch fixtures/districts/sample-district.csv --out awards.csv --rejects rejects.csv',
      'npm test',
    ]);
    expect(first[0]!.line).toBeGreaterThan(heading);
  });

  it.each(DOCS.map((d) => [d.path, d] as const))('%s cites no SPEC § and no file the project does not ship', (_path, doc) => {
    expect(doc.text).not.toMatch(/SPEC\s*§|SPEC\.md|\/work\/shared/);
    expect(brokenReferences(doc, readInRepo)).toEqual([]);
  });

  it('the reference check finds a missing file, a missing anchor and a named path that is not shipped', () => {
    const files: Record<string, string> = { 'docs/a.md': '# 全区一览：报告、预算\n## Parameter overrides (`--params`)\n', 'fixtures/x.csv': '' };
    const read = (p: string) => files[p] ?? null;
    const doc = {
      path: 'docs/en/b.md',
      text: '[ok](../a.md#全区一览报告预算) [ok](../a.md#parameter-overrides---params) [gone](../c.md) [no anchor](../a.md#nowhere) fixtures/x.csv, fixtures/y.csv',
    };
    expect(brokenReferences(doc, read)).toEqual([
      'docs/en/b.md: link to ../c.md: docs/c.md does not exist',
      'docs/en/b.md: link to ../a.md#nowhere: no heading with that anchor in docs/a.md',
      'docs/en/b.md: names fixtures/y.csv, which the project does not ship',
    ]);
  });

  const dir = copyOfRepo();

  it('every shell example of the README and docs/ runs as written and exits as its comment says', { timeout: 900_000 }, async () => {
    // blocks run side by side, the commands of one block in order (a later one may read an earlier one's file);
    // a block that repeats another's commands word for word (a Chinese page and its English twin) runs once
    const blocks: Example[][] = [];
    const seen = new Set<string>();
    for (const doc of DOCS) {
      const { run } = readmeExamples(doc.text);
      for (const b of new Set(run.map((e) => e.block))) {
        const block = run.filter((e) => e.block === b).map((e) => ({ ...e, file: doc.path }));
        const key = block.map((e) => e.command.replace(/\s+#.*$/, '')).join('\n');
        if (seen.has(key)) continue;
        seen.add(key);
        blocks.push(block);
      }
    }
    expect(blocks.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const LIMIT = 3;
    let next = 0;
    const worker = async () => {
      while (next < blocks.length) {
        const block = blocks[next++]!;
        for (const e of block) {
          const r = await runIn(dir, e.command);
          if (r.code !== e.expect) failures.push(`${e.file}:${e.line}: exit ${r.code}, expected ${e.expect}: ${e.command}\n${r.stderr}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LIMIT }, worker));
    expect(failures).toEqual([]);
  });
});

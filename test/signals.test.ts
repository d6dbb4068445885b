/**
 * Issue 7, item 3: an interrupt cleans up. Real signals are sent to a spawned `batch` on a district big enough to
 * be mid-write (once its temporary file exists): every temporary file is removed, an earlier output of the same
 * name is untouched, and the exit code is the signal's (130, 143, 129). `diff` and `test` write through the same
 * sink (src/io/sink.ts); its cleanup is tested directly, by a process that holds a sink open when signalled.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliAsync, ROOT } from './helpers/cli.js';

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

const dir = mkdtempSync(join(tmpdir(), 'gz-signal-'));
const BIG = join(dir, 'big.csv');

beforeAll(async () => {
  const { writeDistrictCsv } = await import(pathToFileURL(join(ROOT, 'scripts/district-generator.mjs')).href);
  await writeDistrictCsv(BIG, 80_000);
}, 120_000);

/** Waits until `test` holds, polling (the temporary file appearing); fails after a generous bound, never on speed. */
async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never saw ${what}`);
}

const hidden = (d: string) => readdirSync(d).filter((f) => f.startsWith('.') && f.endsWith('.tmp'));

describe('batch under real signals', () => {
  for (const jobs of [1, 2]) {
    for (const [signal, code] of SIGNALS) {
      it(`${signal} with --jobs ${jobs}: exit ${code}, no temporary file, the earlier outputs untouched`, async () => {
        const d = mkdtempSync(join(dir, 'run-'));
        writeFileSync(join(d, 'awards.csv'), 'earlier awards\n');
        writeFileSync(join(d, 'rejects.csv'), 'earlier rejects\n');
        const { child, done } = cliAsync(['batch', BIG, '--out', 'awards.csv', '--rejects', 'rejects.csv', '--summary', 'summary.csv', '--jobs', String(jobs)], { cwd: d });
        // mid-write: the temporary award table exists and has rows in it. It is named after the process that
        // writes it: batch runs in a second process that the one started here waits for (bin/gz-awards.js).
        const tmp = () => readdirSync(d).find((f) => /^\.awards\.csv\.\d+\.tmp$/.test(f));
        await until(() => {
          try {
            const f = tmp();
            return !!f && f !== `.awards.csv.${child.pid}.tmp` && statSync(join(d, f)).size > 100_000;
          } catch {
            return false;
          }
        }, 'the temporary award table');
        child.kill(signal);
        const r = await done;
        expect(r.code).toBe(code);
        expect(hidden(d)).toEqual([]);
        expect(readdirSync(d).sort()).toEqual(['awards.csv', 'rejects.csv']);
        expect(readFileSync(join(d, 'awards.csv'), 'utf8')).toBe('earlier awards\n');
        expect(readFileSync(join(d, 'rejects.csv'), 'utf8')).toBe('earlier rejects\n');
      }, 120_000);
    }
  }
});

describe('Ctrl-C in a terminal', () => {
  it('reaches both processes of a batch (the one started and the one that works): exit 130, cleaned up once', async () => {
    const d = mkdtempSync(join(dir, 'group-'));
    writeFileSync(join(d, 'awards.csv'), 'earlier awards\n');
    const { child, done } = cliAsync(['batch', BIG, '--out', 'awards.csv', '--rejects', 'rejects.csv'], { cwd: d, group: true });
    await until(() => {
      const f = readdirSync(d).find((n) => /^\.awards\.csv\.\d+\.tmp$/.test(n));
      try {
        return !!f && statSync(join(d, f)).size > 100_000;
      } catch {
        return false;
      }
    }, 'the temporary award table');
    process.kill(-child.pid!, 'SIGINT'); // the whole group, as the terminal sends it
    const r = await done;
    expect(r.code).toBe(130);
    expect(hidden(d)).toEqual([]);
    expect(readdirSync(d).sort()).toEqual(['awards.csv']);
    expect(readFileSync(join(d, 'awards.csv'), 'utf8')).toBe('earlier awards\n');
  }, 120_000);
});

describe('the sink that diff and test write through', () => {
  for (const [signal, code] of SIGNALS) {
    it(`removes its temporary file on ${signal} and exits ${code}`, async () => {
      const d = mkdtempSync(join(dir, 'sink-'));
      writeFileSync(join(d, 'report.xml'), 'earlier report\n');
      const script = `
        import { openSink } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/io/sink.js')).href)};
        const sink = await openSink('report.xml');
        await sink.write('<testsuites>');
        process.stdout.write('open\\n');
        setInterval(() => {}, 1000);
      `;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      await once(child.stdout, 'data');
      expect(hidden(d)).toEqual([`.report.xml.${child.pid}.tmp`]);
      child.kill(signal);
      const [exit] = (await once(child, 'close')) as [number | null];
      expect(err).toBe('');
      expect(exit).toBe(code);
      expect(readdirSync(d)).toEqual(['report.xml']);
      expect(readFileSync(join(d, 'report.xml'), 'utf8')).toBe('earlier report\n');
    });
  }
});

/** Runs a bash command line (a shell pipe is a FIFO, unlike Node's stdio 'pipe', a socket pair). */
async function bash(line: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', line], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'close');
  return { code: code as number | null, stdout, stderr };
}

describe('a shell pipe (standard output written by the system\'s threads, src/io/sink.ts)', () => {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  it('carries the very bytes the same run writes to a file', async () => {
    const small = join(dir, 'small.csv');
    const { writeDistrictCsv } = await import(pathToFileURL(join(ROOT, 'scripts/district-generator.mjs')).href);
    await writeDistrictCsv(small, 3000);
    const node = `${q(process.execPath)} ${q(join(ROOT, 'bin/gz-awards.js'))}`;
    const r = await bash(`${node} batch small.csv --format jsonl --no-progress 2>/dev/null | cat > piped.jsonl; echo "\${PIPESTATUS[0]}"; ${node} batch small.csv --out file.jsonl --no-progress 2>/dev/null`);
    expect(r.stdout.trim()).toBe('0');
    const piped = readFileSync(join(dir, 'piped.jsonl'));
    expect(piped.length).toBeGreaterThan(3000 * 1000);
    expect(piped.equals(readFileSync(join(dir, 'file.jsonl')))).toBe(true);
  }, 120_000);

  it('closed by the reader (| head -c) ends quietly with exit 0', async () => {
    const r = await bash(`${q(process.execPath)} ${q(join(ROOT, 'bin/gz-awards.js'))} batch ${q(BIG)} --format jsonl --no-progress | head -c 1000 > /dev/null; echo "\${PIPESTATUS[0]}"`);
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).not.toMatch(/EPIPE|error/i);
  }, 120_000);
});

describe('EPIPE', () => {
  it('standard output closed by the reader (| head) ends quietly with exit 0', async () => {
    const { child, done } = cliAsync(['batch', BIG, '--format', 'jsonl']);
    child.stdout!.once('data', () => child.stdout!.destroy());
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|error/i);
  }, 120_000);
});

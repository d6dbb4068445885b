#!/usr/bin/env node
/**
 * The golden copy of every output format (test/golden/): the sample district with its seven bad rows (sample-district-with-rejects.csv) run through batch in each format
 * and layout, with the summary and rejects files, kept so that a change that was not meant to change an output
 * is caught (test/golden.test.ts compares CSV, JSON and JSON Lines byte for byte, XLSX cell by cell).
 *
 *   npm run build && node scripts/golden.mjs          refreshes test/golden/ (commit it with the change that
 *                                                     meant to change an output, and say so in the message)
 *
 * Text outputs are stored gzipped (the JSON ones are 6 MB each); workbooks as written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GOLDEN = join(ROOT, 'test/golden');
const SAMPLE = 'fixtures/districts/sample-district-with-rejects.csv';

/**
 * The runs: arguments (OUT/ is the output directory), and the files each leaves there. `stdout` names the file
 * standard output is kept in; standard error is kept as NAME.stderr with OUT/ replaced by "<out>/".
 */
export const RUNS = [
  { name: 'wide-zh', args: ['batch', SAMPLE, '--out', 'OUT/wide-zh.csv', '--rejects', 'OUT/rejects-zh.csv', '--summary', 'OUT/summary-zh.csv'] },
  { name: 'wide-en', args: ['batch', SAMPLE, '--lang', 'en', '--out', 'OUT/wide-en.csv', '--rejects', 'OUT/rejects-en.json', '--summary', 'OUT/summary-en.json'] },
  { name: 'long-en', args: ['batch', SAMPLE, '--lang', 'en', '--layout', 'long', '--out', 'OUT/long-en.csv', '--rejects', 'OUT/rejects-en.jsonl'] },
  { name: 'json-zh', args: ['batch', SAMPLE, '--out', 'OUT/awards-zh.json'] },
  { name: 'jsonl-en', args: ['batch', SAMPLE, '--lang', 'en', '--format', 'jsonl'], stdout: 'awards-en.jsonl' },
  { name: 'xlsx-zh', args: ['batch', SAMPLE, '--out', 'OUT/wide-zh.xlsx', '--rejects', 'OUT/rejects-zh.xlsx', '--summary', 'OUT/summary-zh.xlsx'] },
  { name: 'xlsx-long-en', args: ['batch', SAMPLE, '--lang', 'en', '--layout', 'long', '--out', 'OUT/long-en.xlsx'] },
];

/** Runs every run into `out` (a directory); returns the names of the files written there. */
export function runAll(out, extra = [], only = null) {
  for (const run of RUNS) {
    if (only && !only.includes(run.name)) continue;
    const args = [...run.args.map((a) => a.replace(/^OUT\//, out + '/')), '--no-progress', ...extra];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/gz-awards.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0 && r.status !== 3) throw new Error(`gz-awards ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (run.stdout) writeFileSync(join(out, run.stdout), r.stdout);
    writeFileSync(join(out, `${run.name}.stderr`), r.stderr.toString('utf8').split(out + '/').join('<out>/'));
  }
  return readdirSync(out).sort();
}

/** The stored name of an output file: text gzipped. */
export const storedName = (f) => (f.endsWith('.xlsx') ? f : f + '.gz');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = mkdtempSync(join(tmpdir(), 'gz-golden-'));
  const files = runAll(out);
  for (const old of readdirSync(GOLDEN)) unlinkSync(join(GOLDEN, old));
  for (const f of files) {
    if (f.endsWith('.xlsx')) copyFileSync(join(out, f), join(GOLDEN, f));
    else writeFileSync(join(GOLDEN, storedName(f)), gzipSync(readFileSync(join(out, f)), { level: 9 }));
  }
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`test/golden: ${files.length} files refreshed\n`);
}

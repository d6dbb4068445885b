#!/usr/bin/env node
/**
 * npm run bench [-- --n 1000000]: SPEC §9 in one run, on a synthetic district of N enterprises (default 1,000,000)
 * written by scripts/district-generator.mjs:
 *   engine      enterprises evaluated per second in-process (all policies, all years)       target ≥ 150,000/s
 *   end to end  batch CSV → CSV rows/s as a ratio to a bare csv-parse → csv-stringify
 *               pass-through of the same file, measured in the same run                      target ≥ 0.8
 *               the same with --jobs 2                                                       target ≥ 1.3
 *   memory      peak RSS of batch at 100,000 and at N rows                                   ≤ 200 MB, within 20%
 *   start-up    simulate on one enterprise, wall time as a ratio to `node -e 0`              target ≤ 3
 *   xlsx        batch XLSX → CSV at 100,000 rows: rows/s and peak RSS                        no target yet
 * Every child's peak RSS is read by bench/rss.mjs (process.resourceUsage().maxRSS at exit).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, HEADER, syntheticRows } from '../scripts/district-generator.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('--n', '1000000'));
const SMALL = Math.min(100_000, N);
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'gz-bench-'));
const BIN = join(ROOT, 'bin/gz-awards.js');
const RSS = join(ROOT, 'bench/rss.mjs');
const log = (s) => process.stderr.write(s + '\n');

async function writeDistrict(file, n) {
  const out = createWriteStream(file);
  out.write(csvLine(HEADER));
  let buf = '';
  for (const row of syntheticRows(n)) {
    buf += csvLine(row);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** The synthetic district as an .xlsx (exceljs' streaming writer): digits-only cells as numbers, ids as text. */
async function writeWorkbook(file, n) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('district');
  ws.addRow(HEADER).commit();
  for (const row of syntheticRows(n)) ws.addRow(row.map((c, i) => (i > 0 && /^\d+(\.\d+)?$/.test(c) && c.length < 16 ? Number(c) : c))).commit();
  ws.commit();
  await wb.commit();
}

/** Runs `node bench/rss.mjs SCRIPT ARGS` and returns wall seconds and the child's peak RSS in MB. */
function timed(script, args) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [RSS, rssFile, script, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${script} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { secs, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

log(`gz-awards bench: N = ${fmt(N)}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
const big = join(dir, `district-${N}.csv`);
const small = join(dir, `district-${SMALL}.csv`);
await writeDistrict(big, N);
if (SMALL !== N) await writeDistrict(small, SMALL);
log(`generated ${big}`);

// 1. engine, in process
const { evaluate, DEFAULT_OPTIONS } = await import('../dist/engine/evaluate.js');
const { publishedRuleSet } = await import('../dist/engine/ruleset.js');
const { mapRow, planColumns } = await import('../dist/io/row.js');
const plan = planColumns(HEADER);
const sample = [];
for (const row of syntheticRows(Math.min(N, 50_000))) sample.push(mapRow(plan, row, 0).enterprise);
const rs = publishedRuleSet();
for (let i = 0; i < 20_000; i++) evaluate(sample[i % sample.length], rs, DEFAULT_OPTIONS); // warm up
let evals = 0;
const e0 = process.hrtime.bigint();
let eSecs = 0;
while (eSecs < 3) {
  for (const e of sample) evaluate(e, rs, DEFAULT_OPTIONS);
  evals += sample.length;
  eSecs = Number(process.hrtime.bigint() - e0) / 1e9;
}
const engineRate = evals / eSecs;
log(`engine: ${fmt(engineRate)} enterprises/s`);

// 2. end to end
const pass = timed(join(ROOT, 'bench/passthrough.mjs'), [big, join(dir, 'pass.csv')]);
const passRate = N / pass.secs;
log(`pass-through: ${fmt(passRate)} rows/s`);
const b1 = timed(BIN, ['batch', big, '--out', join(dir, 'out1.csv'), '--no-progress']);
log(`batch: ${fmt(N / b1.secs)} rows/s`);
const b2 = timed(BIN, ['batch', big, '--out', join(dir, 'out2.csv'), '--no-progress', '--jobs', '2']);
log(`batch --jobs 2: ${fmt(N / b2.secs)} rows/s`);
const bs = SMALL === N ? b1 : timed(BIN, ['batch', small, '--out', join(dir, 'out3.csv'), '--no-progress']);
// XLSX in → CSV out at SMALL rows (no target yet): the same district as a workbook, numbers as number cells
const book = join(dir, `district-${SMALL}.xlsx`);
await writeWorkbook(book, SMALL);
const bx = timed(BIN, ['batch', book, '--out', join(dir, 'out4.csv'), '--no-progress']);
log(`batch xlsx: ${fmt(SMALL / bx.secs)} rows/s`);

// 3. start-up
const fixture = join(ROOT, 'fixtures/enterprises/tianhe-retailer.json');
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const nodeMs = median(Array.from({ length: 9 }, () => wall(['-e', '0'])));
const simMs = median(Array.from({ length: 9 }, () => wall([BIN, 'simulate', fixture])));

const ratio1 = N / b1.secs / passRate;
const ratio2 = N / b2.secs / passRate;
const peak = Math.max(b1.rssMB, bs.rssMB);
const flat = Math.abs(b1.rssMB - bs.rssMB) / Math.min(b1.rssMB, bs.rssMB);
const ok = (b) => (b ? 'met' : 'MISSED');
const lines = [
  ['measure', 'value', 'target', ''],
  ['engine (in process, all policies, all years)', `${fmt(engineRate)} enterprises/s`, '≥ 150,000/s', ok(engineRate >= 150_000)],
  ['csv-parse → csv-stringify pass-through', `${fmt(passRate)} rows/s (${fmt(pass.secs, 2)} s)`, '', ''],
  ['batch CSV → CSV, 1 job', `${fmt(N / b1.secs)} rows/s (${fmt(b1.secs, 2)} s) = ${fmt(ratio1, 2)} × pass-through`, '≥ 0.8 ×', ok(ratio1 >= 0.8)],
  ['batch CSV → CSV, --jobs 2', `${fmt(N / b2.secs)} rows/s (${fmt(b2.secs, 2)} s) = ${fmt(ratio2, 2)} × pass-through`, '≥ 1.3 ×', ok(ratio2 >= 1.3)],
  [`peak RSS, batch, ${fmt(SMALL)} rows`, `${fmt(bs.rssMB, 1)} MB`, '≤ 200 MB', ok(bs.rssMB <= 200)],
  [`peak RSS, batch, ${fmt(N)} rows`, `${fmt(b1.rssMB, 1)} MB`, '≤ 200 MB', ok(peak <= 200)],
  [`peak RSS growth, ${fmt(SMALL)} → ${fmt(N)} rows`, `${fmt(flat * 100, 1)}%`, 'within 20%', ok(flat <= 0.2)],
  ['peak RSS, batch --jobs 2', `${fmt(b2.rssMB, 1)} MB`, '', ''],
  [`batch XLSX → CSV, ${fmt(SMALL)} rows`, `${fmt(SMALL / bx.secs)} rows/s (${fmt(bx.secs, 2)} s), peak RSS ${fmt(bx.rssMB, 1)} MB`, '(none yet)', ''],
  ['start-up: simulate one enterprise / node -e 0', `${fmt(simMs)} ms / ${fmt(nodeMs)} ms = ${fmt(simMs / nodeMs, 2)}`, '≤ 3', ok(simMs / nodeMs <= 3)],
];
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
process.stdout.write(lines.map((l) => l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n');
if (!keep) rmSync(dir, { recursive: true, force: true });
else log(`files kept in ${dir}`);

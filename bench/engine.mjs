/**
 * node bench/engine.mjs N SECONDS: one process's in-process engine rate (enterprises evaluated per second, all
 * policies, all years) on the first N synthetic enterprises, after a warm-up; prints the rate on stdout.
 * bench/run.mjs runs it in several processes (the rate of one process is bimodal, see there).
 */
import { evaluate, DEFAULT_OPTIONS } from '../dist/engine/evaluate.js';
import { publishedRuleSet } from '../dist/engine/ruleset.js';
import { mapRow, planColumns } from '../dist/io/row.js';
import { HEADER, syntheticRows } from '../scripts/district-generator.mjs';

const n = Number(process.argv[2] ?? 50_000);
const seconds = Number(process.argv[3] ?? 2);
const plan = planColumns(HEADER);
const sample = [];
for (const row of syntheticRows(n)) sample.push(mapRow(plan, row, 0).enterprise);
const rs = publishedRuleSet();
for (let i = 0; i < 20_000; i++) evaluate(sample[i % sample.length], rs, DEFAULT_OPTIONS); // warm up
let evals = 0;
const t0 = process.hrtime.bigint();
let secs = 0;
while (secs < seconds) {
  for (const e of sample) evaluate(e, rs, DEFAULT_OPTIONS);
  evals += sample.length;
  secs = Number(process.hrtime.bigint() - t0) / 1e9;
}
process.stdout.write(String(Math.round(evals / secs)) + '\n');

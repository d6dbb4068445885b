#!/usr/bin/env node
// gz-awards streams districts of a million rows.
//
// batch, validate and diff start Node again with semi-spaces of up to 16 MB (--max-semi-space-size). V8 sizes the
// young generation only from the command line (a program cannot change it once running); before, it stayed at
// 1 MB under these commands' allocation rate: about two thousand scavenges per 200,000 rows, each copying the
// block being built. With 16 MB, a batch to CSV took about 0.90× the time with one job and 0.85× with two, for
// 36 MB more peak memory with one job (80 MB with two: the blocks the workers send back are freed later), the same
// at any row count. Worker threads keep their own small young generation (src/batch/pool.ts). The first process
// only waits: it hands the child its standard input, output and error, passes on SIGINT, SIGTERM and SIGHUP, and
// ends as the child ends (its exit code, or its signal). Not foreground-child, which starts a watchdog process
// besides on every run.
//
// The other commands, and a child already started so, run here. The old generation grows by at most 100% a step
// (50% for a batch to CSV or XLSX that keeps little: src/cli/batch.ts), so that garbage promoted from the young
// generation does not swell the heap between full collections (README, "Benchmark").
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';

const STREAMING = new Set(['batch', 'validate', 'diff']);
const SEMI_SPACE = '--max-semi-space-size=16';

/** The command, in this process. */
async function runHere() {
  setFlagsFromString('--heap-growing-percent=100');
  // A scavenge copies little (the blocks being built): handing that out to helper threads cost more than it saved
  // (200,000 rows, five interleaved rounds: 0.953× the time with one job, 0.960× with two; with 16 MB semi-spaces
  // no difference either way).
  setFlagsFromString('--no-parallel-scavenge');
  // The bundle (scripts/bundle.mjs) starts faster than the hundred modules of dist/cli.
  await import('../dist/bundle/main.js');
}

if (STREAMING.has(process.argv[2]) && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const { spawn } = await import('node:child_process');
  const args = [...process.execArgv, SEMI_SPACE, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on. The child cleans up
  // once, however many times it is signalled (src/io/sink.ts).
  const pass = (sig) => child.kill(sig);
  for (const sig of signals) process.on(sig, pass);
  const stop = () => {
    for (const sig of signals) process.off(sig, pass);
  };
  // No second process to be had (the system refused one): the command runs here, with the default young generation.
  // Node still reports the failed child as closed (code -2) after the error: that close is not the command's end.
  let here = false;
  child.on('error', () => {
    here = true;
    stop();
    runHere();
  });
  child.on('close', (code, signal) => {
    if (here) return;
    stop();
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 2);
  });
} else {
  await runHere();
}

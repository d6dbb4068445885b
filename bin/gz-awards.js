#!/usr/bin/env node
// gz-awards streams districts of a million rows: V8's young generation is kept small and fixed (it otherwise
// grows to 48 MB under batch's allocation rate), and the old generation grows by at most 100% a step (50% for a
// batch to CSV or XLSX that keeps little: src/cli/batch.ts), so that garbage promoted from the small young
// generation does not swell the heap between full collections (README, "Benchmark").
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--min-semi-space-size=2');
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=100');
// A young generation this small leaves a scavenge little to copy (tens of KB): handing that out to helper threads
// cost more than it saved (200,000 rows, five interleaved rounds: 0.953× the time with one job, 0.960× with two).
setFlagsFromString('--no-parallel-scavenge');
// The bundle (scripts/bundle.mjs) starts faster than the hundred modules of dist/cli.
await import('../dist/bundle/main.js');

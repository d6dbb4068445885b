#!/usr/bin/env node
// gz-awards streams districts of a million rows: V8's young generation is kept small and fixed (it otherwise
// grows to 48 MB under batch's allocation rate), and the old generation grows by at most 50% a step, so that
// garbage promoted from the small young generation does not swell the heap between full collections (a
// million-row batch peaks at about 95 MB, and 3,000,000 rows at 99 MB; README, "Benchmark").
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--min-semi-space-size=2');
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');
// The bundle (scripts/bundle.mjs) starts faster than the hundred modules of dist/cli.
await import('../dist/bundle/main.js');

/**
 * A worker thread of `batch --jobs N` (and `diff --jobs N`): receives the setup once, then blocks of records; answers each with what
 * the main thread would have computed (evaluate.ts), tagged with the block's sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadParams } from '../cli/params.js';
import { declaredBySource, registerDeclaredInputs } from '../domain/vocabulary.js';
import { makeProcessor } from './evaluate.js';
import type { BatchSetup, BlockTask, DiffSetup } from './types.js';

const setup = workerData as BatchSetup | DiffSetup;
// the inputs declared in the main thread (WorkerPool): the rows' columns name them
for (const { source, decls } of (workerData as { declared?: ReturnType<typeof declaredBySource> }).declared ?? []) registerDeclaredInputs(decls, source);
// `diff --jobs N` runs its own block processor on the same pool
const processor =
  'kind' in setup && setup.kind === 'diff'
    ? { run: await (await import('./diff-block.js')).makeDiffProcessor(setup) }
    : await (async (s: BatchSetup) => {
        const { ruleSet, meta } = await loadParams(s.params, '--params', s.policies ? { files: s.policies, lang: s.lang, quiet: true } : undefined);
        return makeProcessor(s, ruleSet, meta);
      })(setup as BatchSetup);

parentPort!.on('message', (msg: { seq: number; task: BlockTask }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, out: processor.run(msg.task) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: String((err as Error).stack ?? err) });
  }
});

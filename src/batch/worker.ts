/**
 * A worker thread of `batch --jobs N`: receives the setup once, then blocks of records; answers each with what
 * the main thread would have computed (evaluate.ts), tagged with the block's sequence number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadParams } from '../cli/params.js';
import { makeProcessor } from './evaluate.js';
import type { BatchSetup, BlockTask } from './types.js';

const setup = workerData as BatchSetup;
const { ruleSet, meta } = await loadParams(setup.params);
const processor = makeProcessor(setup, ruleSet, meta);

parentPort!.on('message', (msg: { seq: number; task: BlockTask }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, out: processor.run(msg.task) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: String((err as Error).stack ?? err) });
  }
});

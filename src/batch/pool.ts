/**
 * The pool: runs blocks on N worker threads and hands the results back in the order the blocks were given, so that
 * output keeps input order whatever thread finishes first.
 */
import { Worker } from 'node:worker_threads';
import { declaredBySource } from '../domain/vocabulary.js';
import type { BatchSetup, BlockOut, BlockTask, DiffSetup } from './types.js';

interface Pending<R> {
  resolve(out: R): void;
  reject(err: Error): void;
}

/**
 * A worker's young generation, kept small (2 MB semi-spaces; the main thread's grows to 16 MB, bin/gz-awards.js;
 * a worker's isolate would otherwise size its own from the machine): `batch --jobs 2` on a million rows peaks at
 * about 290 MB instead of 390 MB, at the same speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

/** `R`: what a block gives back (BlockOut for batch; diff's DiffBlock when the setup is a DiffSetup). */
export class WorkerPool<R = BlockOut> {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending<R> & { worker: number }>();
  private seq = 0;

  constructor(n: number, setup: BatchSetup | DiffSetup) {
    // the inputs policy files declared in this thread, declared again in each worker before it reads a row
    const declared = declaredBySource();
    const workerData = declared.length > 0 ? { ...setup, declared } : setup;
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData, resourceLimits: WORKER_LIMITS });
      w.on('message', (msg: { seq: number; out?: R; error?: string }) => {
        const p = this.pending.get(msg.seq);
        if (!p) return;
        this.pending.delete(msg.seq);
        this.load[p.worker]!--;
        if (msg.error !== undefined) p.reject(new Error(`worker: ${msg.error}`));
        else p.resolve(msg.out!);
      });
      w.on('error', (err) => {
        for (const [seq, p] of this.pending) if (p.worker === i) (this.pending.delete(seq), p.reject(err));
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  /** Sends a block to the least busy worker; the promise settles with its result. */
  run(task: BlockTask): Promise<R> {
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    const seq = this.seq++;
    this.load[best]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker: best });
      this.workers[best]!.postMessage({ seq, task });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

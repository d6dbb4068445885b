/**
 * The read stage: the input files, one after another, as blocks of whole records (src/io/stream.ts does the
 * bytes → text → blocks), and how far the reading has come, for the progress bar.
 */
import { stat } from 'node:fs/promises';
import { rawBlocks, type RawEvent, type StreamOptions } from '../io/stream.js';
import { isJsonFormat } from './types.js';

export type { RawEvent };

/** The blocks of every file, in order; never throws on bad input (see rawBlocks). */
export function readBlocks(files: readonly string[], o: StreamOptions): AsyncGenerator<RawEvent> {
  return rawBlocks(files, o);
}

/** CSV characters a task holds when the output is JSON (the reader's default is 128 K: TASK_CHARS in io/stream.ts). */
const JSON_BLOCK = 1 << 16;

/**
 * The reader's block size for an output format: a JSON record is about 3 KB of output against 170 bytes of CSV
 * input, so JSON and JSON Lines read smaller blocks and the text in flight stays small.
 */
export function blockSizeFor(format: string): { blockSize?: number } {
  return isJsonFormat(format) ? { blockSize: JSON_BLOCK } : {};
}

/** The total size of the inputs, or null when one is standard input (then the progress bar shows no share). */
export async function inputSize(files: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const f of files) {
    if (f === '-') return null;
    try {
      total += (await stat(f)).size;
    } catch {
      /* reported when read */
    }
  }
  return total;
}

/** Bytes read over all files so far, from the 'bytes' events (each counts within its file). */
export class ReadPosition {
  private before = 0; // bytes of the files before the current one
  private current = 0;
  private last = 0;

  /** The position after a 'bytes' event. */
  at(ev: { fileIndex: number; read: number }): number {
    if (ev.fileIndex !== this.current) {
      this.before += this.last;
      this.current = ev.fileIndex;
    }
    this.last = ev.read;
    return this.before + ev.read;
  }
}

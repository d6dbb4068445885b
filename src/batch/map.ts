/**
 * The map stage: a block of raw records (CSV text cut on record boundaries, or JSON texts) → mapped records,
 * one at a time, each an enterprise or the problems that reject it. Runs where the block is evaluated.
 */
import { forEachCsvRecord, mapJsonItems, mapperOptions, type MappedRecord, type StreamOptions } from '../io/stream.js';
import type { BlockTask } from './types.js';

export type BlockMapper = (task: BlockTask, each: (r: MappedRecord) => void) => number;

/** A mapper for the reader's options; it returns how many CSV rows the block spans (0 for JSON). */
export function blockMapper(stream: StreamOptions): BlockMapper {
  const opts = mapperOptions(stream);
  return (task, each) => {
    if (task.kind === 'csv') return forEachCsvRecord(task.texts, task.plan, opts.row, each);
    for (const r of mapJsonItems(task.items, opts.json)) each(r);
    return 0;
  };
}

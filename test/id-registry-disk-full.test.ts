/**
 * The id table when the disk fills up mid-run: a shard's merged file cannot be written (ENOSPC, simulated by
 * failing node:fs's writeSync after a number of writes). The shard's ids go back to memory, no shard spills again,
 * and every answer stays the same as a Map's.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ writesLeft: Infinity }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.writesLeft-- <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { IdRegistry } = await import('../src/io/id-registry.js');
const { validId } = await import('./helpers/ids.js');

describe('IdRegistry on a disk that fills up', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gz-ids-full-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  for (const writes of [0, 1, 300, 700]) {
    it(`after ${writes} writes: every duplicate still found where it was first seen`, () => {
      disk.writesLeft = writes;
      const reg = new IdRegistry(16, { at: 8, dir: tmp });
      const n = 20_000; // 78 ids a shard: about nine spills each, 2,300 writes if the disk had room
      for (let i = 0; i < n; i++) expect(reg.add(validId(i), 0, i + 2)).toBeNull();
      const onDisk = reg.spilled;
      for (let i = 0; i < n; i += 7) expect(reg.add(validId(i), 1, 0)).toEqual({ file: 0, at: i + 2 });
      for (let i = n; i < n + 3000; i++) expect(reg.add(validId(i), 0, i + 2)).toBeNull();
      expect(reg.size).toBe(n + 3000);
      // nothing moved to disk after the failure
      expect(reg.spilled).toBe(onDisk);
      if (writes === 0) expect(onDisk).toBe(0);
      reg.close();
      expect(readdirSync(tmp)).toEqual([]);
    });
  }
});

/**
 * The file sink (src/io/sink.ts) writes a new file around the system's cache (O_DIRECT) in whole, aligned chunks,
 * pads the last one and cuts the file back; a write the file system refuses (EINVAL) or leaves short goes on
 * through an ordinary descriptor. Whatever the pieces and whichever way the bytes go, the file holds exactly what
 * was written. The failures are injected into node:fs's `write`, for the descriptors opened with O_DIRECT.
 */
import { closeSync, constants, existsSync, openSync, rmSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

const O_DIRECT = (constants as { O_DIRECT?: number }).O_DIRECT ?? 0;

/** What the next direct writes do: fail with a code, or write only part of what they are given. */
const faults = vi.hoisted(() => ({
  direct: new Set<number>(),
  /** Direct writes so far, and the plan: the n-th (from 1) fails or is short. */
  count: 0,
  at: 0,
  code: '' as string,
  short: -1,
  /** Direct writes held back this many milliseconds (the n-th, as `at`), so that later ones end first. */
  delay: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const O_DIR = (fs.constants as { O_DIRECT?: number }).O_DIRECT ?? 0;
  const open = (path: string, flags: number, mode: unknown, cb?: (err: Error | null, fd: number) => void) => {
    const done = (cb ?? mode) as (err: Error | null, fd: number) => void;
    const args = typeof cb === 'function' ? [path, flags, mode] : [path, flags];
    return (fs.open as (...a: unknown[]) => void)(...args, (err: Error | null, fd: number) => {
      if (!err && typeof flags === 'number' && O_DIR && (flags & O_DIR) !== 0) faults.direct.add(fd);
      done(err, fd);
    });
  };
  const write = (fd: number, buf: Buffer, offset: number, length: number, position: number, cb: (err: Error | null, n: number) => void) => {
    if (faults.direct.has(fd) && ++faults.count === faults.at) {
      if (faults.delay) return void setTimeout(() => fs.write(fd, buf, offset, length, position, cb), faults.delay);
      if (faults.code) return process.nextTick(cb, Object.assign(new Error(faults.code), { code: faults.code }), 0);
      // a short write: the first `short` bytes only
      return fs.write(fd, buf, offset, faults.short, position, cb);
    }
    return fs.write(fd, buf, offset, length, position, cb);
  };
  const close = (fd: number, cb: (err: Error | null) => void) => {
    faults.direct.delete(fd);
    return fs.close(fd, cb);
  };
  return { ...fs, default: { ...fs, open, write, close }, open, write, close };
});

const { openSink, FileError } = await import('../src/io/sink.js');

const CHUNK = 1 << 20;
const dir = mkdtempSync(join(tmpdir(), 'gz-sink-'));

afterEach(() => {
  faults.count = 0;
  faults.at = 0;
  faults.code = '';
  faults.short = -1;
  faults.delay = 0;
  delete process.env['GZ_AWARDS_CACHED_WRITES'];
});

/** Whether this folder's file system takes O_DIRECT at all (else every file is written through the cache). */
const directHere = ((): boolean => {
  if (process.platform !== 'linux' || !O_DIRECT) return false;
  try {
    closeSync(openSync(join(dir, 'probe'), constants.O_WRONLY | constants.O_CREAT | O_DIRECT));
    rmSync(join(dir, 'probe'));
    return true;
  } catch {
    return false;
  }
})();

/** `n` bytes that differ from one position to the next, so that a misplaced piece shows. */
function bytes(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return b;
}

let files = 0;
async function writeThrough(pieces: Array<Buffer | string>): Promise<{ file: string; direct: boolean }> {
  const d = join(dir, `f${++files}`);
  const file = join(d, 'out.bin');
  const sink = await openSink(file, { direct: true });
  const direct = (sink as unknown as { direct: boolean }).direct;
  for (const p of pieces) await sink.write(p);
  await sink.close();
  expect(readdirSync(d)).toEqual(['out.bin']);
  return { file, direct };
}

/** Piece sizes around what the sink cares about: its chunk, the disk's 4,096-byte blocks, and nothing. */
const size = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: -3, max: 3 }).map((d) => CHUNK + d),
  fc.integer({ min: 1, max: 3 }).map((k) => 4096 * k),
  fc.integer({ min: 0, max: 3 * CHUNK }),
);

describe('a file sink', () => {
  for (const cached of [false, true]) {
    it(`writes exactly the bytes it is given, ${cached ? 'through the cache' : 'around the cache (O_DIRECT)'}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(size, fc.boolean()), { maxLength: 6 }), async (plan) => {
          if (cached) process.env['GZ_AWARDS_CACHED_WRITES'] = '1';
          const pieces = plan.map(([n, asText], i) => (asText ? 'é字'.repeat(Math.ceil(n / 5)) : bytes(n, i)));
          const { file, direct } = await writeThrough(pieces);
          expect(direct).toBe(!cached && directHere);
          expect(readFileSync(file).equals(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))))).toBe(true);
        }),
        { numRuns: 25 },
      );
    }, 120_000);
  }

  it('goes on through the cache from the byte where a direct write was refused (EINVAL) or left short', async () => {
    if (!directHere) return void console.warn('skipped: no O_DIRECT here');
    const pieces = [bytes(CHUNK * 2 + 12345, 1), bytes(CHUNK + 1, 2), bytes(777, 3)];
    const want = Buffer.concat(pieces);
    const plans: Array<Partial<typeof faults>> = [
      { at: 1, code: 'EINVAL' },
      { at: 2, code: 'EINVAL' },
      { at: 4, code: 'EINVAL' }, // the padded last chunk
      { at: 1, short: 4096 * 3 },
      { at: 2, short: 5000 }, // not a whole block: the block it ends in is written again through the cache
      { at: 2, short: 0 },
      { at: 4, short: 4096 },
    ];
    for (const plan of plans) {
      Object.assign(faults, { count: 0, code: '', short: -1 }, plan);
      const { file, direct } = await writeThrough(pieces);
      expect(direct).toBe(true);
      expect(faults.count).toBeGreaterThanOrEqual(plan.at!);
      expect(readFileSync(file).equals(want), JSON.stringify(plan)).toBe(true);
    }
  });

  it('puts each chunk at its place when the writes under way at once end out of order', async () => {
    if (!directHere) return void console.warn('skipped: no O_DIRECT here');
    const pieces = [bytes(CHUNK * 5 + 999, 4)];
    for (const at of [1, 2, 5, 6]) {
      Object.assign(faults, { count: 0, at, code: '', short: -1, delay: 30 });
      const { file } = await writeThrough(pieces);
      expect(faults.count).toBe(6);
      expect(readFileSync(file).equals(pieces[0]!)).toBe(true);
    }
  });

  it('reports a failed direct write as a FileError of the target, and gives up leaving an earlier file untouched', async () => {
    if (!directHere) return void console.warn('skipped: no O_DIRECT here');
    const d = join(dir, 'full');
    const file = join(d, 'awards.jsonl');
    for (const at of [1, 3]) {
      Object.assign(faults, { count: 0, at, code: 'ENOSPC', short: -1 });
      const sink = await openSink(file, { direct: true });
      writeFileSync(file, 'earlier\n');
      let caught: unknown = null;
      try {
        for (let i = 0; i < 6; i++) await sink.write(bytes(CHUNK, i));
        await sink.close();
      } catch (err) {
        caught = err;
        await sink.abort();
      }
      expect(caught).toBeInstanceOf(FileError);
      expect(caught).toMatchObject({ path: file, code: 'ENOSPC' });
      expect(readdirSync(d)).toEqual(['awards.jsonl']);
      expect(readFileSync(file, 'utf8')).toBe('earlier\n');
    }
  });

  it('writes around the cache only when asked (the JSON outputs), and through it otherwise', async () => {
    for (const [o, want] of [
      [{}, false],
      [{ direct: false }, false],
      [{ direct: true }, directHere],
    ] as const) {
      const file = join(dir, `asked-${String(o.direct)}.csv`);
      const sink = await openSink(file, o);
      expect((sink as unknown as { direct: boolean }).direct).toBe(want);
      await sink.write('id,name\n');
      await sink.close();
      expect(readFileSync(file, 'utf8')).toBe('id,name\n');
    }
  });

  it('writes nothing as an empty file, and a device (/dev/null) directly', async () => {
    const { file } = await writeThrough([]);
    expect(readFileSync(file).length).toBe(0);
    if (!existsSync('/dev/null')) return;
    const sink = await openSink('/dev/null');
    expect((sink as unknown as { direct: boolean }).direct).toBe(false);
    await sink.write(bytes(CHUNK + 3, 9));
    await sink.close();
  });
});

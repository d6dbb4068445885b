/**
 * The read-ahead reader of regular files: every byte once and in order whatever the chunk and the reads in
 * flight, and the descriptor closed at the end, on destroy() mid-way, and when a consumer gives up.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readAhead } from '../src/io/read-ahead.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Descriptors of this process open on `file` (Linux), to see that none is left behind. */
const openOn = (file: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // the listing's own descriptor, closed since
    }
  }).length;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('readAhead', () => {
  it('gives every byte of the file once, in order, for any size, chunk and reads in flight', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 6 }), async (bytes, chunk, ahead) => {
        const f = join(dir, 'f.bin');
        writeFileSync(f, bytes);
        const got: Buffer[] = [];
        for await (const b of readAhead(f, chunk, ahead)) {
          expect(b.length).toBeLessThanOrEqual(chunk);
          got.push(Buffer.from(b));
        }
        expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('reads into the buffers given back (release) and never into a chunk kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.boolean(), { minLength: 1 }), async (bytes, chunk, ahead, gives) => {
        const f = join(dir, 'r.bin');
        writeFileSync(f, bytes);
        const r = readAhead(f, chunk, ahead);
        /** Chunks kept, as handed out (not copied): a read into one of them would change it. */
        const kept: Array<{ view: Buffer; copy: Buffer }> = [];
        const got: Buffer[] = [];
        const memories = new Set<ArrayBuffer>();
        let i = 0;
        for await (const b of r) {
          // let the reads in flight land: none may go into the chunk in hand
          await new Promise((done) => setImmediate(done));
          got.push(Buffer.from(b));
          memories.add(b.buffer as ArrayBuffer);
          if (gives[i++ % gives.length]) r.release();
          else kept.push({ view: b, copy: Buffer.from(b) });
        }
        expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
        for (const k of kept) expect(k.view.equals(k.copy)).toBe(true);
        // every chunk kept has a buffer of its own; the ones given back are read into again
        expect(memories.size).toBeLessThanOrEqual(kept.length + ahead + 1);
        if (gives.every(Boolean)) expect(memories.size).toBeLessThanOrEqual(ahead + 1);
      }),
      { numRuns: 150 },
    );
  });

  it('closes its file at the end, on destroy() part way, and when the loop is left early', async () => {
    if (process.platform !== 'linux') return;
    const f = join(dir, 'g.bin');
    writeFileSync(f, Buffer.alloc(100_000, 7));
    const r0 = readAhead(f, 1000, 4)[Symbol.asyncIterator]();
    await r0.next();
    expect(openOn(f)).toBe(1); // the check sees an open file
    for (let n = await r0.next(); !n.done; n = await r0.next());
    await settle();
    expect(openOn(f)).toBe(0);

    const r = readAhead(f, 1000, 4);
    const it = r[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    r.destroy();
    await settle();
    expect(openOn(f)).toBe(0);

    let n = 0;
    for await (const _ of readAhead(f, 1000, 4)) if (++n === 3) break;
    await settle();
    expect(openOn(f)).toBe(0);
  });

  it('fails where a file cannot be read, with the system code', async () => {
    await expect(async () => {
      for await (const _ of readAhead(join(dir, 'missing.bin'), 1000, 2)) void _;
    }).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

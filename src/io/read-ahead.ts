/**
 * A regular file's bytes, `chunk` at a time, with `ahead` reads in flight: while the reader decodes and maps one
 * chunk, the system's threads read the next ones. Node's file stream reads one chunk ahead, and with the small
 * chunks the row reader wants (their buffers must die young: see READ_CHUNK in stream.ts) the main thread waited
 * for the disk about 3% of a batch.
 *
 * Reads are positioned (pread). A short read before the end (which regular files do not give, but a file being
 * written might) drops the reads in flight and goes on from where it stopped, so no byte is skipped or read twice.
 * The descriptor is a plain one (not a FileHandle, which warns when the collector closes it): `destroy()` closes it,
 * and so does reaching the end or an error.
 */
import { close, open, read } from 'node:fs';

export interface ChunkReader extends AsyncIterable<Buffer> {
  /** Stops reading and closes the file (the reads in flight are let finish and dropped), as a stream's destroy(). */
  destroy(): void;
  /**
   * Gives back the chunk handed out last: the caller holds no part of it any more, and a later read goes into its
   * memory. A caller that never calls it gets a new buffer for every chunk.
   */
  release(): void;
}

const openFile = (path: string): Promise<number> => new Promise((resolve, reject) => open(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))));

function readAt(fd: number, buf: Buffer, at: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buf, 0, buf.length, at, (err, n) => (err ? reject(err) : resolve(n))));
}

export function readAhead(path: string, chunk: number, ahead: number): ChunkReader {
  let fd: number | null = null;
  let closed = false;
  /** Reads in flight, in file order: where each starts, its buffer and how many bytes it got. */
  let pending: Array<{ at: number; buf: Buffer; got: Promise<number> }> = [];
  /** Every read not yet over, waited for or not: the file is closed only after the last. */
  const inFlight = new Set<Promise<unknown>>();
  let pos = 0;
  /** The buffer of the chunk handed out last, and the buffers given back, which no read is using. */
  let out: Buffer | null = null;
  const free: Buffer[] = [];

  const issue = (): void => {
    const buf = free.pop() ?? Buffer.allocUnsafeSlow(chunk);
    const got = readAt(fd!, buf, pos);
    // a read dropped in flight fails unheard; one waited for fails there
    const over: Promise<unknown> = got.catch(() => 0).then(() => inFlight.delete(over));
    inFlight.add(over);
    pending.push({ at: pos, buf, got });
    pos += chunk;
  };
  /** Closes the file once the reads in flight are over (a read must not land on a reused descriptor). */
  const shut = (): void => {
    if (closed || fd === null) return;
    closed = true;
    pending = [];
    const f = fd;
    void Promise.all([...inFlight]).then(() => close(f, () => {}));
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    fd = await openFile(path);
    try {
      for (let i = 0; i < ahead; i++) issue();
      while (!closed) {
        const { at, buf, got } = pending.shift()!;
        const n = await got;
        if (n === 0 || closed) break;
        if (n < chunk) {
          // short of a whole chunk: the reads after it start in the wrong place; read on from its end
          await Promise.all(pending.map((p) => p.got.catch(() => 0)));
          pending = [];
          pos = at + n;
        }
        out = buf;
        while (pending.length < ahead) issue();
        yield buf.subarray(0, n);
        out = null;
      }
    } finally {
      shut();
    }
  }

  const it = chunks();
  return {
    [Symbol.asyncIterator]: () => it,
    destroy(): void {
      shut();
      void it.return(undefined);
    },
    release(): void {
      if (out) free.push(out);
      out = null;
    },
  };
}

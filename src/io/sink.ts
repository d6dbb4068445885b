/**
 * One way out for every file a command writes (batch's award table, summary and rejects; the reports of test and
 * diff): a Sink. A file sink opens up front, so a path that cannot be written fails before any work; it writes
 * under a temporary name beside the target and renames it into place when complete, so an output is whole or
 * absent; on an error (abort) and on SIGINT, SIGTERM or SIGHUP its temporary file is removed and any earlier
 * file of that name is left untouched. A sink without a path writes to standard output.
 */
import { close as fsClose, constants as fsConstants, createWriteStream, fstatSync, ftruncate, open as fsOpen, rmSync, write as fsWrite, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { escapeTerminal } from '../render/escape.js';

export interface Sink {
  /** The target file, or null for standard output. */
  readonly path: string | null;
  /** The stream to write to (the temporary file, or standard output); `write` respects its back-pressure. */
  readonly stream: Writable;
  /** Writes text (or its UTF-8 bytes), waiting when the stream asks to. */
  write(text: string | Uint8Array): Promise<void>;
  /** Finishes: ends the stream (unless its writer ended it) and renames the temporary file into place. */
  close(): Promise<void>;
  /** Gives up: removes the temporary file; an earlier file of the target's name is untouched. */
  abort(): Promise<void>;
}

/**
 * A file-system failure on an output, named by the path the user gave (never the temporary name) and the error
 * code; `path` null is standard output. The command line words it in the user's language (exit 2).
 */
export class FileError extends Error {
  constructor(
    readonly path: string | null,
    readonly code: string,
  ) {
    super(`${path ?? 'standard output'}: ${code}`);
  }
}

/** The error as a FileError for `path` (errors without a code are bugs, and pass unchanged). */
export function fileError(err: unknown, path: string | null): unknown {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new FileError(path, code) : err;
}

/**
 * Bytes a file sink holds before the writer waits: the system always has bytes to write while the next block is
 * made.
 */
const WRITE_AHEAD = 8 << 20;
/**
 * A file sink copies what it is given into chunks of its own, CHUNK bytes each and WRITE_AHEAD in all, and hands
 * the system whole chunks, each used again once written. A block's bytes then die young, where before each block
 * (a fresh buffer, held until the system had written it) outlived two young collections, and its memory, outside
 * V8's heap, came back only in a full collection: 45–60 of them in a batch of 1,000,000 rows, against 3 when the
 * same output went to a file through standard output, written at once.
 */
const CHUNK = 1 << 20;
const CHUNKS = WRITE_AHEAD / CHUNK;

/** Temporary files not yet renamed or removed: what a signal cleans up. */
const temporaries = new Set<string>();
let handlersInstalled = false;

/** The conventional exit code of a signal: 128 + its number. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Kept for every signal after the first, so that a second one (a terminal's Ctrl-C reaches the process that
  // started this one too, and it passes it on: bin/gz-awards.js) cannot end the process halfway through the cleanup.
  let exiting = false;
  for (const sig of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    process.on(sig, () => {
      if (exiting) return;
      exiting = true;
      removeTemporaries();
      process.exit(SIGNAL_EXIT[sig]);
    });
  }
  // an exit on an error that skipped the aborts: what is not renamed by now is not complete
  process.once('exit', removeTemporaries);
}

/**
 * A temporary file or folder of this process's own (the id table's spill folder), removed like a sink's
 * temporary file if the process is interrupted or exits before forgetTemporary.
 */
export function removeOnExit(path: string): void {
  installSignalHandlers();
  temporaries.add(path);
}

/** The temporary is gone (or renamed into place): nothing to remove for it any more. */
export function forgetTemporary(path: string): void {
  temporaries.delete(path);
}

/** Removes every temporary file and folder now (synchronously: the process is about to exit). */
export function removeTemporaries(): void {
  for (const t of temporaries) {
    try {
      rmSync(t, { force: true, recursive: true });
    } catch {
      /* nothing more can be done while exiting */
    }
  }
  temporaries.clear();
}

/** A temporary name beside `file`, removed if the process is interrupted before it is renamed. */
function temporaryFor(file: string): string {
  installSignalHandlers();
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  temporaries.add(tmp);
  return tmp;
}

/**
 * Where a file sink's chunks go. Each chunk handed is written whole, after the bytes of every chunk handed before
 * it in the file (though not necessarily after them in time); `done` reports it written (the chunk is free again)
 * or failed.
 */
interface ChunkTarget {
  /** The i-th chunk of the pool, CHUNK bytes. */
  chunk(i: number): Buffer;
  /** Hands the first `length` bytes of `chunk` to the system, to follow every chunk handed before. */
  put(chunk: Buffer, length: number, done: (err: unknown) => void): void;
  /** Whether a chunk is being written, whose end the event loop reports. */
  readonly busy: boolean;
  /** Every chunk handed is written and the file is closed. */
  end(): Promise<void>;
  /** Stops writing and closes the file (a failure or abort). */
  destroy(): Promise<void>;
  /** The stream of the file, for a writer that writes to it directly (a workbook's), or null: use the sink's. */
  readonly stream: WriteStream | null;
}

/** A file or pipe written through Node's write stream: the system keeps the bytes in its cache until it writes them. */
class StreamTarget implements ChunkTarget {
  constructor(
    readonly stream: WriteStream,
    fail: (err: unknown) => void,
  ) {
    stream.on('error', fail);
  }
  chunk(): Buffer {
    return Buffer.allocUnsafeSlow(CHUNK);
  }
  put(chunk: Buffer, length: number, done: (err: unknown) => void): void {
    this.stream.write(length === chunk.length ? chunk : chunk.subarray(0, length), (err) => done(err ?? null));
  }
  get busy(): boolean {
    return this.stream.writableLength > 0;
  }
  async end(): Promise<void> {
    if (this.stream.writableFinished) return;
    if (!this.stream.writableEnded) this.stream.end();
    await once(this.stream, 'finish');
  }
  async destroy(): Promise<void> {
    this.stream.destroy();
  }
}

/** What O_DIRECT asks of a write's memory, offset and length on the file systems Linux has (512 or 4,096). */
const BLOCK = 4096;

/**
 * Direct writes under way at once. One at a time, the disk of this project's test machine took longer for each
 * 1 MB than the batch took to fill the next (JSON Lines, 1,000,000 rows: the writer waited 3,085 times, 3.7 s in
 * all); a few at once keep it busy. Fewer than the system's four threads, which the reader's reads share.
 */
const IN_FLIGHT = 3;

/**
 * A new regular file written around the system's cache (O_DIRECT): each chunk goes from this process's memory to
 * the disk. Writing 3 GB of JSON Lines through the cache cost this project's test machine 7–10 s of system time
 * on its second core, which the batch needs; written so, about 1 s (docs/performance.md, "Benchmark"). O_DIRECT asks for
 * memory, offsets and lengths aligned to the disk's blocks: the chunks are slices of a WebAssembly memory (whose
 * pages are aligned), every chunk but the last is whole, and the last is padded to a block and the file cut back
 * to its length. Each chunk's place in the file is fixed when it is handed over, so that up to IN_FLIGHT of them
 * are written at once. A write the file system refuses so (EINVAL) or leaves short goes on, from that byte,
 * through a second, ordinary descriptor of the same file, as every write after it.
 */
class DirectTarget implements ChunkTarget {
  readonly stream = null;
  /** Chunks waiting their turn, in order. */
  private readonly queue: Array<{ chunk: Buffer; length: number; done: (err: unknown) => void }> = [];
  /** Writes under way. */
  private active = 0;
  /** Bytes of the file handed so far: where the next chunk goes. */
  private size = 0;
  /** The ordinary descriptor, opened once the file system refused a direct write. */
  private plain: Promise<number> | null = null;
  private stopped = false;
  /** Who waits for every write under way to end. */
  private readonly settled: Array<() => void> = [];

  private constructor(
    private readonly fd: number,
    private readonly file: string,
    private readonly memory: ArrayBuffer,
  ) {}

  /** The target, or null if this system or file system cannot write `file` so (then it is written through the cache). */
  static async open(file: string): Promise<DirectTarget | null> {
    const direct = (fsConstants as { O_DIRECT?: number }).O_DIRECT;
    if (process.platform !== 'linux' || direct === undefined || process.env['GZ_AWARDS_CACHED_WRITES'] === '1') return null;
    let memory: ArrayBuffer;
    try {
      memory = new WebAssembly.Memory({ initial: (CHUNKS * CHUNK) / 65536 }).buffer;
    } catch {
      return null; // no WebAssembly (node --jitless), or no room for its memory
    }
    try {
      return new DirectTarget(await openFd(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | direct), file, memory);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EINVAL') return null;
      throw err;
    }
  }

  chunk(i: number): Buffer {
    return Buffer.from(this.memory, i * CHUNK, CHUNK);
  }

  put(chunk: Buffer, length: number, done: (err: unknown) => void): void {
    if (this.stopped) return done(cancelled());
    this.queue.push({ chunk, length, done });
    this.pump();
  }

  get busy(): boolean {
    return this.active > 0;
  }

  /** Starts the waiting chunks' writes, up to IN_FLIGHT at once, each at its place in the file. */
  private pump(): void {
    while (this.active < IN_FLIGHT && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const start = this.size;
      this.size += job.length;
      this.active++;
      this.writeAll(job.chunk, job.length, start).then(
        () => this.ended(job.done, null),
        (err: unknown) => this.ended(job.done, err),
      );
    }
  }

  private ended(done: (err: unknown) => void, err: unknown): void {
    this.active--;
    done(err);
    if (!this.stopped) this.pump();
    if (this.active === 0) for (const go of this.settled.splice(0)) go();
  }

  /** Writes the bytes at `start`: whole blocks directly (a short last block padded), the rest through the cache. */
  private async writeAll(chunk: Buffer, length: number, start: number): Promise<void> {
    let at = 0;
    if (this.plain === null) {
      const padded = Math.ceil(length / BLOCK) * BLOCK;
      try {
        const n = await writeAt(this.fd, chunk, 0, padded, start);
        // a short write ends at a block: the rest goes on through the cache
        at = Math.min(n - (n % BLOCK), length);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
      }
      if (at < length) this.plain ??= openFd(this.file, fsConstants.O_WRONLY);
    }
    if (at === length) return;
    const fd = await this.plain!;
    while (at < length) at += await writeAt(fd, chunk, at, length - at, start + at);
  }

  /** Waits for the writes under way. */
  private async idle(): Promise<void> {
    while (this.active > 0) await new Promise<void>((resolve) => this.settled.push(resolve));
  }

  async end(): Promise<void> {
    await this.idle();
    // the last chunk was padded to a block: the file ends where its bytes do
    await new Promise<void>((resolve, reject) => ftruncate(this.fd, this.size, (err) => (err ? reject(err) : resolve())));
    await this.closeAll();
  }

  async destroy(): Promise<void> {
    this.stopped = true;
    for (const job of this.queue.splice(0)) job.done(cancelled());
    await this.idle();
    await this.closeAll().catch(() => {});
  }

  private async closeAll(): Promise<void> {
    const plain = this.plain;
    this.plain = null;
    await closeFd(this.fd);
    if (plain) await closeFd(await plain);
  }
}

/** The failure of a chunk handed after the sink gave up. */
function cancelled(): Error {
  return Object.assign(new Error('the output was abandoned'), { code: 'ECANCELED' });
}

function writeAt(fd: number, b: Buffer, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fsWrite(fd, b, offset, length, position, (err, n) => (err ? reject(err) : resolve(n))));
}

function closeFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsClose(fd, (err) => (err ? reject(err) : resolve())));
}

/**
 * Opens a file (new files 0o666 less the umask, as a write stream makes them). The sink's own writes use node:fs's
 * callbacks, which its tests wrap to inject a file system's refusals.
 */
function openFd(file: string, flags: number): Promise<number> {
  return new Promise((resolve, reject) => fsOpen(file, flags, 0o666, (err, fd) => (err ? reject(err) : resolve(fd))));
}

class FileSink implements Sink {
  private ended = false;
  /** The first failure, kept so that no error goes unheard and the next write or close reports it. */
  private failed: unknown = null;
  /** Chunks not being written, and how many were made (CHUNKS at most). */
  private readonly free: Buffer[] = [];
  private made = 0;
  /** The chunk being filled, and its bytes so far. */
  private chunk: Buffer | null = null;
  private used = 0;
  /** The writer waiting for a chunk to be written (or for the target to fail). */
  private waiting: (() => void) | null = null;
  private readonly target: ChunkTarget;
  private adapter: Writable | null = null;
  constructor(
    /** The target, or null for standard output when it is a pipe (pipeSink). */
    readonly path: string | null,
    /** The temporary file, or null when the target is a device or a pipe (written directly: /dev/null). */
    private readonly tmp: string | null,
    /** A write stream of the file, or the file opened for direct writes. */
    to: WriteStream | DirectTarget,
    /** The outputs this one is kept with (renamed into place by the group's commit), or null: renamed at close. */
    private readonly group: OutputGroup | null = null,
  ) {
    const fail = (err: unknown): void => {
      this.failed ??= err;
      this.wake();
    };
    this.target = to instanceof DirectTarget ? to : new StreamTarget(to, fail);
  }

  /** Whether the output goes through a temporary file (not a device written directly). */
  get hasTemporary(): boolean {
    return this.tmp !== null;
  }

  /** Whether the file is written around the system's cache (O_DIRECT). */
  get direct(): boolean {
    return this.target instanceof DirectTarget;
  }

  /**
   * For a writer that writes to a stream (a workbook's): written only through it, or only through write() (whose
   * chunks it would overtake). A file written directly takes the stream's bytes through write().
   */
  get stream(): Writable {
    if (this.target.stream) return this.target.stream;
    this.adapter ??= new Writable({
      highWaterMark: CHUNK,
      write: (chunk: Buffer, _enc, cb) => void this.write(chunk).then(() => cb(), cb),
    });
    return this.adapter;
  }

  private wake(): void {
    const go = this.waiting;
    this.waiting = null;
    go?.();
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.failed) throw fileError(this.failed, this.path);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let at = 0; at < bytes.length; ) {
      if (this.chunk === null) {
        this.chunk = await this.freeChunk();
        this.used = 0;
      }
      const n = Math.min(bytes.length - at, CHUNK - this.used);
      this.chunk.set(n === bytes.length ? bytes : bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === CHUNK) this.hand();
    }
    // The system reports a finished write through the event loop, and only then is it handed the next chunk: a
    // writer that computes without a pause would leave the file idle until it waits (JSON Lines: 9% slower).
    if (this.target.busy) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Hands the chunk being filled to the system; it is free again once written. */
  private hand(): void {
    const chunk = this.chunk!;
    const used = this.used;
    this.chunk = null;
    this.used = 0;
    if (used === 0) {
      this.free.push(chunk);
      return;
    }
    try {
      this.target.put(chunk, used, (err) => {
        if (err) this.failed ??= err;
        this.free.push(chunk);
        this.wake();
      });
    } catch (err) {
      throw fileError(this.failed ?? err, this.path);
    }
  }

  /** A chunk to fill: a free one, a new one while fewer than CHUNKS were made, else the next one written. */
  private async freeChunk(): Promise<Buffer> {
    for (;;) {
      if (this.failed) throw fileError(this.failed, this.path);
      const chunk = this.free.pop();
      if (chunk) return chunk;
      if (this.made < CHUNKS) return this.target.chunk(this.made++);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async close(): Promise<void> {
    try {
      if (this.failed) throw this.failed;
      if (this.adapter && !this.adapter.writableFinished) {
        if (!this.adapter.writableEnded) this.adapter.end();
        await once(this.adapter, 'finish');
      }
      if (this.chunk !== null) this.hand();
      if (!this.ended) {
        this.ended = true;
        await this.target.end();
      }
      if (this.failed) throw this.failed;
      if (this.group) return; // complete: renamed into place with the run's other outputs (OutputGroup.commit)
      if (this.tmp && this.path !== null) await rename(this.tmp, this.path);
    } catch (err) {
      throw fileError(this.failed ?? err, this.path);
    }
    if (this.tmp) temporaries.delete(this.tmp);
  }

  /** Renames the complete temporary file into place (OutputGroup.commit). */
  async commit(): Promise<void> {
    if (!this.tmp || this.path === null) return;
    try {
      await rename(this.tmp, this.path);
    } catch (err) {
      throw fileError(err, this.path);
    }
    temporaries.delete(this.tmp);
  }

  async abort(): Promise<void> {
    this.adapter?.destroy();
    await this.target.destroy();
    if (!this.tmp) return;
    await rm(this.tmp, { force: true });
    temporaries.delete(this.tmp);
  }
}

/**
 * The outputs of one run, kept together or not at all (issue 34): the award table, the rejected rows, the summary,
 * the run records beside them. Each is written whole under its temporary name and closed; none is renamed into
 * place until every one is complete (commit); a failure before that (a full disk under --rejects) aborts them
 * all, and no earlier file of their names is touched. The one place a run's outputs are committed: an output
 * opened with the group is in it. Standard output and devices (/dev/null) are written as they come: they cannot
 * be held back.
 */
export class OutputGroup {
  /** The file outputs opened with the group, in the order they were opened (and are renamed). */
  readonly members: FileSink[] = [];

  /**
   * Renames every complete output into place, in order. A rename that fails (rare: the file's folder changed
   * under the run) removes the outputs not yet renamed, and the ones already renamed with them, then reports it.
   */
  async commit(): Promise<void> {
    for (let i = 0; i < this.members.length; i++) {
      try {
        await this.members[i]!.commit();
      } catch (err) {
        for (const m of this.members.slice(i)) await m.abort();
        for (const m of this.members.slice(0, i)) if (m.path !== null && m.hasTemporary) await rm(m.path, { force: true });
        throw err;
      }
    }
  }
}

class StdoutSink implements Sink {
  readonly path = null;
  readonly stream: Writable = process.stdout;

  async write(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    // data on a terminal is read by a person: nothing from the input may drive it (a redirected file keeps it as is)
    if (process.stdout.isTTY) text = escapeTerminal(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8'));
    try {
      if (!process.stdout.write(text)) await drained(process.stdout);
    } catch (err) {
      throw fileError(err, null);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => process.stdout.write('', (err) => (err ? reject(fileError(err, null)) : resolve())));
  }

  async abort(): Promise<void> {}
}

/** Waits for 'drain', failing if the stream fails first. */
async function drained(s: Writable): Promise<void> {
  await once(s, 'drain');
}

/**
 * Standard output when it is a pipe (`batch --format jsonl | …`), written like a file: by the system's threads,
 * while the next block is computed. Node writes to a pipe from the main thread, a pipe buffer (64 KB) at a time
 * as the reader drains it, and a block of JSON Lines (1–3 MB) was then handed over while nothing was computed.
 * The pipe is opened anew (/proc/self/fd/1: a description of its own, blocking, whatever Node made of fd 1), so
 * the bytes go in order through one writer. Elsewhere (a terminal, a file, a socket, another system), or if the
 * pipe cannot be opened so, standard output is written as before.
 */
async function pipeSink(): Promise<Sink | null> {
  try {
    if (process.platform !== 'linux' || !fstatSync(1).isFIFO()) return null;
    return new FileSink(null, null, await cachedStream('/proc/self/fd/1'));
  } catch {
    return null;
  }
}

/** A file opened for writing through the system's cache. */
async function cachedStream(file: string): Promise<WriteStream> {
  // a block of output (1–3 MB of JSON) may be written while the next is computed: back-pressure starts above it
  const stream = createWriteStream(file, { flags: 'w', highWaterMark: WRITE_AHEAD });
  await once(stream, 'open');
  return stream;
}

/**
 * Opens a sink: `path` null is standard output. The folder is made if missing and the temporary file is created
 * now, so that a path that cannot be written fails here (a FileError), before any work. A target that is a
 * device or a pipe (/dev/null) is written directly; a folder is refused (EISDIR).
 *
 * With `direct`, a new regular file is written around the system's cache (DirectTarget), where the system allows
 * it: for outputs of gigabytes (JSON Lines of a district), whose writing through the cache costs seconds of the
 * second core. Other files go through the cache: on a batch to CSV of 1,000,000 rows, written directly, V8's
 * young-generation collections fell so that a run in four to two went on promoting each block's text and rows
 * (peak RSS 124–135 MB, 14–34 full collections), and none of 16 runs through the cache or to a device did (docs/performance.md,
 * "Benchmark").
 */
export async function openSink(path: string | null, o: { direct?: boolean; group?: OutputGroup } = {}): Promise<Sink> {
  if (path === null) return (await pipeSink()) ?? new StdoutSink();
  let tmp: string | null = null;
  try {
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (st?.isDirectory()) throw new FileError(path, 'EISDIR');
    if (st && !st.isFile() && !st.isCharacterDevice() && !st.isFIFO()) throw new FileError(path, 'NOTFILE');
    const direct = st !== null && !st.isFile();
    if (!direct) {
      await makeFolder(dirname(path));
      tmp = temporaryFor(path);
    }
    const to = (tmp && o.direct && (await DirectTarget.open(tmp))) || (await cachedStream(tmp ?? path));
    const sink = new FileSink(path, tmp, to, o.group ?? null);
    o.group?.members.push(sink);
    return sink;
  } catch (err) {
    if (tmp) temporaries.delete(tmp);
    throw fileError(err, path);
  }
}

/**
 * Makes a folder and its missing parents, one level at a time (mkdir's own recursion never returns under
 * /proc, where creating fails with ENOENT although the parent exists).
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const st = await stat(d).catch(() => null);
    if (st) {
      if (!st.isDirectory()) throw new FileError(dir, 'ENOTDIR');
      break;
    }
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) await mkdir(d).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** Writes a whole file through a sink, making its folder if needed (test-results/… in CI). */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  const sink = await openSink(file);
  try {
    await sink.write(content);
    await sink.close();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

/**
 * One way out for every file a command writes (batch's award table, summary and rejects; the reports of test and
 * diff): a Sink. A file sink opens up front, so a path that cannot be written fails before any work; it writes
 * under a temporary name beside the target and renames it into place when complete, so an output is whole or
 * absent; on an error (abort) and on SIGINT, SIGTERM or SIGHUP its temporary file is removed and any earlier
 * file of that name is left untouched. A sink without a path writes to standard output.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export interface Sink {
  /** The target file, or null for standard output. */
  readonly path: string | null;
  /** The stream to write to (the temporary file, or standard output); `write` respects its back-pressure. */
  readonly stream: Writable;
  /** Writes text, waiting when the stream asks to. */
  write(text: string | Buffer): Promise<void>;
  /** Finishes: ends the stream (unless its writer ended it) and renames the temporary file into place. */
  close(): Promise<void>;
  /** Gives up: removes the temporary file; an earlier file of the target's name is untouched. */
  abort(): Promise<void>;
}

/** Temporary files not yet renamed or removed: what a signal cleans up. */
const temporaries = new Set<string>();
let handlersInstalled = false;

/** The conventional exit code of a signal: 128 + its number. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    process.once(sig, () => {
      removeTemporaries();
      process.exit(SIGNAL_EXIT[sig]);
    });
  }
}

/** Removes every temporary file now (synchronously: the process is about to exit). */
export function removeTemporaries(): void {
  for (const t of temporaries) {
    try {
      rmSync(t, { force: true });
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

class FileSink implements Sink {
  private ended = false;
  constructor(
    readonly path: string,
    private readonly tmp: string,
    readonly stream: WriteStream,
  ) {}

  async write(text: string | Buffer): Promise<void> {
    if (text.length === 0) return;
    if (!this.stream.write(text)) await drained(this.stream);
  }

  async close(): Promise<void> {
    if (!this.stream.writableFinished) {
      if (!this.ended) this.stream.end();
      this.ended = true;
      await finished(this.stream);
    }
    await rename(this.tmp, this.path);
    temporaries.delete(this.tmp);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
    temporaries.delete(this.tmp);
  }
}

class StdoutSink implements Sink {
  readonly path = null;
  readonly stream: Writable = process.stdout;

  async write(text: string | Buffer): Promise<void> {
    if (text.length === 0) return;
    if (!process.stdout.write(text)) await drained(process.stdout);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => process.stdout.write('', (err) => (err ? reject(err) : resolve())));
  }

  async abort(): Promise<void> {}
}

/** Waits for 'drain', failing if the stream fails first. */
async function drained(s: Writable): Promise<void> {
  await once(s, 'drain');
}

/** Waits for 'finish' (every byte handed to the system), failing if the stream fails first. */
async function finished(s: Writable): Promise<void> {
  if (s.writableFinished) return;
  await once(s, 'finish');
}

/**
 * Opens a sink: `path` null is standard output. The temporary file is created now (its folder too with
 * `makeDir`), so that a path that cannot be written fails here, before any work.
 */
export async function openSink(path: string | null, o: { makeDir?: boolean } = {}): Promise<Sink> {
  if (path === null) return new StdoutSink();
  if (o.makeDir) await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryFor(path);
  const stream = createWriteStream(tmp, { flags: 'w' });
  try {
    await once(stream, 'open');
  } catch (err) {
    temporaries.delete(tmp);
    throw err;
  }
  return new FileSink(path, tmp, stream);
}

/** Writes a whole file through a sink, making its folder if needed (test-results/… in CI). */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  const sink = await openSink(file, { makeDir: true });
  try {
    await sink.write(content);
    await sink.close();
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

/**
 * Output files are written under a temporary name beside the target and renamed into place when complete, so
 * that an interrupted run leaves no half file (SPEC §8); a temporary file is removed on Ctrl-C. One place for
 * every command: batch's streamed outputs and the reports of test and diff.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const temporaries = new Set<string>();
let handlerInstalled = false;

/** A temporary name beside `file`, removed if the process is interrupted before it is renamed. */
export function temporaryFor(file: string): string {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  temporaries.add(tmp);
  if (!handlerInstalled) {
    handlerInstalled = true;
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        for (const t of temporaries) rm(t, { force: true }).catch(() => undefined);
        // give the removals a moment, then leave with the conventional code
        setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 50);
      });
    }
  }
  return tmp;
}

export async function commitTemporary(tmp: string, file: string): Promise<void> {
  await rename(tmp, file);
  temporaries.delete(tmp);
}

export async function dropTemporary(tmp: string): Promise<void> {
  await rm(tmp, { force: true });
  temporaries.delete(tmp);
}

/** Writes a whole file atomically, making its directory if needed (test-results/… in CI). */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = temporaryFor(file);
  try {
    await writeFile(tmp, content);
    await commitTemporary(tmp, file);
  } catch (err) {
    await dropTemporary(tmp);
    throw err;
  }
}

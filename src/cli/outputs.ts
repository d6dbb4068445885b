/**
 * The rules every output path obeys before anything is read: an output is never the same file as an input, two
 * outputs never share a file (compared by real path and by device + inode, so links and `./` spellings count),
 * and an extension that names a format agrees with the format written.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { KeyedError } from './common.js';

/** A file a command was given, by the flag that named it ("input" for the arguments). */
export interface NamedPath {
  flag: string;
  path: string;
}

interface Identity {
  real: string;
  inode: string | null;
}

async function identity(path: string): Promise<Identity> {
  try {
    const st = await stat(path);
    return { real: await realpath(path), inode: `${st.dev}:${st.ino}` };
  } catch {
    // not there (yet): the real path of its folder and its name
    const dir = await realpath(dirname(path)).catch(() => resolve(dirname(path)));
    return { real: join(dir, basename(path)), inode: null };
  }
}

const same = (a: Identity, b: Identity) => a.real === b.real || (a.inode !== null && a.inode === b.inode);

/** Devices (/dev/null) and standard input are never "the same file" as anything. */
async function isSharable(path: string): Promise<boolean> {
  if (path === '-') return true;
  try {
    const st = await stat(path);
    return st.isCharacterDevice() || st.isFIFO();
  } catch {
    return false;
  }
}

/** Throws (exit 2, naming both) when an output is an input or another output. */
export async function refuseSameFiles(inputs: readonly NamedPath[], outputs: readonly NamedPath[]): Promise<void> {
  const ins: Array<[NamedPath, Identity]> = [];
  for (const i of inputs) if (!(await isSharable(i.path))) ins.push([i, await identity(i.path)]);
  const outs: Array<[NamedPath, Identity]> = [];
  for (const o of outputs) {
    if (await isSharable(o.path)) continue;
    const id = await identity(o.path);
    for (const [i, iid] of ins) if (same(id, iid)) throw new KeyedError({ key: 'out.same-as-input', args: { flag: o.flag, path: o.path, input: i.path } });
    for (const [p, pid] of outs) if (same(id, pid)) throw new KeyedError({ key: 'out.same-as-output', args: { flag: o.flag, path: o.path, other: p.flag, otherPath: p.path } });
    outs.push([o, id]);
  }
}

/** The format an extension names, when it names one. */
const EXT_FORMAT: Record<string, string> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx', '.xls': 'xlsx', '.xml': 'xml', '.md': 'md', '.html': 'html', '.htm': 'html', '.txt': 'text' };

/**
 * Throws (exit 2) when `path`'s extension names a format other than those `accepted` for what is written
 * (`--out a.xlsx --format csv`, `--summary s.xlsx`). An extension that names no format is accepted.
 */
export function refuseFormatMismatch(flag: string, path: string, format: string, accepted: readonly string[]): void {
  const ext = extname(path).toLowerCase();
  const named = EXT_FORMAT[ext];
  if (named === undefined || accepted.includes(named)) return;
  throw new KeyedError({ key: 'out.format-mismatch', args: { flag, path, ext, format, accepted: accepted.map((f) => Object.keys(EXT_FORMAT).filter((e) => EXT_FORMAT[e] === f).join(' ')).join(' ') } });
}

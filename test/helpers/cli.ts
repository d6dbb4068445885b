/**
 * Runs the built binary as a user would: no colour, a fixed environment, stdout and stderr kept apart. Every
 * spawned run goes through `guard`: a stack frame or "internal error" on standard error, or an exit code no user
 * may reach (70, or death by a signal nobody sent), fails the test that ran it, whatever that test asserts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/gz-awards.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stack trace has lines like "    at foo (file.js:1:2)". */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Fails when a run shows what only a bug may show. */
export function guard(args: readonly string[], r: CliRun): CliRun {
  if (STACK.test(r.stderr) || /internal error/.test(r.stderr) || r.code === 70 || r.code === -1) {
    throw new Error(`gz-awards ${args.join(' ')} showed a bug (exit ${r.code}):\n${r.stderr.slice(0, 2000)}`);
  }
  return r;
}

export const cliEnv = (env?: Record<string, string>) => ({ PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env });

export function cli(args: string[], o: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: o.cwd ?? ROOT,
    input: o.input,
    encoding: 'utf8',
    env: cliEnv(o.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return guard(args, { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
}

/** Starts the binary without waiting (signal tests); `done` resolves with the run, guarded like `cli`. */
export function cliAsync(args: string[], o: { env?: Record<string, string>; cwd?: string; stdio?: 'pipe' | 'ignore'; group?: boolean } = {}): { child: ChildProcess; done: Promise<CliRun> } {
  // group: the run leads a process group of its own, so that a signal can reach all of it, as a terminal's Ctrl-C does
  const child = spawn(process.execPath, [BIN, ...args], { cwd: o.cwd ?? ROOT, env: cliEnv(o.env), stdio: ['ignore', o.stdio ?? 'pipe', 'pipe'], detached: !!o.group });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliRun>((resolve, reject) =>
    child.on('close', (code) => {
      try {
        resolve(guard(args, { code: code ?? -1, stdout, stderr }));
      } catch (err) {
        reject(err);
      }
    }),
  );
  return { child, done };
}

/**
 * Vitest's global setup: every test file and every command it starts makes its temporary files under one folder
 * of this run (TMPDIR, which os.tmpdir() and the system's tools read), removed when the run ends. Before, each
 * run of the suite left about a hundred folders in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gz-awards-tests-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(root, { recursive: true, force: true });
  };
}

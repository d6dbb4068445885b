/**
 * A district past 131,000 enterprises: the id table moves its ids to a temporary folder (src/io/id-registry.ts)
 * and memory stays flat. Through the spawned CLI, as an analyst meets it: duplicates that come after the move,
 * of ids seen before it and after it, are rejected with the row where each id was first seen, with one job and
 * with two, in batch and in validate; the folder is gone after the run, and after an interrupt.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, ROOT } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-ids-on-disk-'));
const FILE = join(dir, 'district.csv');
const ROWS = 150_000;
/** Data rows (0-based) repeated at the end: seen in memory, seen just before the end, in between. */
const REPEATED = [0, 140_000, 149_999, 77_777];
let ids: string[] = [];

beforeAll(async () => {
  const { writeDistrictCsv } = await import(pathToFileURL(join(ROOT, 'scripts/district-generator.mjs')).href);
  await writeDistrictCsv(FILE, ROWS);
  const lines = readFileSync(FILE, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  expect(lines.length).toBe(ROWS + 1);
  ids = REPEATED.map((r) => lines[r + 1]!.split(',')[0]!);
  writeFileSync(FILE, [...lines, ...REPEATED.map((r) => lines[r + 1])].join('\n') + '\n');
}, 120_000);

/** A fresh TMPDIR for one run, and the id folders left in it. */
function tmp(): { env: Record<string, string>; left: () => string[] } {
  const d = mkdtempSync(join(dir, 'tmp-'));
  return { env: { TMPDIR: d }, left: () => readdirSync(d).filter((f) => f.startsWith('gz-awards-ids-')) };
}

/** Rejects (row, id, first row) as the file lists them. */
function rejected(file: string): Array<[number, string, number]> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const m = /^[^,]+,(\d+),,([0-9A-Z]{18}),.*first at [^:]+:(\d+)\)/.exec(l);
      if (!m) throw new Error(`not a duplicate reject: ${l}`);
      return [Number(m[1]), m[2]!, Number(m[3])];
    });
}

const expected = () => REPEATED.map((r, k) => [ROWS + 2 + k, ids[k]!, r + 2] as [number, string, number]);

describe('duplicate ids past the in-memory table', () => {
  for (const jobs of [1, 2]) {
    it(`batch --jobs ${jobs}: each late duplicate rejected with its first row; no folder left`, () => {
      const t = tmp();
      const out = join(dir, `awards-${jobs}.csv`);
      const rej = join(dir, `rejects-${jobs}.csv`);
      const r = cli(['batch', FILE, '--out', out, '--rejects', rej, '--lang', 'en', '--jobs', String(jobs), '--no-progress'], { env: t.env });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${ROWS + REPEATED.length} records read: ${ROWS} in the output, ${REPEATED.length} rejected`);
      expect(rejected(rej)).toEqual(expected());
      expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(ROWS + 1);
      expect(t.left()).toEqual([]);
    }, 120_000);
  }

  it('validate: the same duplicates, the same first rows; no folder left', () => {
    const t = tmp();
    const r = cli(['validate', FILE, '--lang', 'en'], { env: t.env });
    expect(r.code).toBe(3);
    const dups = [...r.stderr.matchAll(/row (\d+), id: duplicate unified social credit code \(first at [^:]+:(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(dups).toEqual(expected().map(([row, , first]) => [row, first]));
    expect(r.stderr).toContain(`${ROWS + REPEATED.length} records: ${ROWS} valid, ${REPEATED.length} with errors`);
    expect(t.left()).toEqual([]);
  }, 120_000);

  it('SIGINT once the ids are on disk: exit 130 and the folder removed', async () => {
    const t = tmp();
    const { child, done } = cliAsync(['batch', FILE, '--out', join(dir, 'interrupted.csv'), '--no-progress'], { env: t.env });
    for (let i = 0; i < 12000 && t.left().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.left().length).toBe(1);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(t.left()).toEqual([]);
    expect(readdirSync(dir)).not.toContain('interrupted.csv');
  }, 120_000);
});

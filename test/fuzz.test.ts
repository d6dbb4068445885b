/**
 * Issue 7, item 11: fuzzing. Arbitrary bytes and arbitrary mutations of valid files (CSV in UTF-8, GBK and
 * UTF-16, JSON, JSON Lines, YAML parameters and scenarios) never make a reader throw, and through the spawned CLI
 * every run ends with exit 0, 2 or 3 (1 too for `test` on a mutated scenario), never a stack trace or "internal
 * error" (test/helpers/cli.ts fails those), and every record ends exactly once in the output or the rejects.
 * Bounded: a fixed seed, a few hundred cases in process and 150 through the CLI, run four at a time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateOverrides } from '../src/engine/overrides.js';
import { parseLocated } from '../src/io/located-yaml.js';
import { streamRecords, type StreamEvent } from '../src/io/stream.js';
import { loadScenarioFile } from '../src/scenario/load.js';
import { cliAsync, ROOT, type CliRun } from './helpers/cli.js';

const SEED = 20251201;
const dir = mkdtempSync(join(tmpdir(), 'gz-fuzz-'));
let n = 0;
const fresh = (ext: string) => join(dir, `f${n++}${ext}`);

// Valid seeds: a few rows of each kind of file the readers take.
const CSV_LINES = readFileSync(join(ROOT, 'fixtures/districts/sample-district.csv'), 'utf8').split('\r\n');
const CSV = Buffer.from(CSV_LINES.slice(0, 12).join('\r\n') + '\r\n');
const GBK = (() => {
  const text = iconv.decode(readFileSync(join(ROOT, 'fixtures/districts/sample-district-gbk.csv')), 'gb18030').split('\r\n').slice(0, 8).join('\r\n') + '\r\n';
  return iconv.encode(text, 'gbk');
})();
const UTF16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV_LINES.slice(0, 6).join('\r\n').replace(/,/g, '\t') + '\r\n', 'utf16le')]);
const JSONL_LINES = readFileSync(join(ROOT, 'fixtures/diff/small-district.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 8);
const JSONL = Buffer.from(JSONL_LINES.join('\n') + '\n');
const JSON_ARRAY = Buffer.from('[\n' + JSONL_LINES.join(',\n') + '\n]\n');
const PARAMS = readFileSync(join(ROOT, 'fixtures/reforms/tier1-5bn.yaml'));
const SCENARIO = readFileSync(join(ROOT, 'test/fixtures/scenarios/passing.yaml'));

/** One edit of a file's bytes: flip, insert, delete, duplicate a range, or cut the file short. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(',', '"', '\n', '\r', ';', '\t', '{', '}', '[', ']', ':', '*a', '&a', '-', '0', '1e400', '\x1b[2J', '\u0000', '，', '亿') }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function mutate(base: Buffer, edits: readonly Edit[]): Buffer {
  let b = Buffer.from(base);
  for (const e of edits) {
    const at = b.length === 0 ? 0 : e.at % (b.length + 1);
    switch (e.op) {
      case 'flip':
        if (b.length) b[at % b.length] = e.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(e.bytes), b.subarray(at)]);
        break;
      case 'text':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(e.text), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
        break;
      case 'repeat':
        b = Buffer.concat([b.subarray(0, at + e.len), b.subarray(at)]);
        break;
      case 'cut':
        b = b.subarray(0, at);
        break;
    }
  }
  return b;
}

/** A mutation of `base`, or (one time in five) arbitrary bytes. */
const fileFrom = (base: Buffer) => fc.oneof({ weight: 4, arbitrary: fc.array(edit, { minLength: 1, maxLength: 6 }).map((es) => mutate(base, es)) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((u) => Buffer.from(u)) });

/** Reads a file as the CLI does; checks that records come in file order. */
async function readAll(bytes: Buffer, ext: string, encoding: 'auto' | 'gbk' = 'auto'): Promise<StreamEvent[]> {
  const file = fresh(ext);
  writeFileSync(file, bytes);
  const events: StreamEvent[] = [];
  for await (const ev of streamRecords([file], { encoding })) events.push(ev);
  // in file order, never back: no record is handed out again (two values on one line share their row)
  const places = events.flatMap((e) => (e.type === 'record' ? [e.at.row ?? e.at.index ?? 0] : []));
  for (let i = 1; i < places.length; i++) expect(places[i]!).toBeGreaterThanOrEqual(places[i - 1]!);
  return events;
}

describe('readers in process', () => {
  const kinds: Array<[string, Buffer, string, 'auto' | 'gbk']> = [
    ['CSV (UTF-8)', CSV, '.csv', 'auto'],
    ['CSV (GBK)', GBK, '.csv', 'gbk'],
    ['CSV (UTF-16)', UTF16, '.csv', 'auto'],
    ['JSON', JSON_ARRAY, '.json', 'auto'],
    ['JSON Lines', JSONL, '.jsonl', 'auto'],
  ];
  for (const [name, base, ext, encoding] of kinds) {
    it(`${name}: never throws, hands out records in file order`, async () => {
      await fc.assert(fc.asyncProperty(fileFrom(base), (bytes) => readAll(bytes, ext, encoding).then(() => undefined)), { seed: SEED, numRuns: 60 });
    });
  }

  it('YAML parameters and scenarios: parsing and validating never throw', async () => {
    fc.assert(
      fc.property(fc.oneof(fileFrom(PARAMS), fileFrom(SCENARIO)), (bytes) => {
        const parsed = parseLocated(bytes.toString('utf8'));
        if (parsed.ok) validateOverrides(parsed.value);
      }),
      { seed: SEED, numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fileFrom(SCENARIO), async (bytes) => {
        const file = fresh('.yaml');
        writeFileSync(file, bytes);
        await loadScenarioFile(file);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/** Runs the cases `parallel` at a time. */
async function runAll<T>(cases: readonly T[], run: (c: T) => Promise<void>, parallel = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < cases.length) await run(cases[next++]!);
    }),
  );
}

const COUNTS = /(\d+) records read: (\d+) in the output, (\d+) rejected(?: \(see [^)]*\))?(?:, (\d+) of other districts skipped)?/;

/** Every record once: the counts add up, the output has a line per output record and the rejects one per rejected. */
function checkLedger(r: CliRun, rejects: string): void {
  expect([0, 2, 3]).toContain(r.code);
  const m = COUNTS.exec(r.stderr);
  if (!m) {
    expect(r.code).toBe(2); // nothing read: no counts, no output
    expect(r.stdout).toBe('');
    return;
  }
  const [read, output, rejected, skipped] = [m[1], m[2], m[3], m[4] ?? '0'].map(Number) as [number, number, number, number];
  expect(output + rejected + skipped).toBe(read);
  const lines = r.stdout.split('\n').filter(Boolean);
  expect(lines.length).toBe(output);
  const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
  expect(new Set(ids).size).toBe(ids.length);
  let rejectLines: string[] = [];
  try {
    rejectLines = readFileSync(rejects, 'utf8').split('\n').filter(Boolean);
  } catch {
    /* no rejects file: nothing was rejected or the run stopped */
  }
  expect(rejectLines.length).toBe(rejected);
}

describe('the CLI on fuzzed files', { timeout: 300_000 }, () => {
  const inputs: Array<[string, Buffer, string, number]> = [
    ['CSV (UTF-8)', CSV, '.csv', 30],
    ['CSV (GBK)', GBK, '.csv', 20],
    ['CSV (UTF-16)', UTF16, '.csv', 10],
    ['JSON', JSON_ARRAY, '.json', 25],
    ['JSON Lines', JSONL, '.jsonl', 25],
  ];
  it('batch: exit 0, 2 or 3, and every record once in the output or the rejects (110 runs)', async () => {
    const cases = inputs.flatMap(([, base, ext, count]) => fc.sample(fileFrom(base), { seed: SEED, numRuns: count }).map((bytes) => ({ bytes, ext })));
    await runAll(cases, async ({ bytes, ext }) => {
      const file = fresh(ext);
      const rejects = fresh('.jsonl');
      writeFileSync(file, bytes);
      const { done } = cliAsync(['batch', file, '--format', 'jsonl', '--rejects', rejects, '--lang', 'en', '--no-progress']);
      checkLedger(await done, rejects);
    });
  });

  it('--params and scenario files: exit 0 or 2 (1 for a scenario that now fails), never a crash (40 runs)', async () => {
    const params = fc.sample(fileFrom(PARAMS), { seed: SEED, numRuns: 20 });
    const scenarios = fc.sample(fileFrom(SCENARIO), { seed: SEED + 1, numRuns: 20 });
    await runAll([...params.map((b) => ({ b, kind: 'params' })), ...scenarios.map((b) => ({ b, kind: 'scenario' }))], async ({ b, kind }) => {
      const file = fresh('.yaml');
      writeFileSync(file, b);
      const args = kind === 'params' ? ['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--params', file, '--format', 'json'] : ['test', file];
      const r = await cliAsync(args).done;
      expect(kind === 'params' ? [0, 2] : [0, 1, 2]).toContain(r.code);
      if (r.code === 2) expect(r.stderr.trim().length).toBeGreaterThan(0);
    });
  });
});

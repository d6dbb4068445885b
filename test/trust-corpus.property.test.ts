/**
 * A corpus of bad inputs, grown by fast-check (issue 34, "Done when"): for each reader (CSV, XLSX, JSON, JSON
 * Lines), files of valid rows with one row corrupted — a field (garbage, an amount past the limit, a wrong type),
 * a byte (invalid in UTF-8, a NUL) or a key (written twice) — run through the spawned `batch`. The property:
 * every row ends in the award table or in the rejects with a reason, never as a zero; every valid row is computed
 * as by hand (E1: 25亿 → 28亿 → 31亿 with reporting, 000 第二条 tier 1: 1,500,000.00); the corrupted row is
 * rejected, or (an empty figure) kept as needs-data, never paid and never ineligible for a zero it was given.
 * Modest runs: each spawns the program once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-corpus-'));
let runs = 0;
const RUNS = 8;

const FIELDS = ['online_retail_sales_2023', 'online_retail_sales_2024', 'online_retail_sales_2025', 'nbs_direct_reporting_2025'] as const;
const E1 = ['2500000000', '2800000000', '3100000000', 'true'];
const JSON_KEYS = [
  ['2023', 'onlineRetailSales'],
  ['2024', 'onlineRetailSales'],
  ['2025', 'onlineRetailSales'],
  ['2025', 'nbsDirectReporting'],
] as const;

/** Values no reader may read as a figure: each must reject its row. */
const GARBAGE = ['1e400', '99999999999999999', 'abc', '-5', '0.001', 'NaN', 'Infinity', '∞', '3.1e9.1', '1,2,3', '--1', '0x10', '31亿亿', '是否'];
/** Bytes no text reader may turn into a character: invalid UTF-8 lead or continuation bytes, and NUL. */
const BAD_BYTES = [[0xff], [0xc3], [0x80], [0xed, 0xa0, 0x80], [0xf8], [0x00]];

type Corruption = { kind: 'field'; field: number; value: string } | { kind: 'empty'; field: number } | { kind: 'byte'; bytes: number[]; at: number } | { kind: 'key'; field: number; value: string };

const corruption = (withBytes: boolean, withKeys: boolean): fc.Arbitrary<Corruption> =>
  fc.oneof(
    fc.record({ kind: fc.constant('field' as const), field: fc.integer({ min: 0, max: 3 }), value: fc.constantFrom(...GARBAGE) }),
    // 2023's sales left out: the 2025 award's growth window needs them (2024's may not be needed: the geometric mean reads the ends)
    fc.record({ kind: fc.constant('empty' as const), field: fc.constant(0) }),
    ...(withBytes ? [fc.record({ kind: fc.constant('byte' as const), bytes: fc.constantFrom(...BAD_BYTES), at: fc.nat({ max: 7 }) })] : []),
    ...(withKeys ? [fc.record({ kind: fc.constant('key' as const), field: fc.integer({ min: 0, max: 3 }), value: fc.constantFrom('"1"', '"0"', '0', 'null', '"x"') })] : []),
  );

/** A file's shape: how many rows, which one is corrupted, and how. */
const shape = (withBytes: boolean, withKeys: boolean) =>
  fc.integer({ min: 2, max: 6 }).chain((n) => fc.record({ n: fc.constant(n), bad: fc.integer({ min: 0, max: n - 1 }), how: corruption(withBytes, withKeys), first: fc.integer({ min: 1, max: 100_000 }) }));

interface Outcome {
  /** id → the 2025 tier award's status and amount, for every enterprise in the award table. */
  out: Map<string, { status: string; amount: string | null }>;
  /** Position (row, or index) → problems, for every rejected record. */
  rejected: Map<number, Array<{ key: string }>>;
  code: number;
}

function run(file: string): Outcome {
  const out = join(dir, `out-${runs}.jsonl`);
  const rej = join(dir, `rej-${runs++}.jsonl`);
  const r = cli(['batch', file, '--format', 'jsonl', '--out', out, '--rejects', rej, '--no-progress', '--lang', 'en', '--years', '2025']);
  expect([0, 3]).toContain(r.code);
  const lines = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const outMap = new Map<string, { status: string; amount: string | null }>();
  for (const e of lines(out)) {
    const t = (e.results as Array<{ measure: string; year: number; status: string; amount: string | null }>).find((x) => x.measure === 'scale-tier' && x.year === 2025);
    outMap.set(e.id, t ? { status: t.status, amount: t.amount } : { status: 'none', amount: null });
  }
  const rejected = new Map<number, Array<{ key: string }>>();
  for (const x of lines(rej)) rejected.set(x.row ?? x.index, x.problems);
  return { out: outMap, rejected, code: r.code };
}

/** The property, for rows 0…n−1 at positions pos(i), ids id(i), row `bad` corrupted in the way `how`. */
function check(o: Outcome, n: number, bad: number, how: Corruption, id: (i: number) => string, pos: (i: number) => number): void {
  for (let i = 0; i < n; i++) {
    const inOut = o.out.get(id(i));
    const rej = o.rejected.get(pos(i));
    // in exactly one place
    expect([i, !!inOut, !!rej]).not.toEqual([i, false, false]);
    expect([i, !!inOut && !!rej]).toEqual([i, false]);
    if (rej) expect(rej.length).toBeGreaterThan(0);
    if (i !== bad) {
      expect([i, inOut]).toEqual([i, { status: 'eligible', amount: '1500000.00' }]);
      continue;
    }
    if (how.kind === 'empty') {
      // a figure left out is missing, never zero: the award waits for it
      expect([i, inOut]).toEqual([i, { status: 'needs-data', amount: null }]);
    } else {
      // garbage, a bad byte, a key twice: rejected, with its reason
      expect([i, how, !!rej]).toEqual([i, how, true]);
    }
  }
  expect(o.code).toBe(how.kind === 'empty' ? 0 : 3);
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('every row ends in the output or in the rejects with a reason, never as a zero', () => {
  it('CSV: one corrupted field or byte', () => {
    fc.assert(
      fc.property(shape(true, false), ({ n, bad, how, first }) => {
        const id = (i: number) => validId(first + i);
        const parts: Buffer[] = [Buffer.from(`id,name,${FIELDS.join(',')}\n`)];
        for (let i = 0; i < n; i++) {
          const cells = [...E1];
          let name = Buffer.from(`企业${i}`);
          if (i === bad && how.kind === 'field') cells[how.field] = how.value;
          if (i === bad && how.kind === 'empty') cells[how.field] = '';
          if (i === bad && how.kind === 'byte') {
            const at = Math.min(how.at, name.length);
            name = Buffer.concat([name.subarray(0, at), Buffer.from(how.bytes), name.subarray(at)]);
          }
          parts.push(Buffer.from(`${id(i)},`), name, Buffer.from(`,${cells.map(csvCell).join(',')}\n`));
        }
        const file = join(dir, `c${runs}.csv`);
        writeFileSync(file, Buffer.concat(parts));
        check(run(file), n, bad, how, id, (i) => i + 2);
      }),
      { numRuns: RUNS },
    );
  });

  it('XLSX: one corrupted field (text where a figure belongs)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    await fc.assert(
      fc.asyncProperty(shape(false, false), async ({ n, bad, how, first }) => {
        const id = (i: number) => validId(first + i);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('企业');
        ws.addRow(['id', 'name', ...FIELDS]);
        for (let i = 0; i < n; i++) {
          const cells: Array<string | number | boolean | null> = [2500000000, 2800000000, 3100000000, true];
          if (i === bad && how.kind === 'field') cells[how.field] = how.value;
          if (i === bad && how.kind === 'empty') cells[how.field] = null;
          ws.addRow([id(i), `企业${i}`, ...cells]);
        }
        const file = join(dir, `x${runs}.xlsx`);
        await wb.xlsx.writeFile(file);
        check(run(file), n, bad, how, id, (i) => i + 2);
      }),
      { numRuns: Math.ceil(RUNS / 2) }, // a workbook is written for each run: fewer of them
    );
  }, 60_000);

  /** A JSON record's text, with the corruption of its row. */
  function jsonRecord(i: number, id: string, bad: number, how: Corruption): Buffer {
    const years: Record<string, Record<string, string>> = { 2023: {}, 2024: {}, 2025: {} };
    JSON_KEYS.forEach(([y, k], f) => (years[y]![k] = JSON.stringify(f === 3 ? true : E1[f])));
    if (i === bad && how.kind === 'field') years[JSON_KEYS[how.field]![0]]![JSON_KEYS[how.field]![1]] = /^[\d.eE+-]+$/.test(how.value) && !/^[eE+.-]|[.eE+-]$|\..*\.|--/.test(how.value) ? how.value : JSON.stringify(how.value);
    if (i === bad && how.kind === 'empty') years[JSON_KEYS[how.field]![0]]![JSON_KEYS[how.field]![1]] = 'null';
    let yearsText = Object.entries(years)
      .map(([y, o]) => `"${y}":{${Object.entries(o).map(([k, v]) => `"${k}":${v}`).join(',')}}`)
      .join(',');
    if (i === bad && how.kind === 'key') {
      // the key written twice: the second value would have won silently
      const [y, k] = JSON_KEYS[how.field]!;
      yearsText = yearsText.replace(`"${y}":{`, `"${y}":{"${k}":${how.value},`);
    }
    const name = Buffer.from(`企业${i}`);
    const nameBytes = i === bad && how.kind === 'byte' ? Buffer.concat([name.subarray(0, Math.min(how.at, name.length)), Buffer.from(how.bytes.map((b) => (b === 0 ? 0x01 : b))), name.subarray(Math.min(how.at, name.length))]) : name;
    return Buffer.concat([Buffer.from(`{"id":"${id}","name":"`), nameBytes, Buffer.from(`","years":{${yearsText}}}`)]);
  }

  it('JSON Lines: one corrupted field, byte or key', () => {
    fc.assert(
      fc.property(shape(true, true), ({ n, bad, how, first }) => {
        const id = (i: number) => validId(first + i);
        const file = join(dir, `j${runs}.jsonl`);
        writeFileSync(file, Buffer.concat(Array.from({ length: n }, (_, i) => Buffer.concat([jsonRecord(i, id(i), bad, how), Buffer.from('\n')]))));
        check(run(file), n, bad, how, id, (i) => i + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON (an array): one corrupted field, byte or key', () => {
    fc.assert(
      fc.property(shape(true, true), ({ n, bad, how, first }) => {
        const id = (i: number) => validId(first + i);
        const file = join(dir, `a${runs}.json`);
        const records = Array.from({ length: n }, (_, i) => jsonRecord(i, id(i), bad, how));
        writeFileSync(file, Buffer.concat([Buffer.from('[\n'), ...records.flatMap((r, i) => [r, Buffer.from(i < n - 1 ? ',\n' : '\n')]), Buffer.from(']\n')]));
        check(run(file), n, bad, how, id, (i) => i);
      }),
      { numRuns: RUNS },
    );
  });
});

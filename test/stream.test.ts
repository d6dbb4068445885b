/**
 * The streaming reader (src/io/stream.ts): CSV, JSON arrays, JSON Lines, encodings, units, and every kind of bad
 * input of SPEC §8, each record coming out exactly once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvCutter, splitCsv } from '../src/io/csv-split.js';
import { IdRegistry } from '../src/io/id-registry.js';
import { JsonSplitter } from '../src/io/json-split.js';
import { streamRecords, type StreamEvent, type StreamOptions } from '../src/io/stream.js';
import { badCheckId, validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-stream-'));
let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const f = join(dir, `f${n++}.${ext}`);
  writeFileSync(f, content);
  return f;
}

async function collect(files: string[], o: StreamOptions = {}): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const ev of streamRecords(files, o)) out.push(ev);
  return out;
}
const records = (evs: StreamEvent[]) => evs.filter((e): e is Extract<StreamEvent, { type: 'record' }> => e.type === 'record');
const fileErrors = (evs: StreamEvent[]) => evs.filter((e): e is Extract<StreamEvent, { type: 'file-error' }> => e.type === 'file-error');
const keys = (ps: { expected: { key: string } }[]) => ps.map((p) => p.expected.key);

const A = validId(1);
const B = validId(2);
const C = validId(3);

/** Feeds `text` to `push` in pieces cut at the given offsets, then `end`; returns everything handed out. */
function inChunks<T>(text: string, cuts: number[], push: (t: string) => T[], end: () => T[]): T[] {
  const out: T[] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(text.length, c);
    if (to > at) out.push(...push(text.slice(at, to)));
    at = Math.max(at, to);
  }
  out.push(...push(text.slice(at)), ...end());
  return out;
}

describe('CSV', () => {
  it('reads rows with row numbers as a spreadsheet shows them (header row 1, blank rows counted)', async () => {
    const f = file(`id,district,online_retail_sales_2025\r\n${A},天河,31亿\r\n\r\n${B},越秀区,"3,100,000,000"\r\n`);
    const rs = records(await collect([f]));
    expect(rs.map((r) => r.at.row)).toEqual([2, 4]);
    expect(rs[0]!.enterprise!.years[2025]!.onlineRetailSales).toBe(310_000_000_000n); // 31亿元 = 3.1e9 元 = 3.1e11 fen
    expect(rs[1]!.enterprise!.district).toBe('越秀区');
    expect(rs[1]!.enterprise!.years[2025]!.onlineRetailSales).toBe(310_000_000_000n);
  });

  it('reads quoted cells across lines and "" inside quotes', async () => {
    const f = file(`id,name,list_honghu\n${A},"Line one\nline two, with ""quotes""",\n${B},plain,\n`);
    const rs = records(await collect([f]));
    expect(rs.map((r) => r.enterprise?.name)).toEqual(['Line one\nline two, with "quotes"', 'plain']);
    expect(rs.map((r) => r.at.row)).toEqual([2, 3]);
  });

  it('a quote that never closes costs its row, not the rest of the file', async () => {
    const f = file(`list_honghu,id,name\n,${A},"broken\n,${B},fine\n,${C},also fine\n`);
    const rs = records(await collect([f]));
    expect(rs.map((r) => [r.at.row, r.enterprise?.id ?? null])).toEqual([
      [2, null],
      [3, B],
      [4, C],
    ]);
    expect(keys(rs[0]!.problems)).toEqual(['csv.unclosed-quote']);
  });

  it('a file that ends mid-row: the short row is rejected for its cell count', async () => {
    const f = file(`id,district,online_retail_sales_2025\n${A},天河,100\n${B},天`);
    const rs = records(await collect([f]));
    expect(rs).toHaveLength(2);
    expect(rs[1]!.enterprise).toBeNull();
    expect(keys(rs[1]!.problems)).toContain('row-cells');
  });

  it('too many cells reject the row; the others stand', async () => {
    const rs = records(await collect([file(`id,list_honghu\n${A},x,extra\n${B},\n`)]));
    expect(rs.map((r) => r.enterprise?.id ?? null)).toEqual([null, B]);
    expect(rs[0]!.problems[0]!.expected).toEqual({ key: 'row-cells', args: { expected: 2, found: 3 } });
  });

  it('reports a duplicate id with the place it was first seen, across files', async () => {
    const f1 = file(`id,list_honghu\n${A},\n${B},\n`);
    const f2 = file(`id,list_honghu\n${A},\n`);
    const rs = records(await collect([f1, f2]));
    expect(rs.map((r) => r.enterprise?.id ?? null)).toEqual([A, B, null]);
    const p = rs[2]!.problems[0]!;
    expect(p.expected).toEqual({ key: 'duplicate-id', args: { first: `${f1}:2` } });
    expect([p.file, p.row]).toEqual([f2, 2]);
  });

  it('unknown columns are warnings (errors with strict); duplicate columns stop the file', async () => {
    const unknown = file(`id,favourite_colour,list_honghu\n${A},red,\n`);
    const lax = await collect([unknown]);
    expect(fileErrors(lax)[0]!.problems.map((p) => [p.severity, p.expected.key])).toEqual([['warning', 'unknown-column']]);
    expect(records(lax)).toHaveLength(1);
    const strict = await collect([unknown], { strict: true });
    expect(records(strict)).toHaveLength(0);
    const dup = await collect([file(`id,online_retail_sales_2025,实物商品网上零售额_2025\n${A},1,2\n`)]);
    expect(keys(fileErrors(dup)[0]!.problems)).toEqual(['duplicate-column']);
    expect(records(dup)).toHaveLength(0);
  });

  it('empty files, header-only files and missing files are file errors', async () => {
    const evs = await collect([file(''), file('id,name,list_honghu\n'), join(dir, 'nope.csv'), file('   \n\n')]);
    expect(fileErrors(evs).map((e) => keys(e.problems))).toEqual([['file.empty'], ['file.no-rows'], ['file.missing'], ['file.empty']]);
  });

  it('GBK bytes with Chinese headers are detected; --unit 万元 scales bare numbers', async () => {
    const text = `统一社会信用代码,所属区,实物商品网上零售额_2025,品牌出海推广费用_2025\r\n${A},天河区,310000,123.456789\r\n`;
    const f = file(iconv.encode(text, 'gbk'));
    const [r] = records(await collect([f], { unit: '万元' }));
    expect(r!.enterprise!.district).toBe('天河区');
    expect(r!.enterprise!.years[2025]!.onlineRetailSales).toBe(310_000_000_000n); // 310000 万元 = 3.1e9 元
    expect(r!.enterprise!.years[2025]!.brandPromotionExpense).toBe(123_456_789n); // 123.456789 万元 = 1,234,567.89 元
  });

  it('a wrong check character is rejected, and accepted with a warning under lenientId', async () => {
    const f = file(`id,list_honghu\n${badCheckId(5)},\n`);
    expect(records(await collect([f]))[0]!.enterprise).toBeNull();
    const [r] = records(await collect([f], { lenientId: true }));
    expect(r!.enterprise).not.toBeNull();
    expect(r!.problems.map((p) => [p.severity, p.expected.key])).toEqual([['warning', 'id.check-lenient']]);
  });
});

describe('JSON and JSON Lines', () => {
  it('an array: each element with its index; a bad element is rejected alone', async () => {
    const f = file(JSON.stringify([{ id: A, name: 'a, "quoted" ]}' }, { id: 'nope' }, 3, { id: B }]), 'json');
    const rs = records(await collect([f]));
    expect(rs.map((r) => [r.at.index, r.enterprise?.id ?? null])).toEqual([
      [0, A],
      [1, null],
      [2, null],
      [3, B],
    ]);
    expect(rs[0]!.enterprise!.name).toBe('a, "quoted" ]}');
    expect(rs[1]!.problems[0]!.path).toBe('[1].id');
  });

  it('JSON Lines: each line with its line number; a broken line is rejected alone', async () => {
    const f = file(`{"id":"${A}"}\n{"id": oops}\n\n{"id":"${B}","__proto__":{"x":1}}\n{"id":"${C}"}\n`, 'jsonl');
    const rs = records(await collect([f]));
    expect(rs.map((r) => [r.at.row, r.enterprise?.id ?? null])).toEqual([
      [1, A],
      [2, null],
      [4, null],
      [5, C],
    ]);
    expect(keys(rs[1]!.problems)).toEqual(['json.syntax']);
    expect(keys(rs[2]!.problems)).toContain('forbidden-key');
  });

  it('a truncated array: the records before the cut stand, the cut one is rejected, the file is reported', async () => {
    const evs = await collect([file(`[{"id":"${A}"},{"id":"${B}","na`, 'json')]);
    expect(records(evs).map((r) => r.enterprise?.id ?? null)).toEqual([A, null]);
    expect(keys(fileErrors(evs)[0]!.problems)).toEqual(['json.unclosed-array']);
  });

  it('splits the same whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), n: fc.integer(), s: fc.array(fc.string({ unit: 'grapheme' })) }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (objs, cuts) => {
        const text = JSON.stringify(objs, null, 1);
        const sp = new JsonSplitter();
        const items = inChunks(text, cuts, (t) => sp.push(t), () => sp.end());
        expect(items.map((i) => JSON.parse(i.text))).toEqual(objs);
        expect(items.map((i) => i.at.index)).toEqual(objs.map((_, i) => i));
      }),
    );
  });
});

describe('CSV cutting', () => {
  const cell = fc.oneof(fc.constantFrom('', 'x', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '天河'), fc.string({ maxLength: 5 }));
  it('cutting text into blocks at any chunk boundaries gives the records of the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 80 }), (rows, cuts, blockSize, firstBlock) => {
        const text = rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
        const cutter = new CsvCutter(blockSize, firstBlock);
        const blocks = inChunks(text, cuts, (t) => cutter.push(t), () => cutter.end());
        expect(blocks.join('')).toBe(text);
        const got: string[][] = [];
        for (const b of blocks) splitCsv(b, (cells, _r, broken) => (expect(broken).toBe(false), got.push(cells)));
        expect(got).toEqual(rows);
      }),
    );
  });
});

describe('a file of many pieces', () => {
  // The reader decodes 16 KB at a time and cuts pieces of about 16 K characters on record boundaries: a file of
  // 12,000 rows spans dozens of pieces, and the 16 KB cuts fall inside multi-byte characters of every encoding. It
  // reads 64 KB at a time, 4 reads ahead, into buffers given back once decoded: more than 6 reads, so that reads
  // go into buffers given back.
  const rows = 12000;
  const nameOf = (i: number) => `广州天河第${i}号电商“示例”有限公司`;
  const header = 'id,name,district,online_retail_sales_2025\n';
  const body = Array.from({ length: rows }, (_, i) => (i === 1234 || i === rows - 1 ? `${validId(i)},${nameOf(i)},天河,三百万\n` : `${validId(i)},"${nameOf(i)}",天河,${1000 + i}\n`)).join('');
  const text = header + body;
  for (const [encoding, bytes] of [
    ['utf8', Buffer.from(text, 'utf8')],
    ['gb18030', iconv.encode(text, 'gb18030')],
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ] as const) {
    it(`${encoding}: every name whole, every row in its place`, async () => {
      expect(bytes.length).toBeGreaterThan(6 * 65536);
      const evs = await collect([file(bytes)]);
      const rs = records(evs);
      expect(rs).toHaveLength(rows);
      expect(rs.map((r) => r.at.row)).toEqual(Array.from({ length: rows }, (_, i) => i + 2));
      const good = rs.filter((r) => r.enterprise);
      expect(good).toHaveLength(rows - 2);
      for (const r of good) expect(r.enterprise!.name).toBe(nameOf(r.at.row! - 2));
      for (const r of good) expect(r.enterprise!.years[2025]!.onlineRetailSales).toBe(BigInt(1000 + r.at.row! - 2) * 100n);
      // the two bad cells are named by the rows a spreadsheet shows
      expect(rs.filter((r) => !r.enterprise).map((r) => r.problems.map((p) => p.row))).toEqual([[1236], [rows + 1]]);
    });
  }
});

describe('line ends decided past the first piece', () => {
  // A title row of 16,383 characters puts its CR at the last byte of the first 16 KB decoded: a CRLF file must
  // not be taken for an old Mac file (CR only) because the LF falls in the next piece, nor the other way round.
  const title = '2025年天河区电商企业统计表'.padEnd(16383 - 2 * 11, '.'); // its 11 CJK characters take 3 bytes each
  const rows = (eol: string) => [title, 'id,district,online_retail_sales_2025', `${A},天河,100`, `${B},天河,200`].join(eol) + eol;
  for (const [what, eol] of [['CRLF', '\r\n'], ['CR only', '\r']] as const) {
    it(what, async () => {
      expect(Buffer.from(rows(eol)).indexOf('\r')).toBe(16383);
      const rs = records(await collect([file(rows(eol))]));
      expect(rs.map((r) => [r.at.row, r.enterprise?.years[2025]?.onlineRetailSales])).toEqual([
        [3, 10000n],
        [4, 20000n],
      ]);
    });
  }
});

describe('IdRegistry', () => {
  it('finds every repeat, exactly, through growth', () => {
    const reg = new IdRegistry(16);
    for (let i = 0; i < 5000; i++) expect(reg.add(validId(i), 0, i + 2)).toBeNull();
    for (let i = 0; i < 5000; i += 7) expect(reg.add(validId(i), 1, 9)).toEqual({ file: 0, at: i + 2 });
    expect(reg.add(validId(5000), 0, 1)).toBeNull();
    expect(reg.size).toBe(5001);
  });
});

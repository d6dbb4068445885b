/**
 * Trust, second pass (issue 34), through the spawned CLI: garbage never pays, a bad byte or key costs its row,
 * every failure speaks. Amounts worked out by hand from 000 第二条: tier 1 (≥30亿 and average growth ≥10% over
 * two years, with reporting) pays 150万元 (E1 of the README: 25亿 → 28亿 → 31亿).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, ROOT } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-trust-'));
const path = (name: string) => join(dir, name);
const A = validId(1);
const B = validId(2);
const C = validId(3);
const HEADER = 'id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025';
const e1Row = (id: string, sales2025 = '3100000000') => `${id},2500000000,2800000000,${sales2025},是`;
const e1 = (id: string, sales2025: unknown = '3100000000') => ({ id, years: { 2023: { onlineRetailSales: '2500000000' }, 2024: { onlineRetailSales: '2800000000' }, 2025: { onlineRetailSales: sales2025, nbsDirectReporting: true } } });

/** The tier award of 2025 of each id in a wide award table (CSV, English headers). */
function tiers(stdout: string): Map<string, string> {
  const lines = stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const h = lines[0]!.split(',');
  const col = h.indexOf('gz-2025-ecommerce/scale-tier@2025');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [c[0]!.replace(/^="?|"$/g, ''), c[col]!]));
}

describe('item 3: an amount beyond any plausible figure is refused, never paid', () => {
  it('CSV: 1e400 and a 17-digit figure reject their rows, naming the column and the value as written; the others pay', () => {
    writeFileSync(path('big.csv'), [HEADER, e1Row(A, '1e400'), e1Row(B), e1Row(C, '99999999999999999')].join('\n') + '\n');
    const rejects = path('big-rejects.csv');
    const r = cli(['batch', path('big.csv'), '--no-progress', '--lang', 'en', '--rejects', rejects]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, online_retail_sales_2025: the amount is beyond any plausible figure (the limit is 100000000000000 元): check the digits, the unit and any exponent (found "1e400")');
    expect(r.stderr).toContain('row 4, online_retail_sales_2025: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "99999999999999999")');
    const t = tiers(r.stdout);
    expect(t.get(B)).toBe('1500000.00');
    expect(t.has(A)).toBe(false);
    expect(t.has(C)).toBe(false);
    expect(readFileSync(rejects, 'utf8')).toContain('1e400');
  });

  it('the limit is 100 万亿元 in any unit: 100万亿 is read, 100.01万亿 and 1000001亿 are refused (validate too)', () => {
    writeFileSync(path('units.csv'), ['id,online_retail_sales_2025', `${A},1000000亿`, `${B},1000000.01亿`, `${C},1000001`].join('\n') + '\n');
    const r = cli(['validate', path('units.csv'), '--lang', 'en', '--unit', '亿元']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('row 2');
    expect(r.stderr).toContain('row 3, online_retail_sales_2025: the amount is beyond');
    expect(r.stderr).toContain('row 4, online_retail_sales_2025: the amount is beyond');
  });

  it('JSON: 1e400 is quoted as written, never as Infinity; 1e-400 is refused, never read as zero', () => {
    writeFileSync(path('big.json'), `{"id":"${A}","years":{"2024":{"onlineRetailSales":1e-400},"2025":{"onlineRetailSales":1e400,"nbsDirectReporting":true}}}`);
    const r = cli(['simulate', path('big.json'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('years.2025.onlineRetailSales: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "1e400")');
    expect(r.stderr).toContain('years.2024.onlineRetailSales: an amount is exact to the fen at most (two decimals of 元) (found "1e-400")');
    expect(r.stderr).not.toContain('Infinity');
  });

  it('JSON Lines: the record with 1e300 is rejected (exit 3), the others pay', () => {
    writeFileSync(path('big.jsonl'), [JSON.stringify(e1(A)), `{"id":"${B}","years":{"2025":{"onlineRetailSales":1e300,"nbsDirectReporting":true}}}`].join('\n') + '\n');
    const r = cli(['batch', path('big.jsonl'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, years.2025.onlineRetailSales: the amount is beyond');
    expect(r.stderr).toContain('(found "1e300")');
    expect(tiers(r.stdout).get(A)).toBe('1500000.00');
  });

  it('--set refuses it too, exit 2', () => {
    const r = cli(['simulate', '--set', `id=${A}`, '--set', 'years.2025.onlineRetailSales=1e400', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('years.2025.onlineRetailSales: the amount is beyond any plausible figure');
    expect(r.stderr).toContain('(found "1e400")');
  });

  it('check asks again when the answer is 1e400', () => {
    const r = cli(['check', '--lang', 'en'], { input: ['1', 'Tianhe', '2025', '1e400', '31亿'].join('\n') + '\n' + '\n'.repeat(60) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('✗ the amount is beyond any plausible figure');
  });
});

describe('item 5: a row whose bytes are invalid in the file’s encoding is rejected, never guessed', () => {
  const head = 'id,name,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n';
  const row = (id: string, name: string) => `${id},${name},2500000000,2800000000,3100000000,是\n`;

  it('a UTF-8 file with one GBK-encoded name: that row is rejected with its row, byte offset and advice; the others are read in UTF-8', () => {
    const gbkName = Buffer.from([0xcc, 0xec, 0xba, 0xd3]); // 天河 in GBK
    const before = Buffer.from(head + row(A, '广州示例') + `${B},`);
    const bytes = Buffer.concat([before, gbkName, Buffer.from(`,2500000000,2800000000,3100000000,是\n` + row(C, '越秀示例'))]);
    writeFileSync(path('mixed.csv'), bytes);
    const r = cli(['batch', path('mixed.csv'), '--no-progress', '--lang', 'en', '--format', 'jsonl']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`row 3, name: the bytes from byte ${before.length} on are not valid UTF-8; this row is not read (no character is guessed): save the file as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)") or pass --encoding`);
    const names = r.stdout.trim().split('\n').map((l) => JSON.parse(l).name);
    expect(names).toEqual(['广州示例', '越秀示例']);
    // asked to read it as GB18030, its UTF-8 rows hold bytes invalid there ("是" ends in 0xAF before the line end)
    const gb = cli(['validate', path('mixed.csv'), '--encoding', 'gb18030', '--lang', 'en']);
    expect(gb.code).toBe(3);
    expect(gb.stderr).toContain('row 2, nbs_direct_reporting_2025: the bytes from byte');
    expect(gb.stderr).toContain('not valid GB18030');
  });

  it('one stray byte in an ASCII file rejects its row ("ab\\xC3cd" is never "ab胏d"); in Chinese too', () => {
    const before = Buffer.from(head + `${A},ab`);
    writeFileSync(path('stray.csv'), Buffer.concat([before, Buffer.from([0xc3]), Buffer.from(`cd,2500000000,2800000000,3100000000,是\n` + row(B, 'ok'))]));
    const r = cli(['batch', path('stray.csv'), '--no-progress', '--format', 'jsonl']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`第 2 行，name：第 ${before.length} 字节起的内容不是有效的 UTF-8 编码，本行未读取（不猜测字符）：请把文件另存为 UTF-8`);
    expect(r.stdout).not.toContain('胏');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([B]);
  });

  it('a GBK file is read as GB18030, and a byte invalid there (0xFF) rejects only its row', () => {
    const gbk = (s: string) => Buffer.from(new TextEncoder().encode(s)); // ASCII part
    const tianhe = Buffer.from([0xcc, 0xec, 0xba, 0xd3]);
    const first = Buffer.concat([gbk('id,name,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025\n'), gbk(`${A},`), tianhe, gbk(',2500000000,2800000000,3100000000,1\n'), gbk(`${B},x`)]);
    writeFileSync(path('gbk.csv'), Buffer.concat([first, Buffer.from([0xff]), gbk(',2500000000,2800000000,3100000000,1\n'), gbk(`${C},`), tianhe, gbk(',2500000000,2800000000,3100000000,1\n')]));
    const r = cli(['batch', path('gbk.csv'), '--no-progress', '--lang', 'en', '--format', 'jsonl']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`row 3, name: the bytes from byte ${first.length} on are not valid GB18030`);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).name)).toEqual(['天河', '天河']);
  });

  it('JSON Lines: a record with an invalid byte is rejected with its line; the others go on', () => {
    const good = JSON.stringify({ ...e1(A), name: '广州示例' });
    const bad = Buffer.concat([Buffer.from(`{"id":"${B}","name":"a`), Buffer.from([0xff]), Buffer.from('"}')]);
    writeFileSync(path('bad.jsonl'), Buffer.concat([Buffer.from(good + '\n'), bad, Buffer.from('\n')]));
    const r = cli(['batch', path('bad.jsonl'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`row 2: the bytes from byte ${Buffer.byteLength(good) + 1 + bad.indexOf(0xff)} on are not valid UTF-8`);
    expect(tiers(r.stdout).get(A)).toBe('1500000.00');
  });
});

describe('item 5, simulate: JSON read whole says where its bytes are invalid, never guesses', () => {
  it('one document: exit 2 with the byte offset; JSON Lines: the record is rejected, exit 3', () => {
    const head = Buffer.from(`{"id":"${A}","name":"a`);
    writeFileSync(path('bad-one.json'), Buffer.concat([head, Buffer.from([0xff]), Buffer.from('","years":{"2025":{"onlineRetailSales":"31亿"}}}')]));
    const one = cli(['simulate', path('bad-one.json'), '--lang', 'en']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`bad-one.json: the bytes from byte ${head.length} on are not valid UTF-8`);
    const first = `${JSON.stringify(e1(A))}\n`;
    const second = Buffer.from(`{"id":"${B}","name":"a`);
    writeFileSync(path('bad-lines.jsonl'), Buffer.concat([Buffer.from(first), second, Buffer.from([0xff]), Buffer.from('"}\n')]));
    const lines = cli(['simulate', path('bad-lines.jsonl'), '--lang', 'en']);
    expect(lines.code).toBe(3);
    expect(lines.stderr).toContain(`row 2: the bytes from byte ${Buffer.byteLength(first) + second.length} on are not valid UTF-8`);
  });
});

describe('item 12: a record longer than the limit is rejected at once, quoted by a short prefix', () => {
  it('a first line of 10 MB with no line end: one clear message, at once', () => {
    writeFileSync(path('one-line.csv'), 'a'.repeat(10_000_000));
    const r = cli(['validate', path('one-line.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 1: the line is longer than 1048576 characters; skipped (found "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")');
    expect(r.stderr.length).toBeLessThan(600);
  });

  it('a data row of 3 MB is rejected, the rows around it read; a header of 250,000 characters is quoted by its start', () => {
    writeFileSync(path('long-row.csv'), [HEADER, e1Row(A), `${B},${'9'.repeat(3_000_000)}`, e1Row(C)].join('\n') + '\n');
    const r = cli(['batch', path('long-row.csv'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/row 3: the line is longer than 1048576 characters; skipped \(found "91440101[0-9A-Z]{10} 9{21}"\)/);
    expect(r.stderr.length).toBeLessThan(2000);
    expect([...tiers(r.stdout).keys()]).toEqual([A, C]);
    writeFileSync(path('long-header.csv'), `id,${'x'.repeat(250_000)},online_retail_sales_2025\n${A},,1\n`);
    const h = cli(['validate', path('long-header.csv'), '--lang', 'en']);
    expect(h.code).toBe(0);
    expect(h.stderr).toContain('unknown column "xxxxxxxxxx');
    expect(h.stderr.length).toBeLessThan(1000);
  });
});

describe('item 13: one NUL byte in a name rejects that row, naming the column; not the file', () => {
  it('the other rows are read', () => {
    writeFileSync(path('nul.csv'), [HEADER.replace('id,', 'id,name,'), `${A},a\0b,2500000000,2800000000,3100000000,是`, `${B},ok,2500000000,2800000000,3100000000,是`].join('\n') + '\n');
    const r = cli(['batch', path('nul.csv'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2, name: the cell holds a NUL character (\\0): binary data mixed in by an export; remove it and export again (found "a\\0b")');
    expect([...tiers(r.stdout).keys()]).toEqual([B]);
  });
});

describe('item 4: a JSON key written twice is an error with its line and column, never the last value', () => {
  it('one JSON document: exit 2, neither value taken', () => {
    writeFileSync(path('dup.json'), `{"id":"${A}",\n "years":{"2025":{"onlineRetailSales":"31亿","onlineRetailSales":"1"}}}`);
    const r = cli(['simulate', path('dup.json'), '--lang', 'en']);
    expect(r.code).toBe(2);
    // line 2: ' "years":{"2025":{' is 18 characters, '"onlineRetailSales":"31亿",' 26 more: the second key starts at column 45
    expect(r.stderr).toContain('the key "onlineRetailSales" is written twice in one object (line 2, column 45): write it once; neither value is taken');
    expect(r.stdout).toBe('');
  });

  it('JSON Lines: a second "years" rejects its record (exit 3), the others go on, in batch and simulate', () => {
    const second = `{"id":"${B}","years":{"2025":{"onlineRetailSales":"31亿"}},"years":{}}`;
    writeFileSync(path('dup.jsonl'), [JSON.stringify(e1(A)), second, JSON.stringify(e1(C))].join('\n') + '\n');
    const r = cli(['batch', path('dup.jsonl'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    const col = second.lastIndexOf('"years"') + 1;
    expect(r.stderr).toContain(`row 2: the key "years" is written twice in one object (line 2, column ${col})`);
    expect([...tiers(r.stdout).keys()]).toEqual([A, C]);
    const s = cli(['simulate', path('dup.jsonl'), '--lang', 'en']);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain(`row 2: the key "years" is written twice in one object (line 2, column ${col})`);
  });

  it('a JSON array: the element is rejected, the key compared as read ("\\u0069d" is "id"), its line and column in the file', () => {
    writeFileSync(path('dup-array.json'), `[\n  ${JSON.stringify(e1(A))},\n  {"id":"${B}", "\\u0069d":"x"}\n]`);
    const r = cli(['validate', path('dup-array.json'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`[1]: the key "id" is written twice in one object (line 3, column ${2 + `{"id":"${B}", `.length + 1})`);
    expect(r.stderr).toContain('2 records: 1 valid, 1 with errors');
  });
});

describe('item 6: a value under an empty header cell is an error naming the column letter', () => {
  it('CSV: the row with a value there is rejected; an empty column, or spaces, is fine', () => {
    writeFileSync(path('no-header.csv'), [`${HEADER},`, `${e1Row(A)},`, `${e1Row(B)},forgotten`, `${e1Row(C)}, `].join('\n') + '\n');
    const r = cli(['batch', path('no-header.csv'), '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 3, F: column F has no header but holds a value: name it (see gz-awards template) or clear the column (found "forgotten")');
    expect([...tiers(r.stdout).keys()]).toEqual([A, C]);
  });

  it('a quoted row takes the same path: column B, in Chinese', () => {
    writeFileSync(path('no-header-quoted.csv'), [`id,,online_retail_sales_2025`, `${A},"x, y",1`].join('\n') + '\n');
    const r = cli(['validate', path('no-header-quoted.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('第 2 行，B：第 B 列没有列名，却有值');
  });
});

describe('items 8 and 13: every failure of the workbook reader is one clear message, exit 2', () => {
  const big = path('big.xlsx');
  const params = path('empty-overrides.yaml');
  beforeAll(async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(HEADER.split(','));
    for (let i = 1; i <= 20_000; i++) ws.addRow(e1Row(validId(i)).split(','));
    await wb.xlsx.writeFile(big);
    const bytes = readFileSync(big);
    writeFileSync(path('cut40.xlsx'), bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    writeFileSync(path('cut60.xlsx'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    writeFileSync(path('small-cut.xlsx'), bytes.subarray(0, 300));
    writeFileSync(params, 'parameters: {}\n');
  }, 60_000);

  it('a 20,000-row workbook cut at 40% or 60%: batch, validate, simulate and diff say it is damaged (never exit 13)', () => {
    for (const cut of ['cut40.xlsx', 'cut60.xlsx', 'small-cut.xlsx']) {
      for (const args of [['batch', '--no-progress'], ['validate'], ['simulate'], ['diff', '--params', params]]) {
        const r = cli([args[0]!, path(cut), ...args.slice(1), '--lang', 'en']);
        expect([args[0], cut, r.code]).toEqual([args[0], cut, 2]);
        expect(r.stderr).toContain('the .xlsx workbook is damaged: the file is incomplete (cut short while copied or downloaded?); export or download it again');
      }
    }
  });

  it('the same from standard input, where the end cannot be looked at first', () => {
    const r = cli(['validate', '-', '--lang', 'en'], { input: readFileSync(path('cut60.xlsx')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the .xlsx workbook is damaged');
  });

  it('a zip that is not a workbook, and a web page saved as .xls, are named for what they are', () => {
    // a zip of one text file, stored (no compression): local header, data, central directory, end record
    const name = Buffer.from('a.txt');
    const data = Buffer.from('hello');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(0x3610a686, 14); // CRC-32 of "hello"
    local.writeUInt32LE(5, 18);
    local.writeUInt32LE(5, 22);
    local.writeUInt16LE(5, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(0x3610a686, 16);
    central.writeUInt32LE(5, 20);
    central.writeUInt32LE(5, 24);
    central.writeUInt16LE(5, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + 5, 12);
    end.writeUInt32LE(30 + 5 + 5, 16);
    writeFileSync(path('not-a-workbook.xlsx'), Buffer.concat([local, name, data, central, name, end]));
    const z = cli(['validate', path('not-a-workbook.xlsx'), '--lang', 'en']);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('it looks like a zip archive (not an .xlsx workbook)');
    expect(z.stderr).not.toContain('no sheet');
    writeFileSync(path('page.xls'), '<!DOCTYPE html>\n<html><body><table><tr><td>id</td></tr></table></body></html>\n');
    const h = cli(['validate', path('page.xls'), '--lang', 'en']);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('it looks like a web page (HTML), not an Excel workbook: open it in Excel or WPS and save it as CSV or .xlsx');
    expect(h.stderr).not.toContain('unknown column');
  });
});

describe('items 8–10: outputs succeed or fail together, and nothing is left behind', () => {
  const tmpRoot = () => mkdtempSync(join(dir, 'tmpdir-'));
  const leftovers = (d: string) => readdirSync(d).filter((f) => f.startsWith('gz-awards-'));

  it('--format xlsx to /dev/full: "disk is full", exit 2, no gz-awards-XXXX folder in TMPDIR', () => {
    if (!existsSync('/dev/full')) return;
    const t = tmpRoot();
    const r = cli(['batch', 'fixtures/districts/sample-district.csv', '--out', '/dev/full', '--format', 'xlsx', '--no-progress', '--lang', 'en'], { env: { TMPDIR: t } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \/dev\/full: .*ENOSPC/);
    expect(leftovers(t)).toEqual([]);
  });

  it('--rejects or --summary on /dev/full: exit 2, and no award table (nor its run record) is left', () => {
    if (!existsSync('/dev/full')) return;
    for (const flag of ['--rejects', '--summary']) {
      for (const format of ['csv', 'xlsx']) {
        const d = mkdtempSync(join(dir, 'together-'));
        const out = join(d, `awards.${format}`);
        const r = cli(['batch', 'fixtures/districts/sample-district-with-rejects.csv', '--out', out, flag, '/dev/full', '--no-progress', '--lang', 'en']);
        expect([flag, format, r.code]).toEqual([flag, format, 2]);
        expect(r.stderr).toMatch(/cannot write \/dev\/full: .*ENOSPC/);
        expect(readdirSync(d)).toEqual([]);
      }
    }
  });

  it('all complete: every output is kept', () => {
    const d = mkdtempSync(join(dir, 'together-'));
    const r = cli(['batch', 'fixtures/districts/sample-district-with-rejects.csv', '--out', join(d, 'a.csv'), '--rejects', join(d, 'r.csv'), '--summary', join(d, 's.json'), '--no-progress']);
    expect(r.code).toBe(3);
    expect(readdirSync(d).sort()).toEqual(['a.csv', 'a.csv.run.json', 'r.csv', 's.json']);
  });

  it('SIGINT while a workbook is written: exit 130, no gz-awards-XXXX folder in TMPDIR, no temporary file', async () => {
    const { writeDistrictCsv } = await import(pathToFileURL(join(ROOT, 'scripts/district-generator.mjs')).href);
    const input = path('district-30k.csv');
    await writeDistrictCsv(input, 30_000);
    const t = tmpRoot();
    const d = mkdtempSync(join(dir, 'sigint-'));
    const { child, done } = cliAsync(['batch', input, '--out', 'awards.xlsx', '--rejects', 'r.xlsx'], { cwd: d, env: { TMPDIR: t } });
    const tmp = () => readdirSync(d).find((f) => /^\.awards\.xlsx\.\d+\.tmp$/.test(f));
    for (let i = 0; i < 6000; i++) {
      const f = tmp();
      if (f && f !== `.awards.xlsx.${child.pid}.tmp` && statSync(join(d, f)).size > 50_000 && leftovers(t).length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(leftovers(t).length).toBeGreaterThan(0); // the side sheet's folder, mid-write
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(leftovers(t)).toEqual([]);
    expect(readdirSync(d)).toEqual([]);
  }, 60_000);
});

describe('item 2: the wide award table marks what needs data, in CSV and XLSX', () => {
  // 2025's tier award lacks 2023's sales (its growth window is 2023–2025): needs-data, not zero. B earned nothing
  // (25亿 → 26亿 → 27亿, below tier 1's 30亿): ineligible, and its needs_data cell stays empty.
  const rows = ['id,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025', `${A},,2800000000,3100000000,是`, `${B},2500000000,2600000000,2700000000,是`, `${C},2500000000,2800000000,3100000000,是`];

  it('CSV: needs_data (en) and 缺数据 (zh), after the existing columns; the tier column empty and the total 0.00 for both A and B', () => {
    writeFileSync(path('needs.csv'), rows.join('\n') + '\n');
    const r = cli(['batch', path('needs.csv'), '--no-progress', '--lang', 'en', '--years', '2025']);
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    const h = lines[0]!;
    expect(h.slice(-3)).toEqual(['total', 'other_eligible', 'needs_data']);
    const of = (id: string) => lines.find((l) => l[0] === id)!;
    const tier = h.indexOf('gz-2025-ecommerce/scale-tier@2025');
    expect([of(A)[tier], of(A)[h.indexOf('total')], of(A).at(-1)]).toEqual(['', '0.00', 'gz-2025-ecommerce/scale-tier@2025: years.2023.onlineRetailSales']);
    expect([of(B)[tier], of(B)[h.indexOf('total')], of(B).at(-1)]).toEqual(['', '0.00', '']);
    expect([of(C)[tier], of(C).at(-1)]).toEqual(['1500000.00', '']);
    const zh = cli(['batch', path('needs.csv'), '--no-progress', '--years', '2025']);
    const zhHeader = zh.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
    expect(zhHeader.at(-1)).toBe('缺数据（措施@业绩年度：缺少的输入）');
  });

  it('XLSX: the same column, as text', async () => {
    const out = path('needs.xlsx');
    const r = cli(['batch', path('needs.csv'), '--no-progress', '--lang', 'en', '--years', '2025', '--out', out]);
    expect(r.code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('needs_data') + 1;
    expect(col).toBe(header.length);
    const cellOf = (id: string) => {
      for (let i = 2; i <= ws.rowCount; i++) if (ws.getCell(i, 1).value === id) return ws.getCell(i, col).value;
      return undefined;
    };
    expect(cellOf(A)).toBe('gz-2025-ecommerce/scale-tier@2025: years.2023.onlineRetailSales');
    expect(cellOf(B) ?? null).toBe(null);
  });
});

describe('item 13: parameter and scenario files', () => {
  it('an empty --params file (or comments only) is refused, exit 2', () => {
    for (const text of ['', '# nothing yet\n']) {
      writeFileSync(path('empty-params.yaml'), text);
      const r = cli(['simulate', '--set', `id=${A}`, '--params', path('empty-params.yaml')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the file is empty (or holds only comments): it overrides nothing');
    }
  });

  it('YAML .nan and 1e400 are quoted as written, never as null', () => {
    writeFileSync(path('nan.yaml'), 'parameters:\n  gz-2025-ecommerce/scale-tier:\n    awards: [.nan, 1e400, 1, 2, 3]\n');
    const r = cli(['simulate', '--set', `id=${A}`, '--params', path('nan.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('awards: item 1 (".nan"): expected non-negative amounts in 元');
    expect(r.stderr).not.toContain('null');
    writeFileSync(path('inf.yaml'), 'parameters:\n  gz-2025-ecommerce/scale-tier:\n    awards: [1, 1e400, 2, 3, 4]\n');
    expect(cli(['simulate', '--set', `id=${A}`, '--params', path('inf.yaml')]).stderr).toContain('awards: item 2 ("1e400"): expected non-negative amounts in 元');
  });

  it('a scenario, or a parameters file, nested 10,000 deep is refused with its place, not a stack overflow', () => {
    writeFileSync(path('deep-scenario.yaml'), `cases:\n  - name: x\n    input: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    const t = cli(['test', path('deep-scenario.yaml'), '--lang', 'en']);
    expect(t.stderr).toContain('deep-scenario.yaml:3:76: nested deeper than 64 levels: not read'); // the 65th "[" of line 3
    expect(t.stderr).not.toContain('call stack');
    writeFileSync(path('deep-params.yaml'), `parameters: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    const p = cli(['simulate', '--set', `id=${A}`, '--params', path('deep-params.yaml')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('deep-params.yaml:1:269: nested deeper than 64 levels: not read');
  });
});

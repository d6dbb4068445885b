/**
 * Spreadsheets as offices have them (issue 9): the same district as a canonical CSV, as .xlsx workbooks (title
 * rows, a two-row header with merged years, 万元 headers, number and text cells, a date, an id stored as a
 * number) and as GBK / UTF-16 / semicolon CSVs — each through the spawned CLI, each giving the same awards.
 *
 * The awards, by hand, from gz-2025-ecommerce 第二条 (tiers 30亿/100亿 with average growth over the two years
 * before of at least 10% / 6%, awards 150万 / 250万):
 *   A 91440101MA5CJQ4N59  25亿 → 28亿 → 31亿:  31亿 ≥ 30亿, (31/25)^(1/2) = 1.113 ≥ 1.10      → 1,500,000.00
 *   B 914401011904434208  80亿 → 90亿 → 105亿: 105亿 ≥ 100亿, (105/80)^(1/2) = 1.146 ≥ 1.06  → 2,500,000.00
 *   C 91440101000000002Q? 20亿 → 25亿 → 2,999,999,999.99 元: one fen below 30亿                 → nothing
 * (all three report to the NBS platform in 2025).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, STACK } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-sheets-'));
const path = (name: string) => join(dir, name);

const A = '91440101MA5CJQ4N59';
const B = '914401011904434208';
const C = validId(2);
const TIER = 'gz-2025-ecommerce/scale-tier@2025';

const CANONICAL = [
  'id,name,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025',
  `${A},甲,2500000000,2800000000,3100000000,true`,
  `${B},乙,8000000000,9000000000,10500000000,true`,
  `${C},丙,2000000000,2500000000,2999999999.99,true`,
].join('\n');

/** The same figures in 万元, as offices keep them. */
const WAN: Array<[string, string, number, number, number]> = [
  [A, '甲', 250000, 280000, 310000],
  [B, '乙', 800000, 900000, 1050000],
  [C, '丙', 200000, 250000, 299999.999999],
];

/** The award table's scale-tier cell and total per id, and the ids in order. */
function awards(stdout: string): Record<string, [string, string]> {
  const lines = stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const tier = header.indexOf(TIER);
  const total = header.indexOf('total');
  const out: Record<string, [string, string]> = {};
  for (const l of lines.slice(1)) {
    const cells = l.split(',');
    out[cells[0]!.replace(/^"=""(.*)"""$/, '$1')] = [cells[tier]!, cells[total]!];
  }
  return out;
}

const EXPECTED = { [A]: ['1500000.00', '1500000.00'], [B]: ['2500000.00', '2500000.00'], [C]: ['', '0.00'] };

function batch(file: string, ...args: string[]) {
  const r = cli(['batch', file, '--no-progress', '--lang', 'en', ...args]);
  expect(r.stderr).not.toMatch(STACK);
  return r;
}

async function workbook(build: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path(name));
  return path(name);
}

describe('the same district in every shape gives the same awards', () => {
  it('the canonical CSV: the awards worked out by hand', () => {
    writeFileSync(path('canonical.csv'), CANONICAL);
    const r = batch(path('canonical.csv'));
    expect(r.code).toBe(0);
    expect(awards(r.stdout)).toEqual(EXPECTED);
    // the all-digit id is written so that a spreadsheet keeps it as text
    expect(r.stdout).toContain(`"=""${B}"""`);
    expect(r.stderr).toContain('read in 元 (the default: no unit written)');
  });

  it('an office workbook: title rows, 单位：万元, a two-row header under merged years, number cells, a text number, a date', async () => {
    const f = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['填表说明：金额单位为万元']);
      const s = wb.addWorksheet('2025');
      s.addRow(['2025年天河区电商企业统计表']);
      s.addRow(['单位：万元']);
      s.addRow(['统一社会信用代码', '企业名称', '注册日期', '2023年', '2024年', '2025年', '']);
      s.addRow(['', '', '', '实物商品网上零售额', '实物商品网上零售额', '实物商品网上零售额', '纳入国家统计局联网直报']);
      s.mergeCells('F3:G3');
      s.mergeCells('A3:A4');
      for (const [id, name, y23, y24, y25] of WAN) {
        // B's 2024 figure as a text cell; the rest as numbers; C's 2025 as a computed double with a binary residue
        s.addRow([id, name, new Date(Date.UTC(2019, 4, 20)), y23, id === B ? String(y24) : y24, id === C ? 299999.99999900005 : y25, '是']);
      }
    }, 'office.xlsx');
    const r = batch(f, '--sheet', '2025');
    expect(r.code).toBe(0);
    expect(awards(r.stdout)).toEqual(EXPECTED);
    expect(r.stderr).toContain('read in 万元 (named in a title row)');
    // by its place as well: the second sheet
    expect(awards(batch(f, '--sheet', '2').stdout)).toEqual(EXPECTED);
  });

  it('headers with field and year in any order, units in the header overriding --unit', async () => {
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('Sheet1');
      s.addRow(['统一社会信用代码', '企业名称', '2023年实物商品网上零售额（万元）', '网上零售额_2024(万元)', '网上零售额（2025年）（万元）', '2025年纳入国家统计局联网直报']);
      for (const [id, name, y23, y24, y25] of WAN) s.addRow([id, name, y23, y24, y25, true]);
    }, 'decorated.xlsx');
    const r = batch(f, '--unit', '亿元');
    expect(r.code).toBe(0);
    expect(awards(r.stdout)).toEqual(EXPECTED);
    expect(r.stderr).toContain('read in 万元 (named in the header)');
  });

  it('English headers with spaces, amounts in 元 as numbers, a row Excel left out keeps Excel row numbers', async () => {
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('data');
      s.addRow(['id', 'name', 'online retail sales 2023', 'online retail sales 2024', 'online retail sales 2025', 'nbs direct reporting 2025']);
      WAN.forEach(([id, name, y23, y24, y25], i) => s.getRow(i === 2 ? 6 : i + 2).values = [id, name, y23 * 10000, y24 * 10000, id === C ? 2999999999.99 : y25 * 10000, 'true']);
      s.getRow(8).values = ['91440101MA5CJQ4N5X', 'bad'];
    }, 'english.xlsx');
    const r = batch(f);
    expect(r.code).toBe(3);
    expect(awards(r.stdout)).toEqual(EXPECTED);
    expect(r.stderr).toContain(`${f}, row 8, id:`);
  });

  it('an id stored as a number (digits lost) is rejected with what to do; the other rows stand', async () => {
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('Sheet1');
      s.addRow(['统一社会信用代码', '实物商品网上零售额_2023', '实物商品网上零售额_2024', '实物商品网上零售额_2025', '纳入国家统计局联网直报_2025']);
      for (const [id, , y23, y24, y25] of WAN) s.addRow([id === B ? Number(B) : id, y23, y24, y25, '是']);
    }, 'id-number.xlsx');
    const r = batch(f, '--unit', '万元');
    expect(r.code).toBe(3);
    const got = awards(r.stdout);
    expect(got).toEqual({ [A]: EXPECTED[A], [C]: EXPECTED[C] });
    expect(r.stderr).toContain('row 3, 统一社会信用代码: the spreadsheet stored this unified social credit code as a number and lost its last digits');
    expect(r.stderr).toContain('format the column as Text');
    // the same text in a CSV, as Excel saves such a column
    writeFileSync(path('id-e17.csv'), `id,online_retail_sales_2025\n9.14401E+17,1\n`);
    const c = cli(['validate', path('id-e17.csv'), '--lang', 'en']);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain('stored this unified social credit code as a number');
  });

  it('a GBK CSV with a title row, a 万元 header unit and a two-row header', () => {
    const text = [
      '2025年天河区电商企业统计表,,,,,',
      '统一社会信用代码,企业名称,2023年,2024年,2025年,',
      ',,实物商品网上零售额(万元),实物商品网上零售额(万元),实物商品网上零售额(万元),纳入国家统计局联网直报',
      ...WAN.map(([id, name, a, b, c]) => `${id},${name},${a},${b},${c},是`),
    ].join('\r\n');
    writeFileSync(path('gbk.csv'), iconv.encode(text, 'gbk'));
    const r = batch(path('gbk.csv'));
    expect(r.code).toBe(0);
    expect(awards(r.stdout)).toEqual(EXPECTED);
  });

  it('UTF-16 with tabs (Excel\'s "Unicode 文本"), LE with a BOM and BE without', () => {
    const text = ['统一社会信用代码\t企业名称\t2023年网上零售额(万元)\t2024年网上零售额(万元)\t2025年网上零售额(万元)\t2025年联网直报', ...WAN.map(([id, name, a, b, c]) => `${id}\t${name}\t${a}\t${b}\t${c}\t是`)].join('\r\n');
    writeFileSync(path('u16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    writeFileSync(path('u16be.txt'), be);
    for (const f of ['u16le.txt', 'u16be.txt']) {
      const r = batch(path(f));
      expect(r.code).toBe(0);
      expect(awards(r.stdout)).toEqual(EXPECTED);
    }
  });

  it('semicolons and old-Mac line ends (CR only)', () => {
    const text = ['Tianhe 2025;;;;;', 'id;name;online_retail_sales_2023;online_retail_sales_2024;online_retail_sales_2025;nbs_direct_reporting_2025', ...WAN.map(([id, name, a, b, c]) => `${id};${name};${a}万;${b}万;${c}万;true`)].join('\r');
    writeFileSync(path('semi.csv'), text);
    const r = batch(path('semi.csv'));
    expect(r.code).toBe(0);
    expect(awards(r.stdout)).toEqual(EXPECTED);
  });

  it('Chinese text survives the XML of a large sheet (characters split across the reader\'s chunks)', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `广州海珠示例电商${i}有限公司（直播）`);
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('big');
      s.addRow(['统一社会信用代码', '企业名称', '实物商品网上零售额_2025']);
      names.forEach((name, i) => s.addRow([validId(100 + i), name, 1]));
    }, 'big.xlsx');
    const r = batch(f);
    expect(r.code).toBe(0);
    const got = r.stdout.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[1]);
    expect(got).toEqual(names);
  });

  it('a row whose last cells are blank is read (a workbook stores no empty cell); a row longer than the header is not', async () => {
    // A as above: 25亿 → 28亿 → 31亿 with 联网直报 in 2025 → tier 1, 1,500,000.00.
    // B leaves 联网直报 2025 blank, its last column: the workbook row has 5 cells, not 6. The reporting is then
    // unknown, so B's 2025 tier award needs data (105亿 ≥ 100亿 would pay 2,500,000.00 once it is given); B is
    // neither rejected nor paid. C writes a value under no header (7 cells): rejected, the others stand.
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('data');
      s.addRow(['统一社会信用代码', '企业名称', '实物商品网上零售额_2023', '实物商品网上零售额_2024', '实物商品网上零售额_2025', '纳入国家统计局联网直报_2025']);
      s.addRow([A, '甲', 2500000000, 2800000000, 3100000000, '是']);
      s.addRow([B, '乙', 8000000000, 9000000000, 10500000000]);
      s.addRow([C, '丙', 2000000000, 2500000000, 2999999999.99, '是', '多余']);
    }, 'short-rows.xlsx');
    const r = batch(f, '--layout', 'long');
    expect(r.code).toBe(3);
    const lines = r.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    const [id, measure, year, status, amount] = ['id', 'measure', 'year', 'status', 'amount'].map((h) => header.indexOf(h));
    const tier = (who: string) =>
      lines
        .slice(1)
        .map((l) => l.split(','))
        .filter((c) => c[id!]!.includes(who) && c[measure!] === 'scale-tier' && c[year!] === '2025')
        .map((c) => [c[status!], c[amount!]]);
    expect(tier(A)).toEqual([['eligible', '1500000.00']]);
    expect(tier(B)).toEqual([['needs-data', '']]);
    expect(tier(C)).toEqual([]);
    expect(r.stderr).toContain(`${f}, row 4:`);
    expect(r.stderr).toContain('the row has 7 cells, the header 6 columns');
    expect(cli(['validate', f]).code).toBe(3);
  });

  it('simulate and validate read a workbook too', async () => {
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('one');
      s.addRow(['统一社会信用代码', '2023年网上零售额', '2024年网上零售额', '2025年网上零售额', '2025年联网直报']);
      s.addRow([A, 2500000000, 2800000000, 3100000000, '是']);
    }, 'one.xlsx');
    const r = cli(['simulate', f, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.find((x: { measure: string; year: number }) => x.measure === 'scale-tier' && x.year === 2025).amount).toBe('1500000.00');
    expect(cli(['validate', f]).code).toBe(0);
  });
});

describe('no silent zeroes', () => {
  it('an unknown column resembling a field stops the file, with "did you mean"', () => {
    writeFileSync(path('typo.csv'), `id,网上零售总额2025,nbs_direct_reporting_2025\n${A},3100000000,true\n`);
    const r = batch(path('typo.csv'));
    expect(r.code).toBe(2);
    expect(awards(r.stdout)).toEqual({});
    expect(r.stderr).toContain('unknown column "网上零售总额2025" looks like one of this program\'s fields: did you mean 实物商品网上零售额_2025');
    const zh = cli(['batch', path('typo.csv'), '--no-progress']);
    expect(zh.stderr).toContain('是不是 实物商品网上零售额_2025');
  });

  it('a file where no field a measure reads is recognised is refused, exit 2, with the closest names', () => {
    writeFileSync(path('none.csv'), `统一社会信用代码,企业名称,销售收入\n${A},甲,3100000000\n`);
    const r = batch(path('none.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no column that any measure reads was recognised');
    expect(r.stderr).toContain('closest names:');
  });

  it('other unknown columns stay warnings, capped with a count of the rest', () => {
    const extra = Array.from({ length: 14 }, (_, i) => `备注${i + 1}`);
    writeFileSync(path('many.csv'), `id,${extra.join(',')},online_retail_sales_2025\n${A},${extra.map(() => '').join(',')},1\n`);
    const r = cli(['validate', path('many.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/unknown column "/g)).toHaveLength(10);
    expect(r.stderr).toContain('and 4 more unknown columns not listed');
  });

  it('every amount of a column below 10,000 元 warns that the file may be in 万元', () => {
    // 3,100 / 2,800 / 2,999 — a district of small firms in 万元, read as 元
    writeFileSync(path('small.csv'), ['id,online_retail_sales_2025,nbs_direct_reporting_2025', `${A},3100,true`, `${B},2800,true`, `${C},2999,true`].join('\n'));
    const r = batch(path('small.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('every amount of column "online_retail_sales_2025" is below 10,000 元');
    expect(batch(path('small.csv'), '--unit', '万元').stderr).not.toContain('below 10,000');
  });
});

describe('wrong files are named for what they are', () => {
  it('a legacy .xls is refused with how to save it as .xlsx', () => {
    writeFileSync(path('old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = batch(path('old.xls'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('legacy Excel workbook (.xls)');
    expect(r.stderr).toContain('Excel Workbook (*.xlsx)');
    expect(cli(['validate', path('old.xls')]).stderr).toContain('另存为');
  });

  it('a workbook named .csv is read as a workbook, a zip that is not one and binary data are named', async () => {
    const f = await workbook((wb) => {
      const s = wb.addWorksheet('x');
      s.addRow(['id', 'online_retail_sales_2023', 'online_retail_sales_2024', 'online_retail_sales_2025', 'nbs_direct_reporting_2025']);
      s.addRow([A, 2500000000, 2800000000, 3100000000, true]);
    }, 'book.csv');
    expect(awards(batch(f).stdout)[A]).toEqual(EXPECTED[A]);
    // a zip's first header and nothing after it: cut short, so damaged (issue 34); a whole zip of no sheet is "not a workbook" (trust.test.ts)
    writeFileSync(path('zip.csv'), Buffer.from('504b0304140000000000000000000000000000000000000000000000', 'hex'));
    expect(batch(path('zip.csv')).stderr).toContain('the .xlsx workbook is damaged: the file is incomplete');
    writeFileSync(path('pdf.csv'), '%PDF-1.4\n%\xe2\xe3\n1 0 obj');
    expect(batch(path('pdf.csv')).stderr).toContain('looks like a PDF document');
    writeFileSync(path('junk.csv'), Buffer.from([1, 2, 3, 0, 0, 5, 6, 7, 8, 200, 0, 1]));
    const junk = batch(path('junk.csv'));
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('looks like binary data');
  });

  it('a sheet that is not there: the sheets there are', async () => {
    const f = await workbook((wb) => {
      wb.addWorksheet('2024');
      wb.addWorksheet('2025');
    }, 'two.xlsx');
    const r = batch(f, '--sheet', '2026');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the workbook has no sheet named or numbered "2026"; its sheets: 2024、2025');
  });

  // exceljs copies sheets stored before the shared strings to temporary files and deletes each one it is told
  // to pass over. On a loaded machine the deletion can come before the read stream opens the file; the preload
  // makes that order certain by holding back the opening of such files for reading.
  it('sheets passed over on a slow machine: no stray error after the message', async () => {
    const f = await workbook((wb) => {
      wb.addWorksheet('2024').addRow(['a']);
      wb.addWorksheet('2025').addRow(['b']);
    }, 'slow.xlsx');
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(join(ROOT, 'test/helpers/slow-temp-open.mjs')).href}` };
    const missing = cli(['batch', f, '--no-progress', '--lang', 'en', '--sheet', '2026'], { env });
    expect(missing.stderr).not.toMatch(/ENOENT|Unhandled/);
    expect(missing.code).toBe(2);
    const second = cli(['batch', f, '--no-progress', '--lang', 'en', '--sheet', '2025'], { env });
    expect(second.stderr).not.toMatch(/ENOENT|Unhandled/);
    expect(second.stderr).toContain('unknown column "b"'); // the second sheet's header, so that sheet was read
    expect(second.code).toBe(2);
  });
});

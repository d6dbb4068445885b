#!/usr/bin/env node
/**
 * Writes the sample districts (deterministic; run after `npm run build`):
 *   fixtures/districts/sample-district.csv                    UTF-8, English headers, amounts in 元: no bad rows
 *   fixtures/districts/sample-district-gbk.csv                the same records in GBK, Chinese headers, 万元
 *   fixtures/districts/sample-district-with-rejects.csv       the same, with seven deliberately bad rows
 *   fixtures/districts/sample-district-with-rejects-gbk.csv   that one in GBK, Chinese headers, 万元
 * The first rows are enterprises whose awards are worked out by hand (test/batch.e2e.test.ts checks them), then
 * (in the with-rejects files) deliberately bad rows, then about 2,000 synthetic enterprises, then (with rejects)
 * one more bad row at the very end. The clean files are what the README's quick start runs: it exits 0.
 *
 *   node scripts/make-sample-district.mjs [--out-dir DIR] [--n 1990]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { columnOf, headerOf } from '../dist/io/columns.js';
import { YEAR_FIELDS } from '../dist/domain/enterprise.js';
import { csvLine, HEADER, idFor, syntheticRows } from './district-generator.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const outDir = arg('--out-dir', 'fixtures/districts');
const synthetic = Number(arg('--n', '1990'));

const sales = (by) => Object.fromEntries(Object.entries(by).flatMap(([y, s]) => [[`online_retail_sales_${y}`, s], [`nbs_direct_reporting_${y}`, 'true']]));

/** Hand-designed enterprises: the award of each is worked out in test/batch.e2e.test.ts. */
export const HAND = [
  // H1 SPEC E1: 2.50e9 → 3.10e9, (3.1/2.5)^½ − 1 = 11.355% ≥ 10%, 3.1e9 ≥ 30亿 → tier 1, 1,500,000.00
  { id: idFor(900001, '106'), name: '手算一号（E1 进档）', district: '天河区', ...sales({ 2023: '2500000000', 2024: '2800000000', 2025: '3100000000' }) },
  // H2 SPEC E7: 品牌出海 2025 expense 1,234,567.89 × 50% = 617,283.945 → 617,283.94 (rounded down)
  { id: idFor(900002, '104'), name: '手算二号（品牌出海）', district: '越秀区', tracks: 'ecommerce;cross-border', 'list_brand-overseas': '2025', brand_promotion_expense_2025: '1234567.89' },
  // H3 SPEC E8: bonded rent 2025 7,000,000 × 30% = 2,100,000 > cap 1,500,000 → 1,500,000.00; 2024 1,000,000 × 30% = 300,000.00
  { id: idFor(900003, '115'), name: '手算三号（保税租金）', district: '南沙区', tracks: 'cross-border', bonded_zone_rent_2024: '1000000', bonded_zone_rent_2025: '7000000' },
  // H4 SPEC E4: 2025 tier 1 (1,500,000), 2026 1.05e10 with (1.05e10/8e9)^½ − 1 = 14.56% ≥ 6% → tier 2 top-up 1,000,000
  { id: idFor(900004, '113'), name: '手算四号（补差）', district: '番禺区', ...sales({ 2023: '2500000000', 2024: '8000000000', 2025: '3100000000', 2026: '10500000000' }) },
  // H5 鸿鹄 2025 first entry (1,000,000) and 麒麟 2024 first entry (2,000,000)
  { id: idFor(900005, '112'), name: '手算五号（鸿鹄麒麟）', district: '黄埔区', list_honghu: '2025', list_qilin: '2024' },
  // H6 SPEC E6: optimal plan 鸿鹄 2027 (1,000,000) + tier 2 for 2027 in full (2,500,000); 2026 tier 1 superseded
  { id: idFor(900006, '111'), name: '手算六号（E6 最优方案）', district: '白云区', ...sales({ 2024: '2000000000', 2025: '8000000000', 2026: '3100000000', 2027: '11000000000' }), list_honghu: '2027' },
  // H7 品牌出海 2025 3,000,000 × 50% = 1,500,000 > cap → 1,000,000.00; 2026 funded by the province → ineligible
  { id: idFor(900007, '105'), name: '手算七号（上级资金）', district: '海珠区', 'list_brand-overseas': '2025;2026', brand_promotion_expense_2025: '3000000', brand_promotion_expense_2026: '500000', higher_level_funding: 'gz-2024-cross-border/brand-overseas@2026' },
  // H8 SPEC E5: live-streaming too, E1's sales → 000 tier 1 1,500,000.00, 002 superseded; total 1,500,000.00
  { id: idFor(900008, '103'), name: '手算八号（直播不重复）', district: '荔湾区', tracks: 'ecommerce;livestream', ...sales({ 2023: '2500000000', 2024: '2800000000', 2025: '3100000000' }) },
];

const wrongCheck = (id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** Deliberately bad rows: each must be rejected with its reason. */
const BAD = [
  { id: wrongCheck(idFor(900009, '106')), name: '坏行一（校验码错）', district: '天河区', online_retail_sales_2025: '100000000' },
  { id: idFor(900010, '106'), name: '坏行二（不是广州的区）', district: '深圳市南山区' },
  { id: idFor(900011, '106'), name: '坏行三（负数）', district: '天河区', online_retail_sales_2025: '-5000' },
  { id: HAND[0].id, name: '坏行四（重复代码）', district: '天河区' },
  'TRUNCATED',
  { id: idFor(900013, '106'), name: '坏行六（破折号）', district: '天河区', online_retail_sales_2025: '—' },
];
const LAST_BAD = { id: idFor(900014, '118'), name: '坏行七（文字金额）', district: '增城区', bonded_zone_rent_2025: 'abc' };

const cells = (o) => HEADER.map((h) => o[h] ?? '');

const badRows = BAD.map((b) => (b === 'TRUNCATED' ? [idFor(900012, '106'), '坏行五（单元格不足）', '天河区'] : cells(b)));
const synth = [...syntheticRows(synthetic)];
const withRejects = [...HAND.map(cells), ...badRows, ...synth, cells(LAST_BAD)];
const clean = [...HAND.map(cells), ...synth];
mkdirSync(outDir, { recursive: true });

// Chinese headers (from the reader's own alias table), GBK, amounts in 万元, 是/否, Chinese track names
const columns = HEADER.map((h) => columnOf(h));
const zhHeader = columns.map((c) => headerOf(c, 'zh'));
const TRACK_ZH = { ecommerce: '电子商务', livestream: '直播电商', 'cross-border': '跨境电商' };
const inWan = (v) => {
  if (!/^\d+(\.\d+)?$/.test(v)) return v; // bad cells stay as they are
  const [w, f = ''] = v.split('.');
  const digits = (w + f).padStart(f.length + 5, '0');
  const cut = digits.length - f.length - 4;
  const out = `${digits.slice(0, cut).replace(/^0+(?=\d)/, '')}.${digits.slice(cut)}`.replace(/\.?0+$/, '');
  return out === '' ? '0' : out;
};
const zhRow = (row) =>
  row.map((v, i) => {
    const c = columns[i];
    if (!c || v === '') return v;
    if (c.kind === 'tracks') return v.split(';').map((t) => TRACK_ZH[t]).join('；');
    if (c.kind === 'list') return v.replace(/;/g, '；');
    if (c.kind === 'year' && YEAR_FIELDS[c.field] === 'boolean') return v === 'true' ? '是' : v === 'false' ? '否' : v;
    if (c.kind === 'year' && YEAR_FIELDS[c.field] === 'money') return v.startsWith('-') ? '-' + inWan(v.slice(1)) : inWan(v);
    return v;
  });
for (const [name, rows] of [['sample-district', clean], ['sample-district-with-rejects', withRejects]]) {
  // English, UTF-8, 元
  writeFileSync(join(outDir, `${name}.csv`), csvLine(HEADER) + rows.map(csvLine).join(''));
  writeFileSync(join(outDir, `${name}-gbk.csv`), iconv.encode(csvLine(zhHeader) + rows.map(zhRow).map(csvLine).join(''), 'gbk'));
  process.stderr.write(`wrote ${rows.length} records to ${outDir}/${name}.csv and ${name}-gbk.csv\n`);
}

/**
 * Synthetic district data, deterministic (a seeded PRNG): the rows of a wide-layout CSV with English headers.
 * Used by scripts/make-sample-district.mjs (the committed fixtures) and by the benchmark (bench/run.mjs).
 * Needs the built project (dist/) for the GB 32100-2015 check character.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { usccCheckChar } from '../dist/domain/uscc.js';

export const HEADER = [
  'id', 'name', 'district', 'tracks',
  ...[2023, 2024, 2025, 2026, 2027].map((y) => `online_retail_sales_${y}`),
  ...[2023, 2024, 2025, 2026, 2027].map((y) => `nbs_direct_reporting_${y}`),
  'newly_above_quota_2025',
  ...[2024, 2025, 2026, 2027].map((y) => `brand_promotion_expense_${y}`),
  ...[2024, 2025, 2026, 2027].map((y) => `bonded_zone_rent_${y}`),
  'high_salary_staff_2025', 'rd_expensed_2025', 'rd_capitalized_2025',
  'list_honghu', 'list_qilin', 'list_brand-overseas', 'list_high-tech', 'list_gz-hq', 'list_gz-demo-enterprise',
  'prior_awards', 'higher_level_funding',
];

const DISTRICTS = [
  ['越秀区', '104'], ['海珠区', '105'], ['荔湾区', '103'], ['天河区', '106'], ['白云区', '111'], ['黄埔区', '112'],
  ['番禺区', '113'], ['花都区', '114'], ['南沙区', '115'], ['从化区', '117'], ['增城区', '118'],
];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code for enterprise n of a district (91440 + area + MA + 7 characters). */
export function idFor(n, area) {
  let s = '';
  let x = n;
  for (let i = 0; i < 7; i++) {
    s = CHARSET[x % 31] + s;
    x = Math.floor(x / 31);
  }
  const first17 = `91440${area}MA${s}`;
  return first17 + usccCheckChar(first17);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole 元 as a string, from a float only used to pick a synthetic magnitude (never for awards). */
const yuan = (x) => String(Math.round(x));

/**
 * Synthetic enterprises n = from … from+count−1 as rows of cells (in HEADER order). Sales grow or shrink a little
 * each year around a log-uniform size; a few enterprises reach the tiers; lists, costs and R&D appear now and then.
 */
export function* syntheticRows(count, { seed = 20250101, from = 0, crossBorder = false } = {}) {
  const rnd = mulberry32(seed);
  for (let n = from; n < from + count; n++) {
    const [district, area] = DISTRICTS[Math.floor(rnd() * DISTRICTS.length)];
    const row = Object.fromEntries(HEADER.map((h) => [h, '']));
    row.id = idFor(n, area);
    row.name = `广州${district.slice(0, 2)}示例电商${n}有限公司`;
    row.district = district;
    const r = rnd();
    // crossBorder: every row cross-border (the bench of a policy file re-expressing 003); the draws stay the same
    row.tracks = crossBorder ? 'ecommerce;cross-border' : r < 0.7 ? 'ecommerce' : r < 0.85 ? 'ecommerce;livestream' : 'ecommerce;cross-border';
    // size: 10^7 … 10^10.3 元, log-uniform, then ±15% a year
    let s = 10 ** (7 + rnd() * 3.3);
    const reports = rnd() < 0.9;
    for (const y of [2023, 2024, 2025, 2026, 2027]) {
      if (y >= 2026 && rnd() < 0.5) break; // later years not always known yet
      row[`online_retail_sales_${y}`] = yuan(s);
      row[`nbs_direct_reporting_${y}`] = reports ? 'true' : 'false';
      s *= 0.95 + rnd() * 0.3;
    }
    if (rnd() < 0.1) row.newly_above_quota_2025 = rnd() < 0.5 ? 'true' : 'false';
    if (row.tracks.includes('cross-border') || rnd() < 0.05) {
      for (const y of [2024, 2025, 2026, 2027]) {
        if (rnd() < 0.5) row[`brand_promotion_expense_${y}`] = yuan(rnd() * 3e6);
        if (rnd() < 0.3) row[`bonded_zone_rent_${y}`] = yuan(rnd() * 6e6);
      }
      if (rnd() < 0.5) row['list_brand-overseas'] = rnd() < 0.5 ? '2025' : '2025;2026';
      if (rnd() < 0.05) row.list_qilin = '2024';
    }
    if (rnd() < 0.2) {
      row.high_salary_staff_2025 = String(Math.floor(rnd() * 6));
      row.rd_expensed_2025 = yuan(rnd() * 5e6);
      if (rnd() < 0.3) row.rd_capitalized_2025 = yuan(rnd() * 2e6);
    }
    if (rnd() < 0.02) row.list_honghu = rnd() < 0.5 ? '2025' : '2027';
    if (rnd() < 0.08) row['list_high-tech'] = '2025';
    if (rnd() < 0.02) row['list_gz-hq'] = '2025';
    if (rnd() < 0.03) row['list_gz-demo-enterprise'] = '2024';
    if (rnd() < 0.01) row.prior_awards = 'scale-tier@2024:1';
    yield HEADER.map((h) => row[h]);
  }
}

/** A CSV line (RFC 4180 quoting). */
export function csvLine(cells) {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') + '\r\n';
}

/** Writes a synthetic district of n enterprises to a CSV file, streamed (the benchmark's and the signal tests' input). */
export async function writeDistrictCsv(file, n, options = {}) {
  const out = createWriteStream(file);
  out.write(csvLine(HEADER));
  let buf = '';
  for (const row of syntheticRows(n, options)) {
    buf += csvLine(row);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

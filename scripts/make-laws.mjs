#!/usr/bin/env node
/**
 * Writes laws/<policy-id>.txt, the five policy texts the project ships, from the texts as published (the
 * directory holding 000_….txt … 004_….txt, given as the argument). Run once; the output is committed.
 *
 * 001 (2019) and the opening articles of 003 (2024) reached the project in traditional script; Guangzhou
 * published both in simplified, and users read simplified, so they are converted with OpenCC (opencc-js,
 * from `tw` to `cn`), and their first line says so. The other texts are copied unchanged. 003 is converted
 * only up to the line where the published text itself turns simplified, so no simplified line is touched.
 *
 *   node scripts/make-laws.mjs /path/to/seeds
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';

const DOCS = [
  { seed: '000_d2f96fb1cb4f06f7.txt', id: 'gz-2025-ecommerce' },
  { seed: '001_40c932257997183b.txt', id: 'gz-2019-ecommerce', convert: 'all' },
  { seed: '002_20c4ad2a9a2821bc.txt', id: 'gz-2025-livestream' },
  // The published 003 turns simplified in the middle of 二, at this line.
  { seed: '003_7fd8ecc448c3c867.txt', id: 'gz-2024-cross-border', convert: '园区，给予运营主体一次性奖励' },
  { seed: '004_50d1ea506c6b7cb2.txt', id: 'gd-2012-ecommerce' },
];

const NOTE = (seed, what) =>
  `【说明】本文件${what}由繁体字转换为简体字（OpenCC，opencc-js，tw→cn），其余文字未改动；所据文本：${seed}。\n`;

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/make-laws.mjs SEEDS_DIR\n');
  process.exit(2);
}
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
mkdirSync('laws', { recursive: true });
for (const d of DOCS) {
  const text = readFileSync(join(dir, d.seed), 'utf8');
  let out = text;
  if (d.convert === 'all') out = NOTE(d.seed, '全文') + toCn(text);
  else if (d.convert) {
    const at = text.indexOf(d.convert);
    if (at < 0) throw new Error(`${d.seed}: the line "${d.convert}" is not in the text`);
    out = NOTE(d.seed, '开头部分（至第二条“跨境电商产业”止）') + toCn(text.slice(0, at)) + text.slice(at);
  }
  writeFileSync(join('laws', `${d.id}.txt`), out);
  process.stdout.write(`laws/${d.id}.txt\n`);
}

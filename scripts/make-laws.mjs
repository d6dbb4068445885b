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
 * Two of them also carry what the page they were taken from left behind, or a word that is not the official
 * text's; each is corrected here, after the conversion, by an exact find-and-replace that must match as many
 * times as it says (else the script stops), and the first line lists every correction:
 * - 001: "<strong>" tags, the title's fragment "…若干措施的" twice above the document number, and the section
 *   headings "PART1 …" … "PART 7 …", which the official text (gz.gov.cn, post_4435557) numbers "一、" … "七、";
 * - 003: the notice is a 通知 and cites the provincial 通知 and "粤商务电函〔2023〕93号" (sw.gz.gov.cn,
 *   post_9523501); the text as received reads "通告" twice and "粤商电函".
 *
 *   node scripts/make-laws.mjs /path/to/seeds
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';

const SECTIONS = ['一', '二', '三', '四', '五', '六', '七'];

/**
 * Corrections applied after conversion: `find` (a string, or a global RegExp) must match exactly `count`
 * times; `to` replaces each match; `says` is how the first line names the correction.
 */
const DOCS = [
  { seed: '000_d2f96fb1cb4f06f7.txt', id: 'gz-2025-ecommerce' },
  {
    seed: '001_40c932257997183b.txt',
    id: 'gz-2019-ecommerce',
    convert: 'all',
    fixes: [
      { find: /^广州市人民政府办公厅关于印发推动电子商务跨越式发展若干措施的\n\n/gm, count: 2, to: '', says: '删去文首重复两次的标题残段“……若干措施的”' },
      { find: /<strong>/g, count: 10, to: '', says: '删去网页残留的“<strong>”标记（10处）' },
      {
        find: /^PART ?([1-7]) /gm,
        count: 7,
        to: (_, n) => `${SECTIONS[Number(n) - 1]}、`,
        says: '章节标题“PART1”至“PART 7”按官方文本改为“一、”至“七、”',
      },
    ],
  },
  { seed: '002_20c4ad2a9a2821bc.txt', id: 'gz-2025-livestream' },
  // The published 003 turns simplified in the middle of 二, at this line.
  {
    seed: '003_7fd8ecc448c3c867.txt',
    id: 'gz-2024-cross-border',
    convert: '园区，给予运营主体一次性奖励',
    fixes: [
      { find: '高质量发展若干政策措施的通告\n', count: 1, to: '高质量发展若干政策措施的通知\n', says: '标题“……若干政策措施的通告”改为“……的通知”' },
      { find: '若干政策措施的通告》', count: 1, to: '若干政策措施的通知》', says: '所引《广东省人民政府办公厅印发关于推进跨境电商高质量发展若干政策措施的通告》改为“……的通知》”' },
      { find: '粤商电函〔2023〕93号', count: 1, to: '粤商务电函〔2023〕93号', says: '“粤商电函〔2023〕93号”改为“粤商务电函〔2023〕93号”' },
    ],
  },
  { seed: '004_50d1ea506c6b7cb2.txt', id: 'gd-2012-ecommerce' },
];

const CONVERTED = '由繁体字转换为简体字（OpenCC，opencc-js，tw→cn）';
/** The first line: what was converted, then each correction (or that nothing else was changed), and the seed. */
const NOTE = (seed, what, fixes) =>
  `【说明】本文件${what}${CONVERTED}，${fixes.length ? `并作以下更正：${fixes.map((f, i) => `（${i + 1}）${f.says}`).join('；')}；其余文字未改动` : '其余文字未改动'}；所据文本：${seed}。\n`;

/** Applies the corrections, each exactly as often as it says. */
function correct(seed, text, fixes) {
  let out = text;
  for (const f of fixes) {
    const n = typeof f.find === 'string' ? out.split(f.find).length - 1 : (out.match(f.find) ?? []).length;
    if (n !== f.count) throw new Error(`${seed}: "${f.find}" found ${n} times, expected ${f.count}`);
    out = typeof f.find === 'string' ? out.split(f.find).join(f.to) : out.replace(f.find, f.to);
  }
  return out;
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/make-laws.mjs SEEDS_DIR\n');
  process.exit(2);
}
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
mkdirSync('laws', { recursive: true });
for (const d of DOCS) {
  const text = readFileSync(join(dir, d.seed), 'utf8');
  const fixes = d.fixes ?? [];
  let out = text;
  if (d.convert === 'all') out = NOTE(d.seed, '全文', fixes) + correct(d.seed, toCn(text), fixes);
  else if (d.convert) {
    const at = text.indexOf(d.convert);
    if (at < 0) throw new Error(`${d.seed}: the line "${d.convert}" is not in the text`);
    out = NOTE(d.seed, '开头部分（至第二条“跨境电商产业”止）', fixes) + correct(d.seed, toCn(text.slice(0, at)) + text.slice(at), fixes);
  }
  writeFileSync(join('laws', `${d.id}.txt`), out);
  process.stdout.write(`laws/${d.id}.txt\n`);
}

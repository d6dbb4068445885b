/**
 * gz-awards template [--lang zh|en] [--years 2023-2027]: an input CSV with every column the reader accepts
 * (generated from the one alias table of io/columns.ts, so the template cannot drift from the reader) and a
 * sample row, for an analyst to fill in with Excel. The inputs policy files declare (domain/vocabulary.ts) come after
 * the built-in ones of their kind: yearly inputs after the yearly fields, lists after the lists, inputs given once
 * at the end.
 */
import { z } from 'zod';
import type { ProjectType } from '../domain/enterprise.js';
import { inputsOf } from '../domain/vocabulary.js';
import { FIXED_COLUMNS, headerOf, type Column } from '../io/columns.js';
import { csvLine, UTF8_BOM } from '../render/csv.js';
import { EXIT, parseYears, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { loadPolicies } from './params.js';

const options = z.object({ lang: langSchema, years: z.string().default('2023-2027'), policy: z.array(z.string()).default([]) });

/** The sample: SPEC §10 E1's sales (2.5e9 → 3.1e9, tier 1), with 鸿鹄 2025 and high-tech status. */
const SAMPLE_ID = '91440101MA5CJQ4N59';
const SAMPLE_SALES: Record<number, string> = { 2023: '2500000000', 2024: '2800000000', 2025: '3100000000' };

export async function template(raw: unknown): Promise<number> {
  const o = options.parse(raw);
  await loadPolicies({ files: o.policy, lang: o.lang }); // the inputs its files declare get their columns
  const years = [...parseYears(o.years)].sort((a, b) => a - b);
  const zh = o.lang === 'zh';
  const cols: Array<[Column, string]> = [];
  const fixed = (kind: string) => FIXED_COLUMNS.filter(([c]) => c.kind === kind).map(([c]) => c);
  for (const c of [...fixed('id'), ...fixed('name'), ...fixed('district'), ...fixed('tracks')]) {
    cols.push([c, { id: SAMPLE_ID, name: zh ? '广州天河示例电子商务有限公司' : 'Tianhe Sample E-commerce Co., Ltd.', district: zh ? '天河区' : 'Tianhe', tracks: zh ? '电子商务；直播电商' : 'ecommerce;livestream' }[c.kind as 'id'] ?? '']);
  }
  for (const { id: field } of inputsOf('year')) {
    for (const year of years) {
      let sample = '';
      if (field === 'onlineRetailSales') sample = SAMPLE_SALES[year] ?? '';
      if (field === 'nbsDirectReporting' && SAMPLE_SALES[year]) sample = zh ? '是' : 'true';
      cols.push([{ kind: 'year', field, year }, sample]);
    }
  }
  for (const { id: list } of inputsOf('list')) cols.push([{ kind: 'list', list }, list === 'honghu' || list === 'high-tech' ? '2025' : '']);
  for (const { id } of inputsOf('project')) cols.push([{ kind: 'project', type: id as ProjectType }, '']);
  for (const kind of ['capital', 'prior', 'funding']) for (const c of fixed(kind)) cols.push([c, '']);
  for (const { id } of inputsOf('static')) cols.push([{ kind: 'input', id }, '']);
  await writeOut(UTF8_BOM + csvLine(cols.map(([c]) => headerOf(c, o.lang))) + csvLine(cols.map(([, v]) => v)));
  return EXIT.ok;
}

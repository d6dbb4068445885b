/**
 * The report of `gz-awards diff`: a readable table, JSON and CSV of what a parameter change does to a district —
 * who gains, who loses, totals before and after by district and by measure, and the largest changes. Amounts
 * are exact: "1500000.00" in machine formats, with thousand separators in tables.
 */
import Table from 'cli-table3';
import { DISTRICTS, districtEnglish } from '../domain/districts.js';
import { STATUS_LABELS, type Lang } from '../domain/labels.js';
import { formatYuan, groupThousands, type Fen } from '../domain/money.js';
import type { DiffResult, EnterpriseChange, ResultState, Tally } from '../diff/compare.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { ParamsSource } from '../io/params-file.js';
import { amountText } from './amount.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { t } from './messages.js';
import type { Paint } from './table.js';
import { PLAIN } from './table.js';
import { titledNames, titleOf } from './titles.js';

export interface DiffMeta {
  /** Null for the published parameters. */
  base: ParamsSource | null;
  next: ParamsSource | null;
  interpretation: { base: Interpretation; next: Interpretation };
  records: { read: number; compared: number; rejected: number };
  /** The policy files of each side (--policy; --policy-new on top for the new side), when any. */
  policies?: { base: string[]; next: string[] };
}

const msg = (key: string, lang: Lang, args: Record<string, string | number | null | undefined> = {}) => t({ key, args: args as never }, lang);
/** Exact to the fen and easy to compare down a column: 11,417,283.94 元 / ¥11,417,283.94. */
const money = (v: Fen, lang: Lang) => (lang === 'zh' ? `${groupThousands(v)} 元` : `¥${groupThousands(v)}`);
const signedMoney = (v: Fen, lang: Lang) => (v > 0n ? '+' : v < 0n ? '−' : '') + money(v < 0n ? -v : v, lang);

/** Districts in the canonical order, enterprises without one last. */
export function districtRows(d: DiffResult): Array<[string, Tally]> {
  const order = (name: string) => {
    const i = DISTRICTS.findIndex((x) => x.name === name);
    return i < 0 ? DISTRICTS.length : i;
  };
  return [...d.byDistrict].sort(([a], [b]) => order(a) - order(b));
}

/** The measures any enterprise is eligible for, before or after, in the rule set's order. */
const activeMeasures = (d: DiffResult) => [...d.byMeasure].filter(([, m]) => m.eligibleBefore + m.eligibleAfter > 0);

const districtName = (name: string, lang: Lang) => (name === '' ? msg('diff.no-district', lang) : lang === 'en' ? districtEnglish(name) : name);
const interpretationText = (i: Interpretation) =>
  Object.entries(i)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const paramsText = (p: ParamsSource | null, lang: Lang) => (p ? msg('diff.params-file', lang, { file: p.file, sha256: p.sha256.slice(0, 12) }) : msg('diff.published', lang));

/** A result's state in the words of the result table: 符合 第1档 150万元 (zh), eligible tier 1 1500000.00 (en). */
function stateText(s: ResultState | null, lang: Lang): string {
  if (!s) return msg('diff.absent', lang);
  if (lang === 'zh') return [STATUS_LABELS[s.status].zh, s.tier !== null ? `第${s.tier}档` : null, s.amount !== null ? amountText(s.amount, 'zh') : null].filter(Boolean).join(' ');
  return [s.status, s.tier !== null ? `tier ${s.tier}` : null, s.amount !== null ? formatYuan(s.amount) : null].filter(Boolean).join(' ');
}

/**
 * How the report names a measure: in Chinese by its title (its id added where two measures share a title, as in
 * the batch summary); in English by its id.
 */
function measureNames(d: DiffResult, lang: Lang): (ref: string) => string {
  if (lang === 'en') return (ref) => ref;
  const refs = new Set([...d.byMeasure.keys(), ...d.top.flatMap((c) => c.changes.map((x) => x.ref))]);
  return titledNames([...refs].map((ref) => [ref, titleOf(ref, 'zh')] as const));
}

/** "网上零售额进档奖励 2025年度：符合 第1档 150万元 → 不符合" / "gz-2025-ecommerce/scale-tier 2025: eligible tier 1 1500000.00 → ineligible" */
export function changeLines(c: EnterpriseChange, lang: Lang, name: (ref: string) => string = (ref) => ref): string[] {
  return c.changes.map((x) =>
    lang === 'zh' ? `${name(x.ref)} ${x.year}年度：${stateText(x.before, lang)} → ${stateText(x.after, lang)}` : `${name(x.ref)} ${x.year}: ${stateText(x.before, lang)} → ${stateText(x.after, lang)}`,
  );
}

export function renderDiffTable(d: DiffResult, meta: DiffMeta, lang: Lang, topN: number, paint: Paint = PLAIN): string {
  const h = (k: string) => msg(`diff.h.${k}`, lang);
  // counts and amounts right-aligned, so that they compare down a column
  const table = (head: string[], right: readonly number[]) =>
    new Table({ head, style: { head: [], border: [] }, colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')) });
  const name = measureNames(d, lang);
  const o = d.overall;
  const out: string[] = [
    paint.dim(msg('diff.params', lang, { base: paramsText(meta.base, lang), new: paramsText(meta.next, lang) })),
    ...(meta.policies ? [paint.dim(msg('diff.policies', lang, { base: meta.policies.base.join(lang === 'zh' ? '、' : ', ') || msg('diff.built-in', lang), new: meta.policies.next.join(lang === 'zh' ? '、' : ', ') || msg('diff.built-in', lang) }))] : []),
    paint.dim(msg('diff.interpretation', lang, { base: interpretationText(meta.interpretation.base), new: interpretationText(meta.interpretation.next) })),
    paint.dim(msg('diff.records', lang, meta.records)),
    '',
    paint.bold(msg('diff.enterprises', lang, { enterprises: o.enterprises, gaining: o.gaining, losing: o.losing, changed: o.changed, unchanged: o.unchanged })),
    paint.bold(msg('diff.total', lang, { before: money(o.before, lang), after: money(o.after, lang), change: signedMoney(o.after - o.before, lang) })),
  ];

  out.push('', paint.bold(msg('diff.by-district', lang)));
  const districts = table([h('district'), h('enterprises'), h('gaining'), h('losing'), h('changed'), h('unchanged'), h('before'), h('after'), h('change')], [1, 2, 3, 4, 5, 6, 7, 8]);
  const row = (name: string, x: Tally) => [name, x.enterprises, x.gaining, x.losing, x.changed, x.unchanged, money(x.before, lang), money(x.after, lang), signedMoney(x.after - x.before, lang)].map(String);
  for (const [name, x] of districtRows(d)) districts.push(row(districtName(name, lang), x));
  districts.push(row(msg('diff.all', lang), o).map((c) => paint.bold(c)));
  out.push(districts.toString());

  const measures = activeMeasures(d);
  if (measures.length > 0) {
    out.push('', paint.bold(msg('diff.by-measure', lang)));
    const tm = table([h('measure'), h('eligible-before'), h('eligible-after'), h('before'), h('after'), h('change')], [1, 2, 3, 4, 5]);
    for (const [ref, m] of measures) tm.push([name(ref), String(m.eligibleBefore), String(m.eligibleAfter), money(m.before, lang), money(m.after, lang), signedMoney(m.after - m.before, lang)]);
    out.push(tm.toString());
  }

  if (d.top.length === 0) out.push('', msg('diff.no-change', lang));
  else {
    out.push('', paint.bold(msg('diff.top', lang, { n: Math.min(topN, d.top.length) })));
    const tt = table([h('id'), h('name'), h('district'), h('before'), h('after'), h('change'), h('results')], [3, 4, 5]);
    for (const c of d.top) {
      tt.push([c.id, c.name ?? '', districtName(c.district ?? '', lang), money(c.before, lang), money(c.after, lang), signedMoney(c.change, lang), changeLines(c, lang, name).join('\n')]);
    }
    out.push(tt.toString());
  }
  return out.join('\n') + '\n';
}

const stateJson = (s: ResultState | null) => (s ? { status: s.status, amount: s.amount === null ? null : formatYuan(s.amount), tier: s.tier, supersededBy: s.supersededBy } : null);

/** The report as data; amounts as exact strings of 元 (a fall is negative). */
export function diffJson(d: DiffResult, meta: DiffMeta, changed: boolean): unknown {
  const o = d.overall;
  return {
    params: { base: meta.base, new: meta.next },
    ...(meta.policies ? { policies: { base: meta.policies.base, new: meta.policies.next } } : {}),
    interpretation: { base: meta.interpretation.base, new: meta.interpretation.next },
    records: meta.records,
    enterprises: { total: o.enterprises, gaining: o.gaining, losing: o.losing, changed: o.changed, unchanged: o.unchanged },
    total: { before: formatYuan(o.before), after: formatYuan(o.after), change: formatYuan(o.after - o.before) },
    byDistrict: districtRows(d).map(([name, x]) => ({
      district: name || null,
      enterprises: x.enterprises,
      gaining: x.gaining,
      losing: x.losing,
      changed: x.changed,
      unchanged: x.unchanged,
      before: formatYuan(x.before),
      after: formatYuan(x.after),
      change: formatYuan(x.after - x.before),
    })),
    byMeasure: activeMeasures(d).map(([ref, m]) => ({
      measure: ref,
      eligibleBefore: m.eligibleBefore,
      eligibleAfter: m.eligibleAfter,
      before: formatYuan(m.before),
      after: formatYuan(m.after),
      change: formatYuan(m.after - m.before),
    })),
    top: d.top.map((c) => ({
      id: c.id,
      name: c.name,
      district: c.district,
      verdict: c.verdict,
      before: formatYuan(c.before),
      after: formatYuan(c.after),
      change: formatYuan(c.change),
      changes: c.changes.map((x) => ({ measure: x.ref, year: x.year, before: stateJson(x.before), after: stateJson(x.after) })),
    })),
    changed,
  };
}

export const DIFF_CSV_HEADER = ['section', 'key', 'name', 'district', 'enterprises', 'gaining', 'losing', 'changed', 'unchanged', 'eligible_before', 'eligible_after', 'before', 'after', 'change'] as const;

/**
 * One CSV for a spreadsheet: the `section` column says what a row is — `params` (key base/new, the file in
 * `name`, its SHA-256 in `district`), `total`, `district`, `measure` or `enterprise` (the largest changes) — and
 * the other columns hold what applies to it. Changes carry no "+" (a cell starting with + or − is neutralised
 * against formula injection, SPEC §7, so a negative change reads as text in Excel).
 */
export function diffCsv(d: DiffResult, meta: DiffMeta): string {
  const rows: string[][] = [];
  const blank = (n: number) => Array<string>(n).fill('');
  const tally = (x: Tally) => [String(x.enterprises), String(x.gaining), String(x.losing), String(x.changed), String(x.unchanged), '', '', formatYuan(x.before), formatYuan(x.after), formatYuan(x.after - x.before)];
  for (const [side, p] of [['base', meta.base], ['new', meta.next]] as const) rows.push(['params', side, p?.file ?? '', p?.sha256 ?? '', ...blank(10)]);
  rows.push(['total', '', '', '', ...tally(d.overall)]);
  for (const [name, x] of districtRows(d)) rows.push(['district', name, '', name, ...tally(x)]);
  for (const [ref, m] of activeMeasures(d)) {
    rows.push(['measure', ref, '', '', ...blank(5), String(m.eligibleBefore), String(m.eligibleAfter), formatYuan(m.before), formatYuan(m.after), formatYuan(m.after - m.before)]);
  }
  for (const c of d.top) {
    rows.push(['enterprise', c.id, c.name ?? '', c.district ?? '', ...blank(7), formatYuan(c.before), formatYuan(c.after), formatYuan(c.change)]);
  }
  return UTF8_BOM + csvLine([...DIFF_CSV_HEADER]) + rows.map(csvLine).join('');
}

/**
 * The readable table of one enterprise's results, grouped by document, with reasons, the next tier and the
 * total. Colour only through the `paint` passed in (none for files and pipes).
 */
import { interpretationWords } from './run-record.js';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { districtEnglish } from '../domain/districts.js';
import { KIND_LABELS, STATUS_LABELS, type Lang } from '../domain/labels.js';
import type { Check, Result, Status } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import { INTERPRETATIONS, type InterpretationName } from '../engine/interpretation.js';
import type { RuleSet } from '../engine/ruleset.js';
import { award, t } from './messages.js';
import { nextText, reasonOf } from './reason.js';

export interface Paint {
  status(s: Status, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Paint = { status: (_s, x) => x, bold: (x) => x, dim: (x) => x };

export interface TableOptions {
  lang: Lang;
  explain: boolean;
  paint: Paint;
  /** Terminal width, to wrap the reason column; undefined = no wrapping. */
  width?: number;
}

const H = {
  zh: { measure: '措施', article: '条款', year: '年度', apply: '申报年', status: '结果', amount: '金额', reason: '说明', total: '合计（现金奖励上限，不含让位项）', next: '下一档', none: '没有适用的结果：输入中没有任何措施所需的数据。', interp: '解释口径', codes: '口径代码（--interpret）', defaults: '（均为默认）', params: '参数覆盖' },
  en: { measure: 'Measure', article: 'Article', year: 'Year', apply: 'Applied', status: 'Result', amount: 'Amount', reason: 'Why', total: 'Total (cash ceilings, superseded results excluded)', next: 'Next tier', none: 'No results apply: the input holds none of the data the measures read.', interp: 'Interpretation', codes: 'Codes (--interpret)', defaults: '(all defaults)', params: 'Parameter overrides' },
} as const;

export function amountCell(r: Result, lang: Lang): string {
  if (r.amount !== null) {
    if (r.kind === 'tax-deduction') return (lang === 'zh' ? '加计扣除 ' : 'deduct ') + award(r.amount, lang);
    return award(r.amount, lang);
  }
  if (r.status !== 'eligible') return '—';
  return KIND_LABELS[r.kind][lang];
}

/** The columns of a result row; in a narrow terminal the article joins the measure and the application year the year. */
type Row = string[];

export function renderTable(ev: Evaluation, rs: RuleSet, o: TableOptions, meta: { params?: { file: string; sha256: string } | null } = {}): string {
  const { lang, paint } = o;
  const h = H[lang];
  const e = ev.enterprise;
  const lines: string[] = [];
  const fit = (text: string) => (o.width ? wrapAnsi(text, o.width, { hard: true, trim: false }) : text);
  const district = e.district ? (lang === 'en' ? districtEnglish(e.district) : e.district) : '';
  const [open, sep, close] = lang === 'zh' ? ['（', '，', '）'] : [' (', ', ', ')'];
  const about = [e.name ? e.id : null, district || null].filter(Boolean).join(sep);
  lines.push(fit(paint.bold(`${e.name ?? e.id}${about ? open + about + close : ''}`)));
  const colon = lang === 'zh' ? '：' : ': ';
  lines.push(fit(paint.dim(`${h.interp}${colon}${interpretationLine(ev, lang)}`)));
  if (o.explain) lines.push(fit(paint.dim(`${h.codes}${colon}${interpretationCodes(ev)}`)));
  if (meta.params) lines.push(fit(paint.dim(`${h.params}${colon}${meta.params.file}${open}sha256 ${meta.params.sha256.slice(0, 12)}${close}`)));
  if (ev.results.length === 0) {
    lines.push('', fit(h.none));
    return lines.join('\n') + '\n';
  }
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    lines.push('', fit(paint.bold(`【${policy.def.title[lang]}】${o.explain ? ` ${policy.def.id}` : ''}`)));
    const body: { cells: Row; status: Status; detail?: string }[] = [];
    const nexts: string[] = [];
    const notes = new Set<string>();
    for (const r of rows) {
      const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
      for (const n of r.notes) notes.add(t(n, lang));
      const title = o.explain ? `${m.title[lang]}\n${r.measure}` : m.title[lang];
      const detail = o.explain ? r.checks.map((c) => checkLine(c, m.article, lang)).join('\n') : undefined;
      body.push({ cells: [title, m.article, String(r.year), String(r.applicationYear), STATUS_LABELS[r.status][lang], amountCell(r, lang), reasonOf(r, lang)], status: r.status, ...(detail ? { detail } : {}) });
      if (r.next && r.status !== 'superseded') {
        const which = lang === 'zh' ? `（${m.title.zh}${r.year}年度）` : ` (${m.title.en}, ${r.year})`;
        nexts.push(`${h.next}${which}${colon}${nextText(r.next, lang)}`);
      }
    }
    lines.push(resultTable(body, o));
    for (const n of nexts) lines.push(fit(paint.dim('↗ ' + n)));
    for (const n of notes) lines.push(fit(paint.dim((lang === 'zh' ? '注：' : 'Note: ') + n)));
  }
  lines.push('', fit(paint.bold(`${h.total}${colon}${award(ev.total, lang)}`)));
  return lines.join('\n') + '\n';
}

/** "✓ threshold（第二条）：…" in Chinese, "✓ threshold (第二条): …" in English. */
function checkLine(c: Check, article: string, lang: Lang): string {
  const mark = c.passed === true ? '✓' : c.passed === false ? '✗' : '?';
  const where = c.article ?? article;
  return lang === 'zh' ? `${mark} ${c.id}（${where}）：${t(c.msg, lang)}` : `${mark} ${c.id} (${where}): ${t(c.msg, lang)}`;
}

/** The narrowest a reason may get before the table folds two pairs of columns into one each. */
const MIN_REASON = 24;

/**
 * The result rows as one table that fits `o.width` (display columns, CJK counted double): the reason column
 * takes what the others leave and wraps inside its cell; when that is too little, the article moves under the
 * measure and the application year under the year; the measure wraps last.
 */
function resultTable(body: readonly { cells: Row; status: Status; detail?: string }[], o: TableOptions): string {
  const h = H[o.lang];
  let head: Row = [h.measure, h.article, h.year, h.apply, h.status, h.amount, h.reason];
  let rows = body.map((b) => b.cells);
  const natural = (rs: Row[], hd: Row) => hd.map((x, i) => Math.max(widthOf(x), ...rs.map((r) => widthOf(r[i]!))) + 2);
  let widths = natural(rows, head);
  const borders = head.length + 1;
  const fixed = (ws: number[]) => ws.slice(0, -1).reduce((a, b) => a + b, 0) + borders;
  if (o.width && fixed(widths) + widths[widths.length - 1]! > o.width && o.width - fixed(widths) < MIN_REASON) {
    const applyWord = o.lang === 'zh' ? '申报' : 'applied ';
    head = [`${h.measure}\n${h.article}`, `${h.year}\n${h.apply}`, h.status, h.amount, h.reason];
    rows = rows.map(([m, a, y, ap, st, am, re]) => [`${m}\n${a}`, `${y}\n${applyWord}${ap}`, st!, am!, re!]);
    widths = natural(rows, head);
  }
  if (o.width) {
    const n = widths.length;
    const room = () => o.width! - (widths.slice(0, -1).reduce((a, b) => a + b, 0) + n + 1);
    // the measure gives way down to 12 columns before the reason falls below its minimum
    if (room() < MIN_REASON) widths[0] = Math.max(12, widths[0]! - (MIN_REASON - room()));
    widths[n - 1] = Math.max(Math.min(widths[n - 1]!, room()), 12);
  }
  // Cells are wrapped here (wrap-ansi knows CJK widths) rather than by cli-table3, whose wrapping drops characters.
  const wrapTo = (text: string, w: number | undefined) => (w ? wrapAnsi(text, Math.max(1, w - 2), { hard: true, trim: false }) : text);
  const table = new Table({
    head: head.map((x, j) => wrapTo(x, o.width ? widths[j] : undefined)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(o.width ? { colWidths: widths } : {}),
  });
  const spanWidth = widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  body.forEach((b, i) => {
    const cells = rows[i]!.map((c, j) => wrapTo(c, o.width ? widths[j] : undefined));
    const statusAt = cells.length === 7 ? 4 : 2;
    table.push(cells.map((c, j) => (j === statusAt ? o.paint.status(b.status, c) : j === 0 ? boldFirstLine(c, o.paint) : c)));
    if (b.detail) table.push([{ colSpan: cells.length, content: o.paint.dim(wrapTo(b.detail, o.width ? spanWidth : undefined)) }]);
  });
  return table.toString();
}

const boldFirstLine = (cell: string, paint: Paint) => {
  const [first, ...rest] = cell.split('\n');
  return [first!, ...rest.map((x) => paint.dim(x))].join('\n');
};

/** The widest line of a cell, in terminal columns. */
const widthOf = (cell: string) => Math.max(0, ...cell.split('\n').map((l) => stringWidth(l)));

/** The interpretation in words: "突破=达到（≥）；增长率窗口=截至当年（Y−2→Y）；…". */
export function interpretationLine(ev: Evaluation, lang: Lang): string {
  return interpretationWords(ev.interpretation, lang);
}

/** The interpretation as `--interpret` takes it: "threshold=reach, growthWindow=ending, …". */
export function interpretationCodes(ev: Evaluation): string {
  return (Object.keys(INTERPRETATIONS) as InterpretationName[]).map((k) => `${k}=${ev.interpretation[k]}`).join(', ');
}

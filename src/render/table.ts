/**
 * The readable table of one enterprise's results, grouped by document, with reasons, the next tier and the
 * total. Colour only through the `paint` passed in (none for files and pipes).
 */
import Table from 'cli-table3';
import { districtEnglish } from '../domain/districts.js';
import { KIND_LABELS, STATUS_LABELS, type Lang } from '../domain/labels.js';
import type { Result, Status } from '../domain/result.js';
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
  zh: { measure: '措施', article: '条款', year: '年度', apply: '申报年', status: '结果', amount: '金额', reason: '说明', total: '合计（现金奖励上限，不含让位项）', next: '下一档', none: '没有适用的结果：输入中没有任何措施所需的数据。', interp: '解释口径', defaults: '（均为默认）', params: '参数覆盖' },
  en: { measure: 'Measure', article: 'Article', year: 'Year', apply: 'Applied', status: 'Result', amount: 'Amount', reason: 'Why', total: 'Total (cash ceilings, superseded results excluded)', next: 'Next tier', none: 'No results apply: the input holds none of the data the measures read.', interp: 'Interpretation', defaults: '(all defaults)', params: 'Parameter overrides' },
} as const;

export function amountCell(r: Result, lang: Lang): string {
  if (r.amount !== null) {
    if (r.kind === 'tax-deduction') return (lang === 'zh' ? '加计扣除 ' : 'deduct ') + award(r.amount, lang);
    return award(r.amount, lang);
  }
  if (r.status !== 'eligible') return '—';
  return KIND_LABELS[r.kind][lang];
}

export function renderTable(ev: Evaluation, rs: RuleSet, o: TableOptions, meta: { params?: { file: string; sha256: string } | null } = {}): string {
  const { lang, paint } = o;
  const h = H[lang];
  const e = ev.enterprise;
  const lines: string[] = [];
  const district = e.district ? (lang === 'en' ? districtEnglish(e.district) : e.district) : '';
  const [open, sep, close] = lang === 'zh' ? ['（', '，', '）'] : [' (', ', ', ')'];
  const about = [e.name ? e.id : null, district || null].filter(Boolean).join(sep);
  lines.push(paint.bold(`${e.name ?? e.id}${about ? open + about + close : ''}`));
  const colon = lang === 'zh' ? '：' : ': ';
  lines.push(paint.dim(`${h.interp}${colon}${interpretationLine(ev)}`));
  if (meta.params) lines.push(paint.dim(`${h.params}${colon}${meta.params.file} (sha256 ${meta.params.sha256.slice(0, 12)})`));
  if (ev.results.length === 0) {
    lines.push('', h.none);
    return lines.join('\n') + '\n';
  }
  const reasonWidth = o.width ? Math.max(24, o.width - 62) : undefined;
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    lines.push('', paint.bold(`【${policy.def.title[lang]}】 ${policy.def.id}`));
    const table = new Table({
      head: [h.measure, h.article, h.year, h.apply, h.status, h.amount, h.reason],
      style: { head: [], border: [] },
      wordWrap: true,
      wrapOnWordBoundary: false,
      ...(reasonWidth ? { colWidths: [null, null, null, null, null, null, reasonWidth] as unknown as number[] } : {}),
    });
    const nexts: string[] = [];
    const notes = new Set<string>();
    for (const r of rows) {
      const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
      const reason = reasonOf(r, lang);
      for (const n of r.notes) notes.add(t(n, lang));
      table.push([`${m.title[lang]}\n${paint.dim(r.measure)}`, m.article, String(r.year), String(r.applicationYear), paint.status(r.status, STATUS_LABELS[r.status][lang]), amountCell(r, lang), reason]);
      if (o.explain) {
        const detail = r.checks.map((c) => `${c.passed === true ? '✓' : c.passed === false ? '✗' : '?'} ${c.id} (${c.article ?? m.article}): ${t(c.msg, lang)}`).join('\n');
        table.push([{ colSpan: 7, content: paint.dim(detail) }]);
      }
      if (r.next && r.status !== 'superseded') {
        const which = lang === 'zh' ? `（${r.measure} ${r.year}）` : ` (${r.measure} ${r.year})`;
        nexts.push(`${h.next}${which}${colon}${nextText(r.next, lang)}`);
      }
    }
    lines.push(table.toString());
    for (const n of nexts) lines.push(paint.dim('↗ ' + n));
    for (const n of notes) lines.push(paint.dim((lang === 'zh' ? '注：' : 'Note: ') + n));
  }
  lines.push('', paint.bold(`${h.total}${colon}${award(ev.total, lang)}`));
  return lines.join('\n') + '\n';
}

export function interpretationLine(ev: Evaluation): string {
  return (Object.keys(INTERPRETATIONS) as InterpretationName[]).map((k) => `${k}=${ev.interpretation[k]}`).join(', ');
}

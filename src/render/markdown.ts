/**
 * Markdown for one enterprise, with the content of the table: the interpretation in words, a table per
 * document (measure, article, performance and application year, result, amount, reason), the next tier, the
 * notes, every check with its article under `--explain`, and the total.
 */
import { districtEnglish } from '../domain/districts.js';
import { STATUS_LABELS, type Lang } from '../domain/labels.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { award, t } from './messages.js';
import { nextText, reasonOf } from './reason.js';
import { amountCell, interpretationCodes, interpretationLine } from './table.js';

/** Text in a table cell: pipes escaped, line breaks as <br>, and no HTML from an input. */
const cell = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** Text in a line: no HTML from an input. */
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

export function renderMarkdown(ev: Evaluation, rs: RuleSet, lang: Lang, o: { explain?: boolean } = {}): string {
  const e = ev.enterprise;
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  const out: string[] = [`## ${text(e.name ?? e.id)}`, ''];
  out.push(`- ${zh ? '统一社会信用代码' : 'id'}${colon}\`${e.id}\``);
  if (e.district) out.push(`- ${zh ? '所属区' : 'district'}${colon}${zh ? e.district : districtEnglish(e.district)}`);
  out.push(`- ${zh ? '解释口径' : 'interpretation'}${colon}${interpretationLine(ev, lang)}`);
  if (o.explain) out.push(`- ${zh ? '口径代码（--interpret）' : 'codes (--interpret)'}${colon}\`${interpretationCodes(ev)}\``);
  out.push('');
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    out.push(`### ${text(policy.def.title[lang])}${o.explain ? ` (\`${policy.def.id}\`)` : ''}`, '');
    out.push(
      zh ? '| 措施 | 条款 | 年度 | 申报年 | 结果 | 金额 | 说明 |' : '| Measure | Article | Year | Applied | Result | Amount | Why |',
      '|---|---|---|---|---|---:|---|',
    );
    const notes = new Set<string>();
    for (const r of rows) {
      const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
      for (const n of r.notes) notes.add(t(n, lang));
      const title = o.explain ? `${cell(m.title[lang])} (\`${r.measure}\`)` : cell(m.title[lang]);
      out.push(`| ${title} | ${cell(m.article)} | ${r.year} | ${r.applicationYear} | ${STATUS_LABELS[r.status][lang]} | ${cell(amountCell(r, lang))} | ${cell(reasonOf(r, lang))} |`);
    }
    for (const r of rows) {
      if (!r.next || r.status === 'superseded') continue;
      const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
      out.push('', `> ${zh ? `下一档（${m.title.zh}${r.year}年度）` : `Next tier (${m.title.en}, ${r.year})`}${colon}${text(nextText(r.next, lang))}`);
    }
    if (notes.size) {
      out.push('');
      for (const n of notes) out.push(`- ${zh ? '注' : 'Note'}${colon}${text(n)}`);
    }
    if (o.explain) {
      out.push('', zh ? '#### 逐项检查' : '#### Every check', '');
      for (const r of rows) {
        const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
        out.push(`- ${text(m.title[lang])} ${r.year}（\`${r.measure}\`）`.replace('（', zh ? '（' : ' (').replace('）', zh ? '）' : ')'));
        for (const c of r.checks) {
          const mark = c.passed === true ? '✓' : c.passed === false ? '✗' : '?';
          out.push(`  - ${mark} \`${c.id}\`${zh ? `（${c.article ?? m.article}）：` : ` (${c.article ?? m.article}): `}${text(t(c.msg, lang))}`);
        }
      }
    }
    out.push('');
  }
  if (ev.results.length === 0) out.push(zh ? '没有适用的结果：输入中没有任何措施所需的数据。' : 'No results apply: the input holds none of the data the measures read.', '');
  out.push(`**${zh ? '合计（现金奖励上限，不含让位项）' : 'Total (cash ceilings, superseded results excluded)'}${colon}${award(ev.total, lang)}**`, '');
  return out.join('\n');
}

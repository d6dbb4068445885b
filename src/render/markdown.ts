/** Markdown for one enterprise: a table per document, the next tier, the total. */
import { STATUS_LABELS, type Lang } from '../domain/labels.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { award } from './messages.js';
import { nextText, reasonOf } from './reason.js';
import { amountCell, interpretationLine } from './table.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function renderMarkdown(ev: Evaluation, rs: RuleSet, lang: Lang): string {
  const e = ev.enterprise;
  const zh = lang === 'zh';
  const out: string[] = [`## ${e.name ?? e.id}`, '', `- id: \`${e.id}\`${e.district ? `\n- ${zh ? '所属区' : 'district'}: ${e.district}` : ''}`, `- ${zh ? '解释口径' : 'interpretation'}: ${interpretationLine(ev)}`, ''];
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    out.push(`### ${policy.def.title[lang]} (\`${policy.def.id}\`)`, '');
    out.push(zh ? '| 措施 | 条款 | 年度 | 结果 | 金额 | 说明 |' : '| Measure | Article | Year | Result | Amount | Why |', '|---|---|---|---|---|---|');
    for (const r of rows) {
      const m = rs.byRef.get(`${r.policy}/${r.measure}`)!.def;
      out.push(`| ${cell(m.title[lang])} (\`${r.measure}\`) | ${m.article} | ${r.year} | ${STATUS_LABELS[r.status][lang]} | ${cell(amountCell(r, lang))} | ${cell(reasonOf(r, lang))} |`);
    }
    for (const r of rows) if (r.next && r.status !== 'superseded') out.push('', `> ${zh ? '下一档' : 'Next tier'} (${r.measure} ${r.year}): ${nextText(r.next, lang)}`);
    out.push('');
  }
  out.push(`**${zh ? '合计' : 'Total'}: ${award(ev.total, lang)}**`, '');
  return out.join('\n');
}

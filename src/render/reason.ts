/** One line that says why a result is what it is, and what the next tier would take. */
import type { Lang } from '../domain/labels.js';
import type { Fen } from '../domain/money.js';
import type { Check, NextTier, Result } from '../domain/result.js';
import { CONFLICTS } from '../engine/conflicts.js';
import { sentenceUnit } from './amount.js';
import { articleText, money, pct, t } from './messages.js';
import { refText } from './titles.js';

/** The article of the conflict rule that made `ref` give way to `winner` ("policy/measure@year"). */
function conflictArticle(ref: string, winner: string): string | null {
  const other = winner.replace(/@.*$/, '');
  for (const rule of CONFLICTS.rules) {
    const names = rule.kind === 'same-item' ? [rule.preferred, ...rule.others] : rule.kind === 'once-in-life' ? rule.measures : null;
    if (names ? names.includes(ref) && names.includes(other) : rule.kind === 'same-application-year' && rule.groups.some((g) => g.includes(ref)) && rule.groups.some((g) => g.includes(other))) {
      return articleText(rule.article);
    }
  }
  return null;
}

/** Checks whose passing says nothing worth a line. */
const QUIET = new Set(['higher-level-funding.pass', 'already-awarded.pass']);

/** Whether the reason line of `r` (not superseded) shows check `c`: what passed, what failed, or what is missing. */
export function shownInReason(r: Result, c: Check): boolean {
  return r.status === 'eligible' ? c.passed === true && !QUIET.has(c.msg.key) : r.status === 'needs-data' ? c.passed === null : c.passed === false;
}

/** What joins the checks of a reason line. */
export const reasonSeparator = (lang: Lang): string => (lang === 'zh' ? '；' : '; ');

/** The reason line of a superseded result: which result was chosen instead, and by which article. */
export function supersededReason(r: Result, lang: Lang): string {
  const article = r.supersededBy ? conflictArticle(r.ref, r.supersededBy) : null;
  const chosen = r.supersededBy ? refText(r.supersededBy, lang) : lang === 'zh' ? '更优方案' : 'a better plan';
  return lang === 'zh' ? `不重复享受：已选择${chosen}${article ? `（${article}）` : ''}` : `not both: ${chosen} is taken instead${article ? ` (${article})` : ''}`;
}

/**
 * The reason line of a result: for a superseded one, what was chosen instead; else the words of the checks that
 * decided it (shownInReason), joined.
 */
export function reasonOf(r: Result, lang: Lang): string {
  if (r.status === 'superseded') return supersededReason(r, lang);
  const sep = reasonSeparator(lang);
  let out = '';
  let first = true;
  for (const c of r.checks) {
    if (!shownInReason(r, c)) continue;
    out += (first ? '' : sep) + t(c.msg, lang);
    first = false;
  }
  return out;
}

/**
 * The sales the growth minimum asks for, when they are above the tier's threshold (the next tier's words then
 * name them); else null, and the words depend on the tier's parameters only.
 */
export function salesNeed(n: NextTier): Fen | null {
  return n.salesForGrowth !== undefined && n.salesForGrowth > n.threshold ? n.salesForGrowth : null;
}

const YEARS_ZH: Record<number, string> = { 1: '一', 2: '两', 3: '三', 4: '四', 5: '五' };

/** "2026年网上零售额需达到100亿元，且两年平均增长率不低于6%". */
export function nextText(n: NextTier, lang: Lang): string {
  const need = salesNeed(n);
  if (lang === 'zh') {
    const u = sentenceUnit([n.threshold, need]);
    return (
      `${n.year}年网上零售额需达到${money(n.threshold, 'zh', u, 'up')}，且${YEARS_ZH[n.growthYears] ?? n.growthYears}年平均增长率不低于${pct(n.minGrowth)}（第${n.tier}档）` +
      (need !== null ? `；按增长率要求，${n.year}年网上零售额需达到${money(need, 'zh', u, 'up')}` : '')
    );
  }
  return (
    `tier ${n.tier}: online retail sales of ${n.year} must reach ${money(n.threshold, 'en')}, with average ${n.growthYears}-year growth of at least ${pct(n.minGrowth)}` +
    (need !== null ? `; for that growth, ${n.year} sales must reach ${money(need, 'en')}` : '')
  );
}

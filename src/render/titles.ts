/**
 * Measures by their titles, for sentences people read: "gz-2025-ecommerce/honghu@2027" becomes
 * 「电子商务“鸿鹄”企业奖励」2027年度. Ids stay in JSON, CSV and --explain.
 */
import type { ListId } from '../domain/enterprise.js';
import { LIST_LABELS, type Lang } from '../domain/labels.js';
import { POLICIES } from '../policies/index.js';

let byRef: Map<string, { zh: string; en: string }> | undefined;

function titles(): Map<string, { zh: string; en: string }> {
  if (byRef) return byRef;
  byRef = new Map();
  for (const p of POLICIES) {
    for (const m of p.measures) {
      byRef.set(`${p.id}/${m.id}`, m.title);
      if (!byRef.has(m.id)) byRef.set(m.id, m.title); // a bare id names the first document's measure
    }
  }
  return byRef;
}

/** The title of a measure named "policy/measure" or "measure" (or a list), or the name itself when unknown. */
export function titleOf(name: string, lang: Lang): string {
  return titles().get(name)?.[lang] ?? LIST_LABELS[name as ListId]?.[lang] ?? name;
}

/** "gz-2025-ecommerce/honghu@2027" or "scale-tier@2025:1" → 「title」2027年度 (zh) or “title” (2027) (en). */
export function refText(ref: string, lang: Lang): string {
  const m = /^([^@]+?)(?:@(\d{4}))?(?::(\d+))?$/.exec(ref.trim());
  if (!m) return ref;
  const [, name, year, tier] = m;
  const title = titleOf(name!, lang);
  return lang === 'zh'
    ? `「${title}」${year ? `${year}年度` : ''}${tier ? `第${tier}档` : ''}`
    : `“${title}”${year || tier ? ` (${[year, tier ? `tier ${tier}` : ''].filter(Boolean).join(', ')})` : ''}`;
}

/**
 * Names for a list of measures, [ref, title] each (a ref may come more than once): a measure is named by its
 * title, with its ref added where two measures of the list share a title (000's and 002's 总部企业认定及配套服务).
 */
export function titledNames(items: Iterable<readonly [string, string]>): (ref: string) => string {
  const titles = new Map<string, string>();
  const refsOf = new Map<string, Set<string>>();
  for (const [ref, title] of items) {
    titles.set(ref, title);
    (refsOf.get(title) ?? refsOf.set(title, new Set()).get(title)!).add(ref);
  }
  return (ref) => {
    const title = titles.get(ref) ?? ref;
    return (refsOf.get(title)?.size ?? 0) > 1 ? `${title}（${ref}）` : title;
  };
}

/**
 * Measures by their titles, for sentences people read: "gz-2025-ecommerce/honghu@2027" becomes
 * 「电子商务“鸿鹄”企业奖励」2027年度. Ids stay in JSON, CSV and --explain.
 */
import type { ListId } from '../domain/enterprise.js';
import { LIST_LABELS, type Lang } from '../domain/labels.js';
import { inputName } from '../domain/vocabulary.js';
import { POLICIES, policiesVersion } from '../policies/index.js';

let byRef: Map<string, { zh: string; en: string }> | undefined;
let madeAt = -1;

function titles(): Map<string, { zh: string; en: string }> {
  if (byRef && madeAt === policiesVersion()) return byRef;
  madeAt = policiesVersion();
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
  return titles().get(name)?.[lang] ?? LIST_LABELS[name as ListId]?.[lang] ?? inputName(name, lang);
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
export function titledNames(items: Iterable<readonly [string, string]>, tell: (ref: string) => string = (ref) => ref): (ref: string) => string {
  const titles = new Map<string, string>();
  const refsOf = new Map<string, Set<string>>();
  for (const [ref, title] of items) {
    titles.set(ref, title);
    (refsOf.get(title) ?? refsOf.set(title, new Set()).get(title)!).add(ref);
  }
  return (ref) => {
    const title = titles.get(ref) ?? ref;
    return (refsOf.get(title)?.size ?? 0) > 1 ? `${title}（${tell(ref)}）` : title;
  };
}

/** Each document's short title, to tell apart two measures of one title (汇总 sheet, reports). */
const SHORT_TITLES: Record<string, { zh: string; en: string }> = {
  'gd-2012-ecommerce': { zh: '2012年省电商意见', en: 'Guangdong 2012' },
  'gz-2019-ecommerce': { zh: '2019年市电商措施', en: 'Guangzhou 2019' },
  'gz-2024-cross-border': { zh: '2024年跨境电商措施', en: 'cross-border 2024' },
  'gz-2025-ecommerce': { zh: '2025年电商措施', en: 'e-commerce 2025' },
  'gz-2025-livestream': { zh: '2025年直播电商措施', en: 'livestream 2025' },
};

/** The short title of the document of "policy/measure" (or of "policy"), or the policy id when unknown. */
export function shortTitleOf(ref: string, lang: Lang): string {
  const policy = ref.split('/')[0]!;
  return SHORT_TITLES[policy]?.[lang] ?? policy;
}

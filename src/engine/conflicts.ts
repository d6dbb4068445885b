/**
 * Conflicts between measures, as data (SPEC §6). A new document declares its own here; the plan reads them.
 * Measures are named "policy/measure".
 */

export type ConflictRule =
  /** One item under several documents: in the same performance year only one is taken, `preferred` first. */
  | {
      kind: 'same-item';
      preferred: string;
      others: readonly string[];
      article: string;
      quote: string;
      /** The other document's own words to the same effect (003 十七), checked against its text too. */
      also?: { readonly policy: string; readonly quote: string };
    }
  /** A result of one group and a result of the other with the same application year cannot both be taken. */
  | {
      kind: 'same-application-year';
      groups: readonly [readonly string[], readonly string[]];
      article: string;
      quote: string;
      /** Only under this reading of 第二十条's reach (INTERPRETATION: sameYearScope). */
      scope?: 'with-livestream';
    }
  /** At most one of these is taken in an enterprise's life. */
  | { kind: 'once-in-life'; measures: readonly string[]; article: string; quote: string };

export interface ConflictData {
  rules: readonly ConflictRule[];
  /** On equal totals and equal timing, plans paying more under these measures win ("then to scale-tier"). */
  preferOnTie: readonly string[];
}

const TIERS = ['gz-2025-ecommerce/scale-tier', 'gz-2025-livestream/scale-tier'];
/** 第二条 is ¶1 (above-quota, an amount set by another policy) as well as ¶2 (the tier award). */
const ARTICLE_TWO = ['gz-2025-ecommerce/scale-tier', 'gz-2025-ecommerce/above-quota'];
const HONGHU = ['gz-2025-ecommerce/honghu', 'gz-2025-livestream/honghu'];
/** 第三条 is 鸿鹄 as well as the districts' vertical benchmark enterprises (an amount set by the district). */
const ARTICLE_THREE = ['gz-2025-ecommerce/honghu', 'gz-2025-ecommerce/benchmark'];
const SAME_ITEM_QUOTE = '符合政策措施的同一项目、同一事项若同时满足广州市多个扶持政策的，按 “从优、从高、不重复 ”原则自行选择';
/** 003 十七 says the same of the cross-border measures, and that one project is never rewarded twice. */
const CROSS_BORDER_SAME_ITEM = { policy: 'gz-2024-cross-border', quote: '按“就高不就低”原则自行选择，但不得重复获得奖励、补助' } as const;
const SAME_YEAR_QUOTE = '同一主体当年不可同时申请本措施中第二条和第三条支持事项。';

export const CONFLICTS: ConflictData = {
  rules: [
    {
      kind: 'same-item',
      preferred: 'gz-2025-ecommerce/scale-tier',
      others: ['gz-2025-livestream/scale-tier'],
      article: '000 第二十条',
      quote: SAME_ITEM_QUOTE,
    },
    // One exhibition project, or one standard, of the same year under 000 and 003: paid once (000 第二十条, 003
    // 十七). Both amounts are set by the exhibition and standardisation policies, so 000's result is kept.
    { kind: 'same-item', preferred: 'gz-2025-ecommerce/events', others: ['gz-2024-cross-border/events'], article: '000 第二十条 / 003 十七', quote: SAME_ITEM_QUOTE, also: CROSS_BORDER_SAME_ITEM },
    { kind: 'same-item', preferred: 'gz-2025-ecommerce/standards', others: ['gz-2024-cross-border/standards'], article: '000 第二十条 / 003 十七', quote: SAME_ITEM_QUOTE, also: CROSS_BORDER_SAME_ITEM },
    // "本措施中第二条和第三条": 000's own articles, every item of each. 002 has no such clause.
    { kind: 'same-application-year', groups: [ARTICLE_TWO, ARTICLE_THREE], article: '000 第二十条', quote: SAME_YEAR_QUOTE },
    // INTERPRETATION: sameYearScope=with-livestream — the clause also binds 002's tier award and 鸿鹄.
    { kind: 'same-application-year', groups: [[...TIERS, 'gz-2025-ecommerce/above-quota'], [...HONGHU, 'gz-2025-ecommerce/benchmark']], article: '000 第二十条', quote: SAME_YEAR_QUOTE, scope: 'with-livestream' },
    {
      kind: 'once-in-life',
      measures: HONGHU,
      article: '000 第三条 / 002 三(一)2',
      quote: '对首次进入名单的电子商务企业给予一次性奖励',
    },
  ],
  preferOnTie: TIERS,
};

const IN_SCOPE = new WeakMap<readonly ConflictRule[], Map<string, readonly ConflictRule[]>>();

/** The rules that apply under a reading of 第二十条's reach (INTERPRETATION: sameYearScope); cached per list and reading. */
export function rulesInScope(rules: readonly ConflictRule[], scope: 'ecommerce-only' | 'with-livestream'): readonly ConflictRule[] {
  let byScope = IN_SCOPE.get(rules);
  if (!byScope) IN_SCOPE.set(rules, (byScope = new Map()));
  let out = byScope.get(scope);
  if (!out) byScope.set(scope, (out = rules.filter((r) => r.kind !== 'same-application-year' || !r.scope || r.scope === scope)));
  return out;
}

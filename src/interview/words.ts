/**
 * The words of the self-check interview that are not messages of the engine: documents' short titles, examples
 * sized to each field, what an answer can be worth, the synonyms an answer may use. One table per concern, both
 * languages side by side, so that `check --help`, the questions and the docs say the same.
 */
import type { Lang } from '../domain/labels.js';
import type { Fen } from '../domain/money.js';
import type { Kind } from '../domain/result.js';
import { award } from '../render/messages.js';

/**
 * The short titles users know the documents by, as the questions cite them: «电商高质量发展若干措施»第二条.
 * A document not named here (a policy file's) is cited by its full title.
 */
export const SHORT_TITLES: Record<string, { zh: string; en: string }> = {
  'gz-2025-ecommerce': { zh: '电商高质量发展若干措施', en: 'E-commerce Measures 2025' },
  'gz-2025-livestream': { zh: '直播电商若干意见', en: 'Live-streaming Opinions 2025' },
  'gz-2024-cross-border': { zh: '跨境电商若干政策措施', en: 'Cross-border Measures 2024' },
  'gz-2019-ecommerce': { zh: '电商跨越式发展若干措施', en: 'Leapfrog Measures 2019' },
  'gd-2012-ecommerce': { zh: '广东省加快发展电子商务意见', en: 'Guangdong Opinion 2012' },
};

/** «电商高质量发展若干措施»第二条 / “E-commerce Measures 2025” 第二条. */
export function citation(policyId: string, fullTitle: { zh: string; en: string }, article: string, lang: Lang): string {
  const short = SHORT_TITLES[policyId]?.[lang] ?? fullTitle[lang];
  return lang === 'zh' ? `«${short}»${article}` : `“${short}” ${article}`;
}

/**
 * The example of each money question, sized to the field: sales in 亿, rents and expenses in 万. A field not
 * named here (a policy file's) gets the general example.
 */
const EXAMPLES: Record<string, { zh: string; en: string }> = {
  onlineRetailSales: { zh: '如 31亿、310000万', en: 'e.g. 31亿, 3,100,000,000' },
  brandPromotionExpense: { zh: '如 120万、1,200,000', en: 'e.g. 120万, 1,200,000' },
  bondedZoneRent: { zh: '如 300万、3,000,000', en: 'e.g. 300万, 3,000,000' },
  rdExpensed: { zh: '如 500万、5,000,000', en: 'e.g. 500万, 5,000,000' },
  rdCapitalized: { zh: '如 200万、2,000,000', en: 'e.g. 200万, 2,000,000' },
  staffEducationExpense: { zh: '如 20万、200,000', en: 'e.g. 20万, 200,000' },
};
const GENERAL_EXAMPLE = { zh: '如 100万、1,000,000', en: 'e.g. 100万, 1,000,000' };

export function moneyExample(field: string, lang: Lang): string {
  return (EXAMPLES[field] ?? GENERAL_EXAMPLE)[lang];
}

/** What a measure's result can be worth, for a hint: its ceiling, or what kind of support it is. */
export function worth(kind: Kind, ceiling: Fen | null, lang: Lang): string {
  const zh = lang === 'zh';
  if (ceiling !== null) return zh ? `最高${award(ceiling, 'zh')}` : `up to ${award(ceiling, 'en')}`;
  switch (kind) {
    case 'tax-deduction':
      return zh ? '税前加计扣除，金额按税法计算' : 'an extra tax deduction, its amount set by tax law';
    case 'non-monetary':
      return zh ? '非资金支持' : 'non-monetary support';
    default:
      return zh ? '金额由相关政策另定' : 'an amount set by other rules';
  }
}

/** The answers read as yes, no, none and "I don't know", as `check --help` lists them. */
export const YES = ['是', '有', '对', 'y', 'yes'] as const;
export const NO = ['否', '不是', '没有', '无', 'n', 'no'] as const;
export const NONE = ['无', '没有', 'none', 'no'] as const;
export const SKIP = ['不知道', '不清楚', '跳过', 'skip', '?'] as const;
export const BACK = ['上一题', '<', 'back'] as const;

/** The synonyms paragraph of `check --help`. */
export function synonymsHelp(lang: Lang): string {
  return lang === 'zh'
    ? `回答方式：是 = ${YES.join('/')}；否 = ${NO.join('/')}；名单、项目答“${NONE.join('/')}”表示没有；` +
        `“${SKIP.join('/')}”或直接回车（未显示默认值时）表示不知道；“${BACK.join('/')}”回到上一题（终端中也可按 Esc）。`
    : `Answers: yes = ${YES.join('/')}; no = ${NO.join('/')}; for lists and projects, ${NONE.join('/')} means none; ` +
        `${SKIP.join('/')} or Enter (when no default is shown) means unknown; ${BACK.join('/')} goes back one question (Esc on a terminal).`;
}

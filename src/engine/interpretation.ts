/**
 * The readings of ambiguous wording (SPEC §5, and 000 第二十条), each with its default and its alternative, a
 * short label and a label for every value (for plain-words renderings).
 * `grep INTERPRETATION src` lists the places that act on them.
 */

export const INTERPRETATIONS = {
  threshold: {
    values: ['reach', 'exceed'],
    default: 'reach',
    label: { zh: '“突破”门槛', en: '"突破" a threshold' },
    valueLabels: {
      reach: { zh: '达到即可（≥）', en: 'at least the mark (≥)' },
      exceed: { zh: '须超过（>）', en: 'above the mark (>)' },
    },
    zh: '“突破”门槛：reach 为达到即可（≥），exceed 为须超过（>）',
    en: '"突破" a threshold: reach = at least the mark (≥), exceed = above it (>)',
  },
  growthWindow: {
    values: ['ending', 'preceding'],
    default: 'ending',
    label: { zh: '增长率窗口', en: 'growth window' },
    valueLabels: {
      ending: { zh: '截至当年（Y−2→Y）', en: 'ending in the year (Y−2→Y)' },
      preceding: { zh: '突破前两年（Y−3→Y−1）', en: 'the two years before (Y−3→Y−1)' },
    },
    zh: '增长率窗口：ending 为 Y−2→Y，preceding 为“突破前” Y−3→Y−1',
    en: 'growth window: ending = Y−2→Y, preceding = the two years before, Y−3→Y−1',
  },
  growthAverage: {
    values: ['geometric', 'arithmetic'],
    default: 'geometric',
    label: { zh: '平均增长率', en: 'average growth' },
    valueLabels: {
      geometric: { zh: '水平法（几何平均）', en: 'geometric mean (水平法)' },
      arithmetic: { zh: '两年增长率的算术平均', en: 'arithmetic mean of the yearly rates' },
    },
    zh: '平均增长率：geometric 为水平法 (S末/S初)^½−1，arithmetic 为两年增长率的算术平均',
    en: 'average growth: geometric = (S_end/S_start)^½−1, arithmetic = mean of the two yearly rates',
  },
  tierBasis: {
    values: ['level', 'first-crossing'],
    default: 'level',
    label: { zh: '进档依据', en: 'tier basis' },
    valueLabels: {
      level: { zh: '当年达到即可', en: 'at the level in the year' },
      'first-crossing': { zh: '首次突破（上一年低于该档）', en: 'first crossing (below it the year before)' },
    },
    zh: '进档依据：level 为当年达到即可，first-crossing 还要求上一年低于该档',
    en: 'tier basis: level = reaching the tier in the year, first-crossing = also below it the year before',
  },
  planning: {
    values: ['optimal', 'greedy'],
    default: 'optimal',
    label: { zh: '申报方案', en: 'plan' },
    valueLabels: {
      optimal: { zh: '各年合计最高的无冲突组合', en: 'the conflict-free set with the largest total' },
      greedy: { zh: '逐年取较高者', en: 'year by year, higher first' },
    },
    zh: '申报方案：optimal 为各年合计最高的无冲突组合，greedy 为逐年取较高者',
    en: 'plan: optimal = the conflict-free set with the largest total, greedy = year by year, higher first',
  },
  sameYear: {
    values: ['application', 'performance'],
    default: 'application',
    label: { zh: '第二十条“当年”', en: '"当年" in 第二十条' },
    valueLabels: {
      application: { zh: '申请年度', en: 'the year of application' },
      performance: { zh: '业绩年度', en: 'the performance year' },
    },
    zh: '第二十条“同一主体当年不可同时申请”：application 为同一申请年度，performance 为同一业绩年度（2025年进档奖励与2025年鸿鹄冲突）',
    en: '"当年" of 000 第二十条: application = the same year of application, performance = the same performance year (a 2025 tier award and 鸿鹄 2025 conflict)',
  },
  sameYearScope: {
    values: ['ecommerce-only', 'with-livestream'],
    default: 'ecommerce-only',
    label: { zh: '第二十条适用范围', en: 'reach of 第二十条' },
    valueLabels: {
      'ecommerce-only': { zh: '仅本措施（000）第二条、第三条', en: "only 000's own 第二条 and 第三条" },
      'with-livestream': { zh: '也约束直播电商文件的进档奖励和鸿鹄', en: "also the live-streaming document's tier award and 鸿鹄" },
    },
    zh: '第二十条“本措施中第二条和第三条”：ecommerce-only 仅约束本措施，with-livestream 也约束直播电商文件（002 无此条款）的进档奖励和鸿鹄',
    en: '"本措施中第二条和第三条" of 000 第二十条: ecommerce-only = only 000\'s own articles, with-livestream = also the tier award and 鸿鹄 of the live-streaming document (002 has no such clause)',
  },
  reporting: {
    values: ['required', 'not-required'],
    default: 'required',
    label: { zh: '进档奖励是否须联网直报', en: 'NBS direct reporting for the tier award' },
    valueLabels: {
      required: { zh: '须纳入国家统计局联网直报', en: 'required' },
      'not-required': { zh: '不要求', en: 'not required' },
    },
    zh: '进档奖励是否须“纳入国家统计局联网直报平台并上报统计数据”：该条件写在第二条第一段而非进档奖励句中，002 亦无此语；required 为须满足，not-required 为不要求',
    en: 'whether the tier award needs "纳入国家统计局联网直报平台并上报统计数据": the words are in 第二条 ¶1, not in the tier sentence, and 002 has none; required or not-required',
  },
  sameItem: {
    values: ['higher', 'first-document'],
    default: 'higher',
    label: { zh: '同一事项“从优、从高、不重复”', en: 'one item under two documents (从优、从高、不重复)' },
    valueLabels: {
      higher: { zh: '取较高者（相同时取000）', en: 'the larger award (000 on a tie)' },
      'first-document': { zh: '总取000文件', en: 'always gz-2025-ecommerce' },
    },
    zh: '同一事项同时满足000与002或003时（“从优、从高、不重复”，003“就高不就低”“不得重复获得奖励、补助”）：higher 取金额较高者（相同或均未定额时取000），first-document 总取000',
    en: 'the same item under 000 and 002 or 003 ("从优、从高、不重复"; 003: "就高不就低", never rewarded twice): higher = the larger award (gz-2025-ecommerce on a tie or when neither states one), first-document = always gz-2025-ecommerce',
  },
} as const;

export type InterpretationName = keyof typeof INTERPRETATIONS;
export type Interpretation = {
  -readonly [K in InterpretationName]: (typeof INTERPRETATIONS)[K]['values'][number];
};

export const DEFAULT_INTERPRETATION: Readonly<Interpretation> = Object.freeze(
  Object.fromEntries(Object.entries(INTERPRETATIONS).map(([k, v]) => [k, v.default])) as Interpretation,
);

export type InterpretationParse = { ok: true; value: Partial<Interpretation> } | { ok: false; error: string };

/** Reads "threshold=exceed,growthAverage=arithmetic"; an unknown name or value is an error listing the allowed ones. */
export function parseInterpretation(text: string): InterpretationParse {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!name || !(name in INTERPRETATIONS)) {
      return { ok: false, error: `unknown interpretation "${name ?? part}"; allowed: ${Object.keys(INTERPRETATIONS).join(', ')}` };
    }
    const allowed = INTERPRETATIONS[name as InterpretationName].values as readonly string[];
    if (!value || !allowed.includes(value)) {
      return { ok: false, error: `${name}=${value ?? ''} is not allowed; ${name} takes ${allowed.join(' or ')}` };
    }
    out[name] = value;
  }
  return { ok: true, value: out as Partial<Interpretation> };
}

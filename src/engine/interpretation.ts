/**
 * The five readings of ambiguous wording (SPEC §5), each with its default and its alternative.
 * `grep INTERPRETATION src` lists the places that act on them.
 */

export const INTERPRETATIONS = {
  threshold: {
    values: ['reach', 'exceed'],
    default: 'reach',
    label: { zh: '突破', en: '"突破" (break through)' },
    valueLabels: { reach: { zh: '达到（≥）', en: 'reaching it (≥)' }, exceed: { zh: '超过（>）', en: 'above it (>)' } },
    zh: '“突破”门槛：reach 为达到即可（≥），exceed 为须超过（>）',
    en: '"突破" a threshold: reach = at least the mark (≥), exceed = above it (>)',
  },
  growthWindow: {
    values: ['ending', 'preceding'],
    default: 'ending',
    label: { zh: '增长率窗口', en: 'growth window' },
    valueLabels: {
      ending: { zh: '截至当年（Y−2→Y）', en: 'ending in the year (Y−2→Y)' },
      preceding: { zh: '突破前两年（Y−3→Y−1）', en: 'the years before (Y−3→Y−1)' },
    },
    zh: '增长率窗口：ending 为 Y−2→Y，preceding 为“突破前” Y−3→Y−1',
    en: 'growth window: ending = Y−2→Y, preceding = the two years before, Y−3→Y−1',
  },
  growthAverage: {
    values: ['geometric', 'arithmetic'],
    default: 'geometric',
    label: { zh: '平均增长率', en: 'average growth' },
    valueLabels: { geometric: { zh: '水平法（几何平均）', en: 'geometric mean' }, arithmetic: { zh: '算术平均', en: 'arithmetic mean' } },
    zh: '平均增长率：geometric 为水平法 (S末/S初)^½−1，arithmetic 为两年增长率的算术平均',
    en: 'average growth: geometric = (S_end/S_start)^½−1, arithmetic = mean of the two yearly rates',
  },
  tierBasis: {
    values: ['level', 'first-crossing'],
    default: 'level',
    label: { zh: '进档依据', en: 'tier basis' },
    valueLabels: { level: { zh: '当年达到即可', en: 'the level of the year' }, 'first-crossing': { zh: '首次突破', en: 'a first crossing' } },
    zh: '进档依据：level 为当年达到即可，first-crossing 还要求上一年低于该档',
    en: 'tier basis: level = reaching the tier in the year, first-crossing = also below it the year before',
  },
  planning: {
    values: ['optimal', 'greedy'],
    default: 'optimal',
    label: { zh: '申报方案', en: 'plan' },
    valueLabels: { optimal: { zh: '合计最高', en: 'the largest total' }, greedy: { zh: '逐年从高', en: 'year by year, higher first' } },
    zh: '申报方案：optimal 为各年合计最高的无冲突组合，greedy 为逐年取较高者',
    en: 'plan: optimal = the conflict-free set with the largest total, greedy = year by year, higher first',
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

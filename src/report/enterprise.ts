/**
 * The printable self-check report of one enterprise (`simulate --format html`, `check --report`): who, the
 * run's interpretation and parameters, every result with its reason and the article's words, for each tier
 * award a chart of the sales and growth against the thresholds, the next tier, and the total. One page, no
 * script, no network; made of the shared page-and-chart module.
 */
import { districtEnglish } from '../domain/districts.js';
import { yearData } from '../domain/enterprise.js';
import { STATUS_LABELS, type Lang } from '../domain/labels.js';
import { fixed, rateString, UNIT_FEN, type Fen, type Rate } from '../domain/money.js';
import type { Result } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { amountText } from '../render/amount.js';
import { award, pct, t } from '../render/messages.js';
import type { RunMeta } from '../render/output.js';
import { nextText, reasonOf } from '../render/reason.js';
import { amountCell, interpretationCodes, interpretationLine } from '../render/table.js';
import { chart, displayValue } from './chart.js';
import { el, facts, figure, page, paragraph, section, table, type Content, type Html } from './page.js';

const WORDS = {
  zh: {
    title: '企业自查报告', who: '企业', name: '企业名称', id: '统一社会信用代码', district: '所属区', run: '测算口径', interp: '解释口径',
    codes: '口径代码', params: '参数', published: '各文件公布的参数', total: '合计（现金奖励上限，不含让位项）', results: '结果',
    measure: '措施', article: '条款', year: '年度', apply: '申报年', status: '结果', amount: '金额', reason: '说明', words: '条文',
    tiers: '进档奖励：网上零售额与门槛', next: '下一档', sales: '网上零售额（亿元）', growth: '年增长率（%）', none: '没有适用的结果：输入中没有任何措施所需的数据。',
    footer: '本报告由 gz-awards 依据文件条款计算，金额为上限，仅供自查参考，以主管部门审核为准。', notes: '注',
  },
  en: {
    title: 'Self-check report', who: 'Enterprise', name: 'Name', id: 'Unified social credit code', district: 'District', run: 'How it was computed', interp: 'Interpretation',
    codes: 'Codes', params: 'Parameters', published: 'as published in the documents', total: 'Total (cash ceilings, superseded results excluded)', results: 'Results',
    measure: 'Measure', article: 'Article', year: 'Year', apply: 'Applied', status: 'Result', amount: 'Amount', reason: 'Why', words: 'The article',
    tiers: 'Tier awards: online retail sales against the thresholds', next: 'Next tier', sales: 'Online retail sales (亿元)', growth: 'Yearly growth (%)', none: 'No results apply: the input holds none of the data the measures read.',
    footer: 'Computed by gz-awards from the articles of the documents; amounts are ceilings, for self-checking only; the authorities decide.', notes: 'Note',
  },
} as const;

/** The whole report as an HTML document. */
export async function renderEnterpriseReport(ev: Evaluation, rs: RuleSet, lang: Lang, meta: RunMeta = {}): Promise<string> {
  const w = WORDS[lang];
  const e = ev.enterprise;
  const district = e.district ? (lang === 'en' ? districtEnglish(e.district) : e.district) : null;
  const body: Content[] = [];
  body.push(
    section(
      w.run,
      facts([
        [w.name, e.name ?? '—'],
        [w.id, e.id],
        [w.district, district ?? '—'],
        [w.interp, interpretationLine(ev, lang)],
        [w.codes, el('code', {}, interpretationCodes(ev))],
        [w.params, meta.params ? `${meta.params.file} (sha256 ${meta.params.sha256.slice(0, 12)})` : w.published],
        [w.total, el('strong', { class: 'total' }, award(ev.total, lang))],
      ]),
    ),
  );
  body.push(await tierSection(ev, rs, lang));
  body.push(resultsSection(ev, rs, lang));
  return page({
    lang,
    title: `${w.title}：${e.name ?? e.id}`.replace('：', lang === 'zh' ? '：' : ': '),
    subtitle: [e.id, district].filter(Boolean).join(lang === 'zh' ? '，' : ', '),
    body,
    footer: w.footer,
  });
}

function resultsSection(ev: Evaluation, rs: RuleSet, lang: Lang): Html {
  const w = WORDS[lang];
  if (ev.results.length === 0) return section(w.results, paragraph(w.none));
  const parts: Content[] = [];
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    parts.push(el('h3', {}, policy.def.title[lang], policy.def.docNumber ? ` ${policy.def.docNumber}` : ''));
    parts.push(
      table(
        [{ head: w.measure }, { head: w.article }, { head: w.year, num: true }, { head: w.apply, num: true }, { head: w.status }, { head: w.amount, num: true }, { head: w.reason }],
        rows.map((r) => {
          const m = rs.byRef.get(r.ref)!.def;
          return [m.title[lang], m.article, r.year, r.applicationYear, el('span', { class: `status-${r.status}` }, STATUS_LABELS[r.status][lang]), amountCell(r, lang), reasonOf(r, lang)];
        }),
        { foot: policyFoot(rows, lang) },
      ),
    );
    const notes = new Set(rows.flatMap((r) => r.notes.map((n) => JSON.stringify(n))));
    for (const r of rows) {
      if (r.next && r.status !== 'superseded') parts.push(paragraph(`↗ ${w.next}（${rs.byRef.get(r.ref)!.def.title[lang]} ${r.year}）：${nextText(r.next, lang)}`.replace(/（|）：/g, (x) => (lang === 'zh' ? x : x === '（' ? ' (' : '): '))));
    }
    for (const n of notes) parts.push(paragraph(`${w.notes}${lang === 'zh' ? '：' : ': '}${t(JSON.parse(n), lang)}`, { note: true }));
    // the article's own words, once per measure
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.ref)) continue;
      seen.add(r.ref);
      const m = rs.byRef.get(r.ref)!.def;
      parts.push(el('blockquote', { class: 'quote' }, el('strong', {}, `${m.title[lang]}（${m.article}）`), ' ', m.quote));
    }
  }
  return section(w.results, parts);
}

/** A policy's subtotal of eligible cash. */
function policyFoot(rows: readonly Result[], lang: Lang): Content[] {
  let sum = 0n;
  for (const r of rows) if (r.status === 'eligible' && r.amount !== null && (r.kind === 'cash-cap' || r.kind === 'cash-formula')) sum += r.amount;
  return [lang === 'zh' ? '小计（现金）' : 'Subtotal (cash)', '', '', '', '', award(sum, lang), ''];
}

/** Per tier award with a known sales figure: the window's sales, the thresholds around them, the growth. */
async function tierSection(ev: Evaluation, rs: RuleSet, lang: Lang): Promise<Content> {
  const w = WORDS[lang];
  // a superseded twin (the same item under another document) would repeat the chart of the one chosen
  const tiers = ev.results.filter((r) => rs.byRef.get(r.ref)?.def.ledger && r.status !== 'not-in-force' && r.status !== 'superseded' && yearData(ev.enterprise, r.year)?.onlineRetailSales !== undefined);
  if (tiers.length === 0) return null;
  const figures: Content[] = [];
  for (const r of tiers) {
    const m = rs.byRef.get(r.ref)!;
    const thresholds = m.params['thresholds'] as Fen[];
    const minGrowth = m.params['minGrowth'] as Rate[];
    const n = m.params['growthYears'] as number;
    const years = Array.from({ length: n + 1 }, (_, i) => r.year - n + i);
    const sales = years.map((y) => yearData(ev.enterprise, y)?.onlineRetailSales);
    const reached = r.tier ?? 0;
    // the tier reached and the next one: the lines that matter for this year
    const shown = [reached - 1, reached].filter((i) => i >= 0 && i < thresholds.length);
    const growth = years.map((_, i) => (i === 0 || sales[i] === undefined || sales[i - 1] === undefined || sales[i - 1] === 0n ? null : Number(fixed(((sales[i]! - sales[i - 1]!) * 10_000n) / sales[i - 1]!, 2))));
    const tierWord = (i: number) => (lang === 'zh' ? `第${i + 1}档` : `tier ${i + 1}`);
    const head = `${m.def.title[lang]} ${r.year}${lang === 'zh' ? '年度' : ''}`;
    const salesChart = await chart({
      description:
        lang === 'zh'
          ? `${head}：${years.join('、')}年网上零售额与${shown.map(tierWord).join('、')}门槛`
          : `${head}: online retail sales ${years.join(', ')} against the ${shown.map(tierWord).join(' and ')} thresholds`,
      title: lang === 'zh' ? '网上零售额（亿元）与门槛' : 'Online retail sales (亿元) and thresholds',
      categories: years.map(String),
      axes: [{ name: '' }],
      series: [{ name: lang === 'zh' ? '网上零售额（亿元）' : 'Online retail sales (亿元)', kind: 'bar', values: sales.map((v) => (v === undefined ? null : displayValue(v, UNIT_FEN.亿元))) }],
      thresholds: shown.map((i) => ({ label: `${tierWord(i)} ${amountText(thresholds[i]!, 'zh')}`, value: displayValue(thresholds[i]!, UNIT_FEN.亿元) })),
      width: 330,
      height: 240,
    });
    const growthChart = await chart({
      description:
        lang === 'zh'
          ? `${head}：逐年增长率与${shown.map(tierWord).join('、')}的平均增长率要求`
          : `${head}: yearly growth against the average growth the ${shown.map(tierWord).join(' and ')} ask for`,
      title: lang === 'zh' ? '年增长率（%）与要求' : 'Yearly growth (%) and the minimum',
      categories: years.slice(1).map(String),
      axes: [{ name: '', suffix: '%' }],
      series: [{ name: lang === 'zh' ? '年增长率（%）' : 'Yearly growth (%)', kind: 'bar', values: growth.slice(1) }],
      thresholds: shown.map((i) => ({ label: `${tierWord(i)} ≥${pct(rateString(minGrowth[i]!))}`, value: Number(fixed((minGrowth[i]!.num * 10_000n) / minGrowth[i]!.den, 2)) })),
      width: 330,
      height: 240,
    });
    const svg = el('div', { class: 'pair' }, salesChart, growthChart);
    const caption = [`${head}（${m.def.article}）`, STATUS_LABELS[r.status][lang], amountCell(r, lang), r.next ? `${w.next}：${nextText(r.next, lang)}` : null].filter(Boolean).join(' · ');
    figures.push(figure(svg, lang === 'zh' ? caption : caption.replace(/（/g, ' (').replace(/）/g, ')').replace(/：/g, ': ')));
  }
  return section(w.tiers, figures, paragraph(lang === 'zh' ? '图中数字为显示用的近似值；准确金额见下方结果表。' : 'Amounts in the charts are display approximations; the exact figures are in the results below.', { note: true }));
}

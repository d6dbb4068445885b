/**
 * The printable self-check report of one enterprise (`simulate --format html`, `check --report`): who, the
 * run's interpretation and parameters, every result with its reason and the article's words, for each tier
 * award a chart of the sales and growth against the thresholds, the next tier, and the total. One page, no
 * script, no network; made of the shared page-and-chart module.
 */
import { districtEnglish } from '../domain/districts.js';
import { yearData } from '../domain/enterprise.js';
import { STATUS_LABELS, type Lang } from '../domain/labels.js';
import { arithmeticPercent, fixed, geometricPercent, rateString, type Fen, type Rate } from '../domain/money.js';
import type { Result } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { RuleSet } from '../engine/ruleset.js';
import { KIND_LABELS } from '../domain/labels.js';
import { isCash } from '../domain/result.js';
import { pct, t } from '../render/messages.js';
import type { RunMeta } from '../render/output.js';
import { nextText, reasonOf } from '../render/reason.js';
import { runLines, runTime, type RunInfo } from '../render/run-record.js';
import { interpretationCodes, interpretationLine } from '../render/table.js';
import { growthWindow } from '../templates/tier-award.js';
import { chart } from './chart.js';
import { el, facts, figure, page, paragraph, section, table, type Content, type Html } from './page.js';
import { chartValue, DEFAULT_DISPLAY_UNIT, displayAmount, type DisplayUnit } from './units.js';

const WORDS = {
  zh: {
    title: '企业自查报告', who: '企业', name: '企业名称', id: '统一社会信用代码', district: '所属区', run: '测算口径', interp: '解释口径',
    codes: '口径代码', params: '参数', published: '各文件公布的参数', total: '合计（现金奖励上限，不含让位项）', results: '结果',
    measure: '措施', article: '条款', year: '年度', apply: '申报年', status: '结果', amount: '金额', reason: '说明', words: '条文',
    tiers: '进档奖励：网上零售额与门槛', next: '下一档', none: '没有适用的结果：输入中没有任何措施所需的数据。',
    footer: '本报告由 gz-awards 依据文件条款计算，金额为上限，仅供自查参考，以主管部门审核为准。', notes: '注',
    guide: '申报指引', document: '文件', perfYear: '业绩年度', grand: '合计（现金奖励上限）', deduction: '加计扣除', guideNone: '没有可申报的项目。',
    subtotal: '小计（现金）', unitNote: (u: string) => `本页金额单位：${u}${u === '元' ? '' : '（保留两位小数，仅供显示）'}。`,
  },
  en: {
    title: 'Self-check report', who: 'Enterprise', name: 'Name', id: 'Unified social credit code', district: 'District', run: 'How it was computed', interp: 'Interpretation',
    codes: 'Codes', params: 'Parameters', published: 'as published in the documents', total: 'Total (cash ceilings, superseded results excluded)', results: 'Results',
    measure: 'Measure', article: 'Article', year: 'Year', apply: 'Applied', status: 'Result', amount: 'Amount', reason: 'Why', words: 'The article',
    tiers: 'Tier awards: online retail sales against the thresholds', next: 'Next tier', none: 'No results apply: the input holds none of the data the measures read.',
    footer: 'Computed by gz-awards from the articles of the documents; amounts are ceilings, for self-checking only; the authorities decide.', notes: 'Note',
    guide: 'Where to apply', document: 'Document', perfYear: 'Performance year', grand: 'Total (cash ceilings)', deduction: 'extra deduction', guideNone: 'Nothing to apply for.',
    subtotal: 'Subtotal (cash)', unitNote: (u: string) => `Amounts on this page are in ${u}${u === '元' ? '' : ' (two decimals, for display)'}.`,
  },
} as const;

/** How the report is made: the unit of its amounts, and the run (inputs with their records) for its footer. */
export interface EnterpriseReportOptions {
  unit?: DisplayUnit;
  /** The input file and its records (none for an interview without a file). */
  inputs?: RunInfo['inputs'];
  /** A self-check stopped before its end (Ctrl-C): the report of the answers so far, marked 未完成. */
  unfinished?: boolean;
}

/** The whole report as an HTML document. */
export async function renderEnterpriseReport(ev: Evaluation, rs: RuleSet, lang: Lang, meta: RunMeta = {}, o: EnterpriseReportOptions = {}): Promise<string> {
  const w = WORDS[lang];
  const unit = o.unit ?? DEFAULT_DISPLAY_UNIT;
  const e = ev.enterprise;
  const district = e.district ? (lang === 'en' ? districtEnglish(e.district) : e.district) : null;
  const run: RunInfo = { interpretation: ev.interpretation, params: meta.params ?? null, madeAt: runTime(), ...(o.inputs ? { inputs: o.inputs } : {}) };
  const total = `${displayAmount(ev.total, unit)} ${unit}`;
  const body: Content[] = [];
  // a self-check stopped before its end (Ctrl-C): the answers so far, marked so no one takes it for the whole
  if (o.unfinished) body.push(paragraph(lang === 'zh' ? '未完成：自查在全部问题回答之前中断，本报告只依据已回答的内容。' : 'Unfinished: the self-check was stopped before every question was answered; this report rests on the answers given so far.'));
  body.push(
    section(
      w.run,
      facts([
        [w.name, e.name ?? '—'],
        [w.id, e.id],
        [w.district, district ?? '—'],
        [w.interp, interpretationLine(ev, lang)],
        [w.codes, el('code', {}, interpretationCodes(ev))],
        [w.params, meta.params ? `${meta.params.file} (sha256 ${meta.params.sha256})` : w.published],
        [w.total, el('strong', { class: 'total' }, total)],
      ]),
      paragraph(w.unitNote(unit), { note: true }),
    ),
  );
  body.push(await tierSection(ev, rs, lang, unit));
  body.push(resultsSection(ev, rs, lang, unit));
  body.push(guideSection(ev, rs, lang, unit));
  return page({
    lang,
    title: `${o.unfinished ? (lang === 'zh' ? '（未完成）' : '(unfinished) ') : ''}${w.title}：${e.name ?? e.id}`.replace('：', lang === 'zh' ? '：' : ': '),
    subtitle: [[e.id, district].filter(Boolean).join(lang === 'zh' ? '，' : ', '), ` · ${run.madeAt}`],
    body,
    footer: [w.footer, facts(runLines(run, lang))],
  });
}

/** A result's amount in the page's unit: cash, a deduction base (so named), or the kind's words; "—" when nothing is due. */
function amountIn(r: Result, lang: Lang, unit: DisplayUnit): string {
  if (r.amount !== null) return (r.kind === 'tax-deduction' ? WORDS[lang].deduction + ' ' : '') + displayAmount(r.amount, unit);
  if (r.status !== 'eligible') return '—';
  return KIND_LABELS[r.kind][lang];
}

/** "金额（万元）", "Amount (万元)". */
const amountHead = (lang: Lang, unit: DisplayUnit) => (lang === 'zh' ? `金额（${unit}）` : `Amount (${unit})`);

function resultsSection(ev: Evaluation, rs: RuleSet, lang: Lang, unit: DisplayUnit): Html {
  const w = WORDS[lang];
  if (ev.results.length === 0) return section(w.results, paragraph(w.none));
  const parts: Content[] = [];
  for (const policy of rs.policies) {
    const rows = ev.results.filter((r) => r.policy === policy.def.id);
    if (rows.length === 0) continue;
    parts.push(el('h3', {}, policy.def.title[lang], policy.def.docNumber ? ` ${policy.def.docNumber}` : ''));
    parts.push(
      el(
        'div',
        { 'data-part': 'results', 'data-policy': policy.def.id },
        table(
          [{ head: w.measure, name: true }, { head: w.article, nowrap: true }, { head: w.year, num: true }, { head: w.apply, num: true }, { head: w.status, nowrap: true }, { head: amountHead(lang, unit), num: true }, { head: w.reason, text: true }],
          rows.map((r) => {
            const m = rs.byRef.get(r.ref)!.def;
            return [m.title[lang], m.article, r.year, r.applicationYear, el('span', { class: `status-${r.status}` }, STATUS_LABELS[r.status][lang]), amountIn(r, lang, unit), reasonOf(r, lang)];
          }),
          { foot: policyFoot(rows, lang, unit) },
        ),
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

/** A policy's subtotal of eligible cash: one row under the policy's rows (printed once, not on every page). */
function policyFoot(rows: readonly Result[], lang: Lang, unit: DisplayUnit): Content[] {
  let sum = 0n;
  for (const r of rows) if (r.status === 'eligible' && r.amount !== null && isCash(r.kind)) sum += r.amount;
  return [el('span', { 'data-part': 'subtotal' }, WORDS[lang].subtotal), '', '', '', '', displayAmount(sum, unit), ''];
}

/**
 * 申报指引: every eligible result with its document, article, performance year and year of application, then the
 * total of the cash ceilings (the report's closing figure).
 */
function guideSection(ev: Evaluation, rs: RuleSet, lang: Lang, unit: DisplayUnit): Html {
  const w = WORDS[lang];
  const rows = ev.results
    .filter((r) => r.status === 'eligible')
    .map((r) => {
      const policy = rs.policies.find((p) => p.def.id === r.policy)!.def;
      const m = rs.byRef.get(r.ref)!.def;
      return [m.title[lang], [policy.title[lang], policy.docNumber ? el('div', { class: 'note' }, policy.docNumber) : null], m.article, String(r.year), String(r.applicationYear), amountIn(r, lang, unit)] as Content[];
    });
  return section(
    w.guide,
    el(
      'div',
      { 'data-part': 'guide' },
      rows.length === 0
        ? paragraph(w.guideNone)
        : table([{ head: w.measure, name: true }, { head: w.document, name: true }, { head: w.article, nowrap: true }, { head: w.perfYear, num: true }, { head: w.apply, num: true }, { head: amountHead(lang, unit), num: true }], rows),
    ),
    el('p', { 'data-part': 'total' }, el('strong', {}, `${w.grand}${lang === 'zh' ? '：' : ': '}${displayAmount(ev.total, unit)} ${unit}`)),
  );
}

/** One tier picture; two results with the same picture (the same item under two documents) share it. */
interface TierPicture {
  key: string;
  captions: string[];
  draw: () => Promise<Html>;
}

/**
 * Per tier award with a known sales figure: the window's sales against the thresholds of the tier reached and the
 * next, and the window's average growth — one average over the window, as the rule reads it — against each of
 * those tiers' minimums. A picture identical to one already drawn is not drawn again (its caption joins the
 * first one's).
 */
async function tierSection(ev: Evaluation, rs: RuleSet, lang: Lang, unit: DisplayUnit): Promise<Content> {
  const w = WORDS[lang];
  const zh = lang === 'zh';
  // a superseded twin (the same item under another document) would repeat the chart of the one chosen
  const tiers = ev.results.filter((r) => rs.byRef.get(r.ref)?.def.ledger && r.status !== 'not-in-force' && r.status !== 'superseded' && yearData(ev.enterprise, r.year)?.onlineRetailSales !== undefined);
  if (tiers.length === 0) return null;
  const pictures: TierPicture[] = [];
  for (const r of tiers) {
    const m = rs.byRef.get(r.ref)!;
    const thresholds = m.params['thresholds'] as Fen[];
    const minGrowth = m.params['minGrowth'] as Rate[] | undefined;
    const n = m.params['growthYears'] as number;
    const window = growthWindow(r.year, n, { interpretation: ev.interpretation, explain: true });
    const years = [...new Set([...window, r.year])].sort((a, b) => a - b);
    const sales = years.map((y) => yearData(ev.enterprise, y)?.onlineRetailSales);
    const reached = r.tier ?? 0;
    // the tier reached and the next one: the lines that matter for this year
    const shown = [reached - 1, reached].filter((i) => i >= 0 && i < thresholds.length);
    const tierWord = (i: number) => (zh ? `第${i + 1}档` : `tier ${i + 1}`);
    const avg = averageGrowth(ev, window);
    const head = `${m.def.title[lang]} ${r.year}${zh ? '年度' : ''}`;
    const key = JSON.stringify([years, sales.map(String), shown.map((i) => [String(thresholds[i]), minGrowth ? rateString(minGrowth[i]!) : null]), window]);
    const caption = [`${head}（${m.def.article}）`, STATUS_LABELS[r.status][lang], amountIn(r, lang, unit), r.next ? `${w.next}：${nextText(r.next, lang)}` : null].filter(Boolean).join(' · ');
    const same = pictures.find((p) => p.key === key);
    if (same) {
      same.captions.push(caption);
      continue;
    }
    const windowText = `${window[0]}→${window[window.length - 1]}`;
    pictures.push({
      key,
      captions: [caption],
      draw: async () => {
        const salesChart = await chart({
          description: zh ? `${head}：${years.join('、')}年网上零售额与${shown.map(tierWord).join('、')}门槛（${unit}）` : `${head}: online retail sales ${years.join(', ')} against the ${shown.map(tierWord).join(' and ')} thresholds (${unit})`,
          title: zh ? `网上零售额与门槛（${unit}）` : `Online retail sales and thresholds (${unit})`,
          categories: years.map(String),
          axes: [{ name: '' }],
          series: [{ name: zh ? `网上零售额（${unit}）` : `Online retail sales (${unit})`, kind: 'bar', values: sales.map((v) => (v === undefined ? null : chartValue(v, unit))) }],
          thresholds: shown.map((i) => ({ label: `${tierWord(i)} ${displayAmount(thresholds[i]!, unit)}`, value: chartValue(thresholds[i]!, unit) })),
          width: 330,
          height: 240,
        });
        if (!minGrowth) return el('div', { class: 'charts' }, salesChart);
        const growthChart = await chart({
          description: zh
            ? `${head}：${windowText}平均增长率${avg === null ? '（数据不足）' : ` ${avg}%`}与${shown.map(tierWord).join('、')}的最低平均增长率`
            : `${head}: the average growth ${windowText}${avg === null ? ' (data missing)' : ` ${avg}%`} against the minimum average growth of ${shown.map(tierWord).join(' and ')}`,
          title: zh ? `${windowText}平均增长率（%）与要求` : `Average growth ${windowText} (%) and minimums`,
          categories: [zh ? `${windowText}平均` : `${windowText} average`],
          axes: [{ name: '', suffix: '%' }],
          series: [{ name: zh ? '平均增长率（%）' : 'Average growth (%)', kind: 'bar', values: [avg === null ? null : Number(avg)] }],
          thresholds: shown.map((i) => ({ label: `${tierWord(i)} ≥${pct(rateString(minGrowth[i]!))}`, value: Number(fixed((minGrowth[i]!.num * 10_000n) / minGrowth[i]!.den, 2)) })),
          width: 330,
          height: 240,
        });
        return el('div', { class: 'charts' }, salesChart, growthChart);
      },
    });
  }
  const figures: Content[] = [];
  for (const p of pictures) {
    const captions = p.captions.join(zh ? '；' : '; ');
    figures.push(el('div', { 'data-part': 'tier-chart' }, figure(await p.draw(), zh ? captions : captions.replace(/（/g, ' (').replace(/）/g, ')').replace(/：/g, ': '))));
  }
  const note = zh ? '图中数字为显示用的近似值；准确金额见下方结果表。平均增长率按本次解释口径计算。' : "Amounts in the charts are display approximations; the exact figures are in the results below. The average growth follows this run's interpretation.";
  return section(w.tiers, figures, paragraph(note, { note: true }));
}

/** The window's average growth as the rule reads it (geometric or arithmetic, by the interpretation), in percent, or null. */
function averageGrowth(ev: Evaluation, window: readonly number[]): string | null {
  const sales = (y: number) => yearData(ev.enterprise, y)?.onlineRetailSales;
  const geometric = ev.interpretation.growthAverage === 'geometric';
  const series = (geometric ? [window[0]!, window[window.length - 1]!] : window).map(sales);
  if (series.some((v) => v === undefined) || series.slice(0, -1).some((v) => v === 0n)) return null;
  const known = series as Fen[];
  return geometric ? geometricPercent(known[0]!, known[known.length - 1]!, window.length - 1, 2) : arithmeticPercent(known, 2);
}

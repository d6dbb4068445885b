/**
 * `batch --report FILE.html`: the district at a glance, one self-contained page (zh or en) built from the run's
 * aggregates only — the summary, the totals by payment and performance year, the tiers, the potential list's
 * bounded top N, the largest awards' bounded top N and the rejected rows' reasons by count — so that a million
 * rows cost the page nothing more than a hundred. Every chart has a table beside it with the exact figures.
 */
import type { NearRow } from '../batch/near.js';
import { districtAt, type YearTotals } from '../batch/year-totals.js';
import { districtEnglish } from '../domain/districts.js';
import { KIND_LABELS, type Lang } from '../domain/labels.js';
import { fixed, groupThousands, inUnit, ratePercent, UNIT_FEN, type Fen, type Rate } from '../domain/money.js';
import { isCash } from '../domain/result.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { RuleSet } from '../engine/ruleset.js';
import { interpretationWords, runLines, type RunInfo } from '../render/run-record.js';
import type { Summary } from '../render/summary.js';
import { barChart, stackedBarChart } from './chart.js';
import { el, facts, figure, page, paragraph, section, table, type Column, type Content, type Html } from './page.js';
import { chartValue, displayAmount, type DisplayUnit } from './units.js';

/** An enterprise among the largest awards. */
export interface LargestAward {
  id: string;
  name: string;
  district: string;
  total: Fen;
}

export interface DistrictReportData {
  lang: Lang;
  files: readonly string[];
  interpretation: Interpretation;
  params: { file: string; sha256: string } | null;
  counts: { records: number; output: number; rejected: number; skipped: number };
  summary: Summary;
  years: YearTotals;
  /** The potential list, when --near was given: its share, how many rows and their top-ups, the best N. */
  near: { share: Rate; rows: number; enterprises: number; topUp: Fen; top: readonly NearRow[] } | null;
  largest: readonly LargestAward[];
  /** Rejected records' reasons (the message of each error, in the report's language) by count, most first. */
  rejects: ReadonlyArray<{ reason: string; count: number }>;
  /** The one unit every amount of the page is shown in (default 万元). */
  unit: DisplayUnit;
  /** How the run was made (time, version, inputs with their records), for the page's footer. */
  run?: RunInfo;
}


const T = {
  zh: {
    title: '区域电商政策奖补一览',
    subtitle: (n: number) => `共 ${n.toLocaleString('en')} 家企业的测算结果：资金需求、分布与潜力企业`,
    run: '本次运行',
    files: '输入文件',
    interpretation: '解释口径',
    params: '参数',
    published: '文件原文（无覆盖）',
    counts: '记录',
    countsText: (c: DistrictReportData['counts']) => `读取 ${c.records} 条：输出 ${c.output} 条，拒收 ${c.rejected} 条${c.skipped ? `，跳过（其他区）${c.skipped} 条` : ''}`,
    nearShare: '潜力企业口径',
    nearShareText: (p: string) => `各未达条件差距均不超过 ${p}%（销售额不低于门槛的 ${100 - Number(p)}%，平均增长率不低于最低要求的 ${100 - Number(p)}%）`,
    noNear: '未指定（--near）',
    payment: '按兑现年度（申报年度）的现金上限',
    paymentNote: '奖励于申报年度申请、兑现；这是预算要回答的问题。金额为各措施的上限（“不超过”）之和，未计税前加计扣除、金额另定及非资金支持。',
    performance: '按业绩年度的现金上限',
    byDistrict: '各区现金上限',
    byMeasure: '各措施现金上限',
    tiers: '进档奖励档次分布',
    tiersNote: '每个业绩年度获得进档奖励的企业数（按所获档次；含补发差额）。',
    near: '潜力企业（距下一档最近）',
    nearNote: (n: number, e: number, total: string, top: number) => `共 ${n} 条（${e} 家企业），达档后可获奖励合计 ${total}；下表按可获奖励列出前 ${top} 条。`,
    nearNone: '未指定 --near，未生成潜力企业名单。',
    largest: '奖励最高的企业',
    rejects: '拒收记录的原因',
    rejectsNone: '没有拒收的记录。',
    year: '年度',
    total: '合计',
    amount: (u: string) => `金额（${u}）`,
    enterprises: '企业数',
    district: '区',
    measure: '措施',
    kind: '类型',
    tier: (k: number) => `第${k}档`,
    rank: '序号',
    name: '企业名称',
    id: '统一社会信用代码',
    nextTier: '下一档',
    salesGap: (u: string) => `销售额缺口（${u}）`,
    growthGap: '增速缺口（百分点）',
    topUpWan: (u: string) => `可获奖励（${u}）`,
    tierNeeds: (k: number, yi: string, g: string) => `第${k}档（${yi}亿元，${g}%）`,
    cash: '现金上限',
    perfYear: '业绩年度',
    reason: '原因',
    count: '条数',
    none: '（未填区）',
    axis: (unit: string) => `金额（${unit}）`,
    axisCount: '企业数（家）',
    footer: '由 gz-awards 生成。金额为政策上限，实际以主管部门审核为准。',
    unitNote: (u: string) => `本页金额单位：${u}${u === '元' ? '' : '（保留两位小数，仅供显示；数据文件为精确到分的元）'}。`,
    validity: '有效期提示',
    afterEnd: (y: number, doc: string, to: string, article: string, quote: string) => `${y}年兑现：《${doc}》有效期至 ${to}（${article}“${quote}”），该年度申报时文件可能已到期`,
    lastYear: (title: string, article: string, perf: number, y: number) => `${title}（${article}）：${perf}业绩年度的奖励于${y}年申报、兑现`,
    beforeStart: (y: number, doc: string, from: string, article: string, quote: string) => `${y}业绩年度：《${doc}》自 ${from} 起实施（${article}“${quote}”），该年度早于生效日的部分不在有效期内`,
    chartPayment: '按兑现年度、分措施的现金上限（堆叠柱状图）',
    chartPerformance: '按业绩年度、分措施的现金上限（堆叠柱状图）',
    chartDistrict: '各区现金上限（柱状图）',
    chartMeasure: '各措施现金上限（柱状图）',
    chartTiers: '各业绩年度各档企业数（柱状图）',
  },
  en: {
    title: 'The district at a glance: e-commerce policy awards',
    subtitle: (n: number) => `${n.toLocaleString('en')} enterprises computed: the money needed, where it goes, and who is close to a tier`,
    run: 'The run',
    files: 'input files',
    interpretation: 'interpretation',
    params: 'parameters',
    published: 'as published (no overrides)',
    counts: 'records',
    countsText: (c: DistrictReportData['counts']) => `${c.records} read: ${c.output} in the output, ${c.rejected} rejected${c.skipped ? `, ${c.skipped} skipped (other districts)` : ''}`,
    nearShare: 'potential list',
    nearShareText: (p: string) => `within ${p}% on every condition missed (sales at least ${100 - Number(p)}% of the threshold, growth at least ${100 - Number(p)}% of the minimum)`,
    noNear: 'not asked for (--near)',
    payment: 'Cash ceilings by payment (application) year',
    paymentNote: 'Awards are applied for and paid in the application year: this is the budget question. Amounts are the measures\' ceilings ("不超过"); tax deductions, amounts set elsewhere and non-monetary support are not included.',
    performance: 'Cash ceilings by performance year',
    byDistrict: 'Cash ceilings by district',
    byMeasure: 'Cash ceilings by measure',
    tiers: 'Tier awards by tier',
    tiersNote: 'Enterprises awarded a tier award in each performance year, by the tier awarded (top-ups included).',
    near: 'Enterprises close to a tier',
    nearNote: (n: number, e: number, total: string, top: number) => `${n} rows (${e} enterprises); reaching their next tier would pay ${total} in all. The first ${top}, by money within reach:`,
    nearNone: 'No potential list: --near was not given.',
    largest: 'The largest awards',
    rejects: 'Why records were rejected',
    rejectsNone: 'No record was rejected.',
    year: 'Year',
    total: 'Total',
    amount: (u: string) => `Amount (${u})`,
    enterprises: 'Enterprises',
    district: 'District',
    measure: 'Measure',
    kind: 'Kind',
    tier: (k: number) => `tier ${k}`,
    rank: '#',
    name: 'Name',
    id: 'Id',
    nextTier: 'Next tier',
    salesGap: (u: string) => `Sales gap (${u})`,
    growthGap: 'Growth gap (pp)',
    topUpWan: (u: string) => `Within reach (${u})`,
    tierNeeds: (k: number, yi: string, g: string) => `tier ${k} (${yi}亿元, ${g}%)`,
    cash: 'cash ceilings',
    perfYear: 'Performance year',
    reason: 'Reason',
    count: 'Records',
    none: '(no district)',
    axis: (unit: string) => `amount (${unit})`,
    axisCount: 'enterprises',
    footer: "Made by gz-awards. Amounts are the policies' ceilings; what is paid is decided by the authorities.",
    unitNote: (u: string) => `Amounts on this page are in ${u}${u === '元' ? '' : ' (two decimals, for display; the data files hold exact 元 to the fen)'}.`,
    validity: 'Validity',
    afterEnd: (y: number, doc: string, to: string, article: string, quote: string) => `paid in ${y}: "${doc}" is valid to ${to} (${article}: "${quote}"); it may have expired when the year's applications are made`,
    lastYear: (title: string, article: string, perf: number, y: number) => `${title} (${article}): awards for performance year ${perf} are applied for and paid in ${y}`,
    beforeStart: (y: number, doc: string, from: string, article: string, quote: string) => `performance year ${y}: "${doc}" applies from ${from} (${article}: "${quote}"); the part of the year before it is outside its validity`,
    chartPayment: 'Cash ceilings by payment year, stacked by measure (bar chart)',
    chartPerformance: 'Cash ceilings by performance year, stacked by measure (bar chart)',
    chartDistrict: 'Cash ceilings by district (bar chart)',
    chartMeasure: 'Cash ceilings by measure (bar chart)',
    chartTiers: 'Enterprises per tier and performance year (bar chart)',
  },
} as const;

/** A chart above its table on a phone, beside it on a desk; `part` names it for readers and tests. */
function pair(part: string, chartHtml: Html, description: string, tableHtml: Html): Html {
  return el('div', { class: 'pair', 'data-part': part }, figure(chartHtml, description), el('div', {}, tableHtml));
}

/** A year with a validity mark: the year, then ⚠ (the words are in the list under the table). */
const markedYear = (year: number, marked: boolean): Content => (marked ? [String(year), ' ', el('span', { class: 'mark', title: '⚠' }, '⚠')] : String(year));

export async function districtReport(d: DistrictReportData, rs: RuleSet): Promise<string> {
  const lang = d.lang;
  const w = T[lang];
  const unit = d.unit;
  const money = (fen: Fen) => displayAmount(fen, unit);
  const title = (ref: string) => rs.byRef.get(ref)?.def.title[lang] ?? ref;
  const districtName = (name: string) => (name === '' ? w.none : lang === 'en' ? districtEnglish(name) : name);

  // the run
  const run = section(
    w.run,
    facts([
      [w.files, d.files.join(lang === 'zh' ? '、' : ', ')],
      [w.interpretation, interpretationWords(d.interpretation, lang)],
      [w.params, d.params ? `${d.params.file} (sha256 ${d.params.sha256})` : w.published],
      [w.counts, w.countsText(d.counts)],
      [w.nearShare, d.near ? w.nearShareText(ratePercent({ num: d.near.share.num, den: d.near.share.den })) : w.noNear],
    ]),
    paragraph(w.unitNote(unit), { note: true }),
  );

  // cash by payment year, stacked by measure; then by performance year
  const measures = d.years.measures;
  const yearSection = async (basis: 'payment' | 'performance', heading: string, note: string | null, description: string) => {
    const cells = d.years.years(basis);
    const used = measures.map((m, i) => ({ m, i })).filter(({ i }) => cells.some((c) => c.measureCount[i]! > 0));
    const marks = validityMarks(basis, cells, rs, lang);
    const chartHtml = await stackedBarChart({
      description: lang === 'zh' ? `${heading}（${unit}）` : `${heading} (${unit})`,
      categories: cells.map((c) => (marks.has(c.year) ? `${c.year} ⚠` : String(c.year))),
      axes: [{ name: w.axis(unit) }],
      series: used.map(({ m, i }) => ({ name: title(m.ref), values: cells.map((c) => (c.measureCount[i]! > 0 ? chartValue(c.measureAmount[i]!, unit) : null)) })),
      height: 340,
    });
    const small = table(
      [{ head: w.year, nowrap: true }, { head: w.enterprises, num: true }, { head: w.amount(unit), num: true }],
      cells.map((c) => [markedYear(c.year, marks.has(c.year)), String(c.enterprises), money(c.total)]),
      { foot: [w.total, '', money(cells.reduce((s, c) => s + c.total, 0n))] },
    );
    const full = table(
      [{ head: w.measure, name: true }, ...cells.map((c): Column => ({ head: markedYear(c.year, marks.has(c.year)), num: true }))],
      used.map(({ m, i }) => [title(m.ref), ...cells.map((c) => (c.measureCount[i]! > 0 ? money(c.measureAmount[i]!) : ''))]),
    );
    const markList = marks.size === 0 ? null : el('div', { 'data-part': `${basis}-validity` }, el('h3', {}, w.validity), el('ul', {}, [...marks.values()].flat().map((text) => el('li', {}, el('span', { class: 'mark' }, '⚠ '), text))));
    return section(heading, note ? paragraph(note, { note: true }) : null, pair(`${basis}-years`, chartHtml, description, small), markList, el('div', { 'data-part': `${basis}-years-by-measure` }, full));
  };
  const payment = await yearSection('payment', w.payment, w.paymentNote, w.chartPayment);
  const performance = await yearSection('performance', w.performance, null, w.chartPerformance);

  // by district
  const ds = d.summary.districts();
  const byDistrict = section(
    w.byDistrict,
    pair(
      'districts',
      await barChart({
        description: w.chartDistrict,
        categories: ds.map((x) => districtName(x.district)),
        axes: [{ name: w.axis(unit) }],
        series: [{ name: w.cash, values: ds.map((x) => chartValue(x.cash, unit)) }],
        height: 320,
      }),
      w.chartDistrict,
      table(
        [{ head: w.district, nowrap: true }, { head: w.enterprises, num: true }, { head: w.amount(unit), num: true }],
        ds.map((x) => [districtName(x.district), String(x.enterprises), money(x.cash)]),
        { foot: [w.total, String(ds.reduce((s, x) => s + x.enterprises, 0)), money(ds.reduce((s, x) => s + x.cash, 0n))] },
      ),
    ),
  );

  // by measure (cash measures with an amount)
  const ms = d.summary.byMeasure().filter((r) => isCash(r.kind));
  const byMeasure = section(
    w.byMeasure,
    pair(
      'measures',
      await barChart({
        description: w.chartMeasure,
        categories: ms.map((_, i) => String(i + 1)),
        axes: [{ name: w.axis(unit) }],
        series: [{ name: w.cash, values: ms.map((r) => chartValue(r.amount, unit)) }],
        height: 300,
      }),
      w.chartMeasure,
      table(
        [{ head: w.rank, nowrap: true }, { head: w.measure, name: true }, { head: w.kind, nowrap: true }, { head: w.enterprises, num: true }, { head: w.amount(unit), num: true }],
        ms.map((r, i) => [String(i + 1), el('span', { title: r.measure }, title(r.measure)), KIND_LABELS[r.kind][lang], String(r.enterprises), money(r.amount)]),
        { foot: ['', w.total, '', '', money(ms.reduce((s, r) => s + r.amount, 0n))] },
      ),
    ),
  );

  // tiers
  const tiers = d.years.tiers();
  const width = tiers[0]?.counts.length ?? 0;
  const tierList = Array.from({ length: width }, (_, k) => k + 1);
  const tierSection = section(
    w.tiers,
    paragraph(w.tiersNote, { note: true }),
    tiers.length === 0
      ? paragraph('—')
      : pair(
          'tiers',
          await barChart({
            description: w.chartTiers,
            categories: tiers.map((t) => String(t.year)),
            axes: [{ name: w.axisCount }],
            series: tierList.map((k) => ({ name: w.tier(k), values: tiers.map((t) => t.counts[k - 1] ?? 0) })),
            height: 300,
          }),
          w.chartTiers,
          table(
            [{ head: w.perfYear, nowrap: true }, ...tierList.map((k): Column => ({ head: w.tier(k), num: true }))],
            tiers.map((t) => [String(t.year), ...t.counts.map(String)]),
          ),
        ),
  );

  // the potential list's top N
  const nearSection = d.near
    ? section(
        w.near,
        paragraph(w.nearNote(d.near.rows, d.near.enterprises, `${money(d.near.topUp)} ${unit}`, d.near.top.length), { note: true }),
        el(
          'div',
          { 'data-part': 'near', style: 'font-size:.85rem' },
          table(
            [{ head: w.rank, num: true }, { head: w.name, name: true }, { head: w.district, nowrap: true }, { head: w.perfYear, num: true }, { head: w.nextTier, nowrap: true }, { head: w.salesGap(unit), num: true }, { head: w.growthGap, num: true }, { head: w.topUpWan(unit), num: true }],
            d.near.top.map((r, i) => [
              String(i + 1),
              [r.name || r.id, r.name ? el('div', { class: 'note' }, r.id) : null],
              districtName(r.district ?? ''),
              String(r.year),
              w.tierNeeds(r.tier, inUnit(r.threshold, '亿元'), ratePercent(r.minGrowth)),
              gap(r.salesGap, unit),
              fixed(BigInt(r.growthGap), 2),
              money(r.topUp),
            ]),
          ),
        ),
      )
    : section(w.near, paragraph(w.nearNone, { note: true }));

  const largest = section(
    w.largest,
    el(
      'div',
      { 'data-part': 'largest' },
      table(
        [{ head: w.rank, num: true }, { head: w.name, name: true }, { head: w.id, nowrap: true }, { head: w.district, nowrap: true }, { head: w.amount(unit), num: true }],
        d.largest.map((a, i) => [String(i + 1), a.name, a.id, districtName(a.district), money(a.total)]),
      ),
    ),
  );

  const rejects = section(
    w.rejects,
    d.rejects.length === 0
      ? paragraph(w.rejectsNone, { note: true })
      : el('div', { 'data-part': 'rejects' }, table([{ head: w.reason, text: true }, { head: w.count, num: true }], d.rejects.map((r) => [r.reason, String(r.count)]))),
  );

  const body: Content[] = [run, payment, performance, byDistrict, byMeasure, tierSection, nearSection, largest, rejects];
  const made = d.run ? facts(runLines(d.run, lang)) : null;
  return page({ lang, title: w.title, subtitle: [w.subtitle(d.counts.output), d.run?.madeAt ? ` · ${d.run.madeAt}` : ''], body, footer: [w.footer, made] });
}

/**
 * The validity marks of a table by year: a payment year that ends after a document's end (its awards are
 * applied for when the document may have expired), with the date, the article's words and which performance
 * year's awards fall in it; a performance year that begins before a document's start.
 */
function validityMarks(basis: 'payment' | 'performance', cells: ReadonlyArray<{ year: number; measureCount: ArrayLike<number> }>, rs: RuleSet, lang: Lang): Map<number, string[]> {
  const w = T[lang];
  const out = new Map<number, string[]>();
  const measures = rs.policies.flatMap((p) => p.measures.map((m) => ({ p, m })));
  const index = new Map(measures.map((x, i) => [x.m.ref, i]));
  for (const c of cells) {
    const lines: string[] = [];
    const seenPolicy = new Set<string>();
    for (const { p, m } of measures) {
      if ((c.measureCount[index.get(m.ref)!] ?? 0) === 0 || !isCash(m.def.kind)) continue;
      const v = p.def.validity;
      if (basis === 'payment' && p.to !== null && `${c.year}-12-31` > p.to) {
        if (!seenPolicy.has(p.def.id)) lines.push(w.afterEnd(c.year, p.def.title[lang], p.to, v.to.article, v.to.quote));
        seenPolicy.add(p.def.id);
        lines.push(w.lastYear(m.def.title[lang], m.def.article, c.year - m.def.applicationLag, c.year));
      }
      if (basis === 'performance' && `${c.year}-01-01` < p.from && !seenPolicy.has(p.def.id)) {
        seenPolicy.add(p.def.id);
        lines.push(w.beforeStart(c.year, p.def.title[lang], p.from, v.from.article, v.from.quote));
      }
    }
    if (lines.length) out.set(c.year, lines);
  }
  return out;
}

/** A gap in the display unit, rounded up (a gap is never shown smaller than it is). */
function gap(fen: Fen, unit: DisplayUnit): string {
  if (unit === '元') return groupThousands(fen);
  const step = UNIT_FEN[unit] / 100n;
  return groupThousands((fen + step - 1n) / step);
}

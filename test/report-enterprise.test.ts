/** The enterprise's printable report (simulate --format html, check --report), parsed rather than string-matched. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const SAMPLE = 'fixtures/enterprises/tianhe-retailer.json';

describe('simulate --format html', () => {
  const html = cli(['simulate', SAMPLE, '--format', 'html']);
  const doc = parse(html.stdout);
  const json = JSON.parse(cli(['simulate', SAMPLE, '--format', 'json']).stdout);

  it('is one self-contained page: no script, nothing fetched, A4 print styles', () => {
    expect(html.code).toBe(0);
    expect(doc.querySelectorAll('script, link, iframe')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.querySelector('style')!.text).toMatch(/@page\s*\{\s*size:\s*A4/);
  });

  it('names the enterprise, its id, the interpretation and the parameters', () => {
    expect(doc.querySelector('h1')!.text).toBe('企业自查报告：广州天河示例电子商务有限公司');
    const facts = Object.fromEntries(doc.querySelectorAll('dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling!.text]));
    expect(facts['统一社会信用代码']).toBe('91440101MA5CJQ4N59');
    expect(facts['所属区']).toBe('天河区');
    expect(facts['解释口径']).toContain('“突破”门槛=达到即可（≥）');
    expect(facts['口径代码']).toBe('threshold=reach, growthWindow=ending, growthAverage=geometric, tierBasis=level, planning=optimal, sameYear=application, sameYearScope=ecommerce-only, reporting=required, sameItem=higher');
    expect(facts['参数']).toBe('各文件公布的参数');
    // 150万 (tier 1, 2025) + 100万 (鸿鹄 2025): the livestream twin is superseded, the deduction is not cash
    expect(facts['合计（现金奖励上限，不含让位项）']).toBe('250.00 万元');
  });

  it('lists every result with its reason, and the article’s words', () => {
    const rows = doc.querySelectorAll('[data-part="results"] table tbody tr');
    expect(rows).toHaveLength(json.results.length);
    const cells = rows.map((r) => r.querySelectorAll('td').map((td) => td.text));
    for (const r of json.results) {
      const row = cells.find((c) => c[1] === r.article && c[2] === String(r.year) && c[6] === r.reason);
      expect(row, `${r.measure} ${r.year}`).toBeDefined();
    }
    const tier2025 = cells.find((c) => c[0] === '网上零售额进档奖励' && c[2] === '2025')!;
    // amounts in the page's one unit, 万元 with two decimals by default
    expect(tier2025.slice(3, 6)).toEqual(['2026', '符合', '150.00']);
    const quotes = doc.querySelectorAll('blockquote.quote').map((b) => b.text);
    const rules = JSON.parse(cli(['rules', 'gz-2025-ecommerce/scale-tier', '--format', 'json']).stdout);
    const quote = (rules.quote ?? rules.measures?.[0]?.quote ?? rules.policies?.[0]?.measures?.[0]?.quote) as string;
    expect(quotes.some((q) => q.includes(quote))).toBe(true);
  });

  it('charts each tier award (sales against thresholds, growth against the minimum) as inline SVG, with the next tier', () => {
    const figures = doc.querySelectorAll('figure');
    // 000 scale-tier 2025 and 2026; 002 scale-tier 2026 has the same sales, thresholds and minimums as 000's 2026,
    // so its picture is not drawn again: its caption joins 000's (its 2025 result gave way to 000's)
    expect(figures).toHaveLength(2);
    expect(figures[1]!.querySelector('figcaption')!.text).toMatch(/^网上零售额进档奖励 2026年度.*；直播电商网上零售额进档奖励 2026年度/);
    for (const f of figures) {
      const svgs = f.querySelectorAll('svg');
      expect(svgs).toHaveLength(2);
      for (const s of svgs) expect(s.getAttribute('role')).toBe('img');
    }
    const first = figures[0]!;
    const sales = first.querySelectorAll('svg')[0]!;
    const labels = sales.querySelectorAll('text').map((t) => t.text);
    expect(labels).toEqual(expect.arrayContaining(['2023', '2024', '2025', '第1档 300,000.00', '第2档 1,000,000.00']));
    // growth as the rule reads it: one average over the window, (31亿 / 25亿)^½ − 1 = 11.355% (11.35 shown),
    // against the minimums of tier 1 (10%) and tier 2 (6%)
    const growthSvg = first.querySelectorAll('svg')[1]!;
    const growth = growthSvg.querySelectorAll('text').map((t) => t.text);
    expect(growth).toEqual(expect.arrayContaining(['2023→2025平均', '第1档 ≥10%', '第2档 ≥6%']));
    expect(growthSvg.getAttribute('aria-label')).toContain('2023→2025平均增长率 11.35%');
    expect(first.querySelector('figcaption')!.text).toContain('下一档：2026年网上零售额需达到100亿元，且两年平均增长率不低于6%（第2档）');
  });

  it('ends with 申报指引 (document, article, years) and the total; one subtotal per document, under its rows', () => {
    const guide = doc.querySelectorAll('[data-part="guide"] tbody tr').map((r) => r.querySelectorAll('td').map((td) => td.text));
    const eligible = json.results.filter((r: { status: string }) => r.status === 'eligible');
    expect(guide).toHaveLength(eligible.length);
    const tier = guide.find((c) => c[0] === '网上零售额进档奖励' && c[3] === '2025')!;
    expect([tier[1]!.startsWith('广州市关于推动电子商务高质量发展的若干措施'), tier[2], tier[4], tier[5]]).toEqual([true, '第二条', '2026', '150.00']);
    const sections = doc.querySelectorAll('section');
    expect(sections.at(-1)!.querySelector('h2')!.text).toBe('申报指引');
    expect(doc.querySelector('[data-part="total"]')!.text).toBe('合计（现金奖励上限）：250.00 万元');
    const tables = doc.querySelectorAll('[data-part="results"]');
    expect(doc.querySelectorAll('[data-part="subtotal"]')).toHaveLength(tables.length);
    for (const t of tables) expect(t.querySelectorAll('tfoot [data-part="subtotal"]')).toHaveLength(1);
  });

  it('--display-unit 元 shows every amount to the fen; the footer says when, by what and from which file', () => {
    const yuan = parse(cli(['simulate', SAMPLE, '--format', 'html', '--display-unit', '元'], { env: { SOURCE_DATE_EPOCH: '1767225600' } }).stdout);
    expect(yuan.querySelector('[data-part="total"]')!.text).toBe('合计（现金奖励上限）：2,500,000.00 元');
    const footer = Object.fromEntries(yuan.querySelectorAll('footer dl.facts dt').map((dt) => [dt.text, dt.nextElementSibling!.text]));
    expect(footer).toMatchObject({ 生成时间: '2026-01-01T00:00:00Z', 生成工具: 'gz-awards 0.1.0', 输入文件: `${SAMPLE}（1 条记录）`, 参数覆盖: '（文件原文，无覆盖）' });
    expect(footer['解释口径']).toContain('“突破”门槛=达到即可（≥）');
  });

  it('in English with --lang en', () => {
    const en = parse(cli(['simulate', SAMPLE, '--format', 'html', '--lang', 'en']).stdout);
    expect(en.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(en.querySelector('h1')!.text).toBe('Self-check report: 广州天河示例电子商务有限公司');
  });
});

describe('check --report', () => {
  it('writes the same kind of page after the interview', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gz-report-')), 'report.html');
    const r = cli(['check', SAMPLE, '--report', file], { input: '\n'.repeat(60) });
    expect(r.code).toBe(0);
    const doc = parse(readFileSync(file, 'utf8'));
    expect(doc.querySelector('h1')!.text).toBe('企业自查报告：广州天河示例电子商务有限公司');
    expect(doc.querySelectorAll('figure svg').length).toBeGreaterThan(0);
  });
});

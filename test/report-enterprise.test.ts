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
    expect(facts['合计（现金奖励上限，不含让位项）']).toBe('250万元');
  });

  it('lists every result with its reason, and the article’s words', () => {
    const rows = doc.querySelectorAll('section table tbody tr');
    expect(rows).toHaveLength(json.results.length);
    const cells = rows.map((r) => r.querySelectorAll('td').map((td) => td.text));
    for (const r of json.results) {
      const row = cells.find((c) => c[1] === r.article && c[2] === String(r.year) && c[6] === r.reason);
      expect(row, `${r.measure} ${r.year}`).toBeDefined();
    }
    const tier2025 = cells.find((c) => c[0] === '网上零售额进档奖励' && c[2] === '2025')!;
    expect(tier2025.slice(3, 6)).toEqual(['2026', '符合', '150万元']);
    const quotes = doc.querySelectorAll('blockquote.quote').map((b) => b.text);
    const rules = JSON.parse(cli(['rules', 'gz-2025-ecommerce/scale-tier', '--format', 'json']).stdout);
    const quote = (rules.quote ?? rules.measures?.[0]?.quote ?? rules.policies?.[0]?.measures?.[0]?.quote) as string;
    expect(quotes.some((q) => q.includes(quote))).toBe(true);
  });

  it('charts each tier award (sales against thresholds, growth against the minimum) as inline SVG, with the next tier', () => {
    const figures = doc.querySelectorAll('figure');
    // 000 scale-tier 2025 and 2026, 002 scale-tier 2026 (its 2025 result gave way to 000's, and is not charted twice)
    expect(figures).toHaveLength(3);
    for (const f of figures) {
      const svgs = f.querySelectorAll('svg');
      expect(svgs).toHaveLength(2);
      for (const s of svgs) expect(s.getAttribute('role')).toBe('img');
    }
    const first = figures[0]!;
    const sales = first.querySelectorAll('svg')[0]!;
    const labels = sales.querySelectorAll('text').map((t) => t.text);
    expect(labels).toEqual(expect.arrayContaining(['2023', '2024', '2025', '第1档 30亿元', '第2档 100亿元']));
    const growth = first.querySelectorAll('svg')[1]!.querySelectorAll('text').map((t) => t.text);
    expect(growth).toEqual(expect.arrayContaining(['第1档 ≥10%', '第2档 ≥6%']));
    expect(first.querySelector('figcaption')!.text).toContain('下一档：2026年网上零售额需达到100亿元，且两年平均增长率不低于6%（第2档）');
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

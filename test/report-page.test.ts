/** The shared page-and-chart module of the HTML reports: escaping, a page that needs no script or network, SVG charts. */
import { parse } from 'node-html-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, chart, displayValue, stackedBarChart } from '../src/report/chart.js';
import { el, escapeHtml, facts, page, paragraph, section, table } from '../src/report/page.js';

describe('page', () => {
  it('escapes every text from an input, in elements and attributes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const doc = parse(el('div', { title: s }, el('span', {}, s)).html);
        expect(doc.querySelector('span')!.text).toBe(s);
        expect(doc.querySelector('div')!.getAttribute('title')).toBe(s);
        expect(doc.querySelectorAll('script')).toHaveLength(0);
      }),
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('is one self-contained document: A4 print styles, a system font stack, no script, no fetch', () => {
    const html = page({
      lang: 'zh',
      title: '广州<测试>有限公司 自查报告',
      subtitle: '统一社会信用代码 91440101MA5CXXXX',
      body: [
        section('企业', facts([['名称', '<b>某公司</b>']])),
        section('结果', table([{ head: '措施' }, { head: '金额', num: true }], [['网上零售额进档奖励', '150万元']], { foot: ['合计', '150万元'] })),
        paragraph('注', { note: true }),
      ],
      footer: 'gz-awards',
    });
    const doc = parse(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('title')!.text).toBe('广州<测试>有限公司 自查报告');
    expect(doc.querySelector('h1')!.text).toBe('广州<测试>有限公司 自查报告');
    expect(doc.querySelector('dd')!.text).toBe('<b>某公司</b>');
    expect(doc.querySelectorAll('b')).toHaveLength(0);
    expect(doc.querySelectorAll('section')).toHaveLength(2);
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(doc.querySelector('tfoot td.num')!.text).toBe('150万元');
    expect(doc.querySelectorAll('script, link, img[src^=http], iframe')).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    const css = doc.querySelector('style')!.text;
    expect(css).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(css).toContain('PingFang SC');
    expect(css).toContain('Noto Sans CJK SC');
    expect(css).not.toMatch(/@import|url\(/);
  });
});

describe('chart', () => {
  it('draws bars and threshold lines as inline SVG with a text alternative', async () => {
    const svg = await barChart({
      description: '网上零售额与第1档门槛<比较>',
      categories: ['2023', '2024', '2025'],
      axes: [{ name: '亿元', suffix: '亿' }],
      series: [{ name: '网上零售额', values: [25, 28, 31] }],
      thresholds: [{ label: '第1档 30亿元', value: 30 }],
    });
    const doc = parse(svg.html);
    const root = doc.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('网上零售额与第1档门槛<比较>');
    expect(root.querySelector('title')!.text).toBe('网上零售额与第1档门槛<比较>');
    const texts = root.querySelectorAll('text').map((t) => t.text);
    expect(texts).toContain('2023');
    expect(texts).toContain('第1档 30亿元');
    expect(texts).toContain('网上零售额');
    // three bars: paths filled with the first colour
    expect(root.querySelectorAll('path').filter((p) => p.getAttribute('fill') === '#0b5cad').length).toBeGreaterThanOrEqual(3);
    expect(root.querySelectorAll('script')).toHaveLength(0);
  });

  it('stacks bars and puts a line on a second axis', async () => {
    const stacked = parse((await stackedBarChart({
      description: 'stacked',
      categories: ['天河', '越秀'],
      axes: [{ name: '万元' }],
      series: [{ name: 'A', values: [100, 50] }, { name: 'B', values: [20, null] }],
    })).html);
    expect(stacked.querySelectorAll('text').map((t) => t.text)).toEqual(expect.arrayContaining(['天河', '越秀', 'A', 'B']));
    const two = parse((await chart({
      description: 'sales and growth',
      categories: ['2024', '2025'],
      axes: [{ name: '亿元' }, { name: '%', suffix: '%' }],
      series: [{ name: 'sales', kind: 'bar', values: [28, 31] }, { name: 'growth', kind: 'line', axis: 1, values: [null, 10.71] }],
      thresholds: [{ label: '6%', value: 6, axis: 1 }],
    })).html);
    const texts = two.querySelectorAll('text').map((t) => t.text);
    expect(texts).toContain('10.71%');
    expect(texts).toContain('6%');
  });

  it('turns exact amounts into display numbers without losing the first four decimals', () => {
    expect(displayValue(310_000_000_000n, 10_000_000_000n)).toBe(31);
    expect(displayValue(133_449_977_00n, 10_000_000_000n)).toBe(1.3344);
    expect(displayValue(0n, 1_000_000n)).toBe(0);
  });
});

/**
 * The reports in a real browser (issue 30): the district report and the enterprise report, each opened in
 * Chromium (driven by playwright-core through the system's browser, `executablePath`) at a phone's width (390 px)
 * and a desk's (1,400 px), and under print-media emulation. Skipped, with a notice, when no Chromium is installed
 * (CHROMIUM_PATH, or chromium / chromium-browser / google-chrome on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

/** The system's Chromium, or null. */
function findChromium(): string | null {
  const given = process.env['CHROMIUM_PATH'];
  if (given && existsSync(given)) return given;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

const CHROMIUM = findChromium();
if (!CHROMIUM) process.stderr.write('report-browser.test.ts: skipped — no Chromium found (install chromium, or set CHROMIUM_PATH)\n');

const dir = mkdtempSync(join(tmpdir(), 'gz-browser-'));
const EPOCH = { env: { SOURCE_DATE_EPOCH: '1767225600' } };

describe.skipIf(!CHROMIUM)('the reports in Chromium', () => {
  type Browser = import('playwright-core').Browser;
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    pages['district'] = join(dir, 'district.html');
    expect(cli(['batch', 'fixtures/districts/sample-district.csv', '--out', join(dir, 'a.csv'), '--near', '10%', '--report', pages['district']!, '--no-progress'], EPOCH).code).toBe(0);
    pages['district-en'] = join(dir, 'district-en.html');
    expect(cli(['batch', 'fixtures/districts/sample-district.csv', '--out', join(dir, 'b.csv'), '--near', '10%', '--report', pages['district-en']!, '--lang', 'en', '--display-unit', '元', '--no-progress'], EPOCH).code).toBe(0);
    pages['enterprise'] = join(dir, 'enterprise.html');
    const ent = cli(['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--format', 'html'], EPOCH);
    expect(ent.code).toBe(0);
    writeFileSync(pages['enterprise']!, ent.stdout);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page at a width; returns it with what the test measures. */
  async function open(name: string, width: number, media: 'screen' | 'print' = 'screen') {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.emulateMedia({ media });
    await page.goto('file://' + pages[name]);
    return page;
  }

  for (const name of ['district', 'district-en', 'enterprise']) {
    for (const width of [390, 1400]) {
      it(`${name} at ${width} px: the page is no wider than the screen; wide tables scroll in their own frame`, async () => {
        const page = await open(name, width);
        const m = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
          // every table either fits its frame or its frame scrolls (never the page)
          frames: [...document.querySelectorAll('.frame')].map((f) => ({ fits: f.scrollWidth <= f.clientWidth + 1, scrolls: getComputedStyle(f).overflowX === 'auto' })),
        }));
        await page.close();
        expect(m.page).toBeLessThanOrEqual(width);
        expect(m.body).toBeLessThanOrEqual(width);
        for (const f of m.frames) expect(f.fits || f.scrolls).toBe(true);
      });
    }

    it(`${name} at 390 px: every chart at least 330 px wide, above its table`, async () => {
      const page = await open(name, 390);
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('figure svg')]
          .filter((s) => s.getBoundingClientRect().width > 0)
          .map((s) => {
            const r = s.getBoundingClientRect();
            const pair = s.closest('.pair');
            const table = pair?.querySelector('table')?.getBoundingClientRect() ?? null;
            return { width: r.width, right: r.right, bottom: r.bottom, tableTop: table ? table.top : null };
          }),
      );
      await page.close();
      expect(charts.length).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.width).toBeGreaterThanOrEqual(330);
        expect(c.right).toBeLessThanOrEqual(390);
        if (c.tableTop !== null) expect(c.tableTop).toBeGreaterThanOrEqual(c.bottom);
      }
    });

    it(`${name} at 390 px: a name wraps between words, never a character per line`, async () => {
      const page = await open(name, 390);
      const narrow = await page.evaluate(() =>
        [...document.querySelectorAll('td.name')].map((td) => ({ chars: (td.textContent ?? '').length, width: td.getBoundingClientRect().width })),
      );
      await page.close();
      expect(narrow.length).toBeGreaterThan(0);
      // a name's cell is never a character wide: at least 9 CJK characters (of some 12 px) a line
      for (const c of narrow) if (c.chars > 0) expect(c.width).toBeGreaterThanOrEqual(9 * 12);
    });
  }

  it('enterprise, printed: one subtotal per document, under its rows; headers on one line; charts kept whole', async () => {
    const page = await open('enterprise', 794, 'print');
    const m = await page.evaluate(() => ({
      tables: document.querySelectorAll('[data-part="results"]').length,
      subtotals: [...document.querySelectorAll('[data-part="subtotal"]')].map((s) => {
        const tfoot = s.closest('tfoot')!;
        const table = s.closest('table')!;
        const rows = table.querySelectorAll('tbody tr');
        return { display: getComputedStyle(tfoot).display, below: s.getBoundingClientRect().top >= rows[rows.length - 1]!.getBoundingClientRect().bottom - 1 };
      }),
      heads: [...document.querySelectorAll('thead th')].map((th) => ({ ws: getComputedStyle(th).whiteSpace, h: th.getBoundingClientRect().height, line: parseFloat(getComputedStyle(th).lineHeight) })),
      figures: [...document.querySelectorAll('figure, .charts')].map((f) => getComputedStyle(f).breakInside),
    }));
    // a table-footer-group repeats on every printed page; a row group prints once, where it stands
    expect(m.subtotals).toHaveLength(m.tables);
    for (const s of m.subtotals) expect(s).toEqual({ display: 'table-row-group', below: true });
    for (const h of m.heads) {
      expect(h.ws).toBe('nowrap');
      expect(h.h).toBeLessThan(2 * h.line + 12);
    }
    for (const f of m.figures) expect(f).toBe('avoid');
    // and in the printed PDF's own text (with pdftotext, when poppler-utils is installed): the subtotal label
    // once per document, on pages that hold 4 documents' results
    const pdf = await page.pdf({ format: 'A4' });
    await page.close();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdftotext = spawnSync('pdftotext', ['-', '-'], { input: pdf });
    if (pdftotext.error) return void process.stderr.write('report-browser.test.ts: pdftotext not found; the PDF text is not checked\n');
    const text = pdftotext.stdout.toString('utf8');
    expect(text.split('小计（现金）').length - 1).toBe(m.tables);
    expect(text.split('申报指引').length - 1).toBe(1);
  });

  it('district, printed: the narrow charts give way to the wide ones, and no frame scrolls', async () => {
    const page = await open('district', 794, 'print');
    const m = await page.evaluate(() => ({
      wide: [...document.querySelectorAll('.chart-wide svg')].filter((s) => s.getBoundingClientRect().width > 0).length,
      narrow: [...document.querySelectorAll('.chart-narrow svg')].filter((s) => s.getBoundingClientRect().width > 0).length,
      frames: [...document.querySelectorAll('.frame')].map((f) => getComputedStyle(f).overflowX),
      tfoot: [...document.querySelectorAll('tfoot')].map((t) => getComputedStyle(t).display),
    }));
    await page.close();
    expect([m.wide, m.narrow]).toEqual([5, 0]);
    for (const f of m.frames) expect(f).toBe('visible');
    for (const d of m.tfoot) expect(d).toBe('table-row-group');
  });
});

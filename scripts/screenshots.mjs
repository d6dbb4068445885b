#!/usr/bin/env node
/**
 * The screenshots in docs/: the district report and the enterprise report of the samples, on a phone (390 px),
 * on a desk (1,400 px) and as the first printed A4 page (print media, 794 px, one page tall). Made with the
 * system's Chromium (CHROMIUM_PATH, else chromium on the PATH) driven by playwright-core, CJK fonts installed
 * (Debian: fonts-noto-cjk), and pdftoppm (poppler-utils) for the printed page, which is the PDF Chromium prints.
 *
 *   npm run build && node scripts/screenshots.mjs
 *
 * Writes docs/district-report.png (desk, the top of the page), docs/district-report-phone.png,
 * docs/district-report-print.png, docs/report.png (desk), docs/report-phone.png, docs/report-print.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const BIN = join(ROOT, 'bin/gz-awards.js');
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' };

function chromiumPath() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) for (const n of ['chromium', 'chromium-browser', 'google-chrome']) if (dir && existsSync(join(dir, n))) return join(dir, n);
  throw new Error('no Chromium: install chromium or set CHROMIUM_PATH');
}

function run(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`gz-awards ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const tmp = mkdtempSync(join(tmpdir(), 'gz-shots-'));
const district = join(tmp, 'district.html');
run(['batch', 'fixtures/districts/sample-district.csv', '--out', join(tmp, 'a.csv'), '--near', '10%', '--report', district, '--no-progress']);
const enterprise = join(tmp, 'enterprise.html');
writeFileSync(enterprise, run(['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--format', 'html']));

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  for (const [file, name] of [
    [district, 'district-report'],
    [enterprise, 'report'],
  ]) {
    // a desk: the top of the page; a phone: its first two screens
    for (const [suffix, width, height] of [
      ['', 1400, 1500],
      ['-phone', 390, 1688],
    ]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto('file://' + file);
      const out = join(DOCS, `${name}${suffix}.png`);
      await page.screenshot({ path: out, clip: { x: 0, y: 0, width, height } });
      await page.close();
      process.stderr.write(`${out}\n`);
    }
    // print: the first page of the A4 PDF Chromium prints, at 80 dpi
    const page = await browser.newPage();
    await page.goto('file://' + file);
    const pdf = join(tmp, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    await page.close();
    const out = join(DOCS, `${name}-print`);
    const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
    if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
    process.stderr.write(`${out}.png\n`);
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}

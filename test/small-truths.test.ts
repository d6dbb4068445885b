/**
 * Issue 7, item 10: small truths. An empty JSON input with --format json prints `[]`; the summary's cash-total
 * rows count the enterprises that get cash; --years outside every document's validity warns.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers/cli.js';
import { validId } from './helpers/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-truths-'));
const HAND = readFileSync(join(ROOT, 'fixtures/districts/sample-district.csv'), 'utf8').split('\r\n').slice(0, 9);
const COLUMNS = HAND[0]!.split(',').length;

describe('an empty JSON input', () => {
  it('prints [] with --format json, a warning, exit 0; the CSV table is its header alone', () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '[]\n');
    const r = cli(['batch', file, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(r.stderr).toContain(`warning: ${file}: the file holds no records`);
    expect(r.stderr).toContain('0 records read: 0 in the output, 0 rejected');
    const out = join(dir, 'empty-awards.json');
    expect(cli(['batch', file, '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([]);
  });

  it('an empty file is still an error, and nothing is printed on standard output', () => {
    const file = join(dir, 'zero.json');
    writeFileSync(file, '');
    const r = cli(['batch', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('the summary', () => {
  it('counts in the cash-total rows only the enterprises that get cash', () => {
    // the eight hand-designed enterprises (all get cash: see batch.e2e) and a 天河 enterprise with no data at all
    const file = join(dir, 'nine.csv');
    const none = [validId(901), 'No Cash Co', '天河区', ...Array(COLUMNS - 3).fill('')].join(',');
    writeFileSync(file, [...HAND, none, ''].join('\r\n'));
    const summary = join(dir, 'summary.json');
    const r = cli(['batch', file, '--out', join(dir, 'nine-awards.csv'), '--summary', summary, '--lang', 'en']);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as { byDistrict: Array<{ district: string; enterprises: number; cash: string }> };
    // 天河: H1 gets 1,500,000; the new one gets nothing → 1 enterprise with cash, not 2
    expect(s.byDistrict.find((d) => d.district === '天河区')).toEqual({ district: '天河区', enterprises: 1, cash: '1500000.00', deductionEnterprises: 0, deduction: '0.00' });
    expect(r.stderr).toMatch(/all\s*│\s*cash total\s*│\s*│\s*8\s*│\s*15,417,283\.94/);
    expect(r.stderr).toContain('9 records read: 9 in the output');
  });
});

describe('--years outside every document', () => {
  // the earliest document, gd-2012-ecommerce, is in force from 2012-12-25 and names no end: years before 2012
  // lie outside every document
  it('warns for the years no document covers, in both languages, and still computes', () => {
    const en = cli(['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--years', '2010-2011', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('warning: --years: 2010, 2011 lies outside the validity of every document');
    const zh = cli(['batch', 'fixtures/diff/small-district.jsonl', '--years', '2005,2025']);
    expect(zh.stderr).toContain('警告：--years 中的 2005 年不在任何政策文件的有效期内');
    const inside = cli(['simulate', 'fixtures/enterprises/tianhe-retailer.json', '--years', '2025-2026', '--lang', 'en']);
    expect(inside.stderr).not.toContain('outside the validity');
  });
});

/**
 * Issue 7, item 5: nothing from an input reaches a terminal unescaped, and files the user asked for keep the data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTerminal, escapeTerminalKeepColour } from '../src/render/escape.js';
import { cli } from './helpers/cli.js';

const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const dir = mkdtempSync(join(tmpdir(), 'gz-escape-'));
const TITLE = '\x1b]0;pwned\x07'; // retitles the window
const CLEAR = '\x1b[2J'; // clears the screen

describe('escapeTerminal', () => {
  it('shows C0 (but tab and newline), DEL, C1 and ESC as escapes', () => {
    expect(escapeTerminal(`a${TITLE}b${CLEAR}\r\x7f\x9b\x00\tc\n`)).toBe('a\\x1b]0;pwned\\x07b\\x1b[2J\\r\\x7f\\x9b\\x00\tc\n');
    expect(escapeTerminal('天河区 ¥1,500,000.00')).toBe('天河区 ¥1,500,000.00');
  });

  it('leaves no control character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const e = escapeTerminal(s);
        expect(RAW_CONTROL.test(e)).toBe(false);
        if (!RAW_CONTROL.test(s)) expect(e).toBe(s);
        // every control became a visible escape: removing the escapes and the controls leaves the same text
        expect(e.replace(/\\x[0-9a-f]{2}|\\r/g, '')).toBe(s.replace(new RegExp(RAW_CONTROL.source, 'g'), ''));
      }),
    );
  });

  it('keeps colour sequences only in the variant for painted text', () => {
    expect(escapeTerminalKeepColour(`\x1b[32meligible\x1b[39m ${CLEAR}${TITLE}`)).toBe('\x1b[32meligible\x1b[39m \\x1b[2J\\x1b]0;pwned\\x07');
  });
});

describe('through the CLI', () => {
  const name = `Evil${TITLE} Co${CLEAR}\x9b`;
  const json = join(dir, 'evil.json');
  writeFileSync(json, JSON.stringify({ id: '91440106MA000Y6G95', name, district: '天河', years: { '2025': { onlineRetailSales: '3100000000' } } }));
  const csv = join(dir, 'evil.csv');
  // a column a measure reads, so the file is not refused as one with no field at all
  writeFileSync(csv, `id,name,district,online_retail_sales_2025,x${CLEAR}\n91440106MA000Y6G95,${name},天河,3100000000,\n91440104MA000Y6GAB,B,天${TITLE}河,,\n`);

  it('simulate: the table and the Markdown show the name escaped', () => {
    for (const format of ['table', 'md']) {
      const r = cli(['simulate', json, '--format', format, '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(RAW_CONTROL.test(r.stdout)).toBe(false);
      expect(r.stdout).toContain('Evil\\x1b]0;pwned\\x07 Co\\x1b[2J\\x9b');
    }
  });

  it('batch: headers, cells and flags are escaped in every message; the award file keeps the name as it was', () => {
    const out = join(dir, 'awards.csv');
    const r = cli(['batch', csv, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(RAW_CONTROL.test(r.stderr)).toBe(false);
    expect(r.stderr).toContain(`unknown column "x\\x1b[2J"`);
    expect(r.stderr).toContain('(found "天\\x1b]0;pwned\\x07河")');
    expect(readFileSync(out, 'utf8')).toContain(`91440106MA000Y6G95,${name},天河区,`);
    const flag = cli(['batch', csv, '--district', `${CLEAR}x`]);
    expect(flag.code).toBe(2);
    expect(RAW_CONTROL.test(flag.stderr)).toBe(false);
    expect(flag.stderr).toContain('"\\x1b[2Jx"');
  });

  it('data written to a pipe or a file is not altered', () => {
    const r = cli(['simulate', json, '--format', 'csv']);
    expect(r.stdout).toContain(name);
  });
});

/**
 * Ids survive a spreadsheet (issue 9 item 6): a CSV this program writes, opened and saved again in LibreOffice,
 * still holds every 18-digit id, and reads back as input. Needs `soffice` on PATH (Debian/Ubuntu:
 * `apt-get install -y libreoffice-calc-nogui`); without it the test is skipped with a notice.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) process.stderr.write('\n[libreoffice.test] soffice is not on PATH: the LibreOffice round trip of all-digit ids is SKIPPED (apt-get install -y libreoffice-calc-nogui to run it)\n');

const ID = '914401011904434208';

describe.skipIf(!hasSoffice)('an all-digit id through LibreOffice (open, save as CSV)', () => {
  it('the award table keeps the id; an input in the same protected form reads back after the round trip', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-lo-'));
    const input = join(dir, 'input.csv');
    const header = 'id,name,online_retail_sales_2023,online_retail_sales_2024,online_retail_sales_2025,nbs_direct_reporting_2025';
    writeFileSync(input, `${header}\n${ID},乙,25亿,28亿,31亿,true\n`);
    const awards = join(dir, 'awards.csv');
    expect(cli(['batch', input, '--out', awards, '--no-progress', '--lang', 'en']).code).toBe(0);
    // an input-shaped CSV as this program writes ids: the protected form
    const protectedInput = join(dir, 'protected.csv');
    writeFileSync(protectedInput, `\uFEFF${header}\r\n"=""${ID}""",乙,2500000000,2800000000,3100000000,true\r\n`);
    const out = join(dir, 'saved');
    mkdirSync(out);
    const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--infilter=CSV:44,34,76', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, awards, protectedInput], { encoding: 'utf8', timeout: 170_000 });
    expect(lo.status).toBe(0);
    const saved = readFileSync(join(out, 'awards.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(saved.split(/\r?\n/)[1]!.split(',')[0]).toBe(ID);
    // read back: the same award as before the round trip
    const back = cli(['batch', join(out, 'protected.csv'), '--no-progress', '--lang', 'en']);
    expect(back.code).toBe(0);
    const lines = back.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const h = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    expect(row[0]).toBe(`"=""${ID}"""`);
    expect(row[h.indexOf('gz-2025-ecommerce/scale-tier@2025')]).toBe('1500000.00');
  });
});

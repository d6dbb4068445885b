/**
 * Proof by re-expression: 002 and 003 written as policy files (fixtures/policies/) replace their built-ins and
 * compute exactly what they compute. `batch` over the sample district gives byte-identical award tables,
 * summary and rejects (the run record may differ), and the project's scenario files for that document pass.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'reexpress-'));
const env = { SOURCE_DATE_EPOCH: '1767225600' };

/** batch's award table (CSV and long JSON), summary and rejects, as bytes, under `extra` options. */
function outputs(tag: string, input: string, extra: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const base = join(dir, tag);
  const csv = cli(['batch', input, '--out', `${base}.csv`, '--summary', `${base}.summary.csv`, '--rejects', `${base}.rejects.csv`, '--no-progress', ...extra], { env });
  expect([0, 3], csv.stderr).toContain(csv.code); // 3: some rows rejected
  for (const f of ['csv', 'summary.csv', 'rejects.csv']) out[f] = readFileSync(`${base}.${f}`, 'utf8');
  const json = cli(['batch', input, '--layout', 'long', '--format', 'json', '--lang', 'en', '--summary', `${base}.summary.json`, '--no-progress', ...extra], { env });
  out['long.json'] = json.stdout;
  out['summary.json'] = readFileSync(`${base}.summary.json`, 'utf8');
  out['stderr'] = csv.stderr;
  return out;
}

for (const id of ['gz-2025-livestream', 'gz-2024-cross-border']) {
  const file = `fixtures/policies/${id}.yaml`;
  describe(`${file} replacing the built-in ${id}`, () => {
    for (const input of ['fixtures/districts/sample-district.csv', 'fixtures/districts/sample-district-with-rejects.csv']) {
      it(`batch ${input}: the same award tables, summary and rejects, byte for byte`, () => {
        const built = outputs(`${id}-built-in`, input, []);
        const fromFile = outputs(`${id}-file`, input, ['--policy', file]);
        for (const k of ['csv', 'summary.csv', 'rejects.csv', 'long.json', 'summary.json']) expect(fromFile[k], k).toBe(built[k]);
        expect(built['long.json']!.length).toBeGreaterThan(100_000);
        expect(fromFile['stderr']).toContain(`--policy ${file}：替换内置文件 ${id}`);
      });
    }

    it(`the scenario file of ${id} passes with the file in place of the built-in`, () => {
      const r = cli(['test', `fixtures/scenarios/${id}.yaml`, '--policy', file, '--lang', 'en']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\b0 failed/);
      expect(r.stderr).toContain(`replaces the built-in document ${id}`);
    });
  });
}

it('the file is what computes: a changed cap in a copy of the 003 file changes the awards and fails its scenarios', () => {
  const text = readFileSync(join(ROOT, 'fixtures/policies/gz-2024-cross-border.yaml'), 'utf8').replace('value: 200万', 'value: 100万').replace('../../laws/', join(ROOT, 'laws') + '/');
  expect(text).toContain('value: 100万');
  const copy = join(dir, 'gz-2024-cross-border-changed.yaml');
  writeFileSync(copy, text);
  const r = cli(['test', 'fixtures/scenarios/gz-2024-cross-border.yaml', '--policy', copy, '--lang', 'en']);
  expect(r.code).toBe(1);
  // the 麒麟 award: 2,000,000 in the text, 1,000,000 in the copy
  expect(r.stdout).toMatch(/1,000,000|1000000/);
});

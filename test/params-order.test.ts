/**
 * Issue 7, items 9 and 4 (the YAML part): an override file must say what a document could say. A tier table's
 * thresholds rise strictly and its awards never fall, a rate lies in 0–1 inclusive, validTo comes after validFrom
 * (the published date standing in for the one not overridden); extending years or validity stays allowed. An
 * alias bomb in a parameters or scenario file is refused. Each violation: exit 2 with file:line:column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-order-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const ENTERPRISE = 'fixtures/enterprises/tianhe-retailer.json';

/** A YAML document whose nine levels of aliases expand to 10^9 values. */
const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill('*' + 'abcdefgh'[i]).join(',')}]`)].join('\n') + '\n';

describe('--params: values that contradict each other', () => {
  const BAD: Array<[string, string, string]> = [
    [
      'equal thresholds',
      'parameters:\n  gz-2025-ecommerce/scale-tier:\n    thresholds: [3000000000, 3000000000, 20000000000, 50000000000, 100000000000]\n',
      '3:5: parameters.gz-2025-ecommerce/scale-tier.thresholds: tier 2 (3000000000) must be above tier 1 (3000000000): thresholds rise strictly from tier to tier',
    ],
    [
      'falling awards',
      'parameters:\n  gz-2025-livestream/scale-tier:\n    awards: [1500000, 2500000, 2000000, 6000000, 10000000]\n',
      '3:5: parameters.gz-2025-livestream/scale-tier.awards: tier 3 (2000000) must be at least tier 2 (2500000): a higher tier never pays less',
    ],
    // published validFrom of gz-2025-ecommerce is 2025-02-14
    ['validTo before the published validFrom', 'parameters:\n  gz-2025-ecommerce: { validTo: "2024-12-31" }\n', '2:24: parameters.gz-2025-ecommerce.validTo: validTo (2024-12-31) must be after validFrom (2025-02-14)'],
    // published validTo of gz-2025-ecommerce is 2028-02-13
    ['validFrom after the published validTo', 'parameters:\n  gz-2025-ecommerce:\n    validFrom: "2028-02-13"\n', '3:5: parameters.gz-2025-ecommerce.validFrom: validTo (2028-02-13) must be after validFrom (2028-02-13)'],
    ['a rate above 1', 'parameters:\n  gz-2024-cross-border/brand-overseas: { rate: "1.01" }\n', '2:42: parameters.gz-2024-cross-border/brand-overseas.rate: expected a rate from 0 to 1 such as "0.5", found "1.01"'],
  ];
  for (const [what, text, message] of BAD) {
    it(`refuses ${what} with its line and column`, () => {
      const file = write(`${what.replace(/ /g, '-')}.yaml`, text);
      const r = cli(['simulate', ENTERPRISE, '--params', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`gz-awards: --params ${file}:${message}\n`);
    });
  }

  it('allows what a reform does: longer validity, more years, rates of exactly 0 and 1, thresholds that rise', () => {
    const file = write(
      'reform.yaml',
      [
        'parameters:',
        '  gz-2025-ecommerce: { validTo: "2030-12-31" }',
        '  gz-2025-ecommerce/scale-tier:',
        '    years: [2025, 2026, 2027, 2028, 2029]',
        '    thresholds: [2000000000, 10000000000, 20000000000, 50000000000, 100000000000]',
        '    awards: [1500000, 1500000, 4000000, 6000000, 10000000]',
        '  gz-2024-cross-border/brand-overseas: { rate: "1" }',
        '  gz-2024-cross-border/bonded-rent: { rate: "0" }',
        '',
      ].join('\n'),
    );
    const r = cli(['simulate', ENTERPRISE, '--params', file, '--format', 'json']);
    expect(r.code).toBe(0);
  });
});

describe('YAML alias bombs', () => {
  it('in --params: exit 2 with a message', () => {
    const file = write('bomb.yaml', BOMB);
    for (const command of [['simulate', ENTERPRISE], ['batch', 'fixtures/diff/small-district.jsonl']]) {
      const r = cli([...command, '--params', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`gz-awards: --params ${file}: the aliases (*name) expand to too many values (more than 100 alias uses): refused as an alias bomb; write the values out\n`);
    }
  });

  it('in a scenario file: exit 2 with a message, nothing run', () => {
    const file = write('bomb-scenario.yaml', BOMB);
    const r = cli(['test', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: the aliases (*name) expand to too many values`);
  });
});

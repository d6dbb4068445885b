/** The built binary, end to end: simulate and rules on the bundled samples, and bad input (SPEC §8). */
import { describe, expect, it } from 'vitest';
import { cli, STACK } from './helpers/cli.js';

const SAMPLE = 'fixtures/enterprises/tianhe-retailer.json';

describe('gz-awards simulate', () => {
  it('prints a Chinese table grouped by document, with reasons, the next tier and the total', () => {
    const r = cli(['simulate', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【广州市关于推动电子商务高质量发展的若干措施】\n');
    expect(r.stdout).toContain('网上零售额进档奖励');
    // 2023 2.5e9 → 2025 3.1e9: (1.24)^½ − 1 = 11.355% (truncated); 150万元 tier 1; 鸿鹄 2025 100万元.
    expect(r.stdout).toContain('2023—2025 年平均增长率 11.355% ≥ 10%');
    expect(r.stdout).toContain('2026年网上零售额需达到100亿元，且两年平均增长率不低于6%（第2档）');
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：250万元');
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
    expect(r.stderr).toBe('');
  });

  it('says so when a file holds no enterprise ([] or standard input of []), and prints nothing on stdout', () => {
    const zh = cli(['simulate', '-'], { input: '[]' });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe('错误：-：文件中没有任何记录\n');
    const en = cli(['simulate', '-', '--lang', 'en'], { input: '[]\n' });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: -: the file holds no records\n');
  });

  it('prints English with --lang en, and every check with --explain', () => {
    const r = cli(['simulate', SAMPLE, '--lang', 'en', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('¥1,500,000.00');
    expect(r.stdout).toContain('✓ growth (第二条): average growth 2023–2025 11.355% ≥ 10%');
    expect(r.stdout).toContain('Total (cash ceilings, superseded results excluded): ¥2,500,000.00');
  });

  it('prints the output contract with --format json', () => {
    const r = cli(['simulate', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['id', 'name', 'district', 'results', 'total', 'interpretation']));
    expect(out.total).toBe('2500000.00');
    expect(out.interpretation).toEqual({ threshold: 'reach', growthWindow: 'ending', growthAverage: 'geometric', tierBasis: 'level', planning: 'optimal', sameYear: 'application', sameYearScope: 'ecommerce-only', reporting: 'required', sameItem: 'higher' });
    const tier = out.results.find((x: { measure: string; year: number }) => x.measure === 'scale-tier' && x.year === 2025);
    expect(tier).toMatchObject({ policy: 'gz-2025-ecommerce', article: '第二条', applicationYear: 2026, status: 'eligible', kind: 'cash-cap', amount: '1500000.00', tier: 1, missing: [], supersededBy: null });
    expect(tier.checks[0]).toEqual({ id: 'reporting', passed: true, detail: '2025 年已纳入国家统计局联网直报平台' });
  });

  it('answers a quick --set question without a file', () => {
    const r = cli(['simulate', '--set', 'years.2023.onlineRetailSales=2.5e9', '--set', 'years.2025.onlineRetailSales=3.1e9', '--set', 'years.2025.nbsDirectReporting=true', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.id).toBe('000000000000000000');
    expect(out.total).toBe('1500000.00');
  });

  it('--interpret changes the reading and is echoed; a bad one lists the allowed values', () => {
    // E2 with the arithmetic mean: (7.692% + 10.714%)/2 = 9.203% < 10%.
    const sets = ['--set', 'years.2023.onlineRetailSales=2.6e9', '--set', 'years.2024.onlineRetailSales=2.8e9', '--set', 'years.2025.onlineRetailSales=3.1e9', '--set', 'years.2025.nbsDirectReporting=true'];
    const r = cli(['simulate', ...sets, '--interpret', 'growthAverage=arithmetic', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('average growth 2023–2025 9.203% < 10% (required for tier 1)');
    expect(r.stdout).toContain('average growth=arithmetic mean');
    expect(cli(['simulate', ...sets, '--interpret', 'growthAverage=arithmetic', '--explain']).stdout).toContain('growthAverage=arithmetic');
    const bad = cli(['simulate', ...sets, '--interpret', 'growthAverage=median']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('growthAverage=median is not allowed; growthAverage takes geometric or arithmetic');
    expect(bad.stdout).toBe('');
  });

  it('reads a one-row CSV with separators, units and exponents (warning about the exponent)', () => {
    const r = cli(['simulate', 'fixtures/enterprises/one-row.csv', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe('2500000.00'); // tier 1 (150万) + 鸿鹄 2025 (100万)
    expect(r.stderr).toContain('warning: fixtures/enterprises/one-row.csv, row 2, online_retail_sales_2025: a number in exponent form');
  });

  it('reads standard input', () => {
    const r = cli(['simulate', '-', '--format', 'json'], { input: '{"id":"91440101MA5CJQ4N59","tracks":["cross-border"],"years":{"2025":{"bondedZoneRent":"1000000"}}}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe('300000.00'); // 30% × 1,000,000
  });

  it('--year narrows what is shown; --all adds not-in-force rows', () => {
    const one = JSON.parse(cli(['simulate', SAMPLE, '--format', 'json', '--year', '2026']).stdout);
    expect(new Set(one.results.map((x: { year: number }) => x.year))).toEqual(new Set([2026]));
    const all = JSON.parse(cli(['simulate', SAMPLE, '--format', 'json', '--all']).stdout);
    expect(all.results.filter((x: { status: string }) => x.status === 'not-in-force').length).toBeGreaterThan(0);
  });

  it('writes CSV with a BOM and Markdown', () => {
    const csv = cli(['simulate', SAMPLE, '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFFid,name,district,policy,measure')).toBe(true);
    expect(cli(['simulate', SAMPLE, '--format', 'md']).stdout).toContain('| 网上零售额进档奖励 | 第二条 | 2025 | 2026 | 符合 | 150万元 |');
  });

  it('every bundled sample prints a table and exits 0', () => {
    for (const f of ['tianhe-retailer.json', 'cross-border-seller.json', 'livestream-honghu.json', 'park-operator-2019.json', 'one-row.csv']) {
      const r = cli(['simulate', `fixtures/enterprises/${f}`]);
      expect(r.code, f).toBe(0);
      expect(r.stdout, f).toContain('合计');
    }
  });
});

describe('bad input (SPEC §8): exit 2, one message per problem, no stack trace', () => {
  it('names file, path, what was expected and what was found, for every problem of a record', () => {
    const r = cli(['simulate', 'fixtures/bad/many-problems.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'error: fixtures/bad/many-problems.json, years.20x5: a year key must be a four-digit year from 2000 to 2100 (found "20x5")',
      'error: fixtures/bad/many-problems.json, id: wrong check character: the 18th character should be "9", not "0" (GB 32100-2015) (found "91440101MA5CJQ4N50")',
      "error: fixtures/bad/many-problems.json, district: expected one of Guangzhou's 11 districts: Yuexiu Haizhu Liwan Tianhe Baiyun Huangpu Panyu Huadu Nansha Conghua Zengcheng (found \"深圳南山\")",
      'error: fixtures/bad/many-problems.json, years.2025.onlineRetailSales: expected an amount: digits, thousand separators (3,100,000,000), a unit (31亿, 310000万元) or an exponent (3.1e9) (found "—")',
      'error: fixtures/bad/many-problems.json, years.2025.nbsDirectReporting: expected true/false, 1/0 or 是/否 (found "maybe")',
      'error: fixtures/bad/many-problems.json, years.2025.bondedZoneRent: an amount cannot be negative (found "-5")',
      'error: fixtures/bad/many-problems.json, years.2025.highSalaryStaff: expected a whole number, 0 or more (found "2.5")',
      'error: fixtures/bad/many-problems.json, lists[0].list: expected one of: honghu, qilin, kunpeng, brand-overseas, ecommerce-park, livestream-park, gz-hq, high-tech, gz-demo-enterprise, gz-demo-base-tenant, cross-border-park-tenant, rural-demo, top50-hq, payment-license, overseas-warehouse, gz-demo-base, cross-border-park, hq-relocated-listed, cb-newly-introduced, cb-demo-enterprise, cb-demo-park, vertical-benchmark, ecommerce-park-tenant, ecommerce-hq, software-enterprise, advanced-tech-service, gd-well-known-hq (found "unicorn")',
    ]);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('in Chinese by default', () => {
    const r = cli(['simulate', 'fixtures/bad/many-problems.json']);
    expect(r.stderr).toContain('错误：fixtures/bad/many-problems.json，years.2025.bondedZoneRent：金额不能为负数（实为“-5”）');
  });

  it('a file that ends mid-object, an empty file, a missing file, __proto__ keys', () => {
    const cases: Array<[string, string]> = [
      ['fixtures/bad/truncated.json', "error: fixtures/bad/truncated.json: JSON syntax error: Expected ',' or '}' after property value (line 2, column 1)"],
      ['fixtures/bad/empty.json', 'error: fixtures/bad/empty.json: the file is empty'],
      ['fixtures/bad/no-such-file.json', 'error: fixtures/bad/no-such-file.json: no such file'],
      ['fixtures/bad/proto.json', 'error: fixtures/bad/proto.json, __proto__: the key "__proto__" is not allowed\nerror: fixtures/bad/proto.json, constructor: the key "constructor" is not allowed'],
    ];
    for (const [file, message] of cases) {
      const r = cli(['simulate', file, '--lang', 'en']);
      expect([r.code, r.stderr.trim()], file).toEqual([2, message]);
    }
  });

  it('a one-row CSV quotes the bad cells and names row and column', () => {
    const r = cli(['simulate', 'fixtures/bad/bad-row.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'fixtures/bad/bad-row.csv: amount columns online_retail_sales_2025, bonded_zone_rent_2025 (2 in all) read in 元 (the default: no unit written); a cell with its own unit (31亿) in that unit',
      'error: fixtures/bad/bad-row.csv, row 2, online_retail_sales_2025: an amount cannot be NaN or infinite (found "NaN")',
      'error: fixtures/bad/bad-row.csv, row 2, bonded_zone_rent_2025: an amount cannot be NaN or infinite (found "Infinity")',
    ]);
  });

  it('unknown fields warn, and fail under --strict', () => {
    const warn = cli(['simulate', 'fixtures/bad/unknown-field.json', '--lang', 'en', '--format', 'json']);
    expect(warn.code).toBe(0);
    expect(warn.stderr).toContain('warning: fixtures/bad/unknown-field.json, employees: unknown field "employees"');
    const strict = cli(['simulate', 'fixtures/bad/unknown-field.json', '--lang', 'en', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('error: fixtures/bad/unknown-field.json, years.2025.rent: unknown field "rent"');
  });

  it('an id with a wrong check character passes with --lenient-id and a warning', () => {
    const r = cli(['simulate', '-', '--lenient-id', '--lang', 'en', '--format', 'json'], { input: '{"id":"91440101MA5CJQ4N50"}' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: -, id: check character should be "9", found "0"; accepted under --lenient-id');
  });

  it('usage errors: no input, a bad option value, an unknown command', () => {
    expect(cli(['simulate']).code).toBe(2);
    const fmt = cli(['simulate', SAMPLE, '--format', 'xml', '--lang', 'en']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("Allowed choices are table, json, csv, md");
    expect(cli(['frobnicate']).code).toBe(2);
    for (const r of [fmt]) expect(r.stderr).not.toMatch(STACK);
  });

  it('an array with one bad record computes the others and exits 3', () => {
    const input = JSON.stringify([{ id: '91440101MA5CJQ4N59', years: { 2025: { bondedZoneRent: '1000000' } } }, { id: 'bad' }]);
    const r = cli(['simulate', '-', '--format', 'json', '--lang', 'en'], { input });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('error: -, [1].id: a unified social credit code has 18 characters, this one 3');
  });
});

describe('gz-awards rules', () => {
  it('lists every document with issuer, date, validity and seed file, and the interpretations', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    for (const id of ['gz-2025-ecommerce', 'gz-2025-livestream', 'gz-2024-cross-border', 'gz-2019-ecommerce', 'gd-2012-ecommerce']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('gz-2024-cross-border · 广州市商务局 · 2024-03-06 · 有效期 2024-03-06 – 2027-03-05 · 003_7fd8ecc448c3c867.txt');
    expect(r.stdout).toContain('growthAverage: geometric | arithmetic (默认 geometric)');
  });

  it('shows one measure with its cited parameters, as a table and as JSON', () => {
    const r = cli(['rules', 'gz-2025-ecommerce/scale-tier', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gz-2025-ecommerce/scale-tier — Tier award on online retail sales');
    const json = JSON.parse(cli(['rules', 'gz-2024-cross-border/brand-overseas', '--format', 'json']).stdout);
    const m = json.policies[0].measures[0];
    expect(m).toMatchObject({ ref: 'gz-2024-cross-border/brand-overseas', article: '三', kind: 'cash-formula', ceiling: '1000000.00' });
    expect(m.parameters.rate).toMatchObject({ value: '0.5', article: '三' });
    expect(json.policies[0].measures).toHaveLength(1);
  });

  it('every measure of SPEC §4 is in the catalogue', () => {
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    const refs = json.policies.flatMap((p: { measures: Array<{ ref: string }> }) => p.measures.map((m) => m.ref));
    expect(refs).toEqual([
      'gz-2025-ecommerce/hq', 'gz-2025-ecommerce/above-quota', 'gz-2025-ecommerce/scale-tier', 'gz-2025-ecommerce/honghu', 'gz-2025-ecommerce/benchmark', 'gz-2025-ecommerce/park', 'gz-2025-ecommerce/park-tenant', 'gz-2025-ecommerce/high-tech', 'gz-2025-ecommerce/events', 'gz-2025-ecommerce/manufacturing', 'gz-2025-ecommerce/standards',
      'gz-2025-livestream/park', 'gz-2025-livestream/hq', 'gz-2025-livestream/honghu', 'gz-2025-livestream/scale-tier',
      'gz-2024-cross-border/newly-introduced', 'gz-2024-cross-border/demo-enterprise', 'gz-2024-cross-border/qilin', 'gz-2024-cross-border/high-tech', 'gz-2024-cross-border/demo-park', 'gz-2024-cross-border/kunpeng', 'gz-2024-cross-border/brand-overseas', 'gz-2024-cross-border/bonded-rent', 'gz-2024-cross-border/overseas-warehouse', 'gz-2024-cross-border/qilin-customs', 'gz-2024-cross-border/events', 'gz-2024-cross-border/standards',
      'gz-2019-ecommerce/demo-base', 'gz-2019-ecommerce/platform-project', 'gz-2019-ecommerce/demo-enterprise', 'gz-2019-ecommerce/top50-hq', 'gz-2019-ecommerce/hq-relocation', 'gz-2019-ecommerce/rural-demo', 'gz-2019-ecommerce/retail-export-vat', 'gz-2019-ecommerce/going-global', 'gz-2019-ecommerce/market-project', 'gz-2019-ecommerce/terminal-project', 'gz-2019-ecommerce/industrial-project', 'gz-2019-ecommerce/rural-warehouse', 'gz-2019-ecommerce/payment-license', 'gz-2019-ecommerce/listing', 'gz-2019-ecommerce/talent', 'gz-2019-ecommerce/high-tech-tax', 'gz-2019-ecommerce/rd-deduction', 'gz-2019-ecommerce/staff-education',
      'gd-2012-ecommerce/hq-award', 'gd-2012-ecommerce/tax-share-hq', 'gd-2012-ecommerce/rd-expensed', 'gd-2012-ecommerce/rd-capitalized', 'gd-2012-ecommerce/high-tech-priority', 'gd-2012-ecommerce/registered-capital', 'gd-2012-ecommerce/ecommerce-name',
    ]);
  });

  it('an unknown policy is a usage error listing the known ones', () => {
    const r = cli(['rules', 'gz-2030-metaverse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules: no policy "gz-2030-metaverse"; known: gz-2025-ecommerce, gz-2025-livestream');
  });
});

describe('every output records the parameters (SPEC §5)', () => {
  it('batch writes the override file and its hash into the JSON summary, the workbook and on the terminal', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createHash } = await import('node:crypto');
    const dir = mkdtempSync(join(tmpdir(), 'gz-params-'));
    const reform = 'fixtures/reforms/tier1-5bn.yaml';
    const sha = createHash('sha256').update(readFileSync(reform)).digest('hex');
    const r = cli(['batch', 'fixtures/diff/small-district.jsonl', '--params', reform, '--summary', join(dir, 's.json'), '--out', join(dir, 'o.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`parameters: ${reform} (sha256 ${sha})`);
    const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(summary.params).toEqual({ file: reform, sha256: sha });
    expect(summary.interpretation.threshold).toBe('reach');
  });
});

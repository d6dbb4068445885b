/**
 * `gz-awards diff` end to end on fixtures/diff (six enterprises worked out by hand, see its README) under the
 * reform fixtures/reforms/tier1-5bn.yaml (tier 1 from 30亿 to 50亿元), and on identical parameters.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK } from './helpers/cli.js';

const SMALL = 'fixtures/diff/small-district.jsonl';
const BAD = 'fixtures/diff/bad-row.jsonl';
const REFORM = 'fixtures/reforms/tier1-5bn.yaml';
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('gz-awards diff on the reform', () => {
  const r = cli(['diff', SMALL, '--params', REFORM, '--format', 'json']);
  const out = JSON.parse(r.stdout);

  it('counts the enterprises gaining, losing, changed without a change of total, and unchanged', () => {
    expect(r.code).toBe(0);
    // 甲 (31亿 < 50亿) and 己 (36.3亿 < 50亿) lose tier 1; 戊's 2026 tier 1 goes from superseded to ineligible at the
    // same total; 乙 (exactly 50亿), 丙 (rent) and 丁 (tier 2) are unchanged.
    expect(out.enterprises).toEqual({ total: 6, gaining: 0, losing: 2, changed: 1, unchanged: 3 });
    expect(out.records).toEqual({ read: 6, compared: 6, rejected: 0 });
    expect(out.changed).toBe(true);
  });

  it('gives the total before and after and the change, exactly', () => {
    // before: 1.5M + 1.5M + 0.3M + 2.5M + 3.5M + (1.5M + 617,283.94) = 11,417,283.94
    // after:  0 + 1.5M + 0.3M + 2.5M + 3.5M + 617,283.94 = 8,417,283.94
    expect(out.total).toEqual({ before: '11417283.94', after: '8417283.94', change: '-3000000.00' });
  });

  it('breaks the totals down by district, in the districts order', () => {
    expect(out.byDistrict).toEqual([
      { district: '越秀区', enterprises: 2, gaining: 0, losing: 0, changed: 0, unchanged: 2, before: '2800000.00', after: '2800000.00', change: '0.00' },
      { district: '海珠区', enterprises: 2, gaining: 0, losing: 1, changed: 1, unchanged: 0, before: '5617283.94', after: '4117283.94', change: '-1500000.00' },
      { district: '天河区', enterprises: 2, gaining: 0, losing: 1, changed: 0, unchanged: 1, before: '3000000.00', after: '1500000.00', change: '-1500000.00' },
    ]);
  });

  it('breaks them down by measure, with the eligible enterprises on each side', () => {
    expect(out.byMeasure).toEqual([
      // 甲 乙 丁 戊 己 before (1.5 + 1.5 + 2.5 + 2.5 + 1.5 = 9.5M); 乙 丁 戊 after (1.5 + 2.5 + 2.5 = 6.5M)
      { measure: 'gz-2025-ecommerce/scale-tier', eligibleBefore: 5, eligibleAfter: 3, before: '9500000.00', after: '6500000.00', change: '-3000000.00' },
      { measure: 'gz-2025-ecommerce/honghu', eligibleBefore: 1, eligibleAfter: 1, before: '1000000.00', after: '1000000.00', change: '0.00' },
      { measure: 'gz-2024-cross-border/brand-overseas', eligibleBefore: 1, eligibleAfter: 1, before: '617283.94', after: '617283.94', change: '0.00' },
      { measure: 'gz-2024-cross-border/bonded-rent', eligibleBefore: 1, eligibleAfter: 1, before: '300000.00', after: '300000.00', change: '0.00' },
    ]);
  });

  it('lists the largest changes first (ties by id), then changes of results only, with what changed', () => {
    expect(out.top.map((x: { id: string; change: string; verdict: string }) => [x.id, x.change, x.verdict])).toEqual([
      ['91440105MA0D1FF0FQ', '-1500000.00', 'losing'],
      ['91440106MA0D1FF0AP', '-1500000.00', 'losing'],
      ['91440105MA0D1FF0EM', '0.00', 'changed'],
    ]);
    expect(out.top[2].changes).toEqual([
      {
        measure: 'gz-2025-ecommerce/scale-tier',
        year: 2026,
        before: { status: 'superseded', amount: '1500000.00', tier: 1, supersededBy: 'gz-2025-ecommerce/honghu@2027' },
        after: { status: 'ineligible', amount: null, tier: null, supersededBy: null },
      },
    ]);
    const top1 = JSON.parse(cli(['diff', SMALL, '--params', REFORM, '--format', 'json', '--top', '1']).stdout);
    expect(top1.top.map((x: { id: string }) => x.id)).toEqual(['91440105MA0D1FF0FQ']);
  });

  it('records both parameter sets: the published one as null, the file with its SHA-256', () => {
    expect(out.params).toEqual({ base: null, new: { file: REFORM, sha256: sha(REFORM) } });
  });

  it('exits 1 with --fail-on-change, since results changed', () => {
    const f = cli(['diff', SMALL, '--params', REFORM, '--fail-on-change', '--lang', 'en']);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('results changed (--fail-on-change)');
  });

  it('prints a table with the counts, the totals and the largest changes', () => {
    const t = cli(['diff', SMALL, '--params', REFORM, '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`baseline: the published parameters; new: ${REFORM} (sha256 ${sha(REFORM).slice(0, 12)})\n`);
    expect(t.stdout).toContain('6 enterprises: 0 gaining, 2 losing, 1 changed with the same total, 3 unchanged\n');
    expect(t.stdout).toContain('total of ceilings: before ¥11,417,283.94, after ¥8,417,283.94, change −¥3,000,000.00\n');
    expect(t.stdout).toMatch(/│ Tianhe +│ +2 │ +0 │ +1 │ +0 │ +1 │ +¥3,000,000.00 │ +¥1,500,000.00 │ +−¥1,500,000.00 │/);
    expect(t.stdout).toContain('gz-2025-ecommerce/scale-tier 2025: eligible tier 1 1500000.00 → ineligible');
    const zh = cli(['diff', SMALL, '--params', REFORM]);
    expect(zh.stdout).toContain('企业 6 家：增加 0，减少 2，结果有变但金额不变 1，不变 3\n');
    expect(zh.stdout).toContain('奖励上限合计：变更前 11,417,283.94 元，变更后 8,417,283.94 元，变化 −3,000,000.00 元\n');
  });

  it('writes CSV with a BOM, one row per section, to --out', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gz-diff-')), 'diff.csv');
    const c = cli(['diff', SMALL, '--params', REFORM, '--format', 'csv', '--out', file, '--top', '2']);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe('');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFsection,key,name,district,enterprises,gaining,losing,changed,unchanged,eligible_before,eligible_after,before,after,change');
    expect(lines).toContain(`params,new,${REFORM},${sha(REFORM)},,,,,,,,,,`);
    expect(lines).toContain("total,,,,6,0,2,1,3,,,11417283.94,8417283.94,-3000000.00");
    expect(lines).toContain('district,越秀区,,越秀区,2,0,0,0,2,,,2800000.00,2800000.00,0.00');
    expect(lines).toContain("measure,gz-2025-ecommerce/scale-tier,,,,,,,,5,3,9500000.00,6500000.00,-3000000.00");
    expect(lines.filter((l) => l.startsWith('enterprise,'))).toEqual([
      "enterprise,91440105MA0D1FF0FQ,己（增长恰好10%，品牌出海）,海珠区,,,,,,,,2117283.94,617283.94,-1500000.00",
      "enterprise,91440106MA0D1FF0AP,甲（E1，31亿）,天河区,,,,,,,,1500000.00,0.00,-1500000.00",
    ]);
  });
});

describe('gz-awards diff on identical parameters', () => {
  for (const args of [
    ['--params', REFORM, '--base-params', REFORM],
    ['--params', 'test/fixtures/params/no-op.yaml'],
  ]) {
    it(`finds no change with ${args.join(' ')}, exit 0, also with --fail-on-change`, () => {
      const r = cli(['diff', SMALL, ...args, '--format', 'json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.enterprises).toEqual({ total: 6, gaining: 0, losing: 0, changed: 0, unchanged: 6 });
      expect(out.total.change).toBe('0.00');
      expect(out.top).toEqual([]);
      expect(out.changed).toBe(false);
      expect(cli(['diff', SMALL, ...args, '--fail-on-change']).code).toBe(0);
    });
  }

  it('says so in the table', () => {
    const r = cli(['diff', SMALL, '--params', REFORM, '--base-params', REFORM, '--lang', 'en']);
    expect(r.stdout).toContain('Every result is the same under both parameter sets.\n');
  });
});

describe('gz-awards diff --jobs 2', () => {
  it('gives the same report and messages as one job, bad rows included', () => {
    for (const files of [[SMALL, BAD]]) {
      const one = cli(['diff', ...files, '--params', REFORM, '--format', 'json', '--lang', 'en']);
      const two = cli(['diff', ...files, '--params', REFORM, '--format', 'json', '--lang', 'en', '--jobs', '2']);
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
    // the small district's own figures (worked out above), through the pool
    const two = JSON.parse(cli(['diff', SMALL, '--params', REFORM, '--format', 'json', '--jobs', '2']).stdout);
    expect(two.total).toEqual({ before: '11417283.94', after: '8417283.94', change: '-3000000.00' });
  }, 120_000);
});

describe('gz-awards diff with bad input', () => {
  it('reports a rejected record and exits 3; a change under --fail-on-change still exits 1', () => {
    const r = cli(['diff', SMALL, BAD, '--params', REFORM, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`error: ${BAD}, row 1, id: wrong check character: the 18th character should be "P", not "0"`);
    expect(r.stderr).toContain('7 records read, 6 enterprises compared, 1 rejected\n');
    expect(JSON.parse(r.stdout).records).toEqual({ read: 7, compared: 6, rejected: 1 });
    expect(cli(['diff', SMALL, BAD, '--params', REFORM, '--fail-on-change']).code).toBe(1);
    expect(cli(['diff', BAD, '--params', REFORM, '--fail-on-change']).code).toBe(3);
  });

  it('needs --params (or --policy-new), and refuses a missing input file with exit 2 and no stack trace', () => {
    const none = cli(['diff', SMALL, '--lang', 'en']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('diff needs --params FILE (the parameter set to compare with the baseline) or --policy-new FILE (the draft policy to cost)');
    const missing = cli(['diff', 'no/such/file.csv', '--params', REFORM, '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.csv');
    expect(missing.stderr).not.toMatch(STACK);
  });
});

describe('the rule-changes guide', () => {
  it('shows the diff the reform produces on the sample district as it is', () => {
    const readme = readFileSync('docs/en/rule-changes.md', 'utf8');
    const block = /<!-- diff-example:start -->\n```\n([\s\S]*?)```\n<!-- diff-example:end -->/.exec(readme)?.[1];
    const r = cli(['diff', 'fixtures/districts/sample-district-with-rejects.csv', '--params', REFORM, '--lang', 'en', '--top', '3']);
    expect(r.code).toBe(3); // the sample's seven bad rows, on purpose
    expect(block).toBeDefined();
    expect(r.stdout.startsWith(block!)).toBe(true);
  });

  it('shows the Chinese report of the small district as it is', () => {
    const guide = readFileSync('docs/rule-changes.md', 'utf8');
    const block = /<!-- diff-example-zh:start -->\n```text\n([\s\S]*?)```\n<!-- diff-example-zh:end -->/.exec(guide)?.[1];
    const r = cli(['diff', SMALL, '--params', REFORM, '--top', '3', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(block).toBeDefined();
    expect(r.stdout).toBe(block);
  });
});

/**
 * Results a person can read (issue 10 §2), through the spawned CLI: titles not ids, interpretations in words,
 * amounts in the unit that reads best with at most two decimals, one language per run, tables that fit the
 * terminal, Markdown with the table's content. Every figure is worked out by hand in the comments.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const SAMPLE = 'fixtures/enterprises/tianhe-retailer.json';
const SAMPLES = ['tianhe-retailer.json', 'cross-border-seller.json', 'livestream-honghu.json', 'park-operator-2019.json'].map((f) => `fixtures/enterprises/${f}`);
/** E5 of the specification: live-streaming too, so the 002 tier award gives way to 000's (第二十条). */
const E5 = ['--set', 'tracks=ecommerce,livestream', '--set', 'years.2023.onlineRetailSales=2.5e9', '--set', 'years.2025.onlineRetailSales=3.1e9', '--set', 'years.2025.nbsDirectReporting=true'];
const MEASURE_ID = /\b(gz-2025-ecommerce|gz-2025-livestream|gz-2024-cross-border|gz-2019-ecommerce|gd-2012-ecommerce)\b|\b(scale-tier|above-quota|honghu|qilin|kunpeng|brand-overseas|bonded-rent|rd-expensed|high-tech)\b/;
const INTERPRETATION_CODE = /\b(threshold|growthWindow|growthAverage|tierBasis|planning)=|\b(reach|exceed|ending|preceding|geometric|arithmetic|first-crossing|optimal|greedy)\b/;
/** An amount with a unit, e.g. 1.33亿元, 150万元, 0元. */
const AMOUNT = /(\d[\d,]*(?:\.\d+)?)(亿元|万元|元)/g;

describe('the default Chinese table leaks nothing', () => {
  it('no measure id, no interpretation code, no priorAwards, on every sample', () => {
    for (const f of SAMPLES) {
      const r = cli(['simulate', f]);
      expect(r.code, f).toBe(0);
      expect(r.stdout, f).not.toMatch(MEASURE_ID);
      expect(r.stdout, f).not.toMatch(INTERPRETATION_CODE);
      expect(r.stdout, f).not.toContain('priorAwards');
      for (const [, n] of r.stdout.matchAll(AMOUNT)) expect(n!.split('.')[1]?.length ?? 0, `${f}: ${n}`).toBeLessThanOrEqual(2);
    }
  });

  it('names the interpretation in words, and in codes only with --explain', () => {
    const plain = cli(['simulate', SAMPLE]).stdout;
    expect(plain).toContain('解释口径：“突破”门槛=达到即可（≥）；增长率窗口=截至当年（Y−2→Y）；平均增长率=水平法（几何平均）；进档依据=当年达到即可；申报方案=各年合计最高的无冲突组合；第二十条“当年”=申请年度；');
    const explained = cli(['simulate', SAMPLE, '--explain']).stdout;
    expect(explained).toContain('threshold=reach, growthWindow=ending, growthAverage=geometric, tierBasis=level, planning=optimal');
    expect(explained).toContain('scale-tier'); // ids belong to --explain
    // full-width brackets and colon in the program's own sentences; the article keeps its form
    expect(explained).toContain('✓ growth（第二条）：2023—2025 年平均增长率 11.355% ≥ 10%');
    expect(explained).not.toMatch(/✓ \S+ \(/);
  });

  it('a superseded result says which was chosen and by which article', () => {
    const r = cli(['simulate', ...E5]);
    expect(r.stdout).toContain('不重复享受：已选择「网上零售额进档奖励」2025年度（第二十条）');
    expect(r.stdout).not.toContain('让位于');
    const en = cli(['simulate', ...E5, '--lang', 'en']);
    expect(en.stdout).toContain('not both: “Tier award on online retail sales” (2025) is taken instead (第二十条)');
  });

  it('an award already received is 已获奖励, by its title', () => {
    // 鸿鹄 2025 first entry, but the enterprise says it has received it already
    const r = cli(['simulate', '--set', 'lists=[{"list":"honghu","year":2025}]', '--set', 'priorAwards=[{"measure":"honghu","year":2025}]']);
    expect(r.stdout).toContain('不重复发放：已获奖励「电子商务“鸿鹄”企业奖励」2025年度');
    expect(r.stdout).not.toContain('priorAwards');
  });
});

describe('amounts', () => {
  it('rounds shown sales down and a shortfall up, in one unit per sentence, and a zero total is 0元', () => {
    // 133,449,977 元 = 1.33449977亿元 → shown 1.33亿元 (down); 30亿 − 1.33449977亿 = 28.66550023亿 → 28.67亿元 (up)
    const r = cli(['simulate', '--set', 'years.2025.onlineRetailSales=133449977', '--set', 'years.2025.nbsDirectReporting=true']);
    expect(r.stdout).toContain('2025 年网上零售额 1.33亿元 < 第1档门槛 30亿元，还差 28.67亿元');
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：0元');
    // the JSON keeps the exact amounts
    const json = JSON.parse(cli(['simulate', '--set', 'years.2025.onlineRetailSales=133449977', '--set', 'years.2025.nbsDirectReporting=true', '--format', 'json']).stdout);
    expect(json.total).toBe('0.00');
  });

  it('a sentence with a small amount beside a large one steps down a unit rather than show 0', () => {
    // 5,000 元 against 30亿: in 亿元 it would be 0.00亿; in 万元: 0.5万元 < 300000万元, 还差 299999.5万元
    const r = cli(['simulate', '--set', 'years.2025.onlineRetailSales=5000', '--set', 'years.2025.nbsDirectReporting=true']);
    expect(r.stdout).toContain('2025 年网上零售额 0.5万元 < 第1档门槛 300000万元，还差 299999.5万元');
  });

  it('awards round down to two decimals in the best unit', () => {
    // 品牌出海 2025: 1,234,567.89 × 50% = 617,283.945 → 617,283.94 元 (fen, down) → 61.72万元 shown (down)
    const sets = ['--set', 'tracks=cross-border', '--set', 'lists=[{"list":"brand-overseas","year":2025}]', '--set', 'years.2025.brandPromotionExpense=1234567.89'];
    const r = cli(['simulate', ...sets]);
    expect(r.stdout).toContain('61.72万元');
    expect(JSON.parse(cli(['simulate', ...sets, '--format', 'json']).stdout).total).toBe('617283.94');
  });
});

describe('one language per run', () => {
  it('--lang first, then LC_ALL, LC_MESSAGES, LANG; else Chinese', () => {
    const head = (env: Record<string, string>, args: string[] = []) => cli(['simulate', SAMPLE, ...args], { env }).stdout.split('\n')[1]!;
    expect(head({})).toMatch(/^解释口径：/);
    expect(head({ LANG: 'en_US.UTF-8' })).toMatch(/^Interpretation: /);
    expect(head({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toMatch(/^Interpretation: /);
    expect(head({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toMatch(/^解释口径：/);
    expect(head({ LANG: 'en_US.UTF-8' }, ['--lang', 'zh'])).toMatch(/^解释口径：/);
  });
});

describe('help and usage errors speak the language of the run', () => {
  it('--help in Chinese by default, in English with --lang en or an English locale', () => {
    const zh = cli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：gz-awards');
    expect(zh.stdout).toContain('命令：');
    expect(zh.stdout).toContain('企业自查：按金额从高到低只问结果所需的问题');
    expect(zh.stdout).not.toContain('display help for command');
    const sim = cli(['simulate', '--help']);
    expect(sim.stdout).toContain('显示每一步检查及其条款');
    expect(sim.stdout).toContain('选项：');
    for (const en of [cli(['--help', '--lang', 'en']), cli(['--help'], { env: { LANG: 'en_US.UTF-8' } })]) {
      expect(en.stdout).toContain('Usage: gz-awards');
      expect(en.stdout).toContain('display help for command');
    }
  });

  it("every command's Chinese --help describes every argument and option in Chinese", () => {
    // a description still in English shows as a run of English words (ids, file names and flags are not)
    const english = /(?<![-.\w/])[a-z]{2,} [a-z]{2,} [a-z]{2,}(?![\w-])/;
    for (const command of ['simulate', 'check', 'rules', 'test', 'batch', 'template', 'validate', 'diff']) {
      const r = cli([command, '--help']);
      expect(r.code).toBe(0);
      const untranslated = r.stdout.split('\n').filter((line) => english.test(line.replace(/"[^"]*"/g, '')));
      expect(untranslated, command).toEqual([]);
    }
    const batch = cli(['batch', '--help']).stdout;
    expect(batch).toContain('写出每条未通过校验的记录及其文件、行号和原因');
    expect(batch).toContain('"long"，默认："wide"）');
  });

  it('a commander usage error in Chinese, exit 2', () => {
    const r = cli(['simulate', SAMPLE, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：选项 '--format <format>' 的值 'xml' 无效，可选：table, json, csv, md, html。");
    expect(cli(['simulate', '--frobnicate']).stderr).toContain("错误：未知选项 '--frobnicate'");
  });
});

describe('the table fits the terminal', () => {
  for (const columns of [80, 120]) {
    it(`at ${columns} columns (COLUMNS), with and without --explain, nothing lost`, () => {
      for (const args of [[], ['--explain'], ['--lang', 'en']]) {
        const r = cli(['simulate', SAMPLE, ...args], { env: { COLUMNS: String(columns) } });
        const lines = r.stdout.split('\n');
        for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
        // every reason is there, only wrapped: remove the borders and line breaks and find it whole
        const flat = lines.map((l) => l.replace(/[│┌┐└┘├┤┬┴┼─]/g, '').trim()).join('');
        expect(flat.replace(/\s+/g, '')).toContain((args[1] === 'en' ? 'average growth 2023–2025 11.355% ≥ 10%' : '2023—2025 年平均增长率 11.355% ≥ 10%').replace(/\s+/g, ''));
      }
    });
  }

  it('is unbounded when neither a terminal nor COLUMNS says otherwise', () => {
    const r = cli(['simulate', SAMPLE]);
    expect(r.stdout).toContain('2025 年已纳入国家统计局联网直报平台；2025 年网上零售额 31亿元 ≥ 30亿元（第1档）；2023—2025 年平均增长率 11.355% ≥ 10%');
  });
});

describe('--format md carries the table', () => {
  it('application year, notes, next tier; the checks with --explain', () => {
    const md = cli(['simulate', SAMPLE, '--format', 'md']).stdout;
    expect(md).toContain('| 措施 | 条款 | 年度 | 申报年 | 结果 | 金额 | 说明 |');
    expect(md).toContain('| 网上零售额进档奖励 | 第二条 | 2025 | 2026 | 符合 | 150万元 |');
    expect(md).toContain('- 注：所涉年份仅部分时间在有效期内（2025-02-14 至 2028-02-13）');
    expect(md).toContain('> 下一档（网上零售额进档奖励2025年度）：2026年网上零售额需达到100亿元');
    expect(md).toContain('**合计（现金奖励上限，不含让位项）：250万元**');
    expect(md).not.toMatch(MEASURE_ID);
    const explained = cli(['simulate', SAMPLE, '--format', 'md', '--explain']).stdout;
    expect(explained).toContain('  - ✓ `growth`（第二条）：2023—2025 年平均增长率 11.355% ≥ 10%');
    expect(explained).toContain('`threshold=reach, growthWindow=ending, growthAverage=geometric, tierBasis=level, planning=optimal, sameYear=application, sameYearScope=ecommerce-only, reporting=required, sameItem=higher`');
  });
});

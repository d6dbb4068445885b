/**
 * `gz-awards check`, the guided self-check, through the spawned CLI: answers piped one per line (questions on
 * standard error), in both languages; and once in a real pseudo-terminal through tmux.
 * Amounts are worked out by hand from 000 第二条 (tier 1: ≥30亿 and two-year average growth ≥10%, 150万元;
 * tier 5's ceiling 1000万元) and 第三条 (鸿鹄 first entry, 100万元).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, STACK } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-check-'));
const tmp = (n: string) => join(dir, n);
/** The questions asked, in order: the lines that begin with "? ". */
const questions = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('? ')).map((l) => l.slice(2));
const answers = (...lines: string[]) => lines.join('\n') + '\n';
/** Enough empty lines to skip every question there is. */
const SKIP_ALL = '\n'.repeat(60);

describe('check: questions, most money first', () => {
  it('asks the opening facts, then the sales that decide up to 1000万元 before the 鸿鹄 list that decides 100万元', () => {
    const r = cli(['check'], { input: answers('1', '天河', '2025') + SKIP_ALL });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    const q = questions(r.stderr);
    expect(q[0]).toMatch(/^业务类型/);
    expect(q[1]).toMatch(/^所属区/);
    expect(q[2]).toMatch(/^测算哪些业绩年度/);
    expect(q[3]).toBe('2025 年实物商品网上零售额是多少？（如 31亿、310000万）');
    // the reason under the question: the measure, the year, the most it is worth, the article with its document
    expect(r.stderr).toContain('这决定「网上零售额进档奖励」2025年度：最高1000万元（«电商高质量发展若干措施»第二条）');
    const sales = q.findIndex((x) => x.startsWith('2025 年实物商品网上零售额'));
    // the lists are one multi-select, asked after the sales (1000万) for the 鸿鹄 award's 100万
    const lists = q.findIndex((x) => x.startsWith('贵企业列入了以下哪些名单'));
    expect(lists).toBeGreaterThan(sales);
    expect(r.stderr).toMatch(/  \d+ 鸿鹄企业名单\n/);
    expect(r.stderr).toContain('其中「电子商务“鸿鹄”企业奖励」：最高100万元（«电商高质量发展若干措施»第三条）');
    // each question asked once, and one progress line after each answer
    expect(new Set(q).size).toBe(q.length);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('→ 目前合计：')).length).toBe(q.length);
  });

  it('in English with --lang en', () => {
    const r = cli(['check', '--lang', 'en'], { input: answers('1', 'Tianhe', '2025') + SKIP_ALL });
    expect(r.code).toBe(0);
    const q = questions(r.stderr);
    expect(q[0]).toMatch(/^Lines of business/);
    expect(q[3]).toBe('Online retail sales in 2025? (e.g. 31亿, 3,100,000,000)');
    expect(r.stderr).toContain('This decides “Tier award on online retail sales” (2025): up to ¥10,000,000.00 (“E-commerce Measures 2025” 第二条)');
    expect(r.stderr).toContain('→ Total so far: ¥0.00');
  });
});

describe('check: answers', () => {
  it('unknown answers leave the result needs-data, never zero, and --save leaves the field out', () => {
    const save = tmp('unknown.json');
    // 31亿 for 2025, then 不知道 for the reporting question and 跳过 for the rest
    const r = cli(['check', '--save', save], { input: answers('1', '天河', '2025', '31亿', '不知道', '跳过') + SKIP_ALL });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/网上零售额进档奖励 │ 第二条 │ 2025 │ 2026 {3}│ 缺数据/);
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：0元');
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved.years['2025']).toEqual({ onlineRetailSales: '3100000000.00' });
  });

  it('reads 310000万, 3,100,000,000, y/n and lists of years; the saved file gives the same total under simulate', () => {
    const save = tmp('answers.json');
    // 2025 sales 310000万 = 31亿; reporting y; 2023 sales 3,100,000,000 → growth (31/31)^½ − 1 = 0 < 10%: not tier 1.
    // So: 2023 = 25亿 instead: (3.1/2.5)^½ − 1 = 11.355% ≥ 10% → tier 1, 150万元. 鸿鹄 "2025 2027": first entry 2025, 100万元.
    // then the lists (by name), the bonded-zone rent (150万, before 鸿鹄's 100万: skipped), 鸿鹄's years
    const input = answers('1 3', '天河区', '2025', '310000万', 'y', '2,500,000,000', '鸿鹄企业名单', '', '2025 2027') + SKIP_ALL;
    const r = cli(['check', '--save', save], { input });
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved.tracks).toEqual(['ecommerce', 'cross-border']);
    expect(saved.district).toBe('天河区');
    expect(saved.years['2025']).toEqual({ onlineRetailSales: '3100000000.00', nbsDirectReporting: true });
    expect(saved.years['2023']).toEqual({ onlineRetailSales: '2500000000.00' });
    expect(saved.lists).toEqual([{ list: 'honghu', year: 2025, track: 'ecommerce' }, { list: 'honghu', year: 2027, track: 'ecommerce' }]);
    // tier 1 2025 (150万) + 鸿鹄 2025 (100万): applied for in 2026 and 2025, so 第二十条 does not part them
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：250万元');
    expect(r.stdout).toContain('申报指引（以当年申报通知为准）：');
    expect(r.stdout).toContain('- 「网上零售额进档奖励」2025年度：依据«电商高质量发展若干措施»第二条，2026年申报');
    const sim = cli(['simulate', save, '--format', 'json']);
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.stdout).total).toBe('2500000.00');
  });

  it('asks a bad answer again with the reason, and never ends the interview over it', () => {
    const save = tmp('bad.json');
    const r = cli(['check', '--save', save], { input: answers('4', '1', '深圳', '天河', '2025', 'abc', '-5', '31亿', '也许', '是') + SKIP_ALL });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('✗ “4”不是选项：请填 1—3 的编号');
    expect(r.stderr).toContain('✗ 应为广州市11个区之一');
    expect(r.stderr).toContain('✗ 请填写金额，如 120万、31亿 或 3,100,000,000');
    expect(r.stderr).toContain('✗ 金额不能为负数');
    expect(r.stderr).toContain('✗ 请回答 是 或 否（是/有/对/y/yes；否/不是/没有/无/n/no）');
    const q = questions(r.stderr);
    expect(q.filter((x) => x.startsWith('2025 年实物商品网上零售额')).length).toBe(3); // asked, again, again
    expect(JSON.parse(readFileSync(save, 'utf8')).years['2025']).toEqual({ onlineRetailSales: '3100000000.00', nbsDirectReporting: true });
  });

  it('end of input is unknown for everything left: exit 0 with what is known, and --save still writes', () => {
    const save = tmp('eof.json');
    const r = cli(['check', '--save', save], { input: answers('1', '天河') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有适用的结果');
    expect(JSON.parse(readFileSync(save, 'utf8'))).toEqual({ id: '000000000000000000', tracks: ['ecommerce'], district: '天河区' });
  });
});

describe('check FILE: starts from a file and asks only what is missing', () => {
  it('skips what the file gives (tracks, district, years, sales) and ends with the file’s own result', () => {
    const r = cli(['check', 'fixtures/enterprises/tianhe-retailer.json'], { input: SKIP_ALL });
    expect(r.code).toBe(0);
    const q = questions(r.stderr);
    expect(q.some((x) => /^业务类型|^所属区|^测算哪些/.test(x))).toBe(false);
    // the file gives 2023–2026 sales and 2025 鸿鹄: none of these is asked
    expect(q.some((x) => /^(2023|2024|2025|2026) 年实物商品网上零售额/.test(x))).toBe(false);
    expect(q.some((x) => x.includes('「鸿鹄企业名单」'))).toBe(false);
    // nothing added: the same total as simulate on the file (tier 1 150万 + 鸿鹄 100万)
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：250万元');
  });

  it('a file that cannot be read is one clear message, exit 2', () => {
    const r = cli(['check', 'no/such.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such.json');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('check in a terminal', () => {
  const tmux = spawnSync('tmux', ['-V']).status === 0;
  it.skipIf(!tmux)('prompts with @inquirer/prompts: a checkbox, a bad answer refused in place, Esc back; Ctrl-C saves, writes the unfinished report, exits 130', async () => {
    const save = tmp('tty.json');
    const report = tmp('tty.html');
    const done = tmp('tty.exit');
    const session = `gzcheck${process.pid}`;
    const cmd = `cd ${ROOT} && NO_COLOR=1 node bin/gz-awards.js check --lang en --save ${save} --report ${report}; echo $? > ${done}; sleep 5`;
    spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '40', cmd]);
    const screen = () => spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200; i++) {
        if (screen().includes(text)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never saw "${text}" on:\n${screen()}`);
    };
    const keys = (...k: string[]) => spawnSync('tmux', ['send-keys', '-t', session, ...k]);
    try {
      await waitFor('Lines of business');
      // the checkbox: space selects the option under the cursor (e-commerce), Enter confirms
      await waitFor('◯ e-commerce');
      keys('Space');
      await waitFor('◉ e-commerce');
      keys('Enter');
      await waitFor('District');
      keys('Tianhe', 'Enter');
      await waitFor('Which performance years');
      keys('2025', 'Enter');
      await waitFor('Online retail sales in 2025?');
      keys('abc', 'Enter');
      await waitFor('give an amount');
      keys('BSpace', 'BSpace', 'BSpace', '31亿', 'Enter');
      await waitFor('In 2025: reports to the NBS');
      // Esc: back to the sales, the answer given shown as the default
      keys('Escape');
      await waitFor('← back');
      await waitFor('(31亿)');
      keys('Enter');
      await waitFor('✔ Online retail sales in 2025?');
      await new Promise((r) => setTimeout(r, 300));
      keys('C-c');
      for (let i = 0; i < 100 && !existsSync(done); i++) await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(done, 'utf8').trim()).toBe('130');
      expect(JSON.parse(readFileSync(save, 'utf8')).years['2025']).toEqual({ onlineRetailSales: '3100000000.00' });
      expect(screen()).toContain(`An unfinished report is written to ${report}`);
      expect(readFileSync(report, 'utf8')).toContain('(unfinished) Self-check report');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  });
  it.skipIf(tmux)('is skipped: neither tmux nor script is installed, so no pseudo-terminal test ran', () => {
    console.warn('NOTICE: the check TTY test was skipped: tmux is not installed');
  });
});

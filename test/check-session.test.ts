/**
 * `gz-awards check` through the spawned CLI, over pipes (issue 29, and issue 34 items 7, 11 and 13): unknowns kept
 * as 缺数据, 上一题, resume asking nothing answered before, the saved file giving simulate's same results, signals
 * and a vanished reader of standard error keeping the answers, usage errors, escaping and the help's synonyms.
 * Amounts from 000 第二条 (tier 1: ≥30亿 and two-year average growth ≥10%, 150万元).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv, ROOT, STACK } from './helpers/cli.js';
import { answerFrom, drive } from './helpers/interview.js';

const dir = mkdtempSync(join(tmpdir(), 'gz-session-'));
const tmp = (n: string) => join(dir, n);
const questions = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('? ')).map((l) => l.slice(2));
const lines = (...l: string[]) => l.join('\n') + '\n';
const total = (stdout: string) => /合计（现金奖励上限，不含让位项）：(\S+)/.exec(stdout)?.[1];

describe('check: an unknown answer stays visible', () => {
  it('years 2025 2026, 不知道 for 2026 sales: the 2026 tier row is 缺数据 and counted; the saved file leaves it out and simulate agrees', async () => {
    const save = tmp('unknown-2026.json');
    // 2025: 31亿, reported, 2023 25亿 → tier 1 (150万); 2026 sales unknown
    const s = await drive(['--save', save], (q) => {
      if (q.text.startsWith('业务类型')) return '1';
      if (q.text.startsWith('所属区')) return '天河';
      if (q.text.startsWith('测算哪些')) return '2025 2026';
      if (q.text.startsWith('2025 年实物商品网上零售额')) return '31亿';
      if (q.text.startsWith('2023 年实物商品网上零售额')) return '25亿';
      if (q.text.startsWith('2025 年是否纳入')) return '是';
      if (q.text.startsWith('2026 年实物商品网上零售额')) return '不知道';
      if (q.text.startsWith('贵企业')) return '无';
      return '不知道';
    });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/网上零售额进档奖励 │ 第二条 │ 2026 │ 2027 {3}│ 缺数据/);
    expect(s.stdout).toMatch(/网上零售额进档奖励 │ 第二条 │ 2025 │ 2026 {3}│ 符合 {3}│ 150万元/);
    // the answer echoes as （不知道）, and the counter counts the 2026 row
    expect(s.stderr).toMatch(/\? 2026 年实物商品网上零售额是多少？[^\n]*\n {2}[^\n]*\n {2}（不知道）\n→ 目前合计：150万元；缺数据 [1-9]/);
    expect(s.stdout).toContain('2026 年实物商品网上零售额');
    // where to apply: the departments only in the document's own words (000 第二条 ends "（市商务局牵头，各区政府配合）")
    expect(s.stdout).toContain('- 「网上零售额进档奖励」2025年度：依据«电商高质量发展若干措施»第二条，2026年申报；文件写明：（市商务局牵头，各区政府配合）');
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved.performanceYears).toEqual([2025, 2026]);
    expect(saved.years['2026']?.onlineRetailSales).toBeUndefined();
    const sim = JSON.parse(cli(['simulate', save, '--format', 'json']).stdout);
    const tier = sim.results.filter((r: { measure: string }) => r.measure === 'scale-tier').map((r: { year: number; status: string }) => [r.year, r.status]);
    expect(tier).toEqual([
      [2025, 'eligible'],
      [2026, 'needs-data'],
    ]);
    expect(sim.total).toBe('1500000.00');
  });
});

describe('check: 上一题', () => {
  it('上一题 and < go back one question, showing the answer given as the default; Enter keeps it', () => {
    const save = tmp('back.json');
    // 30亿 for 2025, then back: the question again with 30亿 as its default; 31亿 replaces it. Then back from the
    // reporting question and Enter: 31亿 kept.
    const r = cli(['check', '--save', save], { input: lines('1', '天河', '2025', '30亿', '上一题', '31亿', '<', '', '是', '25亿') + '\n'.repeat(20) });
    expect(r.code).toBe(0);
    const q = questions(r.stderr);
    expect(q.filter((x) => x.startsWith('2025 年实物商品网上零售额')).length).toBe(3);
    expect(q).toContain('2025 年实物商品网上零售额是多少？（如 31亿、310000万）（直接回车为 30亿）');
    expect(q).toContain('2025 年实物商品网上零售额是多少？（如 31亿、310000万）（直接回车为 31亿）');
    expect(JSON.parse(readFileSync(save, 'utf8')).years['2025']).toEqual({ onlineRetailSales: '3100000000.00', nbsDirectReporting: true });
    expect(r.stdout).toContain('合计（现金奖励上限，不含让位项）：150万元');
  });

  it('at the first question, 上一题 says so and asks it again', () => {
    const r = cli(['check'], { input: lines('上一题', '1', '天河') });
    expect(r.stderr).toContain('✗ 这已是第一题');
    expect(questions(r.stderr).filter((x) => x.startsWith('业务类型')).length).toBe(2);
  });
});

describe('check SAVED: resume', () => {
  it('asks nothing answered before (无 and the years included), prints the same total; simulate gives the same results', async () => {
    const save = tmp('resume.json');
    const persona = JSON.parse(readFileSync('fixtures/personas/cross-border-seller.json', 'utf8'));
    const first = await drive(['--save', save], (q) => answerFrom(persona, q));
    expect(first.code).toBe(0);
    const unknown = new Set(first.asked.filter((a) => a.answer === '不知道').map((a) => a.text));
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved.performanceYears).toEqual([2025]);
    expect(saved.answeredNone.lists.length).toBeGreaterThan(0);
    expect(saved.answeredNone.projects.length).toBeGreaterThan(0);
    // standard input closed: only what was answered 不知道 may come again
    const again = cli(['check', save], { input: '' });
    expect(again.code).toBe(0);
    for (const q of questions(again.stderr)) expect(unknown.has(q.replace(/（直接回车为 [^）]*）$/, '')), q).toBe(true);
    expect(questions(again.stderr).some((q) => q.startsWith('贵企业') || q.startsWith('测算哪些') || q.startsWith('哪些年份'))).toBe(false);
    expect(total(again.stdout)).toBe(total(first.stdout));
    // 30% × 100万 = 30万 (四) + 50% × 300万 = 150万, capped at 100万 (三): 130万
    expect(total(first.stdout)).toBe('130万元');
    const sim = cli(['simulate', save]);
    expect(total(sim.stdout)).toBe('130万元');
    const statuses = (text: string) => [...text.matchAll(/│ (\S+) +│ (\S+) +│ (\d{4}) │ \d{4} +│ (\S+) +│/g)].map((m) => m.slice(1).join(' '));
    expect(statuses(sim.stdout)).toEqual(statuses(first.stdout));
  });
});

describe('check: stopping and vanishing readers keep the answers (issue 34.11)', () => {
  /** Starts check, answers the opening questions and the 2025 sales, then sends `signal` while it waits. */
  const interrupt = (signal: NodeJS.Signals, args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      let sent = false;
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // the fifth question (after the lines of business, district, years and 2025 sales): it waits for an answer
        if (!sent && (stderr.match(/^\? /gm) ?? []).length === 5) {
          sent = true;
          setTimeout(() => child.kill(signal), 100);
        }
      });
      child.stdin.write(lines('1', '天河', '2025', '31亿'));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('SIGINT while waiting: exit 130, the answers so far saved to --save, an unfinished report written, each said', async () => {
    const save = tmp('sigint.json');
    const report = tmp('sigint.html');
    const r = await interrupt('SIGINT', ['--save', save, '--report', report]);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`已中断；已回答的内容保存在 ${save}`);
    expect(r.stderr).toContain(`未完成的报告已写入 ${report}`);
    expect(JSON.parse(readFileSync(save, 'utf8')).years['2025']).toEqual({ onlineRetailSales: '3100000000.00' });
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('（未完成）企业自查报告');
    expect(html).toContain('未完成：自查在全部问题回答之前中断');
  });

  it('SIGTERM while waiting: exit 143, saved; without --save it says the answers were not saved', async () => {
    const save = tmp('sigterm.json');
    const r = await interrupt('SIGTERM', ['--save', save]);
    expect(r.code).toBe(143);
    expect(JSON.parse(readFileSync(save, 'utf8')).district).toBe('天河区');
    const none = await interrupt('SIGTERM', ['--lang', 'en']);
    expect(none.code).toBe(143);
    expect(none.stderr).toContain('Interrupted; the answers were not saved (add --save FILE to keep them).');
  });

  it('the reader of standard error goes away: the interview goes on and --save still writes', async () => {
    const save = tmp('stderr-gone.json');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'check', '--save', save], { cwd: ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      child.stderr.destroy(); // as `2>&1 | head -c 10` does once it has its ten bytes
      child.stdout.resume();
      child.stdin.on('error', () => {});
      child.stdin.end(lines('1', '天河', '2025', '31亿', '是', '25亿'));
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved.years['2025']).toEqual({ onlineRetailSales: '3100000000.00', nbsDirectReporting: true });
    expect(saved.years['2023']).toEqual({ onlineRetailSales: '2500000000.00' });
  });
});

describe('check: usage errors, escaping, help (issue 34.7, 34.13)', () => {
  it('--years abc is exit 2 with one message; a bad years answer is asked again', () => {
    const r = cli(['check', '--years', 'abc'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--years "abc"：“abc”不是年份');
    expect(r.stderr).not.toMatch(STACK);
    const again = cli(['check', '--save', tmp('years.json')], { input: lines('1', '天河', 'never', 'abc', '2025') });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('✗ 请至少填写一个年度');
    expect(again.stderr).toContain('✗ 请填写 2000—2100 之间的年份');
    expect(questions(again.stderr).filter((q) => q.startsWith('测算哪些')).length).toBe(3);
    expect(JSON.parse(readFileSync(tmp('years.json'), 'utf8')).performanceYears).toEqual([2025]);
  });

  it('--report r.pdf is refused before any question (exit 2), and no file is written', () => {
    const r = cli(['check', '--report', tmp('r.pdf')], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('报告是 HTML 网页，文件名应以 .html 结尾');
    expect(questions(r.stderr)).toEqual([]);
    expect(existsSync(tmp('r.pdf'))).toBe(false);
  });

  it('--name with an ESC never reaches standard output raw', () => {
    const r = cli(['check', '--name', 'A\u001b[31mB', '--years', '2025'], { input: lines('1', '天河') });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('A');
  });

  it('check --help lists the answers it reads as yes, no, none, unknown and back', () => {
    // the help wraps its lines: compared without them
    const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ');
    const zh = flat(cli(['check', '--help']).stdout);
    expect(zh).toContain('是 = 是/有/对/y/yes；否 = 否/不是/没有/无/n/no');
    expect(zh).toContain('“上一题/</back”回到上一题');
    expect(flat(cli(['check', '--help', '--lang', 'en']).stdout)).toContain('yes = 是/有/对/y/yes; no = 否/不是/没有/无/n/no');
  });
});

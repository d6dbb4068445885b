/**
 * The self-check's question budget (issue 29): four personas answer `check` over pipes question by question from
 * their files (不知道 where a file is silent), and the questions are counted — the opening three included.
 * Targets, one performance year (2025): ≤ 12 for the e-commerce-only retailer in 天河 (sales 2023–2025, direct
 * reporting, no list entry); ≤ 18 for the e-commerce and cross-border seller in 南沙 (sales, a brand-promotion
 * expense, a bonded-zone rent, 品牌出海 2025). The count of questions left never rises after an answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { answerFrom, drive } from './helpers/interview.js';

const persona = (name: string) => JSON.parse(readFileSync(`fixtures/personas/${name}.json`, 'utf8'));
const CROSS_BORDER_WORDS = /鲲鹏|麒麟|海关特殊监管区域|品牌出海|海外仓|跨境/;

describe('check: the questions each persona is asked', () => {
  const counted: Record<string, number> = {};
  for (const [name, budget] of [
    ['ecommerce-retailer', 12],
    ['livestream-firm', null],
    ['cross-border-seller', 18],
    ['every-line', null],
  ] as const) {
    it(`${name}${budget ? `: at most ${budget} questions` : ''}, the count left never rising, the file's total`, async () => {
      const p = persona(name);
      const s = await drive([], (q) => answerFrom(p, q));
      expect(s.code, s.stderr).toBe(0);
      counted[name] = s.asked.length;
      console.log(`${name}: ${s.asked.length} questions\n  ${s.asked.map((a) => `${a.text} → ${a.answer}`).join('\n  ')}`);
      if (budget) expect(s.asked.length).toBeLessThanOrEqual(budget);
      for (let i = 1; i < s.counts.length; i++) expect(s.counts[i], `counts ${s.counts.join(' ')}`).toBeLessThanOrEqual(s.counts[i - 1]!);
      // no question is asked twice
      expect(new Set(s.asked.map((a) => a.text)).size).toBe(s.asked.length);
      // the answers give the total simulate gives on the persona's file
      const total = (text: string) => /合计（现金奖励上限，不含让位项）：(\S+)/.exec(text)?.[1];
      expect(total(s.stdout)).toBeDefined();
      expect(total(s.stdout)).toBe(total(cli(['simulate', `fixtures/personas/${name}.json`]).stdout));
    });
  }

  it('an e-commerce-only firm is asked nothing about cross-border or live-streaming', async () => {
    const s = await drive([], (q) => answerFrom(persona('ecommerce-retailer'), q));
    for (const a of s.asked) {
      expect(a.text).not.toMatch(CROSS_BORDER_WORDS);
      expect(a.text).not.toMatch(/直播/);
      for (const o of a.options.filter(() => !a.text.startsWith('业务类型'))) expect(o).not.toMatch(/鲲鹏|麒麟|品牌出海|海外仓|直播/);
    }
  });
});

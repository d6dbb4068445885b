/**
 * The coverage map (src/policies/coverage.ts) against the shipped texts: every article and numbered paragraph
 * heading of laws/<policy-id>.txt is in the map under its label, with the text's own heading words; every
 * measure is named by the article it models, and the map names no measure that does not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVERAGE } from '../src/policies/coverage.js';
import { POLICIES } from '../src/policies/index.js';
import { cli, ROOT } from './helpers/cli.js';

const N = '一二三四五六七八九十';
const lines = (id: string) => readFileSync(join(ROOT, 'laws', `${id}.txt`), 'utf8').split('\n').map((l) => l.trim());
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** [label, the heading line's words after the label] for every article heading of a text. */
function headings(id: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let top = '';
  let part = '';
  for (const raw of lines(id)) {
    const l = raw.replace(/^#+\s*/, '');
    let mm: RegExpExecArray | null;
    if (id === 'gz-2025-ecommerce' && (mm = new RegExp(`^([${N}]+)、(.*)$`).exec(l))) out.push([`第${mm[1]}条`, mm[2]!]);
    else if (id === 'gz-2019-ecommerce' && (mm = new RegExp(`^\\(([${N}]+)\\)(.*)$`).exec(l))) out.push([`(${mm[1]})`, mm[2]!]);
    else if (id === 'gz-2024-cross-border' && (mm = new RegExp(`^([${N}]+)、(.*)$`).exec(l))) out.push([mm[1]!, mm[2]!]);
    else if (id === 'gd-2012-ecommerce' && (mm = new RegExp(`^（([${N}]+)）(.*)$`).exec(l))) out.push([`(${mm[1]})`, mm[2]!]);
    else if (id === 'gz-2025-livestream') {
      // Sections 一、 hold parts (一) which hold paragraphs 1.; only the innermost heading is an article.
      if ((mm = new RegExp(`^([${N}])、(.*)$`).exec(l))) [top, part] = [mm[1]!, ''];
      else if ((mm = new RegExp(`^\\(([${N}])\\)(.*)$`).exec(l))) part = mm[1]!;
      else if ((mm = /^(\d+)\.(.*)$/.exec(l))) {
        out.push([`${top}(${part})${mm[1]}`, mm[2]!]);
        continue;
      } else continue;
      out.push([part ? `${top}(${part})` : top, mm[2]!]);
    }
  }
  if (id !== 'gz-2025-livestream') return out;
  // Only the innermost headings are articles: 三 and 四 hold parts, 三's parts hold paragraphs.
  return out.filter(([k]) => !out.some(([o]) => o !== k && o.startsWith(k)));
}

describe('the coverage map', () => {
  for (const p of POLICIES) {
    it(`${p.id}: every article heading of laws/${p.id}.txt is in the map, with the text's words, and nothing else`, () => {
      const map = COVERAGE[p.id]!;
      const found = headings(p.id);
      expect(found.length).toBeGreaterThan(10);
      expect(map.map((e) => e.article)).toEqual([...new Set(found.map(([k]) => k))]);
      for (const e of map) {
        const [, text] = found.find(([k]) => k === e.article)!;
        expect(squeeze(text).startsWith(squeeze(e.heading)), `${e.article}: "${e.heading}" vs "${text.slice(0, 30)}"`).toBe(true);
      }
    });

    it(`${p.id}: every measure is named under an article, every name is a measure, and an article without one says why`, () => {
      const map = COVERAGE[p.id]!;
      const ids = p.measures.map((m) => m.id);
      const named = new Set(map.flatMap((e) => e.measures));
      expect(ids.filter((id) => !named.has(id))).toEqual([]);
      expect([...named].filter((id) => !ids.includes(id))).toEqual([]);
      for (const e of map) if (e.measures.length === 0) expect(e.notModelled, e.article).toBeDefined();
      // A measure's own article is one the map files it under.
      for (const m of p.measures) {
        const under = map.filter((e) => e.measures.includes(m.id)).map((e) => e.article);
        expect(under.some((a) => m.article.includes(a) || a.includes(m.article)), `${m.id} (${m.article}) under ${under.join(', ')}`).toBe(true);
      }
    });
  }

  it('gz-awards rules --coverage shows every article of every document, in Chinese and English, as a table and as JSON', () => {
    const json = JSON.parse(cli(['rules', '--coverage', '--format', 'json']).stdout);
    expect(json.policies.map((p: { id: string }) => p.id)).toEqual(POLICIES.map((p) => p.id));
    for (const p of json.policies) expect(p.articles.map((a: { article: string }) => a.article)).toEqual(COVERAGE[p.id]!.map((e) => e.article));
    const second = json.policies[0].articles[1];
    expect(second).toMatchObject({ article: '第二条', heading: '支持电商企业做大做强', measures: ['gz-2025-ecommerce/above-quota', 'gz-2025-ecommerce/scale-tier'], notModelled: null });
    const eighth = json.policies[0].articles[7];
    expect(eighth).toMatchObject({ article: '第八条', measures: [], notModelled: { kind: 'grants-nothing' } });

    const zh = cli(['rules', '--coverage']);
    expect(zh.code).toBe(0);
    for (const p of POLICIES) for (const e of COVERAGE[p.id]!) expect(zh.stdout).toContain(e.article);
    expect(zh.stdout).toContain('未建模');
    const en = cli(['rules', 'gz-2024-cross-border', '--coverage', '--lang', 'en']);
    expect(en.stdout).toContain('not modelled');
    expect(en.stdout).toContain('qilin-customs');
    expect(en.stdout).not.toContain('第二十条');
  });

  it('rules --coverage --format json files each item of issue 32 in its final place, with its reason', () => {
    const json = JSON.parse(cli(['rules', '--coverage', '--format', 'json']).stdout);
    const at = (policy: string, article: string) =>
      json.policies.find((p: { id: string }) => p.id === policy).articles.find((a: { article: string }) => a.article === article) as {
        measures: string[];
        notModelled: { kind: string; reason: string } | null;
        note: string | null;
      };
    // 003 十三: the venues are a benefit no input identifies; the conference and the standard are measures.
    const venues = at('gz-2024-cross-border', '十三');
    expect(venues.measures).toEqual(['gz-2024-cross-border/events', 'gz-2024-cross-border/standards']);
    expect(venues.notModelled?.kind).toBe('no-input');
    expect(venues.note).toContain('开放一批免费或优惠使用的活动场地');
    // 001 (二十九): instalments of the land premium benefit the enterprise, not a department's duty.
    const land = at('gz-2019-ecommerce', '(二十九)');
    expect(land.notModelled?.kind).toBe('no-input');
    expect(land.note).toContain('允许自主改造企业在政策范围内分期缴纳土地出让金');
    // 004 (二十七) and (二十三): the name at registration is a measure; the priority reads three lists.
    expect(at('gd-2012-ecommerce', '(二十七)').measures).toEqual(['gd-2012-ecommerce/registered-capital', 'gd-2012-ecommerce/ecommerce-name']);
    expect(at('gd-2012-ecommerce', '(二十三)').note).toContain('software-enterprise');
    expect(at('gd-2012-ecommerce', '(二十三)').note).toContain('advanced-tech-service');
    // The borderline items: each decided, with its reason.
    expect(at('gz-2019-ecommerce', '(十七)')).toMatchObject({ measures: ['gz-2019-ecommerce/rural-warehouse'], notModelled: { kind: 'department-duty' } });
    expect(at('gz-2019-ecommerce', '(十七)').note).toContain('优先保障安排农村电子商务公共仓项目用地');
    expect(at('gd-2012-ecommerce', '(二十五)').notModelled?.kind).toBe('no-input');
    expect(at('gd-2012-ecommerce', '(二十五)').note).toContain('其土地用途可暂不变更');
    expect(at('gz-2025-livestream', '三(四)6').notModelled?.kind).toBe('department-duty');
    expect(at('gz-2025-livestream', '三(四)6').note).toContain('提供便利条件');
    expect(at('gd-2012-ecommerce', '(二十二)').note).toContain('不沿用2019年市级的 top50-hq');
  });
});

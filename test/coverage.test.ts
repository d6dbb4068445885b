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
});

/**
 * The texts the project ships (laws/<policy-id>.txt) and the words the rules quote from them: every quote of
 * every validity date, measure, parameter and conflict rule is found in its document. Only whitespace is
 * normalised (a run to one space, none between two Han characters); punctuation is compared exactly. A quote
 * that leaves words out marks the gap with "……" (or "…" at its end): each piece must be found, in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFLICTS } from '../src/engine/conflicts.js';
import { POLICIES } from '../src/policies/index.js';
import { missingPiece, normText } from '../src/policies/quote.js';
import { ROOT } from './helpers/cli.js';

const norm = normText;
const law = (id: string) => norm(readFileSync(join(ROOT, 'laws', `${id}.txt`), 'utf8'));
const findQuote = missingPiece;

interface Quote {
  where: string;
  quote: string;
}

function quotesOf(p: (typeof POLICIES)[number]): Quote[] {
  const out: Quote[] = [
    { where: `${p.id} validity.from`, quote: p.validity.from.quote },
    { where: `${p.id} validity.to`, quote: p.validity.to.quote },
  ];
  for (const m of p.measures) {
    out.push({ where: `${p.id}/${m.id}`, quote: m.quote });
    for (const [k, v] of Object.entries(m.params)) out.push({ where: `${p.id}/${m.id}.${k}`, quote: v.quote });
  }
  return out.filter((q) => q.quote !== '');
}

describe('laws/: the five texts, in simplified script', () => {
  it('ships one text per document, and says where it was converted from traditional script', () => {
    for (const p of POLICIES) expect(law(p.id).length).toBeGreaterThan(3000);
    for (const id of ['gz-2019-ecommerce', 'gz-2024-cross-border']) {
      expect(readFileSync(join(ROOT, 'laws', `${id}.txt`), 'utf8').split('\n')[0]).toMatch(/由繁体字转换为简体字（OpenCC，opencc-js，tw→cn）/);
    }
    // The converted texts hold none of the traditional forms of the words the rules quote.
    for (const id of ['gz-2019-ecommerce', 'gz-2024-cross-border']) expect(law(id)).not.toMatch(/[電務業區價獎勵關廣門條資開發貿營]/);
  });

  it('gz-2019-ecommerce: no page residue — no <strong>, no PART headings, the title fragment gone, sections 一、 to 七、', () => {
    const raw = readFileSync(join(ROOT, 'laws', 'gz-2019-ecommerce.txt'), 'utf8');
    const [header, ...rest] = raw.split('\n');
    const body = rest.join('\n');
    expect(body).not.toMatch(/<\/?strong>/);
    expect(body).not.toMatch(/PART/);
    // The title appears once, whole, as the notice's own line ("…若干措施的通知"), never as the fragment.
    expect(body).not.toMatch(/若干措施的\n/);
    expect(body.split('\n').filter(Boolean)[0]).toBe('穗府办函〔2019〕2号');
    const sections = body.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(sections).toEqual([
      '一、加速发展电子商务产业集群',
      '二、强化跨境电子商务发展优势',
      '三、深化商贸流通和民生服务领域电子商务应用',
      '四、推动工业电子商务创新发展',
      '五、提升农村电子商务发展水平',
      '六、完善电子商务支撑服务体系',
      '七、落实保障措施',
    ]);
    // The first line still says how the text was converted, and lists each correction.
    expect(header).toMatch(/^【说明】本文件全文由繁体字转换为简体字（OpenCC，opencc-js，tw→cn），并作以下更正：/);
    expect(header).toContain('（1）删去文首重复两次的标题残段“……若干措施的”');
    expect(header).toContain('（2）删去网页残留的“<strong>”标记（10处）');
    expect(header).toContain('（3）章节标题“PART1”至“PART 7”按官方文本改为“一、”至“七、”');
  });

  it('gz-2024-cross-border: the notice is a 通知, it cites the provincial 通知 and 粤商务电函, and the header lists each correction', () => {
    const raw = readFileSync(join(ROOT, 'laws', 'gz-2024-cross-border.txt'), 'utf8');
    const [header, ...rest] = raw.split('\n');
    const body = rest.join('\n');
    expect(body).toContain('### 关于印发广州市进一步推动跨境电子商务高质量发展若干政策措施的通知\n');
    expect(body).toContain('《广东省人民政府办公厅印发关于推进跨境电商高质量发展若干政策措施的通知》(粤办函〔2021〕328号)');
    expect(body).toContain('(粤商务电函〔2023〕93号)');
    expect(body).not.toMatch(/通告|粤商电函/);
    expect(header).toContain('并作以下更正：（1）标题“……若干政策措施的通告”改为“……的通知”；（2）所引《广东省人民政府办公厅印发关于推进跨境电商高质量发展若干政策措施的通告》改为“……的通知》”；（3）“粤商电函〔2023〕93号”改为“粤商务电函〔2023〕93号”；');
    // A note that names the notice follows the correction.
    const cb = POLICIES.find((p) => p.id === 'gz-2024-cross-border')!;
    for (const q of quotesOf(cb)) expect(q.quote).not.toMatch(/通告|粤商电函/);
    expect(cb.validity.from.note).toBe('印发日期见通知落款：广州市商务局 2024年3月6日');
    // … and so does the document re-expressed as a policy file.
    expect(readFileSync(join(ROOT, 'fixtures', 'policies', 'gz-2024-cross-border.yaml'), 'utf8')).not.toMatch(/通告|粤商电函/);
  });

  for (const p of POLICIES) {
    it(`${p.id}: every quote of its validity, measures and parameters is the text's own words`, () => {
      const text = law(p.id);
      const quotes = quotesOf(p);
      expect(quotes.length).toBeGreaterThan(2);
      expect(quotes.filter((q) => findQuote(text, q.quote) !== null).map((q) => `${q.where}: ${findQuote(text, q.quote)}`)).toEqual([]);
    });
  }

  it('every conflict rule quotes 000 第二十条 (or the 鸿鹄 articles) word for word', () => {
    const text = law('gz-2025-ecommerce');
    for (const rule of CONFLICTS.rules) expect(findQuote(text, rule.quote)).toBeNull();
  });

  it("a same-item rule that names another document's words (003 十七) quotes them word for word", () => {
    const also = CONFLICTS.rules.flatMap((r) => (r.kind === 'same-item' && r.also ? [r.also] : []));
    expect(also.map((a) => a.policy)).toContain('gz-2024-cross-border');
    for (const a of also) expect(findQuote(law(a.policy), a.quote), a.quote).toBeNull();
  });

  it('an editorial remark is a note, never inside a quote', () => {
    for (const p of POLICIES) {
      for (const q of quotesOf(p)) expect(q.quote, q.where).not.toMatch(/文中未规定|（印发：|（2019年1月2日）/);
    }
  });
});

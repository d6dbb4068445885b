/** gz-awards rules [POLICY[/MEASURE]]: the catalogue of documents, measures, parameters and interpretations. */
import Table from 'cli-table3';
import { z } from 'zod';
import { KIND_LABELS, type Lang } from '../domain/labels.js';
import { formatYuan } from '../domain/money.js';
import { INTERPRETATIONS } from '../engine/interpretation.js';
import { COVERAGE, NOT_MODELLED_LABELS } from '../policies/coverage.js';
import { ceilingOf, publishedRuleSet, type ResolvedMeasure, type ResolvedPolicy, type RuleSet } from '../engine/ruleset.js';
import { award, t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { EXIT, UsageError, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { loadPolicies } from './params.js';

export const rulesOptions = z.object({
  format: z.enum(['table', 'json']).default('table'),
  lang: langSchema,
  coverage: z.boolean().optional(),
  policy: z.array(z.string()).default([]),
  policySchema: z.boolean().optional(),
});

function measureJson(m: ResolvedMeasure, lang: Lang) {
  const ceiling = ceilingOf(m);
  return {
    ref: m.ref,
    id: m.def.id,
    article: m.def.article,
    kind: m.def.kind,
    title: m.def.title[lang],
    quote: m.def.quote,
    tracks: m.def.tracks ?? null,
    applicationLag: m.def.applicationLag,
    ledger: m.def.ledger ?? null,
    years: m.years ? [...m.years] : null,
    ceiling: ceiling === null ? null : formatYuan(ceiling),
    parameters: Object.fromEntries(Object.entries(m.def.params).map(([k, v]) => [k, { type: v.type, value: v.value, article: v.article, quote: v.quote, ...(v.note ? { note: v.note } : {}) }])),
  };
}

function policyJson(p: ResolvedPolicy, lang: Lang, only?: string) {
  return {
    id: p.def.id,
    title: p.def.title[lang],
    ...(p.def.docNumber ? { docNumber: p.def.docNumber } : {}),
    issuer: p.def.issuer,
    issued: p.def.issued,
    seedFile: p.def.seedFile,
    validity: {
      from: p.from,
      to: p.to,
      article: p.def.validity.from.article,
      quote: p.def.validity.to.quote || null,
      notes: [p.def.validity.from.note, p.def.validity.to.note].filter((n): n is string => !!n),
    },
    notes: (p.def.notes ?? []).map((n) => t(n, lang)),
    measures: p.measures.filter((m) => !only || m.def.id === only).map((m) => measureJson(m, lang)),
  };
}

export async function rules(target: string | undefined, raw: unknown, given?: RuleSet): Promise<number> {
  const o = rulesOptions.parse(raw);
  if (o.policySchema) {
    const { policyJsonSchema } = await import('../policy-file/schema.js');
    await writeOut(toJson(policyJsonSchema()) + '\n');
    return EXIT.ok;
  }
  await loadPolicies({ files: o.policy, lang: o.lang });
  const rs = given ?? publishedRuleSet();
  const [policyId, measureId] = (target ?? '').split('/');
  const policies = rs.policies.filter((p) => !policyId || p.def.id === policyId);
  if (policyId && policies.length === 0) throw new UsageError(`rules: no policy "${policyId}"; known: ${rs.policies.map((p) => p.def.id).join(', ')}`);
  if (measureId && !policies[0]!.measures.some((m) => m.def.id === measureId)) {
    throw new UsageError(`rules: no measure "${measureId}" in ${policyId}; known: ${policies[0]!.measures.map((m) => m.def.id).join(', ')}`);
  }
  if (o.coverage) return coverage(policies, o.lang, o.format);
  const data = {
    policies: policies.map((p) => policyJson(p, o.lang, measureId)),
    interpretations: Object.fromEntries(Object.entries(INTERPRETATIONS).map(([k, v]) => [k, { values: v.values, default: v.default, label: v.label[o.lang], valueLabels: Object.fromEntries(Object.entries(v.valueLabels).map(([x, l]) => [x, l[o.lang]])), description: v[o.lang] }])),
    conflicts: rs.conflicts.rules,
  };
  if (o.format === 'json') {
    await writeOut(toJson(data) + '\n');
    return EXIT.ok;
  }
  await writeOut(measureId ? measureDetail(policies[0]!.measures.find((m) => m.def.id === measureId)!, o.lang) : catalogue(policies, o.lang, !policyId), true);
  return EXIT.ok;
}

function catalogue(policies: readonly ResolvedPolicy[], lang: Lang, withInterpretations: boolean): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const p of policies) {
    out.push(`【${p.def.title[lang]}】${p.def.docNumber ? ' ' + p.def.docNumber : ''}`);
    out.push(`  ${p.def.id} · ${p.def.issuer} · ${p.def.issued} · ${zh ? '有效期' : 'valid'} ${p.from} – ${p.to ?? (zh ? '未规定' : 'not stated')} · ${p.def.seedFile}`);
    const table = new Table({ head: zh ? ['措施', '条款', '类型', '上限', '名称'] : ['Measure', 'Article', 'Kind', 'Ceiling', 'Title'], style: { head: [], border: [] } });
    for (const m of p.measures) {
      const c = ceilingOf(m);
      table.push([m.def.id, m.def.article, KIND_LABELS[m.def.kind][lang], c === null ? '—' : award(c, lang), m.def.title[lang]]);
    }
    out.push(table.toString(), '');
  }
  if (withInterpretations) {
    out.push(zh ? '解释口径（--interpret 名称=取值）：' : 'Interpretations (--interpret name=value):');
    for (const [k, v] of Object.entries(INTERPRETATIONS)) out.push(`  ${k}: ${v.values.join(' | ')} (${zh ? '默认' : 'default'} ${v.default}) — ${v[lang]}`);
    out.push('');
  }
  return out.join('\n');
}

function measureDetail(m: ResolvedMeasure, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [`${m.ref} — ${m.def.title[lang]}`, `${zh ? '条款' : 'Article'}: ${m.def.article} · ${KIND_LABELS[m.def.kind][lang]}`, '', `「${m.def.quote}」`, ''];
  const table = new Table({ head: zh ? ['参数', '取值', '条款', '原文'] : ['Parameter', 'Value', 'Article', 'Quote'], style: { head: [], border: [] }, wordWrap: true, colWidths: [16, 40, 12, 60] });
  for (const [k, v] of Object.entries(m.def.params)) table.push([k, JSON.stringify(v.value), v.article, v.quote]);
  out.push(table.toString(), '');
  return out.join('\n');
}

/** `rules --coverage`: every article of each document, the measures that model it, or why it is not modelled. */
async function coverage(policies: readonly ResolvedPolicy[], lang: Lang, format: 'table' | 'json'): Promise<number> {
  const zh = lang === 'zh';
  const docs = policies.map((p) => ({
    id: p.def.id,
    title: p.def.title[lang],
    text: `laws/${p.def.id}.txt`,
    articles: (COVERAGE[p.def.id] ?? []).map((e) => ({
      article: e.article,
      heading: e.heading,
      measures: e.measures.map((id) => `${p.def.id}/${id}`),
      notModelled: e.notModelled ? { kind: e.notModelled, reason: NOT_MODELLED_LABELS[e.notModelled][lang] } : null,
      note: e.note ? e.note[lang] : null,
    })),
  }));
  if (format === 'json') {
    await writeOut(toJson({ policies: docs }) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [];
  for (const d of docs) {
    const modelled = d.articles.filter((a) => a.measures.length > 0).length;
    out.push(`【${d.title}】 ${d.id} · ${d.text}`);
    out.push(zh ? `  ${d.articles.length} 条，其中 ${modelled} 条有对应措施` : `  ${d.articles.length} articles, ${modelled} of them modelled by measures`);
    const table = new Table({
      head: zh ? ['条款', '标题', '对应措施', '说明'] : ['Article', 'Heading', 'Measures', 'Notes'],
      style: { head: [], border: [] },
      wordWrap: true,
      colWidths: [10, 28, 30, 50],
    });
    for (const a of d.articles) {
      const why = a.notModelled ? `${zh ? '未建模：' : 'not modelled: '}${a.notModelled.reason}` : '';
      table.push([a.article, a.heading, a.measures.map((m) => m.split('/')[1]).join('\n') || '—', [why, a.note ?? ''].filter(Boolean).join(zh ? '；' : '; ')]);
    }
    out.push(table.toString(), '');
  }
  await writeOut(out.join('\n'));
  return EXIT.ok;
}

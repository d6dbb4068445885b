/**
 * The output contract (SPEC §3): an evaluation as canonical JSON-ready data, words in the chosen language.
 */
import { districtEnglish } from '../domain/districts.js';
import type { Lang } from '../domain/labels.js';
import { formatYuan } from '../domain/money.js';
import type { Result } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import { nextText, reasonOf } from './reason.js';
import { t } from './messages.js';

/** What every output records about the run besides the results. */
export interface RunMeta {
  /** The parameter override file and the SHA-256 of its content, when one was used. */
  params?: { file: string; sha256: string } | null;
}

export interface OutputCheck {
  id: string;
  passed: boolean | null;
  detail: string;
  article?: string;
}

export interface OutputResult {
  policy: string;
  measure: string;
  article: string;
  year: number;
  applicationYear: number;
  status: Result['status'];
  kind: Result['kind'];
  amount: string | null;
  tier: number | null;
  checks: OutputCheck[];
  missing: string[];
  supersededBy: string | null;
  reason: string;
  notes: string[];
  next?: { year: number; tier: number; threshold: string; minGrowth: string; growthYears: number; salesForGrowth?: string; detail: string };
}

export interface OutputEnterprise {
  id: string;
  name: string | null;
  district: string | null;
  results: OutputResult[];
  total: string;
  interpretation: Evaluation['interpretation'];
  params?: RunMeta['params'];
}

export function toOutput(ev: Evaluation, lang: Lang, meta: RunMeta = {}): OutputEnterprise {
  const e = ev.enterprise;
  const out: OutputEnterprise = {
    id: e.id,
    name: e.name ?? null,
    district: e.district === undefined ? null : lang === 'en' ? districtEnglish(e.district) : e.district,
    results: ev.results.map((r) => resultOut(r, lang)),
    total: formatYuan(ev.total),
    interpretation: ev.interpretation,
  };
  if (meta.params !== undefined) out.params = meta.params;
  return out;
}

export function resultOut(r: Result, lang: Lang): OutputResult {
  const o: OutputResult = {
    policy: r.policy,
    measure: r.measure,
    article: r.article,
    year: r.year,
    applicationYear: r.applicationYear,
    status: r.status,
    kind: r.kind,
    amount: r.amount === null ? null : formatYuan(r.amount),
    tier: r.tier,
    checks: r.checks.map((c) => ({ id: c.id, passed: c.passed, detail: t(c.msg, lang), ...(c.article ? { article: c.article } : {}) })),
    missing: r.missing,
    supersededBy: r.supersededBy,
    reason: reasonOf(r, lang),
    notes: r.notes.map((n) => t(n, lang)),
  };
  if (r.next) {
    o.next = {
      year: r.next.year,
      tier: r.next.tier,
      threshold: formatYuan(r.next.threshold),
      minGrowth: r.next.minGrowth,
      growthYears: r.next.growthYears,
      ...(r.next.salesForGrowth !== undefined ? { salesForGrowth: formatYuan(r.next.salesForGrowth) } : {}),
      detail: nextText(r.next, lang),
    };
  }
  return o;
}

/**
 * JSON.stringify for outputs. No bigint reaches here (amounts are formatted first), so the replacer that would
 * turn one into text — and costs a call per value — runs only if stringify refuses one.
 */
export function toJson(value: unknown, pretty = true): string {
  try {
    return JSON.stringify(value, null, pretty ? 2 : undefined);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v), pretty ? 2 : undefined);
  }
}

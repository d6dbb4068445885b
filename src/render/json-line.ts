/**
 * One enterprise's output as compact JSON text, written straight from its evaluation: the same bytes as
 * `toJson(toOutput(ev, lang, meta), false)` (output.ts, the contract), which a property test holds it to, at a
 * fraction of the cost on a million rows. No output objects are built; what is the same for every enterprise is
 * serialised once (a measure's policy, measure and article; the run's interpretation and parameters; a list of
 * notes); each check's words are rendered once and the reason line reuses them; a string that needs escaping
 * goes through JSON.stringify, so escaping is V8's own.
 */
import { districtEnglish } from '../domain/districts.js';
import type { Lang } from '../domain/labels.js';
import { formatYuan, type Fen } from '../domain/money.js';
import type { Msg, Result } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { RunMeta } from './output.js';
import { nextText, reasonOf } from './reason.js';
import { t } from './messages.js';

/** Characters JSON.stringify would escape: quote, backslash, controls, and surrogates (escaped when lone). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
/** A string as JSON: most need no escape, and are only quoted (no copy of the words). */
const str = (s: string): string => (ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`);
const money = (fen: Fen | null): string => (fen === null ? 'null' : `"${formatYuan(fen)}"`);

/** The head of a result's object for one measure, up to its year: constant for the measure. */
interface Head {
  policy: string;
  measure: string;
  article: string;
  text: string;
}

export class JsonLineWriter {
  private readonly heads = new Map<string, Head>();
  private readonly notes = new WeakMap<readonly Msg[], string>();
  private readonly plain = new Map<string, string>();
  private tailFor: Interpretation | null = null;
  private tail = '';
  private details: string[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly meta: RunMeta = {},
  ) {}

  /** The enterprise's output object as one line of JSON (no newline). */
  line(ev: Evaluation): string {
    let s = '';
    this.write(ev, (piece) => (s += piece));
    return s;
  }

  /**
   * The same line, handed out in pieces (the head, each result, the tail) as they are made: an output that
   * encodes as it goes then never joins a line of 3 KB, hundreds of pieces, into one string.
   */
  write(ev: Evaluation, out: (piece: string) => void): void {
    const e = ev.enterprise;
    const district = e.district === undefined ? null : this.lang === 'en' ? districtEnglish(e.district) : e.district;
    out(`{"id":${str(e.id)},"name":${e.name === undefined ? 'null' : str(e.name)},"district":${district === null ? 'null' : str(district)},"results":[`);
    const results = ev.results;
    for (let i = 0; i < results.length; i++) out(i > 0 ? ',' + this.result(results[i]!) : this.result(results[i]!));
    out(`],"total":"${formatYuan(ev.total)}"` + this.tailOf(ev.interpretation));
  }

  private result(r: Result): string {
    const lang = this.lang;
    let s = `${this.head(r)}${r.year},"applicationYear":${r.applicationYear},"status":"${r.status}","kind":"${r.kind}","amount":${money(r.amount)},"tier":${r.tier === null ? 'null' : r.tier},"checks":[`;
    const checks = r.checks;
    const details = this.details;
    details.length = checks.length;
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      const d = (details[i] = c.msg.args === undefined ? this.plainText(c.msg.key) : t(c.msg, lang));
      s += `${i > 0 ? ',' : ''}{"id":${str(c.id)},"passed":${c.passed},"detail":${str(d)}${c.article ? `,"article":${str(c.article)}` : ''}}`;
    }
    s += `],"missing":${r.missing.length === 0 ? '[]' : JSON.stringify(r.missing)},"supersededBy":${r.supersededBy === null ? 'null' : str(r.supersededBy)}`;
    s += `,"reason":${str(reasonOf(r, lang, details))},"notes":${this.notesOf(r.notes)}`;
    const n = r.next;
    if (n) {
      s += `,"next":{"year":${n.year},"tier":${n.tier},"threshold":${money(n.threshold)},"minGrowth":${str(n.minGrowth)},"growthYears":${n.growthYears}`;
      if (n.salesForGrowth !== undefined) s += `,"salesForGrowth":${money(n.salesForGrowth)}`;
      s += `,"detail":${str(nextText(n, lang))}}`;
    }
    return s + '}';
  }

  /** The words of a message without arguments (a check that passed quietly, most often), rendered once. */
  private plainText(key: string): string {
    let s = this.plain.get(key);
    if (s === undefined) this.plain.set(key, (s = t({ key }, this.lang)));
    return s;
  }

  /** `{"policy":…,"measure":…,"article":…,"year":` for the result's measure. */
  private head(r: Result): string {
    const h = this.heads.get(r.ref);
    if (h && h.policy === r.policy && h.measure === r.measure && h.article === r.article) return h.text;
    const text = `{"policy":${str(r.policy)},"measure":${str(r.measure)},"article":${str(r.article)},"year":`;
    this.heads.set(r.ref, { policy: r.policy, measure: r.measure, article: r.article, text });
    return text;
  }

  /** A list of notes as a JSON array of their words: the engine shares one list per measure and year. */
  private notesOf(notes: readonly Msg[]): string {
    if (notes.length === 0) return '[]';
    let s = this.notes.get(notes);
    if (s === undefined) this.notes.set(notes, (s = JSON.stringify(notes.map((m) => t(m, this.lang)))));
    return s;
  }

  /** `,"interpretation":{…}` and the parameters, with the closing brace: the same for a whole run. */
  private tailOf(interpretation: Interpretation): string {
    if (interpretation !== this.tailFor) {
      this.tailFor = interpretation;
      this.tail = `,"interpretation":${JSON.stringify(interpretation)}${this.meta.params !== undefined ? `,"params":${JSON.stringify(this.meta.params)}` : ''}}`;
    }
    return this.tail;
  }
}

/**
 * One enterprise's output as compact JSON, written straight from its evaluation as UTF-8 bytes: the same bytes as
 * `toJson(toOutput(ev, lang, meta), false)` (output.ts, the contract), which a property test holds it to, at a
 * fraction of the cost on a million rows. No output objects and no line strings are built: the parts that are the
 * same for every enterprise (the keys, a measure's policy, measure and article, a list of notes, the run's
 * interpretation and parameters, a check's words without arguments) are encoded once and copied; numbers and
 * strings are written into the buffer as they are read (utf8-buffer.ts), a string escaped as JSON.stringify
 * escapes it; each check's words are rendered once, and the reason line, which joins the words of the checks
 * that decided the result, is copied from where they were just written.
 */
import { districtEnglish } from '../domain/districts.js';
import type { Lang } from '../domain/labels.js';
import { formatYuan, type Fen } from '../domain/money.js';
import type { Check, Msg, NextTier, Result } from '../domain/result.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { Interpretation } from '../engine/interpretation.js';
import type { RunMeta } from './output.js';
import { nextText, reasonSeparator, salesNeed, shownInReason, supersededReason } from './reason.js';
import { t, wordsOf, type Args, type Words } from './messages.js';
import { Utf8Buffer, utf8 } from './utf8-buffer.js';

const K = {
  id: utf8('{"id":'),
  name: utf8(',"name":'),
  district: utf8(',"district":'),
  results: utf8(',"results":['),
  total: utf8('],"total":'),
  applicationYear: utf8(',"applicationYear":'),
  tier: utf8(',"tier":'),
  checks: utf8(',"checks":['),
  article: utf8(',"article":'),
  missing: utf8('],"missing":'),
  supersededBy: utf8(',"supersededBy":'),
  reason: utf8(',"reason":'),
  /** The checks' end to the reason, for a result that misses nothing and is not superseded (most results). */
  nothingMissing: utf8('],"missing":[],"supersededBy":null,"reason":'),
  noNotes: utf8(',"notes":[]'),
  next: utf8(',"next":{"year":'),
  threshold: utf8(',"threshold":'),
  minGrowth: utf8(',"minGrowth":'),
  growthYears: utf8(',"growthYears":'),
  salesForGrowth: utf8(',"salesForGrowth":'),
  detail: utf8(',"detail":'),
  null: utf8('null'),
};
/** Next tiers' words kept (a rule set has a few tiers and years; parameters given per run could have more). */
const MAX_NEXTS = 4096;
const COMMA = 44;
const QUOTE = 34;
const CLOSE_BRACE = 125;

/** The head of a result's object for one measure, up to its year: constant for the measure. */
interface Head {
  policy: string;
  measure: string;
  article: string;
  bytes: Uint8Array;
}

export class JsonLineWriter {
  private readonly heads = new Map<string, Head>();
  private readonly notes = new WeakMap<readonly Msg[], Uint8Array>();
  private readonly plain = new Map<string, Uint8Array>();
  private readonly words = new Map<string, Uint8Array>();
  /** `{"id":…,"passed":…,"detail":` by check id, for passed true, false and null; then the same after `},`. */
  private readonly checkHeads = new Map<string, Uint8Array[]>();
  /** `,"status":…,"kind":…,"amount":` by status and kind, and the same on to the checks for no amount and tier. */
  private readonly statusKinds = new Map<string, Map<string, Uint8Array[]>>();
  /** The next tier's words (nextDetail) by threshold, growth minimum, and year, tier and growth years. */
  private readonly nexts = new Map<Fen, Map<string, Map<number, Uint8Array>>>();
  private nextCount = 0;
  /** The constant pieces of each message written as Words, as JSON string content in UTF-8. */
  private readonly wordBytes = new WeakMap<Words, Uint8Array[]>();
  private readonly separator: Uint8Array;
  private tailFor: Interpretation | null = null;
  private tail: Uint8Array = new Uint8Array(0);
  /** Where each check's words were written in the buffer: [start, end) of detail i at 2i, 2i + 1. */
  private spans = new Float64Array(64);
  private scratch: Utf8Buffer | null = null;

  constructor(
    private readonly lang: Lang,
    private readonly meta: RunMeta = {},
  ) {
    this.separator = utf8(reasonSeparator(lang));
  }

  /** The enterprise's output object as one line of JSON text (no newline). */
  line(ev: Evaluation): string {
    const b = (this.scratch ??= new Utf8Buffer());
    this.write(ev, b);
    return b.textFrom(0);
  }

  /** The same line, as UTF-8 bytes added to `out`. */
  write(ev: Evaluation, out: Utf8Buffer): void {
    const e = ev.enterprise;
    out.bytes(K.id);
    out.json(e.id);
    out.bytes(K.name);
    if (e.name === undefined) out.bytes(K.null);
    else out.json(e.name);
    out.bytes(K.district);
    if (e.district === undefined) out.bytes(K.null);
    else out.json(this.lang === 'en' ? districtEnglish(e.district) : e.district);
    out.bytes(K.results);
    const results = ev.results;
    for (let i = 0; i < results.length; i++) {
      if (i > 0) out.byte(COMMA);
      this.result(results[i]!, out);
    }
    out.bytes(K.total);
    this.money(ev.total, out);
    out.bytes(this.tailOf(ev.interpretation));
  }

  private result(r: Result, out: Utf8Buffer): void {
    const lang = this.lang;
    out.bytes(this.head(r));
    out.int(r.year);
    out.bytes(K.applicationYear);
    out.int(r.applicationYear);
    const noAmount = r.amount === null && r.tier === null;
    // most results have neither amount nor tier: the keys up to the checks are then one piece
    out.bytes(this.statusKind(r, noAmount));
    if (!noAmount) {
      this.money(r.amount, out);
      out.bytes(K.tier);
      if (r.tier === null) out.bytes(K.null);
      else out.int(r.tier);
      out.bytes(K.checks);
    }
    const checks = r.checks;
    if (this.spans.length < 2 * checks.length) this.spans = new Float64Array(4 * checks.length);
    const spans = this.spans;
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      // a check's head closes the check before it ("},{…")
      out.bytes(this.checkHead(c, i === 0));
      spans[2 * i] = out.length;
      if (c.msg.args === undefined) out.bytes(this.plainText(c.msg.key));
      else {
        const w = wordsOf(c.msg.key, lang);
        if (w) this.sentence(w, c.msg, out);
        else out.json(t(c.msg, lang));
      }
      spans[2 * i + 1] = out.length;
      if (c.article) {
        out.bytes(K.article);
        out.bytes(this.word(c.article));
      }
    }
    if (checks.length > 0) out.byte(CLOSE_BRACE);
    if (r.missing.length === 0 && r.supersededBy === null) out.bytes(K.nothingMissing);
    else {
      out.bytes(K.missing);
      out.add(JSON.stringify(r.missing));
      out.bytes(K.supersededBy);
      if (r.supersededBy === null) out.bytes(K.null);
      else out.json(r.supersededBy);
      out.bytes(K.reason);
    }
    this.reason(r, out);
    out.bytes(this.notesOf(r.notes));
    const n = r.next;
    if (n) {
      out.bytes(K.next);
      out.int(n.year);
      out.bytes(K.tier);
      out.int(n.tier);
      out.bytes(K.threshold);
      this.money(n.threshold, out);
      out.bytes(K.minGrowth);
      out.json(n.minGrowth);
      out.bytes(K.growthYears);
      out.int(n.growthYears);
      if (n.salesForGrowth !== undefined) {
        out.bytes(K.salesForGrowth);
        this.money(n.salesForGrowth, out);
      }
      out.bytes(K.detail);
      this.nextDetail(n, out);
      out.byte(CLOSE_BRACE);
    }
    out.byte(CLOSE_BRACE);
  }

  /**
   * The reason line (reason.ts): the words of the checks it shows, joined, are copied from where the checks were
   * just written, without their quotes (JSON escapes each character on its own, so the escaped pieces joined are
   * the joined text escaped).
   */
  private reason(r: Result, out: Utf8Buffer): void {
    if (r.status === 'superseded') return out.json(supersededReason(r, this.lang));
    const spans = this.spans;
    out.byte(QUOTE);
    let first = true;
    for (let i = 0; i < r.checks.length; i++) {
      if (!shownInReason(r, r.checks[i]!)) continue;
      if (!first) out.bytes(this.separator);
      out.repeat(spans[2 * i]! + 1, spans[2 * i + 1]! - 1);
      first = false;
    }
    out.byte(QUOTE);
  }

  /**
   * A message written as Words (messages.ts) as JSON: its constant pieces copied as bytes encoded once (escaped
   * as JSON.stringify escapes them: it escapes each character on its own, so the pieces escaped and joined are the
   * text escaped), its values encoded as they come. A value with a character to escape or a surrogate (never in
   * practice: years, amounts, list names) sends the whole message through json().
   */
  private sentence(w: Words, msg: Msg, out: Utf8Buffer): void {
    let texts = this.wordBytes.get(w);
    if (texts === undefined) this.wordBytes.set(w, (texts = w.texts.map((s) => utf8(JSON.stringify(s).slice(1, -1)))));
    const a = msg.args as Args;
    const u = w.unit ? w.unit(a) : undefined;
    const start = out.length;
    out.byte(QUOTE);
    out.bytes(texts[0]!);
    for (let i = 0; i < w.values.length; i++) {
      if (!out.jsonPart(w.values[i]!(a, u))) {
        out.length = start;
        return out.json(t(msg, this.lang));
      }
      out.bytes(texts[i + 1]!);
    }
    out.byte(QUOTE);
  }

  /**
   * The next tier's words as JSON. Unless they name the sales the growth minimum asks for (salesNeed), they follow
   * from the tier's parameters alone (its year, number, threshold, growth minimum and years), the same for every
   * enterprise below that tier: encoded once for each.
   */
  private nextDetail(n: NextTier, out: Utf8Buffer): void {
    const key = n.year * 10_000 + n.tier * 100 + n.growthYears;
    if (salesNeed(n) !== null || n.tier >= 100 || n.growthYears >= 100 || !Number.isSafeInteger(key)) return out.json(nextText(n, this.lang));
    let byGrowth = this.nexts.get(n.threshold);
    if (byGrowth === undefined) this.nexts.set(n.threshold, (byGrowth = new Map()));
    let byKey = byGrowth.get(n.minGrowth);
    if (byKey === undefined) byGrowth.set(n.minGrowth, (byKey = new Map()));
    let b = byKey.get(key);
    if (b === undefined) {
      b = utf8(JSON.stringify(nextText(n, this.lang)));
      if (this.nextCount++ < MAX_NEXTS) byKey.set(key, b);
    }
    out.bytes(b);
  }

  /** An amount as JSON: its yuan as a quoted decimal string (formatYuan, the contract's), or null. */
  private money(fen: Fen | null, out: Utf8Buffer): void {
    if (fen === null) return out.bytes(K.null);
    out.byte(QUOTE);
    out.ascii(formatYuan(fen));
    out.byte(QUOTE);
  }

  /** A word of the rules (a status, a kind, a check's id, an article) as JSON, encoded once. */
  private word(s: string): Uint8Array {
    let b = this.words.get(s);
    if (b === undefined) this.words.set(s, (b = utf8(JSON.stringify(s))));
    return b;
  }

  /** The words of a message without arguments (a check that passed quietly, most often) as JSON, encoded once. */
  private plainText(key: string): Uint8Array {
    let b = this.plain.get(key);
    if (b === undefined) this.plain.set(key, (b = utf8(JSON.stringify(t({ key }, this.lang)))));
    return b;
  }

  /** `{"id":…,"passed":…,"detail":` for the check, after `},` but for the first. */
  private checkHead(c: Check, first: boolean): Uint8Array {
    let heads = this.checkHeads.get(c.id);
    if (heads === undefined) {
      const texts = [true, false, null].map((p) => `{"id":${JSON.stringify(c.id)},"passed":${p},"detail":`);
      this.checkHeads.set(c.id, (heads = [...texts, ...texts.map((h) => `},${h}`)].map(utf8)));
    }
    return heads[(first ? 0 : 3) + (c.passed === true ? 0 : c.passed === false ? 1 : 2)]!;
  }

  /**
   * `,"status":…,"kind":…,"amount":` for the result; with `noAmount`, on to `"amount":null,"tier":null,"checks":[`.
   */
  private statusKind(r: Result, noAmount: boolean): Uint8Array {
    let byKind = this.statusKinds.get(r.status);
    if (byKind === undefined) this.statusKinds.set(r.status, (byKind = new Map()));
    let b = byKind.get(r.kind);
    if (b === undefined) {
      const text = `,"status":${JSON.stringify(r.status)},"kind":${JSON.stringify(r.kind)},"amount":`;
      byKind.set(r.kind, (b = [utf8(text), utf8(`${text}null,"tier":null,"checks":[`)]));
    }
    return b[noAmount ? 1 : 0]!;
  }

  /** `{"policy":…,"measure":…,"article":…,"year":` for the result's measure. */
  private head(r: Result): Uint8Array {
    const h = this.heads.get(r.ref);
    if (h && h.policy === r.policy && h.measure === r.measure && h.article === r.article) return h.bytes;
    const bytes = utf8(`{"policy":${JSON.stringify(r.policy)},"measure":${JSON.stringify(r.measure)},"article":${JSON.stringify(r.article)},"year":`);
    this.heads.set(r.ref, { policy: r.policy, measure: r.measure, article: r.article, bytes });
    return bytes;
  }

  /** `,"notes":` and a list of notes as a JSON array of their words: the engine shares one list per measure and year. */
  private notesOf(notes: readonly Msg[]): Uint8Array {
    if (notes.length === 0) return K.noNotes;
    let b = this.notes.get(notes);
    if (b === undefined) this.notes.set(notes, (b = utf8(`,"notes":${JSON.stringify(notes.map((m) => t(m, this.lang)))}`)));
    return b;
  }

  /** `,"interpretation":{…}` and the parameters, with the closing brace: the same for a whole run. */
  private tailOf(interpretation: Interpretation): Uint8Array {
    if (interpretation !== this.tailFor) {
      this.tailFor = interpretation;
      this.tail = utf8(`,"interpretation":${JSON.stringify(interpretation)}${this.meta.params !== undefined ? `,"params":${JSON.stringify(this.meta.params)}` : ''}}`);
    }
    return this.tail;
  }
}

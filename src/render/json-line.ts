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
import { t, wordsOf, type Args, type Value, type Words } from './messages.js';
import { Utf8Buffer, utf8 } from './utf8-buffer.js';
import { writeAmountZh } from './amount.js';

const K = {
  id: utf8('{"id":'),
  name: utf8(',"name":'),
  district: utf8(',"district":'),
  results: utf8(',"results":['),
  total: utf8('],"total":'),
  tier: utf8(',"tier":'),
  checks: utf8(',"checks":['),
  article: utf8(',"article":'),
  missing: utf8('],"missing":'),
  supersededBy: utf8(',"supersededBy":'),
  reason: utf8(',"reason":'),
  /** The checks' end to the reason, for a result that misses nothing and is not superseded (most results). */
  nothingMissing: utf8('],"missing":[],"supersededBy":null,"reason":'),
  /** The same after the last check's closing brace. */
  closeNothingMissing: utf8('}],"missing":[],"supersededBy":null,"reason":'),
  noNotes: utf8(',"notes":[]'),
  next: utf8(',"next":{"year":'),
  threshold: utf8(',"threshold":'),
  minGrowth: utf8(',"minGrowth":'),
  growthYears: utf8(',"growthYears":'),
  salesForGrowth: utf8(',"salesForGrowth":'),
  detail: utf8(',"detail":'),
  null: utf8('null'),
};
/** Next tiers' pieces kept (a rule set has a few tiers and years; parameters given per run could have more). */
const MAX_NEXTS = 4096;
const COMMA = 44;
const QUOTE = 34;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
/** A whole number from 0 to 99: a tier or a count of years that fits two digits of a key. */
const small = (x: number): boolean => Number.isInteger(x) && x >= 0 && x < 100;
const CLOSE_BRACKET = 93;

/** The head of a result's object for one measure, up to its year: constant for the measure. */
interface Head {
  policy: string;
  measure: string;
  article: string;
  /** Up to the year: `{"policy":…,"measure":…,"article":…,"year":`. */
  text: string;
  /** On to the application year, by year × 100,000 + application year. */
  years: Map<number, Uint8Array>;
}

/** A next tier's constant bytes (JsonLineWriter.nextForm). */
interface NextForm {
  /** `,"next":{"year":…,"tier":…,"threshold":…,"minGrowth":…,"growthYears":…` */
  readonly head: Uint8Array;
  /** `,"detail":…}`: its words, where they do not name the sales the growth needs (made when first needed). */
  tail: Uint8Array | null;
}

/** A check's constant bytes (JsonLineWriter.form): what it is made for, and its pieces. */
interface CheckForm {
  readonly id: string;
  readonly passed: boolean | null;
  readonly articleWord: string | undefined;
  readonly hasArgs: boolean;
  /**
   * `whole`: a message without arguments, the whole check one piece; `words`: a message written as Words, pieces
   * around its values; `text`: other words (a function of the arguments, or a key without words), made by t().
   */
  readonly kind: 'whole' | 'words' | 'text';
  /**
   * From the head (for the first check, and after `},`) to the first value; for a message without arguments the
   * whole check; for other words, the head alone.
   */
  readonly open: readonly Uint8Array[];
  /** Bytes of the head in each `open`: where the detail's opening quote is. */
  readonly headLength: readonly number[];
  /** Bytes of the detail, quotes included, of a message without arguments. */
  readonly detailLength: number;
  /** The Words and their constant pieces as JSON string content (texts[0] is in `open`), for `words`. */
  readonly words: Words | null;
  readonly texts: readonly Uint8Array[];
  /**
   * Per value of the Words: the argument it shows as it is (Value.arg), and the amount it shows in Chinese
   * (Value.amountZh), read off the functions once here rather than for every line.
   */
  readonly args: ReadonlyArray<string | undefined>;
  readonly amounts: ReadonlyArray<Value['amountZh']>;
  /** The last piece, the closing quote and the article, for `words`. */
  readonly close: Uint8Array;
  /** `,"article":…`, or nothing. */
  readonly article: Uint8Array;
}

export class JsonLineWriter {
  private readonly heads = new Map<string, Head>();
  private readonly notes = new WeakMap<readonly Msg[], Uint8Array>();
  /** The constant bytes of checks, by message key (form()). */
  private readonly forms = new Map<string, CheckForm[]>();
  /** `,"status":…,"kind":…,"amount":` by status and kind, and the same on to the checks for no amount and tier. */
  private readonly statusKinds = new Map<string, Map<string, Uint8Array[]>>();
  /** The next tier's constant pieces (nextForm) by threshold, growth minimum, and year, tier and growth years. */
  private readonly nexts = new Map<Fen, Map<string, Map<number, NextForm>>>();
  private nextCount = 0;
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
      const f = this.form(c);
      // a check's head closes the check before it ("},{…"); a check's constant bytes are one piece, or two around
      // its values
      const first = i === 0 ? 0 : 1;
      const at = out.length + f.headLength[first]!;
      out.bytes(f.open[first]!);
      spans[2 * i] = at;
      if (f.kind === 'whole') {
        spans[2 * i + 1] = at + f.detailLength;
        continue;
      }
      if (f.kind === 'text') {
        out.json(t(c.msg, lang));
        spans[2 * i + 1] = out.length;
        out.bytes(f.article);
        continue;
      }
      const a = c.msg.args as Args;
      const w = f.words!;
      const u = w.unit ? w.unit(a) : undefined;
      const texts = f.texts;
      let plain = true;
      for (let j = 0; j < w.values.length; j++) {
        if (j > 0) out.bytes(texts[j]!);
        // an argument shown as it is that is a number (a year, a tier): its digits, as String() writes them
        const arg = f.args[j];
        if (arg !== undefined) {
          const x = a[arg];
          if (typeof x === 'number') {
            out.int(x);
            continue;
          }
        } else {
          // an amount in Chinese: its digits and unit, as money() words it
          const amount = f.amounts[j];
          if (amount !== undefined) {
            const x = amount.fen(a);
            if (typeof x === 'bigint') {
              writeAmountZh(out, x, u, amount.rounding);
              continue;
            }
          }
        }
        if (!out.jsonPart(w.values[j]!(a, u))) {
          plain = false;
          break;
        }
      }
      if (plain) {
        out.bytes(f.close);
        spans[2 * i + 1] = out.length - f.article.length;
      } else {
        // a value with a character to escape or a surrogate: the whole message through json()
        out.length = at;
        out.json(t(c.msg, lang));
        spans[2 * i + 1] = out.length;
        out.bytes(f.article);
      }
    }
    if (r.missing.length === 0 && r.supersededBy === null) out.bytes(checks.length > 0 ? K.closeNothingMissing : K.nothingMissing);
    else {
      if (checks.length > 0) out.byte(CLOSE_BRACE);
      out.bytes(K.missing);
      // the missing fields' paths as JSON.stringify writes a list of strings
      out.byte(OPEN_BRACKET);
      for (let i = 0; i < r.missing.length; i++) {
        if (i > 0) out.byte(COMMA);
        out.json(r.missing[i]!);
      }
      out.byte(CLOSE_BRACKET);
      out.bytes(K.supersededBy);
      if (r.supersededBy === null) out.bytes(K.null);
      else out.json(r.supersededBy);
      out.bytes(K.reason);
    }
    this.reason(r, out);
    out.bytes(this.notesOf(r.notes));
    if (r.next) this.next(r.next, out);
    out.byte(CLOSE_BRACE);
  }

  /**
   * `,"next":{…}`. Its keys and values up to the growth years follow from the tier alone (its year, number,
   * threshold, growth minimum and years), the same for every enterprise below it: one piece (nextForm). So do its
   * words unless they name the sales the growth minimum asks for (salesNeed).
   */
  private next(n: NextTier, out: Utf8Buffer): void {
    const f = this.nextForm(n);
    if (f === null) {
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
    } else out.bytes(f.head);
    if (n.salesForGrowth !== undefined) {
      out.bytes(K.salesForGrowth);
      this.money(n.salesForGrowth, out);
    }
    if (f !== null && salesNeed(n) === null) {
      out.bytes((f.tail ??= utf8(`,"detail":${JSON.stringify(nextText(n, this.lang))}}`)));
      return;
    }
    out.bytes(K.detail);
    out.json(nextText(n, this.lang));
    out.byte(CLOSE_BRACE);
  }

  /** The next tier's constant pieces, made once for each tier (a few thousand at most); null beyond. */
  private nextForm(n: NextTier): NextForm | null {
    // one number for the three, where that is unambiguous: whole numbers, the tier and the years below 100
    const key = n.year * 10_000 + n.tier * 100 + n.growthYears;
    if (!Number.isInteger(n.year) || !small(n.tier) || !small(n.growthYears) || !Number.isSafeInteger(key)) return null;
    let byGrowth = this.nexts.get(n.threshold);
    if (byGrowth === undefined) this.nexts.set(n.threshold, (byGrowth = new Map()));
    let byKey = byGrowth.get(n.minGrowth);
    if (byKey === undefined) byGrowth.set(n.minGrowth, (byKey = new Map()));
    let f = byKey.get(key);
    if (f === undefined) {
      if (this.nextCount >= MAX_NEXTS) return null;
      this.nextCount++;
      const head = `,"next":{"year":${n.year},"tier":${n.tier},"threshold":"${formatYuan(n.threshold)}","minGrowth":${JSON.stringify(n.minGrowth)},"growthYears":${n.growthYears}`;
      byKey.set(key, (f = { head: utf8(head), tail: null }));
    }
    return f;
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

  /** An amount as JSON: its yuan as a quoted decimal string (formatYuan, the contract's), or null. */
  private money(fen: Fen | null, out: Utf8Buffer): void {
    if (fen === null) return out.bytes(K.null);
    out.quotedAscii(formatYuan(fen));
  }

  /**
   * A check's constant bytes, made once for its id, outcome, message key, article and whether its message has
   * arguments: its head (`{"id":…,"passed":…,"detail":`, after `},` but for the first), then
   * - a message without arguments: its words and article, so that the whole check is one piece;
   * - a message written as Words (messages.ts): the opening quote and first constant piece, the pieces between its
   *   values, and the last piece with the closing quote and the article. JSON escapes each character on its own,
   *   so the pieces escaped and joined are the text escaped.
   */
  private form(c: Check): CheckForm {
    const msg = c.msg;
    const hasArgs = msg.args !== undefined;
    let forms = this.forms.get(msg.key);
    if (forms !== undefined) {
      for (let i = 0; i < forms.length; i++) {
        const f = forms[i]!;
        if (f.id === c.id && f.passed === c.passed && f.articleWord === c.article && f.hasArgs === hasArgs) return f;
      }
    } else this.forms.set(msg.key, (forms = []));
    const head = `{"id":${JSON.stringify(c.id)},"passed":${c.passed},"detail":`;
    const heads = [head, `},${head}`];
    const article = c.article ? `,"article":${JSON.stringify(c.article)}` : '';
    const words = hasArgs ? wordsOf(msg.key, this.lang) : null;
    const inner = (s: string): string => JSON.stringify(s).slice(1, -1);
    const kind = !hasArgs ? 'whole' : words ? 'words' : 'text';
    let open: string[] = heads;
    let texts: Uint8Array[] = [];
    let close = '';
    let detailLength = 0;
    if (kind === 'whole') {
      const detail = JSON.stringify(t({ key: msg.key }, this.lang));
      detailLength = utf8(detail).length;
      open = heads.map((h) => h + detail + article);
    } else if (kind === 'words') {
      const n = words!.values.length;
      open = heads.map((h) => `${h}"${inner(words!.texts[0]!)}`);
      texts = words!.texts.map((s) => utf8(inner(s)));
      close = `${n === 0 ? '' : inner(words!.texts[n]!)}"${article}`;
    }
    const f: CheckForm = {
      id: c.id,
      passed: c.passed,
      articleWord: c.article,
      hasArgs,
      kind,
      open: open.map(utf8),
      headLength: heads.map((h) => utf8(h).length),
      detailLength,
      words: kind === 'words' ? words : null,
      args: kind === 'words' ? words!.values.map((v) => v.arg) : [],
      amounts: kind === 'words' ? words!.values.map((v) => v.amountZh) : [],
      texts,
      close: utf8(close),
      article: utf8(article),
    };
    forms.push(f);
    return f;
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

  /** `{"policy":…,"measure":…,"article":…,"year":…,"applicationYear":…` for the result's measure and years. */
  private head(r: Result): Uint8Array {
    let h = this.heads.get(r.ref);
    if (!h || h.policy !== r.policy || h.measure !== r.measure || h.article !== r.article) {
      const text = `{"policy":${JSON.stringify(r.policy)},"measure":${JSON.stringify(r.measure)},"article":${JSON.stringify(r.article)},"year":`;
      this.heads.set(r.ref, (h = { policy: r.policy, measure: r.measure, article: r.article, text, years: new Map() }));
    }
    const { year, applicationYear } = r;
    // with its year and application year (a handful a measure): one piece, under both years as one number
    if (year >= 0 && year < 100_000 && applicationYear >= 0 && applicationYear < 100_000 && (year | 0) === year && (applicationYear | 0) === applicationYear) {
      const key = year * 100_000 + applicationYear;
      let b = h.years.get(key);
      if (b === undefined) h.years.set(key, (b = utf8(`${h.text}${year},"applicationYear":${applicationYear}`)));
      return b;
    }
    return utf8(`${h.text}${year},"applicationYear":${applicationYear}`);
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

/**
 * The fast paths of batch and validate must say what the slow, plain code says:
 * - the JSON writer (render/json-line.ts) writes each enterprise straight from its evaluation; the contract is
 *   toOutput (render/output.ts): for any enterprise, either language, with or without parameters and narrowed
 *   years, its line must be the very bytes of `toJson(toOutput(…), false)`;
 * - the money strings it and the messages use, now worked on digits, must match exact bigint arithmetic;
 * - validate reads rows check-only (no fen, no years kept), and must find the same problems as batch's reading;
 * - the budget by year carries amounts as numbers across threads while they are exact, and as bigints beyond;
 * - the award table's CSV line, written in one pass as UTF-8, is the bytes of csvLine(awardCells(awardRow(…))), for
 *   any id, name and district;
 * - a cell a spreadsheet would turn into a number is found without a regular expression, as the expression finds it;
 * - the fields a year gives, read field by field, are the fields its keys name;
 * - a whole amount of a unit becomes the fen BigInt(digits) × the unit gives, by numbers below 2^53 and beyond;
 * - diff compares two evaluations in step when they give the same results, and finds what matching by key finds;
 * - a CSV line without quotes, read straight from the text (mapLine), is the record its split cells make (mapRow).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnterprise } from '../src/domain/input.js';
import { LIST_IDS, recordOfYearList, yearData as yearDataOf, yearListOfRecord, type Enterprise, type YearData } from '../src/domain/enterprise.js';
import { DISTRICTS } from '../src/domain/districts.js';
import { FenSums, UNIT_FEN, fenNumber, fixed, formatYuan, geometricPercent, iroot, wholeUnitsToFen, type Fen, type Unit } from '../src/domain/money.js';
import { evaluate, type Evaluation, type RunOptions } from '../src/engine/evaluate.js';
import { DEFAULT_INTERPRETATION } from '../src/engine/interpretation.js';
import { buildRuleSet, publishedRuleSet } from '../src/engine/ruleset.js';
import { DiffAccumulator, compareEvaluations } from '../src/diff/compare.js';
import type { NextTier, Result } from '../src/domain/result.js';
import { BLANK_LINE, MAX_CELL, mapLine, mapRow, planColumns } from '../src/io/row.js';
import { isBlankRecord } from '../src/io/csv-split.js';
import { YearTotals, yearContributionOf } from '../src/batch/year-totals.js';
import { summaryMeasures } from '../src/render/summary.js';
import { amountIn, inUnitRounded, sentenceUnit, writeAmountZh } from '../src/render/amount.js';
import { JsonLineWriter } from '../src/render/json-line.js';
import { AwardCsvLine, awardCells, awardColumns, awardRow, columnIndex, type AwardColumn, type ColumnIndex } from '../src/render/award-table.js';
import { Utf8Buffer } from '../src/render/utf8-buffer.js';
import { csvLine, mangledAsNumber } from '../src/render/csv.js';
import { toJson, toOutput, type RunMeta } from '../src/render/output.js';
import { interpretation } from './helpers/arbitraries.js';
import { fieldMask } from '../src/engine/presence.js';
import { SummaryAggregator } from '../src/batch/aggregate.js';
import { YearsAggregator } from '../src/batch/glance.js';
import { FlatCollector, addPiece } from '../src/batch/flat-pieces.js';
import { NO_DISTRICT } from '../src/render/summary.js';
import { YEAR_FIELDS } from '../src/domain/enterprise.js';

const rs = publishedRuleSet();
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028];
const fen = fc.oneof(fc.bigInt({ min: 0n, max: 12_000_000_000_000n }), fc.constantFrom(0n, 1n, 99n, 100n, 1_000_000n, 300_000_000_000n, 2n ** 53n + 7n));

const yearData: fc.Arbitrary<YearData> = fc.record(
  {
    onlineRetailSales: fen,
    nbsDirectReporting: fc.boolean(),
    newlyAboveQuota: fc.boolean(),
    brandPromotionExpense: fen,
    bondedZoneRent: fen,
    highSalaryStaff: fc.integer({ min: 0, max: 40 }),
    rdExpensed: fen,
    rdCapitalized: fen,
    newListing: fc.boolean(),
    staffEducationExpense: fen,
    crossBorderRetailExport: fc.boolean(),
  },
  { requiredKeys: [] },
);

/**
 * Names a JSON writer must escape or encode with care: quotes, backslashes, control characters, lone surrogates,
 * characters of one to four bytes in UTF-8 (the writer encodes them itself).
 */
const name = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('广州"天河"电商\\有限公司', 'a\u0000b\u001f\n\t', '\ud800 lone', 'lone \udfff', '=1+2', 'ß€😀\u007f\u0080\u07ff\u0800\uffff'),
);

const enterprise: fc.Arbitrary<Enterprise> = fc
  .record({
    name: fc.option(name, { nil: undefined }),
    district: fc.option(fc.constantFrom(...DISTRICTS.map((d) => d.name)), { nil: undefined }),
    years: fc.dictionary(fc.constantFrom(...YEARS.map(String)), yearData, { maxKeys: 6 }),
    lists: fc.array(fc.record({ list: fc.constantFrom(...LIST_IDS), year: fc.constantFrom(...YEARS) }), { maxLength: 4 }),
    tracks: fc.subarray(['ecommerce', 'livestream', 'cross-border'] as const, { minLength: 1 }),
    prior: fc.option(fc.record({ year: fc.constantFrom(2024, 2025, 2026), tier: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
    hlf: fc.subarray(['gz-2025-ecommerce/scale-tier', 'gz-2019-ecommerce/brand-promotion@2020', 'gz-2024-cross-border/scale-growth']),
  })
  .map(({ name, district, years, lists, tracks, prior, hlf }) => ({
    id: '91440101MA5CJQ4N59',
    ...(name !== undefined ? { name } : {}),
    ...(district !== undefined ? { district } : {}),
    tracks: [...tracks],
    years: Object.fromEntries(Object.entries(years).map(([y, d]) => [Number(y), d])),
    lists,
    projects: [],
    priorAwards: prior ? [{ measure: 'scale-tier', ...prior }] : [],
    higherLevelFunding: hlf,
  }));

const meta: fc.Arbitrary<RunMeta> = fc.constantFrom({}, { params: null }, { params: { file: 'reform "a".yaml', sha256: 'ab'.repeat(32) } });

function same(e: Enterprise, lang: 'zh' | 'en', m: RunMeta, opts: RunOptions): void {
  const ev = evaluate(e, rs, opts);
  expect(new JsonLineWriter(lang, m).line(ev)).toBe(toJson(toOutput(ev, lang, m), false));
}

describe('the JSON line writer writes what toOutput says', () => {
  it('for random enterprises, both languages, every interpretation, with and without parameters', () => {
    fc.assert(
      fc.property(enterprise, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, meta, interpretation, fc.boolean(), fc.option(fc.constantFrom(2025, 2026), { nil: null }), (e, lang, m, interp, all, year) => {
        same(e, lang, m, { interpretation: interp, all, years: year === null ? null : new Set([year]) });
      }),
      { numRuns: 400 },
    );
  });

  it('one writer for many random enterprises in turn: what it keeps from one (a next tier\'s words) is right for the next', () => {
    fc.assert(
      fc.property(fc.array(enterprise, { minLength: 2, maxLength: 8 }), fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, interpretation, (es, lang, interp) => {
        const w = new JsonLineWriter(lang, {});
        for (const e of es) {
          const ev = evaluate(e, rs, { interpretation: interp, all: true, years: null });
          expect(w.line(ev)).toBe(toJson(toOutput(ev, lang, {}), false));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('checks the rules never make: an article on any check (shown in the reason too), and values to escape', () => {
    // The rules give few checks an article of their own, and a message's values are years, amounts and list names,
    // which never need escaping: both are put on random checks here (a text in place of a year), so that the writer's pieces around them (the
    // article after the words, the whole message through json() when a value must be escaped) are held to toOutput.
    const odd = fc.constantFrom('第三条（二）', 'art. "3"\\', 'a\u0001b', '\ud800', '😀');
    fc.assert(
      fc.property(
        fc.array(enterprise, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>,
        fc.infiniteStream(fc.tuple(fc.option(odd, { nil: undefined }), fc.option(odd, { nil: undefined }))),
        (es, lang, draws) => {
          const w = new JsonLineWriter(lang, {});
          for (const e of es) {
            const ev = evaluate(e, rs, { interpretation: DEFAULT_INTERPRETATION, all: true, years: null });
            const results = ev.results.map((r) => ({
              ...r,
              checks: r.checks.map((c) => {
                const [article, value] = draws.next().value as [string | undefined, string | undefined];
                const args = c.msg.args && value !== undefined ? Object.fromEntries(Object.entries(c.msg.args).map(([k, v]) => [k, /year/i.test(k) ? value : v])) : c.msg.args;
                return { ...c, ...(article !== undefined ? { article } : {}), msg: { ...c.msg, ...(args !== undefined ? { args } : {}) } };
              }),
            }));
            const changed = { ...ev, results } as Evaluation;
            expect(w.line(changed)).toBe(toJson(toOutput(changed, lang, {}), false));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('next tiers and years the rules never make, and more tiers than the writer keeps pieces for', () => {
    // The writer keeps a next tier's keys and values up to its growth years as one piece, and its words when they
    // do not name the sales the growth asks for, for up to 4,096 tiers; past that, or for a tier or growth years of
    // 100 and more, it writes them piece by piece. Random tiers on the results that have one, and one writer
    // shown 5,000 different tiers, are held to toOutput.
    const next = fc.record({
      year: fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(2.5, -3, 0)),
      tier: fc.oneof(fc.integer({ min: 1, max: 150 }), fc.constantFrom(0, 0.5, -1)),
      threshold: fc.bigInt({ min: 0n, max: 10n ** 20n }),
      minGrowth: fc.constantFrom('0.10', '0.06', '1', '0.125', 'x"\\'),
      growthYears: fc.integer({ min: 1, max: 120 }),
      salesForGrowth: fc.option(fc.bigInt({ min: 0n, max: 10n ** 20n }), { nil: undefined }),
    });
    const oddYear = fc.tuple(...[0, 1].map(() => fc.constantFrom(null, null, null, -3, 0, 99_999, 100_000, 2.5)));
    const withNext = (ev: Evaluation, draw: () => NextTier): Evaluation =>
      ({ ...ev, results: ev.results.map((r) => (r.next ? { ...r, next: draw() } : r)) }) as Evaluation;
    fc.assert(
      fc.property(fc.array(enterprise, { minLength: 1, maxLength: 4 }), fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, fc.infiniteStream(next), fc.infiniteStream(oddYear), (es, lang, draws, years) => {
        const w = new JsonLineWriter(lang, {});
        for (const e of es) {
          const ev = withNext(evaluate(e, rs, { interpretation: DEFAULT_INTERPRETATION, all: true, years: null }), () => {
            const n = draws.next().value as NextTier;
            return n.salesForGrowth === undefined ? { year: n.year, tier: n.tier, threshold: n.threshold, minGrowth: n.minGrowth, growthYears: n.growthYears } : n;
          });
          // and a result's year and application year beyond the writer's pieces for them, now and then
          ev.results = ev.results.map((r) => {
            const [y, ay] = years.next().value as [number | null, number | null];
            return { ...r, ...(y !== null ? { year: y } : {}), ...(ay !== null ? { applicationYear: ay } : {}) };
          });
          expect(w.line(ev)).toBe(toJson(toOutput(ev, lang, {}), false));
        }
      }),
      { numRuns: 200 },
    );
    const base = evaluate(parseEnterprise(JSON.parse(readFileSync(new URL('../fixtures/enterprises/tianhe-retailer.json', import.meta.url), 'utf8'))).enterprise!, rs, {
      interpretation: DEFAULT_INTERPRETATION,
      all: true,
      years: null,
    });
    const first = base.results.find((r) => r.next)!.next!;
    const w = new JsonLineWriter('zh', {});
    let nexts = 0;
    for (let i = 0; i < 5000; i++) {
      // every fifth tier the same as one before (kept or not); salesForGrowth now below the threshold, now above
      const k = i % 5 === 4 ? i - 4 : i;
      const ev = withNext(base, () => ({ ...first, threshold: first.threshold + BigInt(k), salesForGrowth: first.threshold + BigInt(i % 3 === 0 ? 1_000_000 : -1) }));
      nexts += ev.results.filter((r) => r.next).length;
      expect(w.line(ev)).toBe(toJson(toOutput(ev, 'zh', {}), false));
    }
    expect(nexts).toBeGreaterThanOrEqual(5000);
    // year 2, tier 50 and year 2.5, tier 0 make the same number (25,001 with one growth year): not the same piece
    const w2 = new JsonLineWriter('zh', {});
    for (const [year, tier] of [
      [2, 50],
      [2.5, 0],
    ] as const) {
      const ev = withNext(base, () => ({ ...first, year, tier, growthYears: 1 }));
      expect(w2.line(ev)).toBe(toJson(toOutput(ev, 'zh', {}), false));
    }
  });

  it('for the bundled enterprises, and one writer used for many enterprises in turn', () => {
    const dir = new URL('../fixtures/enterprises/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const lang of ['zh', 'en'] as const) {
      const w = new JsonLineWriter(lang, {});
      for (const f of files) {
        const { enterprise: e } = parseEnterprise(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
        const ev = evaluate(e!, rs, { interpretation: DEFAULT_INTERPRETATION, years: null, all: true });
        expect(ev.results.length).toBeGreaterThan(0);
        expect(w.line(ev)).toBe(toJson(toOutput(ev, lang, {}), false));
      }
    }
  });
});

/** The unit of a sentence as it was first written (every amount tried against each unit in turn): the reference. */
function referenceSentenceUnit(fens: readonly (Fen | null | undefined)[]): Unit {
  const units: Unit[] = ['亿元', '万元', '元'];
  let max: Fen | null = null;
  for (const f of fens) if (typeof f === 'bigint' && (max === null || f > max)) max = f;
  if (max === null) return '元';
  let i = units.indexOf(max >= UNIT_FEN.亿元 ? '亿元' : max >= UNIT_FEN.万元 ? '万元' : '元');
  while (i < units.length - 1 && fens.some((f) => typeof f === 'bigint' && f > 0n && f < UNIT_FEN[units[i]!] / 100n)) i++;
  return units[i]!;
}

describe('the one unit of a sentence', () => {
  it('is the unit the first version chose, for any amounts (none, zero, missing, at each unit\'s hundredth)', () => {
    const amount = fc.oneof(fen, fc.constantFrom(null, undefined, 0n, 1n, 99n, 9_999n, 10_000n, 99_999_999n, 100_000_000n, 999_999n, 1_000_000n));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 5 }), (fens) => {
        expect(sentenceUnit(fens)).toBe(referenceSentenceUnit(fens));
      }),
      { numRuns: 3000 },
    );
  });
});

/** The arithmetic the digit-based formatters replaced: the reference. */
function referenceUnit(f: Fen, unit: Unit, rounding: 'down' | 'up'): string {
  const step = UNIT_FEN[unit] / 100n;
  const h = rounding === 'up' ? (f + step - 1n) / step : f / step;
  return `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`.replace(/0+$/, '').replace(/\.$/, '');
}

describe("the award table's CSV line in one pass", () => {
  // ids a spreadsheet would mangle (all digits, E notation) and cells that must be neutralised or quoted
  const id = fc.constantFrom('91440101MA5CJQ4N59', '914401011904434208', '1234567890123456E7', '=HYPERLINK("x")', 'a,b', '');
  /** The reference's bytes: the line as csvLine makes it from the row's cells, encoded by Node. */
  const reference = (ev: Evaluation, cols: AwardColumn[], index: ColumnIndex) => Buffer.from(csvLine(awardCells(awardRow(ev, cols, index))), 'utf8');
  /** What the writer writes for the evaluations in turn, into one buffer after `before`. */
  function written(w: AwardCsvLine, evs: Evaluation[], before: string): Buffer {
    const b = new Utf8Buffer();
    b.add(before);
    const start = b.length;
    for (const ev of evs) w.write(ev, b);
    return Buffer.from(b.take()).subarray(start);
  }

  it('is the bytes of csvLine(awardCells(awardRow(…))) for random enterprises, every interpretation, narrowed years', () => {
    fc.assert(
      fc.property(enterprise, enterprise, id, interpretation, fc.boolean(), fc.option(fc.constantFrom(2025, 2026), { nil: null }), (e, e2, theId, interp, all, year) => {
        const years = year === null ? null : new Set([year]);
        const cols = awardColumns(rs, years);
        const index = columnIndex(cols);
        const ev = evaluate({ ...e, id: theId }, rs, { interpretation: interp, all, years });
        const ev2 = evaluate(e2, rs, { interpretation: interp, all, years });
        const w = new AwardCsvLine(cols, index);
        const want = reference(ev, cols, index);
        // a writer is reused row after row: nothing of one row is left in the next
        expect(written(w, [ev, ev2, ev], '').equals(Buffer.concat([want, reference(ev2, cols, index), want]))).toBe(true);
        // line() is the text of those bytes (a lone surrogate comes back as U+FFFD, as from any UTF-8)
        expect(w.line(ev)).toBe(want.toString('utf8'));
      }),
      { numRuns: 400 },
    );
  });

  it('writes any id, name and district as csvCell makes them, encoded: any UTF-16 code units, formulas, quotes, long digits', () => {
    /** Any UTF-16 code units, lone surrogates of both halves included. */
    const codeUnits = fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)) });
    const text = fc.oneof(codeUnits, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    // what csvCell changes: a formula's first character, a quote, a comma or a line break anywhere, digits a
    // spreadsheet would mangle (16 or more, or E notation in 18 characters), and text on either side
    const lead = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', '\n', '\r\n', '-1', '+1.5', '');
    const digits = fc.oneof(
      fc.stringMatching(/^[0-9]{15,22}$/),
      fc.tuple(fc.stringMatching(/^[0-9]{16,18}$/), fc.nat(15), fc.constantFrom('E', 'e')).map(([d, i, e]) => d.slice(0, i + 1) + e + d.slice(i + 1)),
    );
    const cellText = fc.oneof(
      text,
      fc.tuple(lead, text, fc.constantFrom('', '"', ',', '\n', '\r', '""', '\ud800', '\udc00')).map(([a, b, c]) => a + b + c),
      digits,
      fc.constantFrom('广州"天河"电商,有限公司', '=1+2', '@SUM(A1)', '\t广州', '-1500000.00', '914401011904434208', '1234567890123456E7', '\ud800', 'a\udfff', '😀\ud83d'),
    );
    const districtText = fc.oneof(cellText, fc.constantFrom(...DISTRICTS.map((d) => d.name)));
    fc.assert(
      fc.property(enterprise, cellText, fc.option(cellText, { nil: undefined }), fc.option(districtText, { nil: undefined }), text, (e, theId, name, district, before) => {
        const cols = awardColumns(rs, null);
        const index = columnIndex(cols);
        const ev = evaluate({ ...e, id: theId, name, district }, rs, { interpretation: DEFAULT_INTERPRETATION, all: false, years: null });
        const w = new AwardCsvLine(cols, index);
        // after any text (a lone half at the end of what came before stays a piece of its own)
        expect(written(w, [ev], before).equals(reference(ev, cols, index))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds what /^(\\d{16,}|(?=.{18}$)\\d+E\\d+)$/i finds', () => {
    const re = /^(\d{16,}|(?=.{18}$)\d+E\d+)$/i;
    const cell = fc.oneof(fc.stringMatching(/^[0-9Ee.]{0,22}$/), fc.string(), fc.constantFrom('914401011904434208', '1234567890123456E7', '12345678901234567e', 'E12345678901234567', '123456789012345E6'));
    fc.assert(
      fc.property(cell, (v) => {
        expect(mangledAsNumber(v)).toBe(re.test(v));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the yearly fields a year gives', () => {
  it('are the bits of the keys it holds with a value', () => {
    const bit = Object.fromEntries(Object.keys(YEAR_FIELDS).map((f, i) => [f, 1 << i]));
    fc.assert(
      fc.property(yearData, (d) => {
        let want = 0;
        for (const [f, v] of Object.entries(d)) if (v !== undefined) want |= bit[f]!;
        expect(fieldMask(d)).toBe(want);
      }),
      { numRuns: 2000 },
    );
    // every field the arbitrary can give is a field of YEAR_FIELDS, and the other way round
    expect(Object.keys(fc.sample(yearData.filter((d) => Object.keys(d).length === 11), 1)[0]!).sort()).toEqual(Object.keys(YEAR_FIELDS).sort());
  });
});

describe('whole amounts of a unit to fen', () => {
  it('is BigInt(digits) × the unit, at the 2^53 boundary and anywhere', () => {
    const units = ['元', '万元', '亿元'] as const;
    // the last whole units below 2^53 fen, and the first beyond: 90071992547409 元 is 9007199254740900 fen
    const edges = ['90071992547409', '90071992547410', '9007199254', '9007199255', '900719', '900720', '999999999999999', '000000000000123', '0'];
    for (const unit of units) for (const d of edges) expect(wholeUnitsToFen(d, unit)).toBe(BigInt(d) * UNIT_FEN[unit]);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,15}$/), fc.constantFrom(...units), (d, unit) => {
        expect(wholeUnitsToFen(d, unit)).toBe(BigInt(d) * UNIT_FEN[unit]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("diff's comparison of two evaluations", () => {
  /** The comparison as it was first written: every result matched by its key. */
  function reference(base: Evaluation, next: Evaluation) {
    const key = (r: Result) => `${r.policy}/${r.measure}@${r.year}`;
    const state = (r: Result) => ({ status: r.status, amount: r.amount, tier: r.tier, supersededBy: r.supersededBy });
    const before = new Map(base.results.map((r) => [key(r), r]));
    const changes: unknown[] = [];
    for (const r of next.results) {
      const b = before.get(key(r));
      before.delete(key(r));
      if (!b) changes.push({ ref: `${r.policy}/${r.measure}`, year: r.year, before: null, after: state(r) });
      else if (JSON.stringify(state(b), (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) !== JSON.stringify(state(r), (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))
        changes.push({ ref: `${r.policy}/${r.measure}`, year: r.year, before: state(b), after: state(r) });
    }
    for (const r of before.values()) changes.push({ ref: `${r.policy}/${r.measure}`, year: r.year, before: state(r), after: null });
    return changes;
  }
  const tiers = { thresholds: [5_000_000_000, 10_000_000_000, 20_000_000_000, 50_000_000_000, 100_000_000_000] };
  // a reform that moves thresholds (the same results), and one that adds a year (results the other run lacks)
  const reforms = [buildRuleSet({ 'gz-2025-ecommerce/scale-tier': tiers }), buildRuleSet({ 'gz-2025-ecommerce/scale-tier': { ...tiers, years: [2025, 2026, 2027, 2028] } })];
  it('finds the changes matching by key finds, in the same order, both ways round', () => {
    fc.assert(
      fc.property(enterprise, fc.constantFrom(0, 1), fc.boolean(), fc.boolean(), (e, which, swap, all) => {
        const opts: RunOptions = { interpretation: DEFAULT_INTERPRETATION, years: null, all };
        const a = evaluate(e, rs, opts);
        const b = evaluate(e, reforms[which]!, opts);
        const [base, next] = swap ? [b, a] : [a, b];
        expect(compareEvaluations(base, next).changes).toEqual(reference(base, next));
      }),
      { numRuns: 400 },
    );
  });

  it('counts an enterprise once per measure eligible, however many of its years are, and sums every cash amount', () => {
    fc.assert(
      fc.property(fc.array(enterprise, { maxLength: 6 }), fc.constantFrom(0, 1), fc.boolean(), (es, which, all) => {
        const opts: RunOptions = { interpretation: DEFAULT_INTERPRETATION, years: null, all };
        const acc = new DiffAccumulator([], 0);
        const want = new Map<string, { eligibleBefore: number; eligibleAfter: number; before: bigint; after: bigint }>();
        for (const e of es) {
          const [a, b] = [evaluate(e, rs, opts), evaluate(e, reforms[which]!, opts)];
          acc.add(a, b);
          for (const [ev, side] of [[a, 'before'], [b, 'after']] as const) {
            const seen = new Set<string>();
            for (const r of ev.results) {
              if (r.status !== 'eligible') continue;
              const m = want.get(r.ref) ?? { eligibleBefore: 0, eligibleAfter: 0, before: 0n, after: 0n };
              want.set(r.ref, m);
              if (!seen.has(r.ref)) m[side === 'before' ? 'eligibleBefore' : 'eligibleAfter']++;
              seen.add(r.ref);
              if (r.amount !== null && (r.kind === 'cash-cap' || r.kind === 'cash-formula')) m[side] += r.amount;
            }
          }
        }
        expect(new Map(acc.result().byMeasure)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});

describe('money strings from digits', () => {
  it('formatYuan is fen ÷ 100 with two decimals', () => {
    expect(formatYuan(0n)).toBe('0.00');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(50n)).toBe('0.50');
    expect(formatYuan(150_000_000n)).toBe('1500000.00');
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (f) => {
        expect(formatYuan(f)).toBe(`${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`);
      }),
    );
  });

  it('an amount in Chinese written straight into the JSON line is the bytes of amountIn', () => {
    const b = new Utf8Buffer();
    const written = (f: Fen, unit: Unit | undefined, rounding: 'down' | 'up') => {
      writeAmountZh(b, f, unit, rounding);
      return b.textFrom(0);
    };
    expect(written(13_312_345_678n, undefined, 'down')).toBe('1.33亿元');
    expect(written(13_312_345_678n, '万元', 'up')).toBe('13312.35万元');
    expect(written(0n, undefined, 'down')).toBe('0元');
    expect(written(9_999n, '亿元', 'down')).toBe('0亿元');
    expect(written(1n, '亿元', 'up')).toBe('0.01亿元');
    expect(written(-150n, '元', 'down')).toBe(amountIn(-150n, 'zh', '元', 'down'));
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 22n }), fc.bigInt({ min: 0n, max: 100_000n })),
        fc.constantFrom(undefined, '元', '万元', '亿元') as fc.Arbitrary<Unit | undefined>,
        fc.constantFrom('down', 'up') as fc.Arbitrary<'down' | 'up'>,
        (f, unit, rounding) => {
          expect(written(f, unit, rounding)).toBe(amountIn(f, 'zh', unit, rounding));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an amount in 元, 万元 or 亿元, rounded down or up, is what bigint division gives', () => {
    expect(inUnitRounded(13_312_345_678n, '亿元', 'down')).toBe('1.33');
    expect(inUnitRounded(13_312_345_678n, '亿元', 'up')).toBe('1.34');
    expect(inUnitRounded(300_000_000_000n, '亿元', 'down')).toBe('30');
    expect(inUnitRounded(1_050_000n, '万元', 'down')).toBe('1.05');
    expect(inUnitRounded(1_500_000n, '万元', 'down')).toBe('1.5');
    expect(inUnitRounded(9_999n, '亿元', 'down')).toBe('0');
    expect(inUnitRounded(1n, '亿元', 'up')).toBe('0.01');
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: 0n, max: 100_000n })), fc.constantFrom('元', '万元', '亿元') as fc.Arbitrary<Unit>, fc.constantFrom('down', 'up') as fc.Arbitrary<'down' | 'up'>, (f, unit, rounding) => {
        expect(inUnitRounded(f, unit, rounding)).toBe(referenceUnit(f, unit, rounding));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validate checks a row as batch reads it', () => {
  const headers = ['id', 'name', 'district', 'tracks', 'onlineRetailSales_2025', 'nbsDirectReporting_2025', 'highSalaryStaff_2025', 'brandPromotionExpense_2026', 'honghu', 'prior_awards'];
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '91440101MA5CJQ4N59', '91440101MA5CJQ4N5X', '天河区', '火星区', 'ecommerce', 'livestream;x', '300000000', '3.1e9', '1,200', '-5', '0.001', '12万', 'true', 'false', '是', 'maybe', '7', '2025', '2025直播', 'scale-tier@2025:1', 'x@1'),
    fc.string({ maxLength: 12 }),
  );
  it('a check-only reading finds the same problems and rejects the same rows', () => {
    const plan = planColumns(headers);
    fc.assert(
      fc.property(fc.array(cell, { minLength: headers.length - 1, maxLength: headers.length + 1 }), fc.constantFrom('元', '万元') as fc.Arbitrary<Unit>, (cells, unit) => {
        const full = mapRow(plan, cells, 2, { unit });
        const check = mapRow(plan, cells, 2, { unit, checkOnly: true });
        expect(check.problems).toEqual(full.problems);
        expect(check.enterprise === null).toBe(full.enterprise === null);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the budget by year stays exact beyond 2^53 fen', () => {
  it('an amount crosses as a number while exact and as a bigint beyond, and sums to the fen', () => {
    const measures = summaryMeasures(rs);
    const index = new Map(measures.map((m, i) => [m.ref, i]));
    const ref = 'gz-2025-ecommerce/scale-tier';
    const result = (amount: bigint) => ({ policy: 'gz-2025-ecommerce', measure: 'scale-tier', ref, status: 'eligible', kind: 'cash-cap', amount, year: 2025, applicationYear: 2026 });
    const big = 2n ** 60n + 1n; // 11,529,215,046,068,469.77 元: not a JS number
    const ev = { enterprise: { district: '天河区' }, results: [result(big), result(3n)] } as unknown as Evaluation;
    const piece = yearContributionOf(ev, index);
    expect(piece[3]).toBe(big);
    expect(piece[8]).toBe(3);
    const totals = new YearTotals(measures);
    totals.add(0, piece);
    totals.add(0, structuredClone(piece)); // as it arrives from a worker thread
    const [cell] = totals.years('payment');
    expect(cell!.year).toBe(2026);
    expect(cell!.total).toBe(2n * (big + 3n));
    expect(cell!.measureAmount[index.get(ref)!]).toBe(2n * (big + 3n));
  });
});

describe('sums of fen as numbers while exact', () => {
  const MAX = BigInt(Number.MAX_SAFE_INTEGER);
  // amounts near 2^53 and across it, either sign, given as fenNumber gives them (a number while exact) or as bigints
  const fen = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: MAX - 1000n, max: MAX + 1000n }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.constantFrom(0n, 1n, MAX, MAX + 1n, -MAX, 2n ** 53n));

  it('every sum is the bigint sum, to the fen, in any order of numbers and bigints', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fen, fc.boolean()), { maxLength: 60 }), (adds) => {
        const sums = new FenSums(4);
        const want = [0n, 0n, 0n, 0n];
        for (const [i, f, asBigint] of adds) {
          sums.add(i, asBigint ? f : fenNumber(f));
          want[i]! += f;
        }
        expect([0, 1, 2, 3].map((i) => sums.value(i))).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('crosses 2^53 − 1 by one fen without losing it', () => {
    const sums = new FenSums(1);
    sums.add(0, Number.MAX_SAFE_INTEGER);
    sums.add(0, 1);
    sums.add(0, 1);
    expect(sums.value(0)).toBe(MAX + 2n);
  });
});

describe("a block's pieces for the summary and the year totals, crossing threads flat", () => {
  const measures = summaryMeasures(rs);
  const m = fc.nat(measures.length - 1);
  // fen as fenNumber gives it: a number while exact, a bigint beyond 2^53 (now and then: the block then keeps its pieces as they are)
  const amount = fc.oneof({ arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n }).map(fenNumber), weight: 30 }, { arbitrary: fc.bigInt({ min: 2n ** 53n, max: 2n ** 60n }), weight: 1 });
  const district = fc.nat(NO_DISTRICT);
  const summaryPiece = fc.tuple(district, fc.array(fc.tuple(m, amount), { maxLength: 5 })).map(([d, xs]) => [d, ...xs.flat()]);
  const yearsPiece = fc.tuple(district, fc.array(fc.tuple(m, fc.integer({ min: 2023, max: 2028 }), fc.integer({ min: 2023, max: 2029 }), amount, fc.nat(3)), { maxLength: 4 })).map(([d, xs]) => [d, ...xs.flat()]);

  it('give the same summary and year totals as the pieces themselves, bigints beyond 2^53 included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(summaryPiece, yearsPiece), { maxLength: 40 }), (pieces) => {
        const direct = [new SummaryAggregator(rs), new YearsAggregator(rs)];
        const flat = [new SummaryAggregator(rs), new YearsAggregator(rs)];
        const collectors = [new FlatCollector(), new FlatCollector()];
        for (const p of pieces) {
          for (let a = 0; a < 2; a++) {
            direct[a]!.add(p[a]!);
            collectors[a]!.push(p[a]!);
          }
        }
        // as a worker's result arrives: cloned
        const blocks = structuredClone(collectors.map((c) => c.take()));
        for (let i = 0; i < pieces.length; i++) for (let a = 0; a < 2; a++) addPiece(flat[a]!, blocks[a]!, i);
        expect((flat[0] as SummaryAggregator).summary.rows()).toEqual((direct[0] as SummaryAggregator).summary.rows());
        for (const basis of ['payment', 'performance'] as const) expect((flat[1] as YearsAggregator).totals.years(basis)).toEqual((direct[1] as YearsAggregator).totals.years(basis));
        // numbers only: the block went flat
        if (pieces.every((p) => p.flat().every((v) => typeof v === 'number'))) expect(Array.isArray(blocks[0])).toBe(false);
        // an aggregator that does not read pieces flat gets each as an array again
        const seen: unknown[] = [];
        for (let i = 0; i < pieces.length; i++) addPiece({ add: (p: unknown) => seen.push(p), finish: async () => undefined }, blocks[0]!, i);
        expect(seen).toEqual(pieces.map((p) => p[0]));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the integer root of a growth rate, from a float guess settled exactly', () => {
  const MAX = BigInt(Number.MAX_SAFE_INTEGER);
  // perfect powers and their neighbours (where a float root is most often one off), around 2^53, and beyond it
  const value = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.tuple(fc.bigInt({ min: 2n, max: 3_000_000n }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: -2, max: 2 })).map(([b, n, d]) => b ** BigInt(n) + BigInt(d)),
    fc.bigInt({ min: MAX - 1000n, max: MAX + 1000n }),
    fc.bigInt({ min: 0n, max: 2n ** 90n }),
  );

  it('is the largest r with r^n ≤ v', () => {
    fc.assert(
      fc.property(value.filter((v) => v >= 0n), fc.integer({ min: 1, max: 6 }), (v, n) => {
        const r = iroot(v, n);
        const k = BigInt(n);
        expect(r ** k <= v && (r + 1n) ** k > v).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a fixed-point string is the quotient and remainder by a power of ten; the geometric rate, the root of the ratio so scaled', () => {
    const refFixed = (v: bigint, d: number): string => {
      const abs = v < 0n ? -v : v;
      const scale = 10n ** BigInt(d);
      return (v < 0n ? '-' : '') + String(abs / scale) + (d > 0 ? '.' + String(abs % scale).padStart(d, '0') : '');
    };
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 8 }), (v, d) => {
        expect(fixed(v, d)).toBe(refFixed(v, d));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), (start, end, n, d) => {
        const scale = 10n ** BigInt(d + 2);
        expect(geometricPercent(start, end, n, d)).toBe(refFixed(iroot((end * scale ** BigInt(n)) / start, n) - scale, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows the rate the engine decides on: 100 → 121 over two years is 10.000%', () => {
    expect(geometricPercent(100n, 121n, 2)).toBe('10.000');
    expect(geometricPercent(100n, 120n, 2)).toBe('9.544'); // √1.2 = 1.0954451…
    expect(geometricPercent(3n, 3n * 6n ** 5n, 5)).toBe('500.000'); // ×6 a year: an exact fifth root
  });
});

describe('a CSV line read straight from the text', () => {
  const headers = ['id', 'name', 'district', 'tracks', 'online_retail_sales_2025', 'online_retail_sales_2026', '实物商品网上零售额_2024（万元）', 'nbs_direct_reporting_2025', 'high_salary_staff_2025', 'brand_promotion_expense_2026', 'unknown', 'list_honghu', 'prior_awards'];
  const junk = fc.oneof(
    fc.constantFrom('', ' ', '  ', '\u3000', '9.14401011904434E+17', '火星区', 'livestream;x', '="123"', '3.1e9', '1,200', '-5', '0.001', '12万', '1.5亿元', 'TRUE', 'true ', ' false', '是', 'maybe', 'x@1', 'x'.repeat(MAX_CELL + 1)),
    fc.string({ maxLength: 12 }).filter((s) => !/["\r\n]/.test(s)),
  );
  // mostly within the limit of 100 万亿元 in any unit (10^6 亿元), so that most rows are accepted; now and then past it
  const amount = fc.oneof(
    { arbitrary: fc.constantFrom('', '0', '007', '300000000', '900719', '900720', '999999999999999', '1000000000000000', '90071992547409', ' 12', '12 '), weight: 1 },
    { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 6n }).map(String), weight: 24 },
    { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String), weight: 1 },
  );
  const bool = fc.constantFrom('', 'true', 'false', 'true', 'false', 'truee', 'fals');
  /** Mostly what the column holds, now and then anything: so that most rows are accepted and their values compared. */
  const mostly = (valid: fc.Arbitrary<string>) => fc.oneof({ arbitrary: valid, weight: 40 }, { arbitrary: junk, weight: 1 });
  const row = fc.tuple(
    mostly(fc.constantFrom('91440101MA5CJQ4N59', '91440101MA5CJQ4N59', '91440101MA5CJQ4N59', ' 91440101MA5CJQ4N59', '91440101MA5CJQ4N5X', '')),
    mostly(fc.constantFrom('', '广州天河示例电商1有限公司', 'x')),
    mostly(fc.constantFrom('', '天河区', '越秀')),
    mostly(fc.constantFrom('', 'ecommerce', 'ecommerce;livestream')),
    mostly(amount),
    mostly(amount),
    mostly(amount),
    mostly(bool),
    mostly(fc.constantFrom('', '7', '0', '12')),
    mostly(amount),
    mostly(fc.constantFrom('', 'anything')),
    mostly(fc.constantFrom('', '2025', '2025直播')),
    mostly(fc.constantFrom('', 'scale-tier@2025:1')),
  );
  const cells = fc.oneof({ arbitrary: row.map((r) => [...r]), weight: 8 }, { arbitrary: fc.array(junk, { minLength: headers.length - 2, maxLength: headers.length + 1 }), weight: 1 });
  it('is what mapRow makes of its split cells: record, problems, rejected id; blank where the cells are', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        cells,
        fc.constantFrom('元', '万元', '亿元') as fc.Arbitrary<Unit>,
        fc.boolean(),
        fc.constantFrom('', 'x', 'ab'),
        (delimiter, cells, unit, checkOnly, pad) => {
          const plan = planColumns(headers, { delimiter });
          const o = { unit, checkOnly };
          const line = cells.join(delimiter);
          const text = pad + line + pad;
          const split = line.split(delimiter);
          const fast = mapLine(plan, text, pad.length, pad.length + line.length, 7, o);
          if (fast === null) return; // split and read by mapRow, as before
          if (fast === BLANK_LINE) {
            expect(isBlankRecord(split)).toBe(true);
            return;
          }
          expect(isBlankRecord(split)).toBe(false);
          const slow = mapRow(plan, split, 7, o);
          expect(fast.problems).toEqual(slow.problems);
          expect(fast.enterprise).toEqual(slow.enterprise);
          const idCell = split[plan.columns.findIndex((c) => c?.kind === 'id')];
          expect(fast.rawId).toBe(!slow.enterprise && idCell ? idCell.trim() : undefined);
          if (slow.enterprise) accepted++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(500); // the values of accepted rows were compared, not only problems
  });
  it('gives its years in the fast layout, ascending, the same as the object of years; the engine reads either alike', () => {
    let compared = 0;
    fc.assert(
      fc.property(cells, fc.constantFrom('元', '万元') as fc.Arbitrary<Unit>, interpretation, (cells, unit, interp) => {
        const plan = planColumns(headers);
        const e = mapRow(plan, cells, 7, { unit }).enterprise;
        if (!e) return;
        const list = e.yearList!;
        expect(list.years).toEqual([...list.years].sort((a, b) => a - b));
        expect(new Set(list.years).size).toBe(list.years.length);
        expect(yearListOfRecord(e.years)).toEqual({ years: [...list.years], data: [...list.data] });
        for (let y = 2019; y <= 2029; y++) expect(yearDataOf(e, y)).toBe(e.years[y]);
        // the same enterprise as a reader of JSON gives it: years as an object, no fast layout
        const { yearList: _, ...rest } = e;
        const plain: Enterprise = { ...rest, years: recordOfYearList(list) };
        for (const explain of [true, false]) {
          const opts: RunOptions = { interpretation: interp, years: null, all: true, explain };
          const a = evaluate(e, rs, opts);
          const b = evaluate(plain, rs, opts);
          expect(a.results).toEqual(b.results);
          expect(a.total).toBe(b.total);
        }
        if (list.years.length > 0) compared++;
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(300);
  });
  it('sets its years as an object too, and the fast layout follows', () => {
    const e = mapRow(planColumns(headers), ['91440101MA5CJQ4N59', '', '', '', '1', '', '', '', '', '', '', '', ''], 2, {}).enterprise!;
    expect(e.yearList!.years).toEqual([2025]);
    e.years = { 2027: { onlineRetailSales: 5n }, 2026: { newListing: true } };
    expect(e.yearList).toEqual({ years: [2026, 2027], data: [{ newListing: true }, { onlineRetailSales: 5n }] });
    expect(yearDataOf(e, 2027)?.onlineRetailSales).toBe(5n);
    expect(yearDataOf(e, 2025)).toBeUndefined();
    // and the object follows a list set afresh
    e.yearList = { years: [2024], data: [{ newListing: false }] };
    expect(e.years).toEqual({ 2024: { newListing: false } });
  });
  it('reads most lines itself: an id first, or separators only', () => {
    const plan = planColumns(headers);
    const line = '91440101MA5CJQ4N59,x,天河区,,300000000,,12,true,,,,,';
    expect(mapLine(plan, line, 0, line.length, 2, {})?.enterprise?.years[2025]?.onlineRetailSales).toBe(30_000_000_000n);
    expect(mapLine(plan, line, 0, line.length, 2, {})?.enterprise?.years[2024]?.onlineRetailSales).toBe(12_000_000n);
    expect(mapLine(plan, ',,,', 0, 3, 2, {})).toBe(BLANK_LINE);
    expect(mapLine(plan, ' ,,', 0, 3, 2, {})).toBeNull();
  });
});

/**
 * Properties of the header matcher and the number readers (issue 9 items 1–2, issue 7 item 7), in process.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YEAR_FIELDS, type YearField } from '../src/domain/enterprise.js';
import { YEAR_FIELD_LABELS } from '../src/domain/labels.js';
import { parseAmount } from '../src/domain/money.js';
import { readHeader } from '../src/io/columns.js';
import { prepareJson } from '../src/io/json-exact.js';
import { excelNumberText } from '../src/io/xlsx-read.js';

const FIELDS = Object.keys(YEAR_FIELDS) as YearField[];
const UNITS = [
  ['', undefined],
  ['（万元）', '万元'],
  ['(万元)', '万元'],
  ['(亿元)', '亿元'],
  ['（元）', '元'],
  ['(单位：万元)', '万元'],
] as const;

describe('the header matcher', () => {
  it('reads field and year in any order and decoration, with the unit written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELDS),
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom('zh', 'snake', 'en'),
        fc.constantFrom(0, 1, 2, 3, 4),
        fc.constantFrom(...UNITS),
        fc.constantFrom('', ' ', '  '),
        (field, year, lang, form, [unitText, unit], pad) => {
          const name = YEAR_FIELD_LABELS[field][lang as 'zh'];
          const header = [
            `${name}_${year}`,
            `${year}年${name}`,
            `${name}（${year}年）`,
            `${year} ${name}`,
            `${name}-${year}年度`,
          ][form]! + unitText;
          const r = readHeader(pad + header + pad);
          expect(r.column).toEqual({ kind: 'year', field, year });
          expect(r.unit).toBe(unit);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never reads a header without a field as a yearly column, whatever year and punctuation it has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.string({ maxLength: 12 }), (year, noise) => {
        const r = readHeader(`${year}年${noise.replace(/[\u4e00-\u9fffA-Za-z]/g, '')}`);
        expect(r.column).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the number readers', () => {
  it('an Excel number cell reads as its shortest 15-digit decimal: exact fen for every amount of at most 15 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (fen) => {
        const text = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
        const n = Number(text); // what Excel stores: the nearest double
        const r = parseAmount(excelNumberText(n));
        expect(r.ok && r.fen).toBe(fen);
        // a binary residue of a computed cell (the next double up or down) changes nothing
        const next = n + Math.abs(n) * Number.EPSILON;
        const again = parseAmount(excelNumberText(next));
        expect(again.ok && again.fen).toBe(fen);
      }),
      { numRuns: 1000 },
    );
  });

  it('excelNumberText never writes E notation below 10^15 and keeps at most 15 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15 + 1, max: 1e15 - 1, noNaN: true }), (x) => {
        const s = excelNumberText(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length).toBeLessThanOrEqual(15);
      }),
      { numRuns: 1000 },
    );
  });

  it('a JSON number is read from its text: the amount of any number literal equals that of the same digits as text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,24}(\.\d{1,20})?$/), (lit) => {
        const p = prepareJson(`{"a":${lit},"b":[${lit}]}`);
        expect(p.ok).toBe(true);
        const v = JSON.parse((p as { text: string }).text) as { a: string | number; b: Array<string | number> };
        const fromText = parseAmount(lit);
        expect(parseAmount(v.a)).toEqual(fromText);
        expect(parseAmount(v.b[0]!)).toEqual(fromText);
      }),
      { numRuns: 1000 },
    );
  });

  it('nesting deeper than 64 is refused, up to 64 is read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (depth) => {
        const p = prepareJson('['.repeat(depth) + ']'.repeat(depth));
        expect(p.ok).toBe(depth <= 64);
      }),
    );
  });
});

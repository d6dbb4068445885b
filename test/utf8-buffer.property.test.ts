/**
 * The UTF-8 buffer the JSON and CSV writers write into (src/render/utf8-buffer.ts) encodes strings itself: a
 * string added must be the bytes Node's encoder makes of it (a short one is encoded in the buffer's own loop), a
 * string as JSON the bytes of JSON.stringify's text, for any string (one- to four-byte characters, lone
 * surrogates, characters JSON escapes), whatever was written before it and however the buffer had to grow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Buffer, utf8 } from '../src/render/utf8-buffer.js';

/** Any UTF-16 code units, lone surrogates of both halves included. */
const codeUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c));
const codeUnits = fc.string({ unit: codeUnit });
/** Strings on either side of the length up to which `add` encodes by itself, and beyond. */
const longer = fc.oneof(fc.string({ unit: codeUnit, minLength: 16, maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', 'é', '广', '\ud83d', '\ude00', '"'), minLength: 16, maxLength: 80 }));
const text = fc.oneof(codeUnits, longer, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('', '"', '\\', '\u0000', '\u001f', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ud800', '\udc00', 'a\udfffb', '\udbff\udfff', '\ue000', '\uffff', '年网上零售额 1.33亿元'));

type Piece = { json: string } | { add: string } | { int: number } | { ascii: string } | { bytes: string };
const piece: fc.Arbitrary<Piece> = fc.oneof(
  text.map((json) => ({ json })),
  text.map((add) => ({ add })),
  fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(0, 9, 10, 99, 100, 999_999_999, 1e9, -1, 2.5)).map((int) => ({ int })),
  fc.stringMatching(/^[ -~]{0,20}$/).map((ascii) => ({ ascii })),
  text.map((bytes) => ({ bytes })),
);
const expected = (p: Piece): string => ('json' in p ? JSON.stringify(p.json) : 'add' in p ? p.add : 'int' in p ? String(p.int) : 'ascii' in p ? p.ascii : p.bytes);

function write(b: Utf8Buffer, p: Piece): void {
  if ('json' in p) b.json(p.json);
  else if ('add' in p) b.add(p.add);
  else if ('int' in p) b.int(p.int);
  else if ('ascii' in p) b.ascii(p.ascii);
  else b.bytes(utf8(p.bytes));
}

describe('Utf8Buffer', () => {
  it('writes each piece as Node encodes its text (a string as JSON: JSON.stringify’s text)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const b = new Utf8Buffer();
        for (const p of pieces) write(b, p);
        // each piece is encoded on its own (a lone half at the end of one piece and one at the start of the next are two)
        expect(Buffer.from(b.take()).equals(Buffer.concat(pieces.map((p) => Buffer.from(expected(p), 'utf8'))))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('grows past its first megabyte without losing what it holds, and copies a span again (repeat)', () => {
    const b = new Utf8Buffer();
    const line = '{"detail":"2025 年网上零售额 1.33亿元 < 第1档门槛 30亿元"}';
    let want = '';
    for (let i = 0; i < 40_000; i++) {
      const start = b.length;
      b.json(line);
      b.repeat(start + 1, b.length - 1);
      want += JSON.stringify(line) + JSON.stringify(line).slice(1, -1);
    }
    const out = b.take();
    expect(out.length).toBeGreaterThan(1 << 20);
    expect(Buffer.from(out).toString('utf8')).toBe(want);
  });

  it('gives the text from a byte on as a string, and forgets it (textFrom)', () => {
    const b = new Utf8Buffer();
    b.ascii('head ');
    b.json('天河"区');
    expect(b.textFrom(5)).toBe('"天河\\"区"');
    expect(b.textFrom(0)).toBe('head ');
    expect(b.length).toBe(0);
  });
});

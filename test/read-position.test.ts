/**
 * How far the reading has come over several files, and what a count (records, ids) comes to by the end of the input
 * at that rate (what the id table sizes its last filters by).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadPosition } from '../src/batch/read.js';
import { expectedAtEnd } from '../src/io/stream.js';

describe('ReadPosition', () => {
  it('counts the bytes of the files before the current one and of the current one', () => {
    const p = new ReadPosition();
    expect(p.at({ fileIndex: 0, read: 100 })).toBe(100);
    expect(p.at({ fileIndex: 0, read: 250 })).toBe(250);
    expect(p.at({ fileIndex: 1, read: 40 })).toBe(290);
    expect(p.at({ fileIndex: 2, read: 10 })).toBe(300);
  });
});

describe('expectedAtEnd', () => {
  it('is the count at the rate read so far, rounded up', () => {
    // 1,000 records in the first 170,000 bytes of 510,000: 3,000 in all
    expect(expectedAtEnd(1000, 170_000, 510_000)).toBe(3000);
    expect(expectedAtEnd(1000, 300_000, 1_000_000)).toBe(3334);
    expect(expectedAtEnd(7, 510_000, 510_000)).toBe(7);
  });

  it('is null when it cannot be told: no size (standard input), nothing read, or more read than the files held', () => {
    expect(expectedAtEnd(10, 100, null)).toBeNull();
    expect(expectedAtEnd(10, 100, 0)).toBeNull();
    expect(expectedAtEnd(0, 0, 1000)).toBeNull();
    expect(expectedAtEnd(10, 1001, 1000)).toBeNull();
  });

  it('is never below the count reached, and exactly it once everything is read', () => {
    fc.assert(
      fc.property(fc.nat(100_000_000), fc.integer({ min: 1, max: 2 ** 50 }), fc.integer({ min: 1, max: 2 ** 50 }), (records, a, b) => {
        const [read, size] = a <= b ? [a, b] : [b, a];
        const e = expectedAtEnd(records, read, size)!;
        expect(e).toBeGreaterThanOrEqual(records);
        if (read === size) expect(e).toBe(records);
      }),
    );
  });
});

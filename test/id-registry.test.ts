/** The table of ids seen in a run: exact duplicates across growth, odd ids kept aside, memory without doubling. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdRegistry, SLOT_BYTES } from '../src/io/id-registry.js';
import { usccCheckChar } from '../src/domain/uscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const id = (n: number) => {
  const first = `9144010${String(n).padStart(10, '0')}`;
  return first + usccCheckChar(first)!;
};

describe('IdRegistry', () => {
  it('finds every duplicate with its first place, through several growths from a tiny table', () => {
    const reg = new IdRegistry(16);
    for (let n = 0; n < 5000; n++) expect(reg.add(id(n), 0, n + 2)).toBeNull();
    expect(reg.size).toBe(5000);
    for (let n = 0; n < 5000; n += 97) expect(reg.add(id(n), 1, 99999)).toEqual({ file: 0, at: n + 2 });
    expect(reg.size).toBe(5000);
  });

  it('keeps ids that do not pack (wrong length or alphabet) exactly too', () => {
    const reg = new IdRegistry(16);
    expect(reg.add('abc', 0, 2)).toBeNull();
    expect(reg.add('abc', 0, 3)).toEqual({ file: 0, at: 2 });
    expect(reg.add('ABC', 0, 4)).toBeNull();
    // I, O, S, V, Z are not in the alphabet: such an id does not pack, and is still told apart exactly
    expect(reg.add('91440101MA5CJQ4N5I', 0, 5)).toBeNull();
    expect(reg.add('91440101MA5CJQ4N5I', 0, 6)).toEqual({ file: 0, at: 5 });
  });

  it('agrees with a Set on any sequence of ids, duplicates and near twins (one character apart) included', () => {
    const idArb = fc.array(fc.constantFrom(...CHARSET), { minLength: 18, maxLength: 18 }).map((cs) => cs.join(''));
    // near twins: the same id with one character changed, so packing must keep all 90 bits
    const twin = fc.tuple(idArb, fc.nat(17), fc.constantFrom(...CHARSET)).map(([s, i, c]) => [s, s.slice(0, i) + c + s.slice(i + 1)]);
    fc.assert(
      fc.property(fc.array(fc.oneof(idArb.map((s) => [s]), twin), { maxLength: 400 }), fc.nat(3), (groups, repeat) => {
        const ids = groups.flat();
        const all = [...ids, ...ids.slice(0, repeat * 50)];
        const reg = new IdRegistry(16);
        const model = new Map<string, number>();
        all.forEach((s, at) => {
          const seen = reg.add(s, at % 3, at);
          const first = model.get(s);
          if (first === undefined) {
            expect(seen).toBeNull();
            model.set(s, at);
          } else expect(seen).toEqual({ file: first % 3, at: first });
        });
        expect(reg.size).toBe(model.size);
      }),
      { numRuns: 200 },
    );
  });

  it('grows 1.5× a shard at a time: never two copies of the table, about 26 bytes an id at 300,000 ids', () => {
    const reg = new IdRegistry();
    const n = 300_000;
    for (let i = 0; i < n; i++) reg.add(id(i), 0, i);
    for (let i = 0; i < n; i += 1009) expect(reg.add(id(i), 0, 0)).toEqual({ file: 0, at: i });
    const { now, peak } = reg.bytes;
    // the load stays between 0.85 / 1.5 = 57% and 85%: 18 / 0.85 ≈ 21 to 18 / 0.57 ≈ 32 bytes an id
    expect(now / n).toBeGreaterThan(SLOT_BYTES / 0.85);
    expect(now / n).toBeLessThan(SLOT_BYTES / 0.56);
    // at a growth only one shard (1/256 of the table) is held twice; a doubling table would peak at 1.5× its size
    expect(peak).toBeLessThan(now * 1.02);
  });
});

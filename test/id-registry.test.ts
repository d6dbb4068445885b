/**
 * The table of ids seen in a run: exact duplicates across growth, odd ids kept aside, memory without doubling,
 * and past SPILL_AT ids a shard, ids on disk with memory flat.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ID_WORDS, IdRegistry, SLOT_BYTES, SPILL_AT, epoch, epochEnd, epochOf, packId, unpackId } from '../src/io/id-registry.js';
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

/** Ids from a seed: random ones, near twins of earlier ones (one character changed) and repeats of earlier ones. */
function idStream(seed: number, n: number, repeatEvery: number): string[] {
  let x = seed >>> 0 || 1;
  const rnd = (k: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = out.length ? rnd(repeatEvery) : 1;
    if (r === 0) out.push(out[rnd(out.length)]!);
    else if (r === 1 && out.length) {
      const s = out[rnd(out.length)]!;
      const at = rnd(18);
      out.push(s.slice(0, at) + CHARSET[rnd(31)] + s.slice(at + 1));
    } else out.push(Array.from({ length: 18 }, () => CHARSET[rnd(31)]).join(''));
  }
  return out;
}

/** Feeds `ids` to `reg` and to a Map, and expects the same answer from both for every id. */
function agreesWithMap(reg: IdRegistry, ids: readonly string[]): void {
  const model = new Map<string, number>();
  ids.forEach((s, at) => {
    const seen = reg.add(s, at % 3, at);
    const first = model.get(s);
    if (first === undefined) {
      if (seen !== null) throw new Error(`${s} at ${at}: reported as seen at ${JSON.stringify(seen)}, but it is new`);
      model.set(s, at);
    } else if (seen === null || seen.file !== first % 3 || seen.at !== first) {
      throw new Error(`${s} at ${at}: first seen at ${first}, reported ${JSON.stringify(seen)}`);
    }
  });
  expect(reg.size).toBe(model.size);
}

describe('IdRegistry with its ids on disk', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gz-ids-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('agrees with a Map on any sequence when shards spill after a few ids, and removes its folder when closed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 500, max: 6000 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 8 }), (seed, n, at, repeatEvery) => {
        const reg = new IdRegistry(16, { at, dir: tmp });
        agreesWithMap(reg, idStream(seed, n, repeatEvery));
        if (n / 256 > at * 2) expect(reg.spilled).toBeGreaterThan(0);
        reg.close();
        expect(readdirSync(tmp)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('answers the same for ids packed ahead (packId → addKey) as for ids given whole, odd ids and spills included', () => {
    const odd = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', minLength: 18, maxLength: 18 }), fc.constantFrom('91440101MA5CJQ4N5I', '91440101ma5cjq4n5x', ''));
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 300, max: 2500 }), fc.integer({ min: 1, max: 6 }), fc.array(odd, { maxLength: 30 }), (seed, n, at, odds) => {
        const ids = idStream(seed, n, 4);
        // odd ids (not 18 characters of the alphabet) spliced in, and each repeated
        for (const [k, s] of [...odds, ...odds].entries()) ids.splice((k * 7919) % (ids.length + 1), 0, s);
        const keys = new Uint32Array(ids.length * ID_WORDS);
        const packs = ids.map((s, i) => packId(s, keys, i));
        expect(packs).toEqual(ids.map((s) => s.length === 18 && [...s].every((c) => CHARSET.includes(c))));
        const whole = new IdRegistry(16);
        const packed = new IdRegistry(16, { at, dir: tmp });
        // a packed id crosses threads as its words only, and is spelled out again to be reported
        ids.forEach((s, i) => expect(unpackId(keys, i)).toBe(packs[i] ? s : null));
        ids.forEach((s, i) => {
          const [a, b] = [packed.addKey(packs[i] ? undefined : s, keys, i, i % 3, i), whole.add(s, i % 3, i)];
          if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${JSON.stringify(s)} at ${i}: packed ahead ${JSON.stringify(a)}, whole ${JSON.stringify(b)}`);
        });
        expect(packed.size).toBe(whole.size);
        expect(packed.size).toBe(new Set(ids).size);
        whole.close();
        packed.close();
      }),
      { numRuns: 15 },
    );
  });

  it('agrees with a Map when a look-up in a run reads only a few records around its guess and must widen', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 3000, max: 9000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (seed, n, at, reach) => {
        const reg = new IdRegistry(16, { at, dir: tmp, reach });
        agreesWithMap(reg, idStream(seed, n, 3));
        expect(reg.spilled).toBeGreaterThan(0);
        reg.close();
      }),
      { numRuns: 25 },
    );
  });

  it('finds duplicates of ids spread over runs of hundreds of records in each shard', () => {
    const reg = new IdRegistry(16, { at: 40, dir: tmp });
    const n = 150_000; // about 590 ids a shard on disk, in runs of up to 512: strides of the index, merges of runs
    for (let i = 0; i < n; i++) expect(reg.add(id(i), 0, i + 2)).toBeNull();
    expect(reg.spilled).toBeGreaterThan(n * 0.8);
    expect(readdirSync(reg.spillFolder!).length).toBe(256);
    // about 15 spills a shard, merged down to a few runs (one per binary digit of the spill count)
    expect(reg.runs).toBeGreaterThan(1);
    expect(reg.runs).toBeLessThanOrEqual(5);
    for (let i = 0; i < n; i += 31) expect(reg.add(id(i), 1, 0)).toEqual({ file: 0, at: i + 2 });
    // near twins of ids on disk are new
    for (let i = 0; i < 2000; i++) expect(reg.add(id(n + i), 1, i)).toBeNull();
    expect(reg.size).toBe(n + 2000);
    reg.close();
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('keeps memory flat: past the in-memory shards, at most 3 bytes an id on disk, and nothing ever freed', () => {
    const small = new IdRegistry(undefined, { at: SPILL_AT, dir: tmp });
    for (let i = 0; i < 100_000; i++) small.add(id(i), 0, i);
    const big = new IdRegistry(undefined, { at: SPILL_AT, dir: tmp });
    const n = 1_000_000;
    for (let i = 0; i < n; i++) big.add(id(i), 0, i);
    for (let i = 0; i < n; i += 4999) expect(big.add(id(i), 0, 0)).toEqual({ file: 0, at: i });
    const inMemory = 256 * (Math.ceil(SPILL_AT / 0.85) + 1) * SLOT_BYTES; // every shard at its largest
    expect(small.spilled).toBe(0);
    // 1,000,000 ids: about 3,906 a shard, 7 spills of 512 on disk (8 in a few shards). The filters are made whole
    // for an epoch (spills 0, 1, 2–3, 4–7, 8–15): 12 bits an id (blocks of 32 bytes), so 1.5 bytes for each id on
    // disk. A shard of 7 spills has filters for 8 (epochs 0–3), one of 8 for 16 (epoch 4, spills 8–15, is made
    // whole when its first spill comes); all cut from slabs of 256 KB
    expect(big.spilled).toBeGreaterThanOrEqual(256 * 7 * SPILL_AT);
    expect(big.spilled).toBeLessThan(256 * 8 * SPILL_AT);
    const eights = (big.spilled - 256 * 7 * SPILL_AT) / SPILL_AT;
    const filters = (256 * 8 + eights * 8) * SPILL_AT * 1.5;
    expect(big.bytes.now).toBeGreaterThanOrEqual(inMemory + filters);
    expect(big.bytes.now).toBeLessThanOrEqual(inMemory + filters + (256 << 10));
    // nothing was ever freed: what the table holds is the most it held (no garbage left to the collector)
    expect(big.bytes.peak).toBe(big.bytes.now);
    // ten times the ids, under 2 MB more memory (in memory only it would be 26 MB more)
    expect(big.bytes.now - small.bytes.now).toBeLessThan(2 << 20);
    small.close();
    big.close();
  });

  it('takes the memory of spill.at ids a shard from the start, and never grows it nor frees it', () => {
    const reg = new IdRegistry(undefined, { at: SPILL_AT, dir: tmp });
    const full = 256 * (Math.ceil(SPILL_AT / 0.85) + 1) * SLOT_BYTES;
    expect(reg.bytes).toEqual({ now: full, peak: full });
    // up to the first spill (a shard of 512 ids), the table holds what it held at the start
    for (let i = 0; i < 100_000; i++) reg.add(id(i), 0, i);
    expect(reg.spilled).toBe(0);
    expect(reg.bytes).toEqual({ now: full, peak: full });
    reg.close();
  });

  it('agrees with a Map whatever the estimate of the run’s ids says, low, high or changing as it goes', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2000, max: 6000 }), fc.array(fc.option(fc.nat(20_000), { nil: null }), { minLength: 1, maxLength: 6 }), (seed, n, guesses) => {
        const reg = new IdRegistry(16, { at: 2, dir: tmp });
        const ids = idStream(seed, n, 3);
        const model = new Map<string, number>();
        ids.forEach((s, at) => {
          // a new estimate every n / guesses.length ids
          if (at % Math.ceil(n / guesses.length) === 0) reg.expect(guesses[Math.floor(at / Math.ceil(n / guesses.length))]!);
          const seen = reg.add(s, 0, at);
          const first = model.get(s);
          if (first === undefined) {
            expect(seen).toBeNull();
            model.set(s, at);
          } else expect(seen).toEqual({ file: 0, at: first });
        });
        expect(reg.spilled).toBeGreaterThan(0);
        reg.close();
      }),
      { numRuns: 25 },
    );
  });

  it('makes the last filters no larger than the estimate needs: 1,300,000 ids, about 10 spills a shard', () => {
    // 1,300,000 ids: 5,078 a shard, 9 or 10 spills of 512 (the rest in memory). Without an estimate the filters are
    // made for 16 spills a shard (epochs 0, 1, 2–3, 4–7, 8–15): 256 × 16 × 512 ids × 1.5 bytes = 3,145,728 bytes.
    // With the estimate, epoch 8– ends at ⌈1,300,000 × 1.05 ÷ 256 ÷ 512⌉ = 11: filters for 11 spills a shard,
    // 256 × 11 × 512 × 1.5 = 2,162,688 bytes, unless a shard gets past 11 spills (more than 5,632 ids: none does,
    // 554 above its share of 5,078, over five times the binomial spread of 71)
    const n = 1_300_000;
    const plain = new IdRegistry(undefined, { at: SPILL_AT, dir: tmp });
    const told = new IdRegistry(undefined, { at: SPILL_AT, dir: tmp });
    told.expect(n);
    for (let i = 0; i < n; i++) {
      plain.add(id(i), 0, i);
      told.add(id(i), 0, i);
    }
    for (let i = 0; i < n; i += 4999) expect(told.add(id(i), 0, 0)).toEqual({ file: 0, at: i });
    expect(told.add(id(n), 0, 0)).toBeNull();
    expect(plain.filterBytes).toBe(256 * 16 * SPILL_AT * 1.5);
    expect(told.filterBytes).toBe(256 * 11 * SPILL_AT * 1.5);
    plain.close();
    told.close();
  });

  it('keeps every id in memory when its folder cannot be made, with the same answers', () => {
    const reg = new IdRegistry(16, { at: 2, dir: join(tmp, 'missing', 'folder') });
    agreesWithMap(reg, idStream(7, 5000, 3));
    expect(reg.spilled).toBe(0);
    expect(reg.spillFolder).toBeNull();
    reg.close();
  });
});

describe('the epochs of a shard’s spills', () => {
  it('hold spills 0, 1, 2–3, 4–7, 8–15, … end to end, each no larger than the spills before it', () => {
    expect([0, 1, 2, 3, 4, 5].map((k) => [epoch(k).from, epoch(k).to])).toEqual([
      [0, 1], [1, 2], [2, 4], [4, 8], [8, 16], [16, 32],
    ]);
    for (let k = 1; k < 31; k++) {
      expect(epoch(k).from).toBe(epoch(k - 1).to);
      expect(epoch(k).to - epoch(k).from).toBeLessThanOrEqual(epoch(k).from);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (s) => {
        const { from, to } = epoch(epochOf(s));
        expect(from).toBeLessThanOrEqual(s);
        expect(s).toBeLessThan(to);
      }),
    );
  });

  it('end at the next epoch’s start, or sooner at the spills expected, never at or before their start', () => {
    expect([0, 1, 2, 4, 8, 16].map((s) => epochEnd(s, null))).toEqual([1, 2, 4, 8, 16, 32]);
    expect(epochEnd(16, 24)).toBe(24);
    expect(epochEnd(16, 40)).toBe(32);
    expect(epochEnd(24, 24)).toBe(25); // past the estimate: one spill at a time
    expect(epochEnd(25, 27)).toBe(27);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), fc.option(fc.nat(2 ** 31), { nil: null }), (from, until) => {
        const to = epochEnd(from, until);
        expect(to).toBeGreaterThan(from);
        expect(to).toBeLessThanOrEqual(epoch(epochOf(from)).to);
        // no larger than the spills before it
        expect(to - from).toBeLessThanOrEqual(Math.max(1, from));
        if (until !== null && until > from) expect(to).toBeLessThanOrEqual(until);
      }),
    );
  });
});

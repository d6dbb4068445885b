/**
 * The ids seen so far in a run, to report duplicates exactly, in memory that grows with the number of ids and
 * never holds two copies of the table. An id of GB 32100-2015 has 18 characters of a 31-letter alphabet, 5 bits
 * each: 90 bits, packed into three 30-bit words (12 bytes). With the row where it was first seen (4 bytes) and
 * the index of its file (2 bytes), a slot takes 18 bytes.
 *
 * The table is split into SHARDS open-addressing tables (linear probing), picked by the top bits of the id's
 * hash. A shard that passes MAX_LOAD grows by GROWTH on its own, so a growth copies 1/SHARDS of the ids and the
 * old and the new copy of only that shard are alive at once: memory follows the id count (about 18 / 0.7 ≈ 26
 * bytes an id on average, 1.5× growth keeps the load between 57% and 85%), with no doubling step. Within a shard
 * a hash is brought into range by multiplication (Lemire's fast range), so sizes need not be powers of two.
 * Ids that do not pack (not 18 characters of the alphabet) are kept in a Map; the readers refuse such ids
 * before they get here, so it stays empty in practice.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;

const WORDS = 4; // k0 | occupied bit, k1, k2, where
const OCCUPIED = 0x80000000;
const SHARD_BITS = 8;
const SHARDS = 1 << SHARD_BITS;
const MAX_LOAD = 0.85;
const GROWTH = 1.5;
/** Bytes of a slot: WORDS × 4 (Uint32Array) + 2 (the file index, Uint16Array). */
export const SLOT_BYTES = WORDS * 4 + 2;

/** Where an id was first seen: the index of its file in the run and its row (or record index). */
export interface FirstSeen {
  file: number;
  at: number;
}

interface Shard {
  slots: Uint32Array;
  files: Uint16Array;
  capacity: number;
  count: number;
}

export class IdRegistry {
  private readonly shards: Shard[] = [];
  private readonly odd = new Map<string, FirstSeen>();
  private packed = 0;
  private bytesNow = 0;
  private bytesPeak = 0;

  /** `initialSlots`: the slots of the whole table before it first grows (spread over the shards). */
  constructor(initialSlots = 256 * SHARDS) {
    const per = Math.max(16, Math.ceil(initialSlots / SHARDS));
    for (let s = 0; s < SHARDS; s++) this.shards.push(this.shard(per));
    this.bytesPeak = this.bytesNow;
  }

  get size(): number {
    return this.packed + this.odd.size;
  }

  /** Bytes the table holds now, and the most it ever held at once (a growth included). */
  get bytes(): { now: number; peak: number } {
    return { now: this.bytesNow, peak: this.bytesPeak };
  }

  /** Records `id` as seen at (file, at); returns where it was seen first if it was seen before, else null. */
  add(id: string, file: number, at: number): FirstSeen | null {
    if (!pack(id)) {
      const first = this.odd.get(id);
      if (first) return first;
      this.odd.set(id, { file, at });
      return null;
    }
    const k0 = K[0]!;
    const k1 = K[1]!;
    const k2 = K[2]!;
    const h = hash(k0, k1, k2);
    const sh = this.shards[h >>> (32 - SHARD_BITS)]!;
    const slots = sh.slots;
    const tag = (k0 | OCCUPIED) >>> 0;
    let i = range(h << SHARD_BITS, sh.capacity);
    for (;;) {
      const b = i * WORDS;
      const s0 = slots[b]!;
      if (s0 === 0) break;
      if (s0 === tag && slots[b + 1] === k1 && slots[b + 2] === k2) return { file: sh.files[i]!, at: slots[b + 3]! };
      i = i + 1 === sh.capacity ? 0 : i + 1;
    }
    const b = i * WORDS;
    slots[b] = tag;
    slots[b + 1] = k1;
    slots[b + 2] = k2;
    slots[b + 3] = at >>> 0;
    sh.files[i] = Math.min(file, 0xffff);
    this.packed++;
    if (++sh.count > sh.capacity * MAX_LOAD) this.grow(h >>> (32 - SHARD_BITS));
    return null;
  }

  private shard(capacity: number): Shard {
    this.bytesNow += capacity * SLOT_BYTES;
    this.bytesPeak = Math.max(this.bytesPeak, this.bytesNow);
    return { slots: new Uint32Array(capacity * WORDS), files: new Uint16Array(capacity), capacity, count: 0 };
  }

  /** Moves one shard into a table GROWTH times its size; only that shard is ever held twice. */
  private grow(s: number): void {
    const old = this.shards[s]!;
    const next = this.shard(Math.ceil(old.capacity * GROWTH));
    const { slots, capacity } = next;
    for (let j = 0; j < old.capacity; j++) {
      const b = j * WORDS;
      const s0 = old.slots[b]!;
      if (s0 === 0) continue;
      let i = range(hash((s0 & ~OCCUPIED) >>> 0, old.slots[b + 1]!, old.slots[b + 2]!) << SHARD_BITS, capacity);
      while (slots[i * WORDS] !== 0) i = i + 1 === capacity ? 0 : i + 1;
      slots.set(old.slots.subarray(b, b + WORDS), i * WORDS);
      next.files[i] = old.files[j]!;
    }
    next.count = old.count;
    this.shards[s] = next;
    this.bytesNow -= old.capacity * SLOT_BYTES;
  }
}

/** The packed words of the last id given to pack() (one buffer: no allocation per id). */
const K = new Uint32Array(3);

/** 18 characters of the alphabet → three 30-bit words in K; false if the id does not pack. */
function pack(id: string): boolean {
  if (id.length !== 18) return false;
  let w = 0;
  for (let i = 0; i < 18; i++) {
    const c = id.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return false;
    w = w * 32 + v;
    if (i % 6 === 5) {
      K[(i / 6) | 0] = w;
      w = 0;
    }
  }
  return true;
}

/** A 32-bit value → [0, n), by multiplication (exact: the product stays below 2^53). */
function range(h: number, n: number): number {
  return Math.floor(((h >>> 0) * n) / 4294967296);
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

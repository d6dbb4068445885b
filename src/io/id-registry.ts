/**
 * The ids seen so far in a run, to report duplicates, in memory that does not grow row by row: an id of
 * GB 32100-2015 has 18 characters of a 31-letter alphabet, 5 bits each, so it packs exactly into three 30-bit
 * words; with the place where it was first seen, a slot takes 18 bytes, in a table allocated up front for
 * 1.6 million slots (29 MB, touched only as ids arrive; up to 1.36 million ids, then it doubles). The size is
 * not a power of two, so a hash is brought into range by multiplication (Lemire's fast range). Ids that do not pack (not 18
 * characters of the alphabet) are kept in a Map; the readers refuse such ids before they get here, so the Map
 * stays empty in practice.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;

const WORDS = 4; // k0 | occupied bit, k1, k2, where
const OCCUPIED = 0x80000000;

/** Where an id was first seen: the index of its file in the run and its row (or record index). */
export interface FirstSeen {
  file: number;
  at: number;
}

export class IdRegistry {
  private slots: Uint32Array;
  private files: Uint16Array;
  private capacity: number;
  private count = 0;
  private readonly odd = new Map<string, FirstSeen>();

  constructor(initialSlots = 1_600_000) {
    this.capacity = Math.max(16, initialSlots);
    this.slots = new Uint32Array(this.capacity * WORDS);
    this.files = new Uint16Array(this.capacity);
  }

  get size(): number {
    return this.count + this.odd.size;
  }

  /** Records `id` as seen at (file, at); returns where it was seen first if it was seen before, else null. */
  add(id: string, file: number, at: number): FirstSeen | null {
    const k = pack(id);
    if (!k) {
      const first = this.odd.get(id);
      if (first) return first;
      this.odd.set(id, { file, at });
      return null;
    }
    const [k0, k1, k2] = k;
    let i = range(hash(k0, k1, k2), this.capacity);
    for (;;) {
      const b = i * WORDS;
      const s0 = this.slots[b]!;
      if (s0 === 0) break;
      if (s0 === (k0 | OCCUPIED) >>> 0 && this.slots[b + 1] === k1 && this.slots[b + 2] === k2) {
        return { file: this.files[i]!, at: this.slots[b + 3]! };
      }
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
    const b = i * WORDS;
    this.slots[b] = (k0 | OCCUPIED) >>> 0;
    this.slots[b + 1] = k1;
    this.slots[b + 2] = k2;
    this.slots[b + 3] = at >>> 0;
    this.files[i] = Math.min(file, 0xffff);
    if (++this.count > this.capacity * 0.85) this.grow();
    return null;
  }

  private grow(): void {
    const old = this.slots;
    const oldFiles = this.files;
    const size = this.capacity * 2;
    this.slots = new Uint32Array(size * WORDS);
    this.files = new Uint16Array(size);
    this.capacity = size;
    for (let j = 0; j < oldFiles.length; j++) {
      const b = j * WORDS;
      if (old[b] === 0) continue;
      let i = range(hash(old[b]! & ~OCCUPIED, old[b + 1]!, old[b + 2]!), size);
      while (this.slots[i * WORDS] !== 0) i = i + 1 === size ? 0 : i + 1;
      this.slots.set(old.subarray(b, b + WORDS), i * WORDS);
      this.files[i] = oldFiles[j]!;
    }
  }
}

/** 18 characters of the alphabet → three 30-bit words, or null. */
function pack(id: string): [number, number, number] | null {
  if (id.length !== 18) return null;
  const w = [0, 0, 0] as [number, number, number];
  for (let i = 0; i < 18; i++) {
    const c = id.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return null;
    const k = (i / 6) | 0;
    w[k] = w[k]! * 32 + v;
  }
  return w;
}

/** A 32-bit hash → [0, n), by multiplication (exact: the product stays below 2^53). */
function range(h: number, n: number): number {
  return Math.floor((h * n) / 4294967296);
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The ids seen so far in a run, to report duplicates exactly, in memory that stays flat however many ids come.
 * An id of GB 32100-2015 has 18 characters of a 31-letter alphabet, 5 bits each: 90 bits, packed into three 30-bit
 * words (12 bytes). With the row where it was first seen (4 bytes) and the index of its file (2 bytes), a slot
 * takes 18 bytes.
 *
 * In memory the table is split into SHARDS open-addressing tables (linear probing), picked by the top bits of the
 * id's hash. A shard that passes MAX_LOAD grows by GROWTH on its own, so a growth copies 1/SHARDS of the ids and
 * the old and the new copy of only that shard are alive at once. With `spill`, a shard never grows: every shard
 * has the size of spill.at ids from the start. Within a shard a hash is brought into range by
 * multiplication (Lemire's fast range), so sizes need not be powers of two.
 *
 * With `spill` (what a run uses), a shard holds at most `spill.at` ids in memory. When it is full, its ids move to
 * a file of its own in a temporary folder (a spill), as a run sorted by hash (20 bytes an id); while the last run of
 * the file is no larger than the new one, the two are merged, so a shard has a handful of runs (about log2 of its
 * ids on disk ÷ spill.at) and an id is rewritten a handful of times. A run has no index in memory: the hashes of a
 * shard are spread evenly, so an id's place in a run is guessed from its hash, and a look-up reads one small piece
 * of the file around it (inRun).
 *
 * What says whether an id may be on disk at all is a Bloom filter per epoch of the shard's spills, not per run:
 * epochs of 1, 1, 2, 4, 8, … spills (epoch(), about log2 of the spills; each no larger than the spills before it),
 * the last one cut short where a shard is expected to end when the run's size is known (expect(), epochEnd()).
 * An epoch's filter is made when its first spill comes, sized for all of its spills (BLOOM_BITS
 * bits an id: a new id is looked up for nothing about 0.55% of the time a full filter), and is never dropped nor
 * rebuilt: merging runs writes the file only. Before, each run had a filter of its own, made again at every merge;
 * the filters merged away were garbage until V8's next full collection, which came seconds apart: fed 3,000,000 ids in
 * one process, the table grew the RSS from 63 to 88 MB, now to 74 MB (docs/performance.md, "What changed for speed and memory"). Filters are cut from slabs of SLAB_WORDS words that
 * are never freed, so the table's memory only grows, by steps known in advance, and never holds garbage.
 *
 * Memory is then SHARDS × spill.at slots (2.8 MB for a run) plus at most 3 bytes an id on disk (1.5 bytes an id in
 * the filters, with an epoch's filter made whole when it starts; 3,000,000 ids: 6.3 MB instead of 78 MB), and
 * duplicates stay exact: a filter's "maybe" is always settled by the file. The folder is removed when the run
 * ends, on an exit and on SIGINT, SIGTERM or SIGHUP (sink.ts). If the folder cannot be made or a file written (a
 * full disk), the ids stay in memory: the same answers, in more memory.
 *
 * Ids that do not pack (not 18 characters of the alphabet) are kept in a Map; the readers refuse such ids before
 * they get here, so it stays empty in practice.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, fileError, forgetTemporary, removeOnExit } from './sink.js';

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

/** A record on disk: the slot's four words and the file index, as five 32-bit words. */
const REC = 5;
const REC_BYTES = REC * 4;
/**
 * Bits of an epoch's Bloom filter per id: a new id is looked up in the file for nothing about 0.55% of the time per
 * full filter (a shard has a handful of epochs). The filter is split into blocks of BLOCK_WORDS 32-bit words (32 bytes, within one cache line):
 * an id sets one bit in each word of one block (a split block Bloom filter, as Parquet's), so that a look-up reads
 * one block, not BLOCK_WORDS places across the filter.
 */
const BLOOM_BITS = 12;
const BLOCK_WORDS = 8;
/** Odd multipliers that pick an id's bit in each word of its block (Parquet's). */
const SALT = new Uint32Array([0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31]);
/** Sorting keys: a hash × SLOT_SPAN + the slot it is in (a shard has fewer slots while it can spill). */
const SLOT_SPAN = 1 << 20;
/** 32-bit words of a slab the filters are cut from (256 KB). */
const SLAB_WORDS = 1 << 16;
/**
 * How many more ids than the run's share (expect() ÷ SHARDS) a shard's filters are made for: at 3,000,000 ids a
 * shard gets 11,719 ± 108 (a binomial spread), and the fullest of 256 about 3% more than the share.
 */
const EXPECT_SLACK = 1.05;
/** Ids a shard keeps in memory before it spills, in a run (SHARDS × 512: from about 131,000 ids on). */
export const SPILL_AT = 512;

/** Where an id was first seen: the index of its file in the run and its row (or record index). */
export interface FirstSeen {
  file: number;
  at: number;
}

export interface SpillOptions {
  /** Ids a shard holds in memory; when it has that many, they move to its file. */
  at: number;
  /** Where the temporary folder is made (default: the system's, which TMPDIR sets). */
  dir?: string;
  /**
   * Records a look-up first reads on each side of an id's guessed place in a run (default: 1.5√count + 8, three
   * times the largest spread of a place and more). Tests make it small, so that the reads that widen are taken.
   */
  reach?: number;
}

/** A sorted run of a shard's file: records [offset, offset + count), the ids of the shard's spills [from, to). */
interface Run {
  offset: number;
  count: number;
  from: number;
  to: number;
}

/** The Bloom filter of the ids of a shard's spills [from, to) (an epoch). */
interface Filter {
  /** BLOCK_WORDS words a block. */
  bloom: Uint32Array;
  blocks: number;
  from: number;
  to: number;
}

/**
 * The ids of a shard that are on disk: runs laid end to end in its file, each at least as large as the next; the
 * filters of its epochs; the spills so far.
 */
interface OnDisk {
  fd: number;
  runs: Run[];
  filters: Filter[];
  spills: number;
}

interface Shard {
  slots: Uint32Array;
  files: Uint16Array;
  capacity: number;
  count: number;
  disk: OnDisk | null;
}

export class IdRegistry {
  private readonly shards: Shard[] = [];
  private readonly odd = new Map<string, FirstSeen>();
  private packed = 0;
  private bytesNow = 0;
  private bytesPeak = 0;
  /** The temporary folder once a shard has spilled (null before, and once closed). */
  private folder: string | null = null;
  /** False once the disk has failed: no shard spills again. */
  private canSpill: boolean;
  /** Scratch buffers for reading a shard's file and writing it merged (grown as needed, reused). */
  private readBuf = new Uint32Array(0);
  private mergeA = new Uint32Array(0);
  private mergeB = new Uint32Array(0);
  /** A spill's sorting keys (spill.at of them, reused). */
  private order = new Float64Array(0);
  /** The slab filters are cut from, and how much of it is taken. */
  private slab = new Uint32Array(0);
  private slabUsed = 0;
  /** With spill, the one buffer every shard's slots were cut from (null without). */
  private whole: Uint32Array | null = null;
  /** The spills a shard is expected to reach in the whole run (expect()), or null: not known. */
  private until: number | null = null;
  /** 32-bit words of the filters made so far (their slabs are counted in `bytes`). */
  private filterWords = 0;

  /** `initialSlots`: the slots of the whole table before it first grows (spread over the shards). */
  constructor(
    initialSlots = 256 * SHARDS,
    private readonly spill: SpillOptions | null = null,
  ) {
    this.canSpill = spill !== null;
    if (spill) {
      // A shard that spills never holds more than spill.at ids: every shard has its full size from the start, cut
      // from one buffer, so no shard grows. Growing 256 → 384 → 576 → 604 slots (1.5× a step) left each shard's
      // smaller tables behind, 5.6 MB at 3,000,000 ids, dead by the time the first spills came but in memory until
      // a full collection. The buffer's pages are taken as ids come into them.
      const capacity = this.spillCapacity();
      const slots = (this.whole = new Uint32Array(SHARDS * capacity * WORDS));
      const files = new Uint16Array(SHARDS * capacity);
      this.account(SHARDS * capacity * SLOT_BYTES);
      for (let s = 0; s < SHARDS; s++) {
        const slotsOf = slots.subarray(s * capacity * WORDS, (s + 1) * capacity * WORDS);
        this.shards.push({ slots: slotsOf, files: files.subarray(s * capacity, (s + 1) * capacity), capacity, count: 0, disk: null });
      }
    } else {
      const per = Math.max(16, Math.ceil(initialSlots / SHARDS));
      for (let s = 0; s < SHARDS; s++) this.shards.push(this.shard(per));
    }
    this.bytesPeak = this.bytesNow;
  }

  get size(): number {
    return this.packed + this.odd.size;
  }

  /** Bytes the table holds in memory now, and the most it ever held at once (a growth or a spill included). */
  get bytes(): { now: number; peak: number } {
    return { now: this.bytesNow, peak: this.bytesPeak };
  }

  /** Bytes of the Bloom filters made so far. */
  get filterBytes(): number {
    return this.filterWords * 4;
  }

  /**
   * About how many ids the whole run will have (an estimate, which may change), or null. An epoch's filter is made
   * whole when it starts, sized for the spills of its epoch (up to as many as came before it), so the last one may
   * be mostly empty: at 3,000,000 ids, the filters of spills 16–31 take 3.1 MB and a shard has about 22 spills. With
   * an estimate, an epoch ends at the spills a shard is expected to reach (EXPECT_SLACK more, for the shards that
   * get more than their share), if that comes sooner. A low estimate costs one more filter, a high one nothing.
   */
  expect(ids: number | null): void {
    this.until = ids === null || !this.spill ? null : Math.ceil((ids * EXPECT_SLACK) / SHARDS / this.spill.at);
  }

  /** Ids on disk (0 until a shard spills). */
  get spilled(): number {
    let n = 0;
    for (const sh of this.shards) for (const r of sh.disk?.runs ?? []) n += r.count;
    return n;
  }

  /** The most runs any shard's file has. */
  get runs(): number {
    let n = 0;
    for (const sh of this.shards) n = Math.max(n, sh.disk?.runs.length ?? 0);
    return n;
  }

  /** The temporary folder, while there is one. */
  get spillFolder(): string | null {
    return this.folder;
  }

  /** Records `id` as seen at (file, at); returns where it was seen first if it was seen before, else null. */
  add(id: string, file: number, at: number): FirstSeen | null {
    packId(id, K, 0);
    return this.addKey(id, K, 0, file, at);
  }

  /**
   * The same as add(id, file, at) for an id packId packed into words k0 k1 k2, or that it did not pack (`keys` is
   * where it wrote, `i` the id's index there: ID_WORDS words an id). `id` is needed only for an id that did not pack.
   */
  addKey(id: string | undefined, keys: Uint32Array, i: number, file: number, at: number): FirstSeen | null {
    const b = i * ID_WORDS;
    const k0 = keys[b]!;
    if (k0 !== NOT_PACKED) return this.addPacked(k0, keys[b + 1]!, keys[b + 2]!, file, at);
    if (id === undefined) throw new Error('an id that does not pack is given as text');
    return this.addOdd(id, file, at);
  }

  private addOdd(id: string, file: number, at: number): FirstSeen | null {
    const first = this.odd.get(id);
    if (first) return first;
    this.odd.set(id, { file, at });
    return null;
  }

  private addPacked(k0: number, k1: number, k2: number, file: number, at: number): FirstSeen | null {
    const h = hash(k0, k1, k2);
    const s = h >>> (32 - SHARD_BITS);
    const sh = this.shards[s]!;
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
    if (sh.disk !== null) {
      bloomHashes(k0, k1, k2);
      const { filters, runs, fd } = sh.disk;
      for (let f = 0; f < filters.length; f++) {
        const filter = filters[f]!;
        if (!maybe(filter)) continue;
        // the runs that hold the epoch's spills: one that holds them all, or the several its spills are in so far
        for (let r = 0; r < runs.length; r++) {
          const run = runs[r]!;
          if (run.to <= filter.from || run.from >= filter.to) continue;
          const seen = this.inRun(fd, run, h, tag, k1, k2);
          if (seen) return seen;
        }
      }
    }
    const b = i * WORDS;
    slots[b] = tag;
    slots[b + 1] = k1;
    slots[b + 2] = k2;
    slots[b + 3] = at >>> 0;
    sh.files[i] = Math.min(file, 0xffff);
    this.packed++;
    sh.count++;
    if (this.canSpill && sh.count >= this.spill!.at) this.spillShard(s);
    else if (sh.count > sh.capacity * MAX_LOAD) this.grow(s);
    return null;
  }

  /** Closes the shards' files and removes the temporary folder (the ids on disk are forgotten). */
  close(): void {
    for (const sh of this.shards) {
      if (!sh.disk) continue;
      try {
        closeSync(sh.disk.fd);
      } catch {
        /* closing is all that was left to do */
      }
      sh.disk = null;
    }
    if (this.folder) {
      try {
        rmSync(this.folder, { recursive: true, force: true });
        forgetTemporary(this.folder);
      } catch {
        /* left to the exit's clean-up */
      }
    }
    this.folder = null;
  }

  /** The slots a shard needs to hold `spill.at` ids under MAX_LOAD. */
  private spillCapacity(): number {
    return Math.ceil(this.spill!.at / MAX_LOAD) + 1;
  }

  private shard(capacity: number): Shard {
    this.account(capacity * SLOT_BYTES);
    return { slots: new Uint32Array(capacity * WORDS), files: new Uint16Array(capacity), capacity, count: 0, disk: null };
  }

  private account(bytes: number): void {
    this.bytesNow += bytes;
    this.bytesPeak = Math.max(this.bytesPeak, this.bytesNow);
  }

  /** Moves one shard into a table GROWTH times its size; only that shard is ever held twice. */
  private grow(s: number, atLeast = 0): void {
    const old = this.shards[s]!;
    let capacity = Math.max(atLeast, Math.ceil(old.capacity * GROWTH));
    if (this.canSpill) capacity = Math.min(capacity, this.spillCapacity());
    const next = this.shard(capacity);
    for (let j = 0; j < old.capacity; j++) {
      const b = j * WORDS;
      const s0 = old.slots[b]!;
      if (s0 === 0) continue;
      const i = this.freeSlot(next, hash((s0 & ~OCCUPIED) >>> 0, old.slots[b + 1]!, old.slots[b + 2]!));
      next.slots.set(old.slots.subarray(b, b + WORDS), i * WORDS);
      next.files[i] = old.files[j]!;
    }
    next.count = old.count;
    next.disk = old.disk;
    this.shards[s] = next;
    // a shard cut from the one buffer leaves it (after a disk failure): the buffer stays, for the other shards
    if (old.slots.buffer !== this.whole?.buffer) this.bytesNow -= old.capacity * SLOT_BYTES;
  }

  /** The empty slot where an id of hash `h` goes in `sh`. */
  private freeSlot(sh: Shard, h: number): number {
    let i = range(h << SHARD_BITS, sh.capacity);
    while (sh.slots[i * WORDS] !== 0) i = i + 1 === sh.capacity ? 0 : i + 1;
    return i;
  }

  /**
   * Where the id (hash h, words tag k1 k2) was first seen, if it is in the run. The hashes of a shard share their
   * top SHARD_BITS bits and spread evenly below them, so a record of hash h lies near count × (h's lower bits ÷
   * their range), give or take at most √count / 2 records (the spread of a binomial count): a look-up reads
   * 2 × (1.5√count + 8) records around that place (a few KB), and reads a wider piece, rarely, until every record
   * of hash h is surely inside.
   */
  private inRun(fd: number, run: Run, h: number, tag: number, k1: number, k2: number): FirstSeen | null {
    const n = run.count;
    const half = this.spill!.reach ?? Math.ceil(1.5 * Math.sqrt(n)) + 8;
    const guess = range(h << SHARD_BITS, n);
    let lo = Math.max(0, guess - half);
    let hi = Math.min(n, guess + half + 1);
    for (;;) {
      const buf = this.readRecords(fd, run.offset + lo, hi - lo);
      // records before lo (after hi) may have hash h unless the piece starts below h (ends above it)
      const before = lo > 0 && recordHash(buf, 0) >= h;
      const after = hi < n && recordHash(buf, hi - lo - 1) <= h;
      if (before || after) {
        const width = hi - lo;
        if (before) lo = Math.max(0, lo - width);
        if (after) hi = Math.min(n, hi + width);
        continue;
      }
      for (let r = 0; r < hi - lo; r++) {
        const b = r * REC;
        if (buf[b] === tag && buf[b + 1] === k1 && buf[b + 2] === k2) return { file: buf[b + 4]!, at: buf[b + 3]! };
      }
      return null;
    }
  }

  /** Records [from, from + n) of a shard's file, at the start of the read buffer. */
  private readRecords(fd: number, from: number, n: number): Uint32Array {
    if (this.readBuf.length < n * REC) this.readBuf = new Uint32Array(Math.max(n * REC, Math.ceil(this.readBuf.length * 1.5)));
    const bytes = Buffer.from(this.readBuf.buffer, 0, n * REC_BYTES);
    let done = 0;
    while (done < bytes.length) {
      let got: number;
      try {
        got = readSync(fd, bytes, done, bytes.length - done, from * REC_BYTES + done);
      } catch (err) {
        throw fileError(err, this.folder);
      }
      if (got === 0) throw new FileError(this.folder, 'EIO');
      done += got;
    }
    return this.readBuf;
  }

  /**
   * Moves a full shard's ids to its file as a new run, sorted by hash. Runs stay few (about log2 of the ids on
   * disk ÷ spill.at): while the last run is no larger than the new one, it is merged into it, so a merge rewrites
   * the end of the file and an id is rewritten a handful of times in a whole run. If the disk fails, the ids of
   * the runs being merged and of memory stay in memory instead (and no shard spills again).
   */
  private spillShard(s: number): void {
    const sh = this.shards[s]!;
    let d = sh.disk;
    try {
      if (this.folder === null) {
        this.folder = mkdtempSync(join(this.spill!.dir ?? tmpdir(), 'gz-awards-ids-'));
        removeOnExit(this.folder);
      }
      d ??= sh.disk = { fd: openSync(join(this.folder, `shard-${s}`), 'w+'), runs: [], filters: [], spills: 0 };
    } catch {
      this.canSpill = false;
      return this.keepInMemory(s);
    }
    // the shard's ids, sorted by hash (the hash above the slot's place: exact in a float's 53 bits)
    const m = sh.count;
    if (this.order.length < m) this.order = new Float64Array(m);
    const order = this.order.subarray(0, m);
    let n = 0;
    for (let j = 0; j < sh.capacity; j++) {
      const b = j * WORDS;
      const s0 = sh.slots[b]!;
      if (s0 !== 0) order[n++] = hash((s0 & ~OCCUPIED) >>> 0, sh.slots[b + 1]!, sh.slots[b + 2]!) * SLOT_SPAN + j;
    }
    order.sort();
    let merged = this.scratch(0, m);
    for (let q = 0; q < m; q++) {
      const j = order[q]! % SLOT_SPAN;
      const o = q * REC;
      const b = j * WORDS;
      merged[o] = sh.slots[b]!;
      merged[o + 1] = sh.slots[b + 1]!;
      merged[o + 2] = sh.slots[b + 2]!;
      merged[o + 3] = sh.slots[b + 3]!;
      merged[o + 4] = sh.files[j]!;
    }
    // the runs merged into the new one: the last ones, read back to back
    let total = m;
    let first = d.runs.length;
    while (first > 0 && d.runs[first - 1]!.count <= total) total += d.runs[--first]!.count;
    const gone = d.runs.splice(first);
    const offset = gone[0]?.offset ?? (d.runs.length ? d.runs.at(-1)!.offset + d.runs.at(-1)!.count : 0);
    if (gone.length) {
      const old = this.readRecords(d.fd, offset, total - m);
      let count = m;
      for (let g = gone.length - 1; g >= 0; g--) {
        const run = gone[g]!;
        const into = this.scratch(merged === this.mergeA ? 1 : 0, count + run.count);
        mergeRuns(merged, count, old, run.offset - offset, run.count, into);
        merged = into;
        count += run.count;
      }
    }
    try {
      const bytes = Buffer.from(merged.buffer, 0, total * REC_BYTES);
      let done = 0;
      while (done < bytes.length) done += writeSync(d.fd, bytes, done, bytes.length - done, offset * REC_BYTES + done);
    } catch {
      // the end of the file may be half written: its ids and memory's are all in `merged`; they go back to memory
      this.canSpill = false;
      return this.backToMemory(s, merged, total);
    }
    const spill = d.spills++;
    d.runs.push({ offset, count: total, from: gone[0]?.from ?? spill, to: spill + 1 });
    // the spill's ids (still in the slots) go into its epoch's filter, made when the epoch's first spill comes
    let filter = d.filters.at(-1);
    if (filter === undefined || spill >= filter.to) d.filters.push((filter = this.filter(spill, epochEnd(spill, this.until))));
    for (let j = 0; j < sh.capacity; j++) {
      const b = j * WORDS;
      const s0 = sh.slots[b]!;
      if (s0 === 0) continue;
      bloomHashes((s0 & ~OCCUPIED) >>> 0, sh.slots[b + 1]!, sh.slots[b + 2]!);
      addToBloom(filter);
    }
    sh.slots.fill(0);
    sh.count = 0;
  }

  /** The filter of a shard's epoch of spills [from, to), empty. */
  private filter(from: number, to: number): Filter {
    const blocks = Math.max(1, Math.ceil(((to - from) * this.spill!.at * BLOOM_BITS) / (32 * BLOCK_WORDS)));
    return { bloom: this.words(blocks * BLOCK_WORDS), blocks, from, to };
  }

  /** `n` zeroed words cut from the slab (a new slab when it has not that many left; slabs are never freed). */
  private words(n: number): Uint32Array {
    if (this.slabUsed + n > this.slab.length) {
      this.slab = new Uint32Array(Math.max(SLAB_WORDS, n));
      this.slabUsed = 0;
      this.account(this.slab.byteLength);
    }
    this.slabUsed += n;
    this.filterWords += n;
    return this.slab.subarray(this.slabUsed - n, this.slabUsed);
  }

  /** Scratch buffer `which` (0 or 1), at least `records` long. */
  private scratch(which: 0 | 1, records: number): Uint32Array {
    const cur = which === 0 ? this.mergeA : this.mergeB;
    if (cur.length >= records * REC) return cur;
    const next = new Uint32Array(Math.max(records * REC, Math.ceil(cur.length * 1.5)));
    if (which === 0) this.mergeA = next;
    else this.mergeB = next;
    return next;
  }

  /** A shard that cannot spill: it grows in memory as it would without spilling. */
  private keepInMemory(s: number): void {
    const sh = this.shards[s]!;
    if (sh.count > sh.capacity * MAX_LOAD) this.grow(s);
  }

  /**
   * A shard whose file failed at its end: the `total` records in `recs` (memory's and those of the runs that were
   * being merged) all go to memory; the runs before them are whole, and stay.
   */
  private backToMemory(s: number, recs: Uint32Array, total: number): void {
    const sh = this.shards[s]!;
    sh.slots.fill(0);
    sh.count = 0;
    this.grow(s, Math.ceil((total * GROWTH) / MAX_LOAD));
    const next = this.shards[s]!;
    for (let r = 0; r < total; r++) {
      const o = r * REC;
      const i = this.freeSlot(next, recordHash(recs, r));
      next.slots.set(recs.subarray(o, o + WORDS), i * WORDS);
      next.files[i] = recs[o + 4]!;
    }
    next.count = total;
  }
}

/**
 * The spills [from, to) of epoch k: spill 0, spill 1, then 2–3, 4–7, 8–15, … (epoch k ≥ 1 starts at spill
 * 2^(k-1)), so that an epoch made whole when it starts is never larger than the spills before it, and a shard of
 * s spills has 1 + ⌈log2 s⌉ of them. Epochs that grew more slowly (1, 1, 1, 1, 2, 2, 4, 4, …: at most half the
 * spills before them) saved 1.6 MB at 3,000,000 ids but took 20–30 % longer there in one process: every new id is
 * looked up in every filter, 9 of them instead of 6.
 */
export function epoch(k: number): { from: number; to: number } {
  return k === 0 ? { from: 0, to: 1 } : { from: 2 ** (k - 1), to: 2 ** k };
}

/** The epoch that holds spill s (epoch(k).from ≤ s < epoch(k).to), for s < 2^31. */
export function epochOf(s: number): number {
  return s === 0 ? 0 : 32 - Math.clz32(s);
}

/**
 * Where the epoch that starts at spill `from` ends: at the end of the epoch of epoch() that holds `from`, or at
 * `until` (the spills a shard is expected to reach) if that is sooner, and after `from` in any case.
 */
export function epochEnd(from: number, until: number | null): number {
  const to = epoch(epochOf(from)).to;
  return until === null ? to : Math.min(to, Math.max(from + 1, until));
}

/** The records of two sorted runs, merged by hash into `out`. */
function mergeRuns(a: Uint32Array, na: number, b: Uint32Array, bFrom: number, nb: number, out: Uint32Array): void {
  let i = 0;
  let j = 0;
  let ha = na > 0 ? recordHash(a, 0) : 0;
  let hb = nb > 0 ? recordHash(b, bFrom) : 0;
  for (let o = 0; o < (na + nb) * REC; o += REC) {
    let src: Uint32Array;
    let at: number;
    if (j >= nb || (i < na && ha <= hb)) {
      src = a;
      at = i * REC;
      if (++i < na) ha = recordHash(a, i);
    } else {
      src = b;
      at = (bFrom + j) * REC;
      if (++j < nb) hb = recordHash(b, bFrom + j);
    }
    out[o] = src[at]!;
    out[o + 1] = src[at + 1]!;
    out[o + 2] = src[at + 2]!;
    out[o + 3] = src[at + 3]!;
    out[o + 4] = src[at + 4]!;
  }
}

/** The hash of record r of a buffer of records. */
function recordHash(recs: Uint32Array, r: number): number {
  const b = r * REC;
  return hash((recs[b]! & ~OCCUPIED) >>> 0, recs[b + 1]!, recs[b + 2]!);
}

/**
 * Two hashes of an id for its filter, independent of the one that places it: G[0] picks the block, G[1] the bit in
 * each of its words.
 */
function bloomHashes(k0: number, k1: number, k2: number): void {
  G[0] = hash(k2 ^ 0x5bd1e995, k0, k1);
  G[1] = hash(k1 ^ 0x27220a95, k2, k0);
}
const G = new Uint32Array(2);

/** Sets the bits of the id whose hashes bloomHashes put in G. */
function addToBloom(r: Filter): void {
  const b = range(G[0]!, r.blocks) * BLOCK_WORDS;
  const key = G[1]!;
  for (let i = 0; i < BLOCK_WORDS; i++) r.bloom[b + i] = r.bloom[b + i]! | (1 << (Math.imul(key, SALT[i]!) >>> 27));
}

/** Whether the id whose hashes bloomHashes put in G may be in the filter's spills (false: it surely is not). */
function maybe(r: Filter): boolean {
  const b = range(G[0]!, r.blocks) * BLOCK_WORDS;
  const key = G[1]!;
  for (let i = 0; i < BLOCK_WORDS; i++) if ((r.bloom[b + i]! & (1 << (Math.imul(key, SALT[i]!) >>> 27))) === 0) return false;
  return true;
}

/** Words of a packed id. */
export const ID_WORDS = 3;
/** What packId writes as an id's first word when the id does not pack (a packed word has 30 bits). */
const NOT_PACKED = 0xffffffff;

/** The packed words of the id add() was given (one buffer: no allocation per id). */
const K = new Uint32Array(ID_WORDS);

/**
 * 18 characters of the alphabet → three 30-bit words, at out[at * ID_WORDS …]; false if the id does not pack (its
 * first word is then NOT_PACKED, so that addKey knows). The readers pack a block's ids while they are at hand, so
 * that the thread that notes them (add, addKey) does not read each id's characters again.
 */
export function packId(id: string, out: Uint32Array, at: number): boolean {
  const o = at * ID_WORDS;
  out[o] = NOT_PACKED;
  if (id.length !== 18) return false;
  let w = 0;
  let k0 = 0;
  let k1 = 0;
  for (let i = 0; i < 18; i++) {
    const c = id.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return false;
    w = w * 32 + v;
    if (i === 5) k0 = w;
    else if (i === 11) k1 = w;
    else continue;
    w = 0;
  }
  out[o] = k0;
  out[o + 1] = k1;
  out[o + 2] = w;
  return true;
}

/**
 * The id packId packed at keys[at * ID_WORDS …], its 18 characters again (packing is one to one), or null if it did
 * not pack. A block's ids cross threads packed only: the main thread spells one out when it reports it.
 */
export function unpackId(keys: Uint32Array, at: number): string | null {
  const o = at * ID_WORDS;
  if (keys[o] === NOT_PACKED) return null;
  let s = '';
  for (let w = 0; w < ID_WORDS; w++) {
    const word = keys[o + w]!;
    for (let j = 5; j >= 0; j--) s += CHARSET[(word >>> (5 * j)) & 31];
  }
  return s;
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

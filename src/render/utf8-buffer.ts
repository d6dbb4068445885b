/**
 * Text encoded to UTF-8 as it is made, into one buffer reused from block to block: a block's lines (a JSON line
 * is about 3 KB, a CSV line of the long layout a tree of joined pieces) then die young instead of living on, as one long
 * string, until the block is written.
 *
 * Besides whole strings (`add`), it takes the pieces a JSON or CSV writer is made of without building a string
 * for them: bytes encoded once (`bytes`, `byte`), integers (`int`), ASCII words (`ascii`) and strings as JSON
 * (`json`), quoted and encoded in one pass, escaped exactly as JSON.stringify escapes.
 */
export class Utf8Buffer {
  /** The bytes, as Node's Buffer (for its encoder) and as a plain Uint8Array (V8 stores into it faster). */
  private buf = Buffer.allocUnsafe(1 << 20);
  private u8 = plain(this.buf);
  length = 0;

  /** Room for `n` more bytes. */
  private room(n: number): Uint8Array {
    if (this.length + n > this.u8.length) this.grow(n);
    return this.u8;
  }

  private grow(n: number): void {
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
    this.u8 = plain(next);
  }

  /**
   * A string (a UTF-16 code unit is at most 3 bytes of UTF-8). A short one (a CSV cell: an id, a name) is encoded
   * here, which costs less than a call into Node's encoder; a long one, or one with a surrogate (a character beyond
   * the BMP, or a lone half, which becomes U+FFFD), is Node's to encode.
   */
  add(s: string): void {
    const buf = this.room(3 * s.length);
    const o = s.length > SHORT ? -1 : encodePlain(buf, this.length, s, false);
    if (o < 0) this.addByNode(s);
    else this.length = o;
  }

  private addByNode(s: string): void {
    this.length += this.buf.write(s, this.length, 'utf8');
  }

  /** Bytes encoded beforehand (the constant parts of a line). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    const buf = this.room(n);
    const o = this.length;
    // a copy of more than a few bytes is cheaper as one memmove (TypedArray.set) than byte by byte
    if (n > 8) buf.set(b, o);
    else for (let i = 0; i < n; i++) buf[o + i] = b[i]!;
    this.length = o + n;
  }

  /** One byte (an ASCII character). */
  byte(c: number): void {
    this.room(1)[this.length++] = c;
  }

  /** The bytes from `start` to `end`, written again at the end (a string already written once). */
  repeat(start: number, end: number): void {
    const buf = this.room(end - start);
    buf.copyWithin(this.length, start, end);
    this.length += end - start;
  }

  /** A string known to be ASCII (a formatted amount, a number): one byte a character. */
  ascii(s: string): void {
    const n = s.length;
    const buf = this.room(n);
    const o = this.length;
    for (let i = 0; i < n; i++) buf[o + i] = s.charCodeAt(i);
    this.length = o + n;
  }

  /** Characters [from, to) of a string known to be ASCII there (the digits of a number). */
  asciiRange(s: string, from: number, to: number): void {
    const buf = this.room(to - from);
    let o = this.length;
    for (let i = from; i < to; i++) buf[o++] = s.charCodeAt(i);
    this.length = o;
  }

  /** A string known to be ASCII with nothing JSON escapes (a formatted amount), quoted: "…". */
  quotedAscii(s: string): void {
    const n = s.length;
    const buf = this.room(n + 2);
    const o = this.length;
    buf[o] = 34;
    for (let i = 0; i < n; i++) buf[o + 1 + i] = s.charCodeAt(i);
    buf[o + n + 1] = 34;
    this.length = o + n + 2;
  }

  /** A whole number as JSON writes it (a year, a tier, a count: one to four digits without a string). */
  int(x: number): void {
    if (x >= 0 && x < 10 && (x | 0) === x) return this.byte(48 + x);
    if (x >= 1000 && x < 10000 && (x | 0) === x) {
      const buf = this.room(4);
      const o = this.length;
      buf[o] = 48 + ((x / 1000) | 0);
      buf[o + 1] = 48 + (((x / 100) | 0) % 10);
      buf[o + 2] = 48 + (((x / 10) | 0) % 10);
      buf[o + 3] = 48 + (x % 10);
      this.length = o + 4;
      return;
    }
    this.ascii(String(x));
  }

  /**
   * A string as JSON: quoted, and encoded in the same pass. A string with something to escape (a quote, a
   * backslash, a control character) or a surrogate (a character beyond the BMP, or a lone half, which JSON
   * writes as \uXXXX) is rare: it goes through JSON.stringify, whose escapes are the contract's.
   */
  json(s: string): void {
    const buf = this.room(3 * s.length + 2);
    const start = this.length;
    buf[start] = 34;
    const o = encodePlain(buf, start + 1, s, true);
    if (o < 0) return this.slowJson(s, start);
    buf[o] = 34;
    this.length = o + 1;
  }

  /**
   * A string's characters as they stand inside a JSON string (no quotes), encoded: true; or false, and nothing
   * written, where one must be escaped or is a surrogate (the caller then writes the whole text with json()).
   */
  jsonPart(s: string): boolean {
    const buf = this.room(3 * s.length);
    const o = encodePlain(buf, this.length, s, true);
    if (o < 0) return false;
    this.length = o;
    return true;
  }

  private slowJson(s: string, start: number): void {
    this.length = start;
    this.add(JSON.stringify(s));
  }

  /** The text from byte `start` to the end, taking it out of the buffer. */
  textFrom(start: number): string {
    const s = this.buf.toString('utf8', start, this.length);
    this.length = start;
    return s;
  }

  /**
   * The bytes added since the last take. They are handed over whole (a fresh buffer takes their place), except
   * where the buffer is mostly empty: then they are copied out, so what crosses threads is only them.
   */
  take(): Uint8Array {
    const size = this.buf.length;
    if (this.length < size / 2) {
      const out = Uint8Array.prototype.slice.call(this.buf, 0, this.length);
      this.length = 0;
      return out;
    }
    const out = this.buf.subarray(0, this.length);
    this.buf = Buffer.allocUnsafeSlow(size);
    this.u8 = plain(this.buf);
    this.length = 0;
    return out;
  }
}

/**
 * `s` as UTF-8 at buf[o…], and the offset after it; -1 where it holds a surrogate (a character beyond the BMP, or a
 * lone half: Node's encoder or JSON.stringify decides those) or, for `json`, a character JSON escapes (a quote, a
 * backslash, a control character). `buf` has room for 3 bytes a code unit.
 */
function encodePlain(buf: Uint8Array, o: number, s: string, json: boolean): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (json && (c < 0x20 || c === 34 || c === 92)) return -1;
      buf[o++] = c;
    } else if (c < 0x800) {
      buf[o++] = 0xc0 | (c >> 6);
      buf[o++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      return -1;
    } else {
      buf[o++] = 0xe0 | (c >> 12);
      buf[o++] = 0x80 | ((c >> 6) & 0x3f);
      buf[o++] = 0x80 | (c & 0x3f);
    }
  }
  return o;
}

/** The longest string `add` encodes itself. */
const SHORT = 24;

const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

/** A constant piece of text as UTF-8 bytes, encoded once. */
export const utf8 = (s: string): Uint8Array => plain(Buffer.from(s, 'utf8'));

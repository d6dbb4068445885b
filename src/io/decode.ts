import { isUtf8 } from 'node:buffer';
import { badBytesMark } from './marks.js';

/**
 * Bytes → text: UTF-8 with or without BOM, or GB18030/GBK as Excel in China saves CSV (detected when the bytes
 * are not valid UTF-8, or chosen with --encoding), through TextDecoder (fatal), so that an invalid byte is never a guess.
 */

export type Encoding = 'auto' | 'utf8' | 'gb18030' | 'gbk' | 'utf16';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2];
}

/** Whether a sample of bytes is valid UTF-8 (a sample may end inside a character: that is allowed). */
export function looksUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which encoding to read a file in, from the whole of its first bytes (a read of 64 KB). UTF-8 when they are valid
 * UTF-8, or when they hold more UTF-8 characters than invalid sequences (a UTF-8 file with a GBK-encoded name in
 * it: that row is then rejected, not the file decoded as GB18030 into mojibake). GB18030 when they are not UTF-8
 * and their non-ASCII bytes pair as GB2312's characters do (both bytes 0xA1–0xFE) more often than not. Otherwise
 * UTF-8, whose invalid bytes then reject their rows: one stray byte in an ASCII file ("ab\xC3cd") would be a
 * character of GBK's extension ("ab胏d"), a guess never made.
 */
export function detectEncoding(sample: Uint8Array, requested: Encoding = 'auto'): 'utf8' | 'gb18030' {
  if (requested === 'utf8') return 'utf8';
  if (requested === 'gb18030' || requested === 'gbk') return 'gb18030'; // GB18030 is a superset of GBK
  if (hasUtf8Bom(sample)) return 'utf8';
  if (looksUtf8(sample)) return 'utf8';
  const u = utf8Counts(sample);
  if (u.valid > u.invalid) return 'utf8';
  const g = gbCounts(sample);
  return g.paired > g.other ? 'gb18030' : 'utf8';
}

/** UTF-8 sequences of two to four bytes that are valid, and invalid sequences (each maximal run counted once). */
function utf8Counts(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let bad = false;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      bad = false;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n;
      bad = false;
    } else {
      if (!bad && i + n <= b.length) invalid++; // a sequence cut by the end of the sample is not counted
      bad = true;
      i++;
    }
  }
  return { valid, invalid };
}

/** Pairs of GB2312's region (both bytes 0xA1–0xFE), and other non-ASCII bytes, as a GB18030 reader would pair them. */
function gbCounts(b: Uint8Array): { paired: number; other: number } {
  let paired = 0;
  let other = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const d = b[i + 1];
    if (d === undefined) break;
    if (c >= 0xa1 && c <= 0xfe && d >= 0xa1 && d <= 0xfe) paired++;
    else other++;
    i += 2;
  }
  return { paired, other };
}

/**
 * A decoder of a file's bytes in an encoding that never guesses a character: bytes invalid in it are replaced by a
 * mark (marks.ts) holding the offset of the first of them in the file, so that the row they sit in is rejected
 * with it and the other rows go on. Each chunk is decoded up to its last byte below 0x30 (ASCII: a separator, a
 * quote, a space, a line end), which no multibyte sequence of UTF-8 or GB18030 holds; the rest waits for the next
 * chunk (copied: the reader reuses its buffers), so that a character split between reads is whole. A text of
 * invalid bytes is found by decoding its pieces between such bytes, each once: only a chunk that fails comes there.
 */
export function checkedDecoder(encoding: 'utf8' | 'gb18030'): (buf: Buffer | null) => string {
  const label = encoding === 'utf8' ? 'utf-8' : 'gb18030';
  const fatal = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  // UTF-8 (nearly every file): checked by buffer.isUtf8 (simdutf), decoded by ICU's streaming converter, which
  // made a 200,000-row file's text in half the time of the one-shot fast path (57 against 118 ms)
  const plain = encoding === 'utf8' ? new TextDecoder('utf-8', { ignoreBOM: true }) : null;
  let carry: Buffer | null = null;
  /** Bytes of the file before `carry` (or before the next chunk). */
  let offset = 0;
  let start = true;
  const decodeSpan = (b: Uint8Array, at: number): string => {
    if (plain) return isUtf8(b) ? plain.decode(b, { stream: true }) : markInvalid(b, at); // whole characters: nothing is held
    try {
      return fatal.decode(b);
    } catch {
      return markInvalid(b, at);
    }
  };
  const markInvalid = (b: Uint8Array, at: number): string => {
    let out = '';
    let from = 0;
    for (let i = 0; i <= b.length; i++) {
      if (i < b.length && b[i]! >= 0x30) continue;
      const piece = b.subarray(from, i);
      try {
        out += fatal.decode(piece);
      } catch {
        out += badBytesMark(encoding, at + from + firstInvalid(piece, label));
      }
      if (i < b.length) out += String.fromCharCode(b[i]!);
      from = i + 1;
    }
    return out;
  };
  return (buf) => {
    let bytes: Buffer;
    if (buf === null) {
      if (!carry) return '';
      bytes = carry;
      carry = null;
      const text = decodeSpan(bytes, offset);
      offset += bytes.length;
      return text;
    }
    if (start && buf.length > 0) {
      start = false;
      if (encoding === 'utf8' && hasUtf8Bom(buf)) {
        buf = buf.subarray(3);
        offset += 3;
      }
    }
    let cut = buf.length;
    while (cut > 0 && buf[cut - 1]! >= 0x30) cut--;
    if (cut === 0) {
      // no safe place in this chunk: it waits whole, unless the wait grows past a record (then it is decoded as it is)
      carry = carry ? Buffer.concat([carry, buf]) : Buffer.from(buf);
      if (carry.length < 1 << 16) return '';
      bytes = carry;
      carry = null;
      const text = decodeSpan(bytes, offset);
      offset += bytes.length;
      return text;
    }
    let text = '';
    let at = offset;
    if (carry) {
      // the carried bytes and this chunk's head up to its first safe byte: a small copy
      let head = 0;
      while (head < cut && buf[head]! >= 0x30) head++;
      const joined = Buffer.concat([carry, buf.subarray(0, head + 1)]);
      text = decodeSpan(joined, at);
      at += carry.length;
      carry = null;
      text += decodeSpan(buf.subarray(head + 1, cut), at + head + 1);
    } else text = decodeSpan(buf.subarray(0, cut), at);
    if (cut < buf.length) carry = Buffer.from(buf.subarray(cut));
    offset = at + cut;
    return text;
  };
}

/**
 * Where in `b` (which fails to decode) the first invalid sequence starts: the shortest prefix that fails when more
 * may follow ends with the byte that broke it; the sequence starts at the last whole character before that byte.
 */
function firstInvalid(b: Uint8Array, label: string): number {
  const fails = (end: number, stream: boolean): boolean => {
    try {
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b.subarray(0, end), { stream });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0;
  let hi = b.length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid, true)) hi = mid;
    else lo = mid;
  }
  let start = hi - 1;
  while (start > 0 && hi - start < 4 && fails(start, false)) start--;
  return start;
}

/** A whole input as text (a small one: simulate's JSON), its invalid bytes as marks (checkedDecoder), never guessed. */
export async function decode(buf: Uint8Array, requested: Encoding = 'auto'): Promise<{ text: string; encoding: 'utf8' | 'gb18030' }> {
  const encoding = detectEncoding(buf.subarray(0, 1 << 16), requested);
  const d = checkedDecoder(encoding);
  return { text: d(Buffer.from(buf.buffer, buf.byteOffset, buf.length)) + d(null), encoding };
}

/**
 * What the reading layer found wrong inside a record, carried to the row mapper in the record's own text (which may
 * be mapped in a worker, far from the bytes): bytes invalid in the file's encoding (decode.ts) and a record longer
 * than MAX_RECORD (csv-split.ts) are replaced by a mark, U+FFFE (a noncharacter, never text in a table), a letter,
 * a number and U+FFFE again. The mark holds no separator, quote or line end, so the record's cells and the file's
 * rows stay where they were; the row mapper rejects a row that holds one (rowMark), with what it says. A block is
 * looked at only when its text holds U+FFFE at all: one indexOf a piece on the hot path.
 */
import { error, type Problem } from '../domain/problem.js';

export const MARK = '\uFFFE';
/** Characters of an over-long record quoted in its message. */
export const PREFIX_CHARS = 40;

/** Bytes invalid in the file's encoding, the first at byte `offset` of the file. */
export function badBytesMark(encoding: 'utf8' | 'gb18030', offset: number): string {
  return `${MARK}${encoding === 'utf8' ? 'U' : 'G'}${offset}${MARK}`;
}

/** A record of `length` characters (at least), longer than the limit: the mark and the first characters, cleaned of what would split them. */
export function tooLongMark(length: number, prefix: string): string {
  return `${MARK}L${length}${MARK}${prefix.slice(0, PREFIX_CHARS).replace(/[\uFFFE",;\t\r\n]/g, ' ')}`;
}

/** The problem a text's first mark stands for (`column`: where it was found), or null when it holds none. */
export function markProblem(text: string, column = ''): Problem | null {
  const at = text.indexOf(MARK);
  if (at === -1) return null;
  const m = /^\uFFFE([UGL])(\d+)\uFFFE/.exec(text.slice(at, at + 24));
  if (!m) return error(column, 'encoding.invalid-bytes', { offset: '?', encoding: 'UTF-8' });
  if (m[1] === 'L') return error('', 'line-too-long', { max: MAX_RECORD_CHARS }, text.slice(at + m[0].length, at + m[0].length + PREFIX_CHARS));
  return error(column, 'encoding.invalid-bytes', { offset: Number(m[2]), encoding: m[1] === 'U' ? 'UTF-8' : 'GB18030' });
}

/** Longest record read (characters): a longer one is rejected at once, quoted by its first PREFIX_CHARS characters. */
export const MAX_RECORD_CHARS = 1 << 20;

/**
 * JSON text made safe to hand to JSON.parse: numbers that a double cannot hold exactly (more than 15
 * significant digits, such as 2999999999.9999999 or an integer past 2^53, or an exponent beyond a double: 1e400)
 * are turned into strings holding their digits, which the amount reader reads exactly; and a record nested deeper than MAX_DEPTH is refused before
 * anything recurses into it.
 */

/** Deepest nesting of arrays and objects a record may have (the input contract needs 3). */
export const MAX_DEPTH = 64;
/** Longest record text read (characters). */
export const MAX_RECORD_TEXT = 1 << 20;

export type Prepared =
  | { ok: true; text: string }
  | { ok: false; key: 'json.too-deep' | 'json.too-long'; args: Record<string, number> }
  /** A key written twice in one object (JSON.parse would keep the last silently): `at` is its offset in the text. */
  | { ok: false; key: 'json.duplicate-key'; args: { key: string }; at: number };

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Significant digits of a JSON number token: leading and trailing zeros do not count. */
function significant(token: string): number {
  const m = /^-?(\d+)(?:\.(\d+))?/.exec(token);
  if (!m) return 0;
  const digits = (m[1]! + (m[2] ?? '')).replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/**
 * A number in exponent form that a double would not hold as written: past 10^15 (1e400 becomes Infinity, 1e300
 * "1e+300"), or so small that a digit other than zero becomes 0 (1e-400). Kept as its text, so that the amount
 * reader refuses it quoting what was written, and never reads it as infinite or zero.
 */
function beyondDouble(token: string): boolean {
  const e = token.indexOf('e') + token.indexOf('E') + 1;
  if (e < 0) return false;
  const v = Math.abs(Number(token));
  return !(v < 1e15) || (v === 0 && /[1-9]/.test(token.slice(0, e)));
}

/** `extraDepth`: levels of a wrapper around the records (a top-level array). */
export function prepareJson(text: string, extraDepth = 0): Prepared {
  if (text.length > MAX_RECORD_TEXT * (extraDepth ? Infinity : 1)) return { ok: false, key: 'json.too-long', args: { max: MAX_RECORD_TEXT } };
  let depth = 0;
  let out: string[] | null = null;
  let from = 0;
  const n = text.length;
  // the keys of each object open around the scan (null: none yet, or an array), and whether a key comes next
  const keys: Array<Set<string> | null> = [];
  const objects: boolean[] = [];
  let expectKey = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: skip to its closing quote
      const start = i;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      if (expectKey) {
        expectKey = false;
        let key = text.slice(start + 1, i);
        if (key.indexOf('\\') !== -1) {
          try {
            key = JSON.parse(text.slice(start, i + 1)) as string; // "\u0061" is the key "a"
          } catch {
            // a bad escape: JSON.parse says so later
          }
        }
        const top = keys.length - 1;
        const seen = keys[top] ?? (keys[top] = new Set());
        if (seen.has(key)) return { ok: false, key: 'json.duplicate-key', args: { key: key.length > 40 ? `${key.slice(0, 37)}…` : key }, at: start };
        seen.add(key);
      }
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH + extraDepth) return { ok: false, key: 'json.too-deep', args: { max: MAX_DEPTH } };
      keys.push(null);
      objects.push(c === 123);
      expectKey = c === 123;
    } else if (c === 93 || c === 125) {
      depth--;
      keys.pop();
      objects.pop();
    } else if (c === 44) expectKey = objects[objects.length - 1] === true;
    else if (c === 45 || isDigit(c)) {
      let j = i + 1;
      while (j < n && (isDigit(text.charCodeAt(j)) || '.eE+-'.includes(text[j]!))) j++;
      const token = text.slice(i, j);
      if ((significant(token) > 15 || beyondDouble(token)) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token)) {
        (out ??= []).push(text.slice(from, i), `"${token}"`);
        from = j;
      }
      i = j - 1;
    }
  }
  if (!out) return { ok: true, text };
  out.push(text.slice(from));
  return { ok: true, text: out.join('') };
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

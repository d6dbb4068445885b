/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
 * 0-9 A-H J-N P-R T U W-Y (values 0–30), the last a check character over the first 17.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Value of each character by char code (−1: not in the charset); a table, because ids are checked a million times. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;
const valueOf = (code: number) => (code < 128 ? VALUE[code]! : -1);
/** 3^(i−1) mod 31 for positions 1–17. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'charset'; position: number; char: string }
  | { kind: 'check'; expected: string; actual: string };

/** The check character the first 17 characters call for (an 18th is ignored), or null when one is not in the charset. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17.charCodeAt(i));
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check]!;
}

/** Checks an id; returns null when it is a valid code. Lower case is read as upper case. */
export function checkUscc(raw: string): UsccProblem | null {
  const id = raw.toUpperCase();
  if (id.length !== 18) return { kind: 'length', length: id.length };
  for (let i = 0; i < 18; i++) {
    if (valueOf(id.charCodeAt(i)) < 0) return { kind: 'charset', position: i + 1, char: raw[i]! };
  }
  const expected = usccCheckChar(id)!;
  return expected === id[17] ? null : { kind: 'check', expected, actual: id[17]! };
}

/**
 * Whether a quote is a text's own words (test/laws.test.ts for the built-ins, the policy-file loader for `text:`).
 * Only whitespace is normalised (a run to one space, none between two Han characters); punctuation is compared
 * exactly. A quote that leaves words out marks the gap with "……" (or "…" at its end): each piece must be found,
 * in order.
 */

/** Runs of whitespace to one space, and none between two Han characters (a line break inside a Chinese word). */
export function normText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
}

/** The first piece of `quote` not found in `text` (already normText'ed), in order; null when all are. */
export function missingPiece(text: string, quote: string): string | null {
  let from = 0;
  for (const piece of normText(quote).split(/……|…/).map((p) => p.trim()).filter(Boolean)) {
    const at = text.indexOf(piece, from);
    if (at < 0) return piece;
    from = at + piece.length;
  }
  return null;
}

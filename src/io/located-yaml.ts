/**
 * Where a value sits in a YAML (or JSON) file: parses with the `yaml` document API and a LineCounter, so that
 * an error about `cases[2].expect.gz-2025-ecommerce/scale-tier.2025.status` can name its line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { parseAmount } from '../domain/money.js';

export type PathStep = string | number;

/** Alias uses a document may expand (yaml's maxAliasCount): far more than a real file writes, far fewer than a bomb. */
const MAX_ALIASES = 100;

export interface Position {
  line: number;
  col: number;
}

export interface LocatedDoc {
  doc: Document;
  /** The line and column of the deepest node along `path` (the key of a mapping entry, where there is one). */
  at(path: readonly PathStep[]): Position;
}

export interface SyntaxProblem {
  line?: number;
  col?: number;
  message: string;
}

/** Parses YAML (JSON is read the same way), or says where the syntax breaks. */
export function parseLocated(text: string): { ok: true; value: unknown; located: LocatedDoc } | { ok: false; problems: SyntaxProblem[] } {
  const deep = tooDeep(text);
  if (deep) return { ok: false, problems: [deep] };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { ...(pos ? { line: pos.line, col: pos.col } : {}), message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
      }),
    };
  }
  const lossy = lossyNumbers(doc, lc);
  if (lossy.length > 0) return { ok: false, problems: lossy };
  keepAsWritten(doc);
  const located: LocatedDoc = {
    doc,
    at(path) {
      const offset = offsetOf(doc, path);
      return lc.linePos(offset);
    },
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // yaml refuses documents whose aliases expand too far ("billion laughs"): a message, not a crash
    if (!/alias/i.test((err as Error).message)) throw err;
    return { ok: false, problems: [{ message: `the aliases (*name) expand to too many values (more than ${MAX_ALIASES} alias uses): refused as an alias bomb; write the values out` }] };
  }
  return { ok: true, value, located };
}

/**
 * Numbers a JavaScript number does not hold as written (.nan, .inf, 1e400, which would be NaN or Infinity and be
 * quoted back as null) are kept as the text written, so that a message quotes them as written and the amount
 * reader refuses them as it refuses them anywhere (issue 34).
 */
function keepAsWritten(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value) && typeof node.source === 'string') node.value = node.source;
    },
  });
}

/** Deepest nesting of flow collections ([…], {…}) a file may have: far beyond a real one, far below the stack. */
export const MAX_YAML_DEPTH = 64;

/**
 * A file nested deeper than MAX_YAML_DEPTH in flow collections, refused before the parser recurses into it
 * ("Maximum call stack size exceeded" otherwise); quoted text and comments are passed over.
 */
function tooDeep(text: string): SyntaxProblem | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (c === '"' && text[i] === '\\') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return { line, col: i - lineStart + 1, message: `nested deeper than ${MAX_YAML_DEPTH} levels: not read` };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

/** A path as people read it: cases[2].expect.gz-2025-ecommerce/scale-tier.2025.status */
export function pathText(path: readonly PathStep[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top)';
}

/** "years.2025.onlineRetailSales" / "lists[0].list" → steps. */
export function pathSteps(text: string): PathStep[] {
  const out: PathStep[] = [];
  for (const part of text.split('.')) {
    if (part === '') continue;
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function offsetOf(doc: Document, path: readonly PathStep[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!item) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * Plain numbers that a JavaScript number cannot hold exactly (more than about 15 significant digits): money must
 * never be rounded on the way in, so such a number has to be written in quotes.
 */
function lossyNumbers(doc: Document, lc: LineCounter): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'number' || typeof node.source !== 'string') return;
      const written = parseAmount(node.source.replace(/_/g, ''));
      const read = parseAmount(node.value);
      if (written.ok && read.ok && written.fen !== read.fen) {
        const pos = lc.linePos(node.range?.[0] ?? 0);
        out.push({ ...pos, message: `the number ${node.source} cannot be read exactly; write it in quotes ("${node.source}")` });
      }
    },
  });
  return out;
}


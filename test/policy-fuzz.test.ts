/**
 * Random policy files into the loader (fast-check): a valid file changed at random places — a value replaced by
 * any JSON value, a key removed or added — gives a valid policy or located problems (a line and a column each),
 * never an exception. The file is parsed as the CLI parses it (located-yaml), from YAML text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseLocated, type PathStep } from '../src/io/located-yaml.js';
import { checkPolicy } from '../src/policy-file/load.js';
import { normText } from '../src/policies/quote.js';
import { TEXT as RAW, VALID } from './helpers/policy.js';

const TEXT = normText(RAW);
const BASE = parse(VALID) as Record<string, unknown>;

/** Every path to a value of the document. */
function paths(v: unknown, at: PathStep[] = []): PathStep[][] {
  const out: PathStep[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
const ALL = paths(BASE).filter((p) => p.length > 0);

type Change = { path: PathStep[]; op: 'set'; value: unknown } | { path: PathStep[]; op: 'delete' } | { path: PathStep[]; op: 'add'; key: string; value: unknown };

function apply(doc: unknown, c: Change): unknown {
  const copy = structuredClone(doc) as Record<PropertyKey, unknown>;
  let parent: Record<PropertyKey, unknown> = { root: copy };
  let key: PropertyKey = 'root';
  for (const step of c.path) {
    const next = parent[key];
    if (!next || typeof next !== 'object') return copy; // an earlier change removed the way there
    parent = next as Record<PropertyKey, unknown>;
    key = step;
  }
  if (c.op === 'set') parent[key] = c.value;
  else if (c.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[c.key] = c.value;
  }
  return copy;
}

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('5亿', '400万', '0.6‰', '5%', '150%', '-1', '1e400', 'abc', '', '2025-13-40', 'per-step', 'onlineRetailSales', [], {}, null, ['5000万', '1亿'], ['1亿', '5000万']),
);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ path: fc.constantFrom(...ALL), op: fc.constant('set' as const), value }),
  fc.record({ path: fc.constantFrom(...ALL), op: fc.constant('delete' as const) }),
  fc.record({ path: fc.constantFrom(...ALL), op: fc.constant('add' as const), key: fc.constantFrom('__proto__', 'constructor', 'x', 'quote', 'kind', 'jump', 'lists'), value }),
);

describe('the policy loader under random files', () => {
  it('gives a policy, or problems each with a line and a column; never throws', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        let doc: unknown = BASE;
        for (const c of changes) doc = apply(doc, c);
        const text = stringify(doc);
        const parsed = parseLocated(text);
        if (!parsed.ok) {
          for (const p of parsed.problems) expect(typeof p.message).toBe('string');
          return;
        }
        const problems: { line: number; col: number; message: string }[] = [];
        const out = checkPolicy(parsed.value, TEXT, { lang: 'zh' }, (path, s) => problems.push({ ...parsed.located.at(path), message: s.zh }));
        if (out) expect(problems).toEqual([]);
        else {
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.col).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(3);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the unchanged file is valid', () => {
    const parsed = parseLocated(VALID);
    expect(parsed.ok).toBe(true);
    const problems: unknown[] = [];
    expect(checkPolicy((parsed as { value: unknown }).value, TEXT, { lang: 'en' }, (p, s) => problems.push([p, s]))).not.toBeNull();
    expect(problems).toEqual([]);
  });
});

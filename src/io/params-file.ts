/**
 * Reads a parameter override file (SPEC §5, YAML or JSON): parses it with line positions, validates it, and
 * hashes its bytes, as every output records. Problems name the file, the line and the field's path.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Interpretation } from '../engine/interpretation.js';
import { validateOverrides } from '../engine/overrides.js';
import type { Overrides } from '../engine/ruleset.js';
import { parseLocated, type PathStep } from './located-yaml.js';

/** A problem with a file a command was given to read (a scenario file, a parameters file). */
export interface FileProblem {
  file: string;
  line?: number;
  col?: number;
  /** The field, as a path from the top of the file. */
  path?: string;
  message: string;
}

/** "fixtures/x.yaml:14:7: cases[2].expect: unknown measure …" */
export function formatFileProblem(p: FileProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}${p.col !== undefined ? `:${p.col}` : ''}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** A parameters file: its name and the SHA-256 of its bytes. */
export interface ParamsSource {
  file: string;
  sha256: string;
}

export interface ParamsOk {
  ok: true;
  overrides: Overrides;
  interpretation: Partial<Interpretation>;
  /** Null for an override document written inline (in a scenario file). */
  source: ParamsSource | null;
}
export type ParamsRead = ParamsOk | { ok: false; problems: FileProblem[] };

export async function readParamsFile(file: string): Promise<ParamsRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { ok: false, problems: [{ file, message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  const parsed = parseLocated(bytes.toString('utf8'));
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ file, ...p })) };
  // an empty file (or comments only) overrides nothing: most likely the wrong file, refused rather than run as published
  if (parsed.value === null || parsed.value === undefined) return { ok: false, problems: [{ file, message: 'the file is empty (or holds only comments): it overrides nothing; give overrides (parameters:, interpretation:), or leave out --params' }] };
  const r = checkOverrides(parsed.value, (path) => ({ file, ...parsed.located.at(path) }));
  return r.ok ? { ...r, source: { file, sha256: createHash('sha256').update(bytes).digest('hex') } } : r;
}

/**
 * Validates an override document; each problem is placed by `where` from the path validateOverrides names, and
 * named with `prefix` before it (where the document sits inside another file).
 */
export function checkOverrides(doc: unknown, where: (path: PathStep[]) => { file: string; line: number; col: number }, prefix = ''): ParamsRead {
  const checked = validateOverrides(doc);
  if (checked.ok) return { ok: true, overrides: checked.value.parameters, interpretation: checked.value.interpretation, source: null };
  return {
    ok: false,
    problems: checked.errors.map((error) => {
      // "parameters.gz-2025-ecommerce/scale-tier.thresholds: expected 5 values …" (refs hold no dots)
      const cut = error.indexOf(': ');
      const field = cut > 0 ? error.slice(0, cut) : '(top)';
      return { ...where(field === '(top)' ? [] : field.split('.')), path: prefix && field === '(top)' ? prefix : prefix + (prefix ? '.' : '') + field, message: cut > 0 ? error.slice(cut + 2) : error };
    }),
  };
}

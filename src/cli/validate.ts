/**
 * gz-awards validate FILE…: reads input as batch would and reports every problem of every record (ids,
 * districts, numbers, years, columns, duplicates) without computing anything. Exit 0 when every record can be
 * read, 3 when some cannot.
 */
import { once } from 'node:events';
import { z } from 'zod';
import type { Problem } from '../domain/problem.js';
import { forEachRecord } from '../batch/records.js';
import type { StreamOptions } from '../io/stream.js';
import { t } from '../render/messages.js';
import { EXIT, formatNote, formatProblem, say } from './common.js';
import { langSchema } from './lang-schema.js';
import { loadPolicies } from './params.js';

/** The options of the streaming reader (batch and validate), as parsed from the command line. */
export const readerShape = {
  lenientId: z.boolean().default(false),
  strict: z.boolean().default(false),
  encoding: z.enum(['auto', 'utf8', 'gb18030', 'gbk', 'utf16']).default('auto'),
  unit: z.enum(['元', '万元', '亿元']).default('元'),
  inputFormat: z.enum(['auto', 'csv', 'json', 'jsonl']).default('auto'),
  sheet: z.string().optional(),
};

/** Those options as the reader takes them. */
export function streamOptionsOf(o: { lenientId: boolean; strict: boolean; encoding: StreamOptions['encoding']; unit: StreamOptions['unit']; inputFormat: StreamOptions['format']; sheet?: string | undefined }): StreamOptions {
  return { encoding: o.encoding, unit: o.unit, lenientId: o.lenientId, strict: o.strict, format: o.inputFormat, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}) };
}

const options = z.object({ lang: langSchema, policy: z.array(z.string()).default([]), ...readerShape });

export async function validate(files: string[], raw: unknown): Promise<number> {
  const o = options.parse(raw);
  await loadPolicies({ files: o.policy, lang: o.lang }); // the inputs its files declare are read as the built-ins
  const counts = { records: 0, valid: 0, rejected: 0, warnings: 0, fileErrors: 0 };
  // problems go out a block at a time (a string per block, not a write per problem)
  let text = '';
  const show = (p: Problem) => {
    text += formatProblem(p, o.lang) + '\n';
    if (p.severity === 'warning') counts.warnings++;
  };
  await forEachRecord(files, { ...streamOptionsOf(o), checkOnly: true }, {
    fileNotes(file, notes) {
      for (const n of notes) text += formatNote(file, n, o.lang) + '\n';
    },
    fileProblems(_file, problems) {
      for (const p of problems) {
        show(p);
        if (p.severity !== 'warning') counts.fileErrors++;
      }
    },
    record(_file, r) {
      r.problems.forEach(show);
      counts.records++;
      if (r.enterprise) counts.valid++;
      else counts.rejected++;
    },
    async afterBlock() {
      if (text && !say(text)) await once(process.stderr, 'drain');
      text = '';
    },
  });
  say(t({ key: 'validate.counts', args: counts }, o.lang) + '\n');
  // as batch: when every file was refused and no record read, it is an input error (2), not rejected rows (3)
  if (counts.fileErrors >= files.length && counts.records === 0) return EXIT.usage;
  return counts.rejected > 0 || counts.fileErrors > 0 ? EXIT.rejected : EXIT.ok;
}

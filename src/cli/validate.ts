/**
 * gz-awards validate FILE…: reads input as batch would and reports every problem of every record (ids,
 * districts, numbers, years, columns, duplicates) without computing anything. Exit 0 when every record can be
 * read, 3 when some cannot.
 */
import { z } from 'zod';
import { streamRecords, type StreamOptions } from '../io/stream.js';
import { t } from '../render/messages.js';
import { EXIT, formatNote, formatProblem, langSchema } from './common.js';

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

const options = z.object({ lang: langSchema, ...readerShape });

export async function validate(files: string[], raw: unknown): Promise<number> {
  const o = options.parse(raw);
  const counts = { records: 0, valid: 0, rejected: 0, warnings: 0, fileErrors: 0 };
  for await (const ev of streamRecords(files, streamOptionsOf(o))) {
    if (ev.type === 'file-notes') {
      for (const n of ev.notes) process.stderr.write(formatNote(ev.file, n, o.lang) + '\n');
      continue;
    }
    for (const p of ev.problems) {
      process.stderr.write(formatProblem(p, o.lang) + '\n');
      if (p.severity === 'warning') counts.warnings++;
      else if (ev.type === 'file-error') counts.fileErrors++;
    }
    if (ev.type !== 'record') continue;
    counts.records++;
    if (ev.enterprise) counts.valid++;
    else counts.rejected++;
  }
  process.stderr.write(t({ key: 'validate.counts', args: counts }, o.lang) + '\n');
  return counts.rejected > 0 || counts.fileErrors > 0 ? EXIT.rejected : EXIT.ok;
}

/**
 * gz-awards diff FILE… --params NEW [--base-params OLD]: the same enterprises, streamed, evaluated under both
 * parameter sets; who gains and who loses, totals before and after by district and by measure, the largest
 * changes. --fail-on-change exits 1 when any result differs (for CI); rejected records make it exit 3.
 */
import { z } from 'zod';
import { DiffAccumulator, anyChange } from '../diff/compare.js';
import type { Problem } from '../domain/problem.js';
import { makeDiffProcessor, type DiffBlock, type DiffRecord } from '../batch/diff-block.js';
import { forEachBlockRecord } from '../batch/records.js';
import type { DiffSetup } from '../batch/types.js';
import type { StreamOptions } from '../io/stream.js';
import { writeFileAtomic } from '../io/sink.js';
import { diffCsv, diffJson, renderDiffTable, type DiffMeta } from '../render/diff.js';
import { t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { EXIT, formatNote, formatProblem, paintFor, runOptionsOf, say, UsageError, warnYearsOutside, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { refuseFormatMismatch, refuseSameFiles } from './outputs.js';
import { loadParams } from './params.js';
import { readerShape, streamOptionsOf } from './validate.js';

export const diffOptions = z.object({
  params: z.string().optional(),
  baseParams: z.string().optional(),
  policy: z.array(z.string()).default([]),
  policyNew: z.array(z.string()).default([]),
  format: z.enum(['table', 'json', 'csv']).default('table'),
  out: z.string().optional(),
  top: z.coerce.number().int().min(0).max(10_000).default(10),
  failOnChange: z.boolean().default(false),
  lang: langSchema,
  year: z.string().optional(),
  years: z.string().optional(),
  interpret: z.string().optional(),
  ...readerShape,
  jobs: z.coerce.number().int().min(1).max(64).default(1),
});

/** Problems printed on stderr before the rest are only counted. */
const PRINT_LIMIT = 20;

export async function diff(files: string[], raw: unknown): Promise<number> {
  const parsed = diffOptions.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('\n'));
  const o = parsed.data;
  if (o.params === undefined && o.policyNew.length === 0) {
    throw new UsageError(o.lang === 'zh' ? 'diff 需要 --params FILE（要与基准比较的参数集）或 --policy-new FILE（要测算的政策草案）' : 'diff needs --params FILE (the parameter set to compare with the baseline) or --policy-new FILE (the draft policy to cost)');
  }
  if (o.out) {
    refuseFormatMismatch('--out', o.out, o.format, o.format === 'table' ? ['text', 'md'] : [o.format]);
    const inputs = [...files.map((path) => ({ flag: 'input', path })), ...(o.params ? [{ flag: '--params', path: o.params }] : []), ...(o.baseParams ? [{ flag: '--base-params', path: o.baseParams }] : [])];
    await refuseSameFiles(inputs, [{ flag: '--out', path: o.out }]);
  }
  // the baseline: the built-ins with --policy files; the draft: the same with --policy-new files over them (a file
  // with an id already there replaces it, a new id adds a document: every award it makes is a gain)
  const base = await loadParams(o.baseParams, '--base-params', { files: o.policy, lang: o.lang });
  const next = await loadParams(o.params, '--params', { files: o.policyNew, lang: o.lang, flag: '--policy-new' });
  const runBase = runOptionsOf(o, base.interpretation);
  const runNext = runOptionsOf(o, next.interpretation);
  warnYearsOutside(runNext.years, next.ruleSet, o.lang);
  const measures = next.ruleSet.policies.flatMap((p) => p.measures.map((m) => m.ref));
  const acc = new DiffAccumulator(measures, o.top);
  const stream: StreamOptions = streamOptionsOf(o);

  const records = { read: 0, compared: 0, rejected: 0 };
  let fileErrors = 0;
  let printed = 0;
  const report = (p: Problem) => {
    if (printed++ < PRINT_LIMIT) say(formatProblem(p, o.lang) + '\n');
  };
  const diffSetup: DiffSetup = {
    kind: 'diff',
    stream,
    ...(o.baseParams ? { baseParams: o.baseParams } : {}),
    ...(o.params ? { params: o.params } : {}),
    ...(o.policy.length ? { policies: o.policy } : {}),
    ...(o.policyNew.length ? { policyNew: o.policyNew } : {}),
    lang: o.lang,
    base: { interpretation: runBase.interpretation, years: runBase.years ? [...runBase.years] : null, all: runBase.all },
    next: { interpretation: runNext.interpretation, years: runNext.years ? [...runNext.years] : null, all: runNext.all },
  };
  // the same block processor inline (one job) or on worker threads (--jobs N): the same report either way
  const inline = o.jobs === 1 ? await makeDiffProcessor(diffSetup, { base, next }) : null;
  const pool = inline ? null : new (await import('../batch/pool.js')).WorkerPool<DiffBlock>(o.jobs, diffSetup);
  try {
    // a block computed inline is folded at once, as batch's: queued three deep, its records outlived young-generation
    // collections and filled the old one (a fifth of diff's time went to collecting)
    await forEachBlockRecord<DiffRecord>(files, stream, (task) => (inline ? Promise.resolve(inline(task)) : pool!.run(task)), inline ? 0 : Math.max(2, o.jobs * 3), {
      fileNotes(file, notes) {
        for (const n of notes) say(formatNote(file, n, o.lang) + '\n');
      },
      fileProblems(_file, problems) {
        if (problems.some((p) => p.severity === 'error')) fileErrors++;
        problems.forEach(report);
      },
      record(_file, r, accepted) {
        records.read++;
        r.problems.forEach(report);
        if (!accepted) {
          records.rejected++;
          return;
        }
        records.compared++;
        acc.addPiece(r.piece!);
      },
    });
  } finally {
    await pool?.close();
  }
  if (printed > PRINT_LIMIT) say(t({ key: 'diff.more-problems', args: { n: printed - PRINT_LIMIT } }, o.lang) + '\n');
  if (records.compared === 0 && fileErrors > 0) return EXIT.usage;

  const result = acc.result();
  const changed = anyChange(result);
  const meta: DiffMeta = {
    base: base.meta.params ?? null,
    next: next.meta.params ?? null,
    interpretation: { base: runBase.interpretation, next: runNext.interpretation },
    records,
    ...(o.policy.length || o.policyNew.length ? { policies: { base: o.policy, next: [...o.policy, ...o.policyNew] } } : {}),
  };
  const text =
    o.format === 'json'
      ? toJson(diffJson(result, meta, changed)) + '\n'
      : o.format === 'csv'
        ? diffCsv(result, meta)
        : renderDiffTable(result, meta, o.lang, o.top, o.out ? undefined : await paintFor(process.stdout));
  if (o.out) await writeFileAtomic(o.out, text);
  else await writeOut(text, o.format === 'table');
  if (o.out || o.format !== 'table') say(t({ key: 'diff.records', args: records }, o.lang) + '\n');

  if (o.failOnChange && changed) {
    say(t({ key: 'diff.fail-on-change' }, o.lang) + '\n');
    return EXIT.failed;
  }
  return records.rejected > 0 || fileErrors > 0 ? EXIT.rejected : EXIT.ok;
}

/**
 * gz-awards batch FILE…: a district's enterprises, streamed: an award table (wide) or every result (long) as CSV,
 * JSON, JSON Lines or XLSX, a summary by district and measure, and a report of the rejected rows. Every input
 * record ends up exactly once in the output or in the rejects; the counts say so.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { resolveDistrict } from '../domain/districts.js';
import type { Lang } from '../domain/labels.js';
import type { Problem } from '../domain/problem.js';
import { RecordLedger, rawBlocks, type At, type StreamOptions } from '../io/stream.js';
import type { ColumnPlan } from '../io/row.js';
import { awardColumns, awardHeader } from '../render/award-table.js';
import { csvLine, LONG_HEADER, UTF8_BOM } from '../render/csv.js';
import { t } from '../render/messages.js';
import { renderSummaryTable, runInfoCells, Summary, summaryCells, summaryJson, summaryMeasures, type RunInfo } from '../render/summary.js';
import { toJson } from '../render/output.js';
import { makeProcessor, type BatchSetup, type BlockOut, type BlockTask, type Layout, type OutFormat, type XCell } from './batch-core.js';
import { TextSink, XlsxSink, type RowSink } from './batch-out.js';
import { EXIT, formatProblem, langSchema, runOptionsOf, UsageError } from './common.js';
import { loadParams } from './params.js';
import { progressBar } from './progress.js';
import { readerShape, streamOptionsOf } from './validate.js';

export const batchOptions = z.object({
  out: z.string().optional(),
  format: z.enum(['csv', 'json', 'jsonl', 'xlsx']).optional(),
  layout: z.enum(['long', 'wide']).default('wide'),
  district: z.string().optional(),
  year: z.string().optional(),
  years: z.string().optional(),
  all: z.boolean().default(false),
  interpret: z.string().optional(),
  params: z.string().optional(),
  lang: langSchema,
  ...readerShape,
  jobs: z.coerce.number().int().min(1).max(64).default(1),
  summary: z.string().optional(),
  rejects: z.string().optional(),
  progress: z.boolean().default(true),
});
export type BatchOptions = z.infer<typeof batchOptions>;

/** Problems printed on stderr before the rest is only counted (all of them go to --rejects FILE). */
const PRINT_LIMIT = 20;

const FORMAT_BY_EXT: Record<string, OutFormat> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx' };

export async function batch(files: string[], raw: unknown): Promise<number> {
  const o = parseOptions(raw);
  const format = outputFormat(o);
  const { ruleSet, interpretation, meta } = await loadParams(o.params);
  const run = runOptionsOf(o, interpretation);
  const districts = o.district ? districtsOf(o.district) : null;
  const stream: StreamOptions = streamOptionsOf(o);
  const setup: BatchSetup = {
    format,
    layout: o.layout,
    lang: o.lang,
    interpretation: run.interpretation,
    years: run.years ? [...run.years] : null,
    all: run.all,
    districts,
    stream,
    ...(o.params ? { params: o.params } : {}),
  };
  const cols = awardColumns(ruleSet, run.years);
  const lang = o.lang;
  const out = await openOutput(o.out ?? null, format, o.layout, awardHeader(cols, lang), lang);
  const rejects = o.rejects ? openRejects(o.rejects) : null;
  const summary = new Summary(summaryMeasures(ruleSet));
  const counts = { records: 0, output: 0, rejected: 0, skipped: 0, warnings: 0, fileErrors: 0, printed: 0, warningsPrinted: 0 };
  const ledger = new RecordLedger(files);

  const totalBytes = await sizeOf(files);
  const progress = await progressBar(totalBytes, o.progress);
  let bytesBefore = 0; // bytes of the files before the current one
  let current = 0;
  let lastRead = 0;

  const inline = o.jobs === 1 ? makeProcessor(setup, ruleSet, meta) : null;
  const pool = inline ? null : new (await import('./batch-pool.js')).WorkerPool(o.jobs, setup);
  const runTask = (task: BlockTask): Promise<BlockOut> => (inline ? Promise.resolve(inline.run(task)) : pool!.run(task));

  type Queued = { fileIndex: number; csv: boolean; indexed: boolean; result: Promise<BlockOut> } | { fileIndex: number; apply: () => void };
  const queue: Queued[] = [];
  const inFlight = Math.max(2, o.jobs * 3);
  const plans = new Map<number, ColumnPlan>();

  const report = (p: Problem) => {
    if (p.severity === 'warning') {
      counts.warnings++;
      if (counts.warningsPrinted++ < PRINT_LIMIT) process.stderr.write(formatProblem(p, lang) + '\n');
    } else if (!rejects || counts.printed++ < PRINT_LIMIT) process.stderr.write(formatProblem(p, lang) + '\n');
  };

  const fold = async (q: Queued) => {
    if ('apply' in q) return q.apply();
    const b = await q.result;
    const file = files[q.fileIndex]!;
    // CSV rows are relative to the block: place them in the file
    const base = q.csv ? ledger.csvBase(q.fileIndex, b.rows) : 0;
    if (!q.csv) ledger.setIndexed(q.fileIndex, q.indexed);
    const place = (p: Problem) => {
      p.file = file;
      if (q.csv) p.row = (p.row ?? 0) + base;
    };
    const at = (pos: number): At => (q.csv ? { row: pos + base } : q.indexed ? { index: pos } : { row: pos });
    counts.records += b.records;
    const warnings = new Map(b.warnings);
    for (const [, ps] of b.warnings) ps.forEach(place);
    // duplicates: the accepted records whose id was seen before leave the output for the rejects
    const dups = new Map<number, Problem>();
    for (let i = 0; i < b.ids.length; i++) {
      const pos = at(b.ats[i]!);
      const dup = ledger.duplicate(q.fileIndex, pos, b.ids[i]!);
      if (dup) dups.set(i, dup);
    }
    for (let i = 0, c = 0; i < b.ids.length; i++) {
      const len = b.contrib[c]!;
      if (!dups.has(i)) {
        counts.output++;
        summary.add(b.contrib.slice(c + 1, c + 1 + len).map((x, j) => (j > 0 && j % 2 === 0 ? BigInt(x) : x)));
        for (const p of warnings.get(i) ?? []) report(p);
      }
      c += 1 + len;
    }
    if (dups.size) {
      // the rejected duplicates, with their positions relative to the block like the others, in input order
      for (const [i, dup] of dups) b.others.push({ at: q.csv ? { row: b.ats[i]! } : at(b.ats[i]!), id: b.ids[i]!, problems: [...(warnings.get(i) ?? []), { ...dup, row: dup.row === undefined ? undefined : dup.row - base } as Problem] });
      b.others.sort((x, y) => (x.at.row ?? x.at.index ?? 0) - (y.at.row ?? y.at.index ?? 0));
    }
    for (const r of b.others) {
      if (q.csv) r.at.row = r.at.row! + base;
      r.problems.forEach(place);
      if (r.skipped) {
        counts.skipped++;
        continue;
      }
      counts.rejected++;
      for (const p of r.problems) report(p);
      if (rejects) await rejects.writeText(rejectLine(rejects.kind, file, r.at, r.id, r.problems, lang));
    }
    await out.write(dups.size === 0 ? b : withoutDuplicates(b, dups));
  };

  try {
    for await (const ev of rawBlocks(files, stream)) {
      let q: Queued | null = null;
      switch (ev.kind) {
        case 'csv-start':
          plans.set(ev.fileIndex, ev.plan);
          q = { fileIndex: ev.fileIndex, apply: () => ledger.startCsv(ev.fileIndex, ev.headerRow) };
          break;
        case 'csv':
          q = { fileIndex: ev.fileIndex, csv: true, indexed: false, result: runTask({ kind: 'csv', text: ev.text, plan: plans.get(ev.fileIndex)! }) };
          break;
        case 'json':
          q = { fileIndex: ev.fileIndex, csv: false, indexed: ev.indexed, result: runTask({ kind: 'json', items: ev.items }) };
          break;
        case 'file-problems':
          q = {
            fileIndex: ev.fileIndex,
            apply: () => {
              for (const p of ev.problems) {
                if (p.severity === 'error') counts.fileErrors++;
                else counts.warnings++;
                process.stderr.write(formatProblem(p, lang) + '\n');
              }
            },
          };
          break;
        case 'file-notes':
          q = { fileIndex: ev.fileIndex, apply: () => ev.notes.forEach((n) => process.stderr.write(`${ev.file}: ${t(n, lang)}\n`)) };
          break;
        case 'bytes':
          if (ev.fileIndex !== current) {
            bytesBefore += lastRead;
            current = ev.fileIndex;
          }
          lastRead = ev.read;
          progress.update(counts.records, bytesBefore + ev.read);
          break;
      }
      if (!q) continue;
      queue.push(q);
      while (queue.length > inFlight) await fold(queue.shift()!);
    }
    while (queue.length) await fold(queue.shift()!);
  } catch (err) {
    progress.stop();
    await out.abort();
    await rejects?.abort();
    await pool?.close();
    throw err;
  }
  progress.stop();
  await pool?.close();

  const fileCount = files.length;
  if (counts.fileErrors >= fileCount && counts.records === 0) {
    await out.abort();
    await rejects?.abort();
    process.stderr.write(t({ key: 'batch.nothing-read' }, lang) + '\n');
    return EXIT.usage;
  }
  const info: RunInfo = { interpretation: setup.interpretation, params: meta.params };
  await out.close({ name: lang === 'zh' ? '汇总' : 'summary', rows: summaryCells(summary, lang) }, { name: lang === 'zh' ? '运行信息' : 'run', rows: runInfoCells(info, lang).slice(1) });
  await rejects?.close();
  if (o.summary) await writeSummary(o.summary, summary, lang, info);

  process.stderr.write(renderSummaryTable(summary, lang));
  if (meta.params) process.stderr.write(runInfoCells(info, lang)[2]!.join(lang === 'zh' ? '：' : ': ') + '\n');
  if (rejects && counts.printed > PRINT_LIMIT) process.stderr.write(t({ key: 'batch.more-problems', args: { n: counts.printed - PRINT_LIMIT, file: o.rejects! } }, lang) + '\n');
  if (counts.warningsPrinted > PRINT_LIMIT) process.stderr.write(t({ key: 'batch.more-warnings', args: { n: counts.warningsPrinted - PRINT_LIMIT } }, lang) + '\n');
  process.stderr.write(t({ key: 'batch.counts', args: { ...counts, rejectsFile: o.rejects ?? '' } }, lang) + '\n');
  return counts.rejected > 0 || counts.fileErrors > 0 ? EXIT.rejected : EXIT.ok;
}

function parseOptions(raw: unknown): BatchOptions {
  const r = batchOptions.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UsageError(`--${String(issue.path[0] ?? '')}: ${issue.message}`);
  }
  return r.data;
}

function outputFormat(o: BatchOptions): OutFormat {
  if (o.format) {
    if (o.format === 'xlsx' && !o.out) throw new UsageError('--format xlsx needs --out FILE.xlsx (a workbook is not written to standard output)');
    return o.format;
  }
  if (!o.out) return 'csv';
  const f = FORMAT_BY_EXT[extname(o.out).toLowerCase()];
  if (!f) throw new UsageError(`--out ${o.out}: the format comes from the extension (.csv, .json, .jsonl, .xlsx), or give --format`);
  return f;
}

function districtsOf(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const d = resolveDistrict(s);
      if (!d) throw new UsageError(`--district: "${s}" is not one of Guangzhou's 11 districts (越秀 海珠 荔湾 天河 白云 黄埔 番禺 花都 南沙 从化 增城, or Tianhe …)`);
      return d;
    });
}

async function sizeOf(files: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const f of files) {
    if (f === '-') return null;
    try {
      total += (await stat(f)).size;
    } catch {
      /* reported when read */
    }
  }
  return total;
}

async function openOutput(file: string | null, format: OutFormat, layout: Layout, wideHeader: string[], lang: Lang): Promise<RowSink> {
  const header = layout === 'wide' ? wideHeader : [...LONG_HEADER];
  switch (format) {
    case 'csv':
      return new TextSink(file, { open: UTF8_BOM + csvLine(header), close: '' });
    case 'jsonl':
      return new TextSink(file, { open: '', close: '' });
    case 'json':
      return new TextSink(file, { open: '[', close: '\n]\n', leadingComma: true });
    case 'xlsx': {
      const money = layout === 'wide' ? (i: number) => i >= 3 && i < header.length - 1 : (i: number) => i === 10;
      return XlsxSink.open(file!, lang === 'zh' ? '奖励' : 'awards', header, money);
    }
  }
}

/** The rejected-rows report: CSV (with BOM) unless the name ends in .json or .jsonl. */
function openRejects(file: string): TextSink & { kind: 'csv' | 'json' | 'jsonl' } {
  const ext = extname(file).toLowerCase();
  const kind: 'csv' | 'json' | 'jsonl' = ext === '.json' ? 'json' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'csv';
  const sink =
    kind === 'csv'
      ? new TextSink(file, { open: UTF8_BOM + csvLine(['file', 'row', 'index', 'id', 'problems']), close: '' })
      : kind === 'json'
        ? new TextSink(file, { open: '[', close: '\n]\n', leadingComma: true })
        : new TextSink(file, { open: '', close: '' });
  return Object.assign(sink, { kind });
}

/** The block's output without the records at the indexes of `dups`. */
function withoutDuplicates(b: BlockOut, dups: ReadonlyMap<number, unknown>): BlockOut {
  let text = '';
  const xrows: XCell[][] = [];
  for (let i = 0; i < b.ids.length; i++) {
    if (dups.has(i)) continue;
    if (b.ends.length) text += b.text.slice(i === 0 ? 0 : b.ends[i - 1], b.ends[i]);
    if (b.xends.length) xrows.push(...b.xrows.slice(i === 0 ? 0 : b.xends[i - 1], b.xends[i]));
  }
  return { ...b, text, xrows };
}

/** One line of the rejected-rows report: where the record is, its id as written, and every error. */
function rejectLine(kind: 'csv' | 'json' | 'jsonl', file: string, at: At, id: string | null, problems: Problem[], lang: Lang): string {
  const errors = problems.filter((p) => p.severity === 'error');
  if (kind !== 'csv') {
    const json = toJson({ file, ...at, id, problems: errors.map((p) => ({ path: p.path, key: p.expected.key, message: t(p.expected, lang), ...(p.received !== undefined ? { received: p.received } : {}) })) }, false);
    return kind === 'jsonl' ? json + '\n' : ',\n' + json;
  }
  const text = errors.map((p) => problemText(p, lang)).join(' | ');
  return csvLine([file, at.row === undefined ? '' : String(at.row), at.index === undefined ? '' : String(at.index), id ?? '', text]);
}

/** A problem without its file and row (the report has columns for those): "column: what was expected (found …)". */
function problemText(p: Problem, lang: Lang): string {
  const found = p.received === undefined ? '' : lang === 'zh' ? `（实为“${p.received}”）` : ` (found "${p.received}")`;
  return `${p.path ? p.path + (lang === 'zh' ? '：' : ': ') : ''}${t(p.expected, lang)}${found}`;
}

async function writeSummary(file: string, s: Summary, lang: Lang, info: RunInfo): Promise<void> {
  const json = /\.json$/i.test(file);
  const sink = new TextSink(file, { open: '', close: '' });
  await sink.writeText(json ? toJson(summaryJson(s, info)) + '\n' : UTF8_BOM + summaryCells(s, lang).map(csvLine).join(''));
  await sink.close();
}

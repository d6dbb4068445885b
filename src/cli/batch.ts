/**
 * gz-awards batch FILE…: a district's enterprises, streamed: an award table (wide) or every result (long) as CSV,
 * JSON, JSON Lines or XLSX, a summary by district and measure, and a report of the rejected rows. Every input
 * record ends up exactly once in the output or in the rejects; the counts say so. A thin command: it parses the
 * options, runs the pipeline (src/batch/) and reports.
 */
import { extname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { z } from 'zod';
import { PRINT_LIMIT, runBatch } from '../batch/pipeline.js';
import { runRecordPath, runRecordsOf } from '../batch/run-record-file.js';
import { glanceAggregators, type GlancePaths } from '../batch/glance.js';
import { parseNearShare } from '../batch/near.js';
import type { BatchSetup, OutFormat } from '../batch/types.js';
import { rejectsKind } from '../batch/write.js';
import { yearLines } from '../batch/year-totals.js';
import { resolveDistrict } from '../domain/districts.js';
import { t } from '../render/messages.js';
import { renderSummaryTable } from '../render/summary.js';
import { runSentence } from '../render/run-record.js';
import { EXIT, runOptionsOf, say, UsageError, warnYearsOutside } from './common.js';
import { langSchema } from './lang-schema.js';
import { refuseFormatMismatch, refuseSameFiles } from './outputs.js';
import { loadParams } from './params.js';
import { readerShape, streamOptionsOf } from './validate.js';
import { blockSizeFor } from '../batch/read.js';

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
  policy: z.array(z.string()).default([]),
  lang: langSchema,
  ...readerShape,
  jobs: z.coerce.number().int().min(1).max(64).default(1),
  summary: z.string().optional(),
  rejects: z.string().optional(),
  progress: z.boolean().default(true),
  near: z.string().optional(),
  nearOut: z.string().optional(),
  report: z.string().optional(),
  displayUnit: z.enum(['元', '万元', '亿元']).default('万元'),
});
export type BatchOptions = z.infer<typeof batchOptions>;

const FORMAT_BY_EXT: Record<string, OutFormat> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx' };

export async function batch(files: string[], raw: unknown): Promise<number> {
  const o = parseOptions(raw);
  const format = outputFormat(o);
  const glance = glancePaths(o, format);
  await checkPaths(files, o, format, glance);
  const { ruleSet, interpretation, meta } = await loadParams(o.params, '--params', { files: o.policy, lang: o.lang });
  const run = runOptionsOf(o, interpretation);
  warnYearsOutside(run.years, ruleSet, o.lang);
  const setup: BatchSetup = {
    format,
    layout: o.layout,
    lang: o.lang,
    interpretation: run.interpretation,
    years: run.years ? [...run.years] : null,
    all: run.all,
    districts: o.district ? districtsOf(o.district) : null,
    stream: { ...streamOptionsOf(o), ...blockSizeFor(format) },
    ...(o.params ? { params: o.params } : {}),
    ...(o.policy.length ? { policies: o.policy } : {}),
    aggregators: ['summary', ...glanceAggregators({ near: !!o.near, report: !!o.report })],
    ...(o.near ? { near: o.near } : {}),
    displayUnit: o.displayUnit,
  };
  // A run to CSV or XLSX keeps its old generation growing by at most 50% a step (bin/gz-awards.js sets 100%): its
  // memory then stays flat from 100,000 rows to millions. JSON makes garbage faster: at 50% it spends 8–10% more
  // time in full collections, and keeps 100% (docs/performance.md, "What changed for speed and memory"). With --near and
  // --report, 50% costs 4 more full collections a million rows (some 20 ms) and saves 5 MB of peak memory.
  if (format === 'csv' || format === 'xlsx') setFlagsFromString('--heap-growing-percent=50');
  const lang = o.lang;
  const paths = { out: o.out ?? null, rejects: o.rejects ?? null, summary: o.summary ?? null, ...glance };
  const r = await runBatch({ files, setup, ruleSet, meta, paths, jobs: o.jobs, progress: o.progress });
  if (r.kind === 'nothing-read') {
    say(t({ key: 'batch.nothing-read' }, lang) + '\n');
    return EXIT.usage;
  }
  const { counts, summary, years, info } = r;
  say(yearLines(years, lang));
  say(renderSummaryTable(summary, lang));
  // how the run was made, in words, under the summary (and so for a CSV on standard output too)
  say(runSentence(info, lang));
  if (o.rejects && counts.printed > PRINT_LIMIT) say(t({ key: 'batch.more-problems', args: { n: counts.printed - PRINT_LIMIT, file: o.rejects } }, lang) + '\n');
  if (counts.warningsPrinted > PRINT_LIMIT) say(t({ key: 'batch.more-warnings', args: { n: counts.warningsPrinted - PRINT_LIMIT } }, lang) + '\n');
  say(t({ key: 'batch.counts', args: { ...counts, rejectsFile: o.rejects ?? '' } }, lang) + '\n');
  return counts.rejected > 0 || counts.fileErrors > 0 ? EXIT.rejected : EXIT.ok;
}

/** Before anything is read: no output is an input or another output, and every extension agrees with its format. */
async function checkPaths(files: readonly string[], o: BatchOptions, format: OutFormat, glance: GlancePaths): Promise<void> {
  if (o.out) refuseFormatMismatch('--out', o.out, format, [format]);
  // the rejects and the summary are real workbooks when named .xlsx
  if (o.rejects) refuseFormatMismatch('--rejects', o.rejects, rejectsKind(o.rejects), ['csv', 'json', 'jsonl', 'xlsx']);
  if (o.summary) refuseFormatMismatch('--summary', o.summary, /\.json$/i.test(o.summary) ? 'json' : 'csv', ['csv', 'json', 'xlsx']);
  const inputs = [...files.map((path) => ({ flag: 'input', path })), ...(o.params ? [{ flag: '--params', path: o.params }] : [])];
  const outputs = (['out', 'rejects', 'summary', 'nearOut', 'report'] as const).flatMap((k) => {
    const path = k === 'nearOut' ? glance.nearOut : k === 'report' ? glance.report : o[k];
    return path ? [{ flag: k === 'nearOut' ? '--near-out' : `--${k}`, path }] : [];
  });
  // a CSV's run record beside it is an output too
  for (const k of runRecordsOf({ out: o.out ?? null, summary: o.summary ?? null }, format)) outputs.push({ flag: `--${k}`, path: runRecordPath(o[k]!) });
  if (glance.nearOut && /\.csv$/i.test(glance.nearOut)) outputs.push({ flag: '--near-out', path: runRecordPath(glance.nearOut) });
  await refuseSameFiles(inputs, outputs);
}

/**
 * --near SHARE, --near-out FILE (.csv or .xlsx; by default beside --out: awards.csv → awards.near.csv, an
 * .xlsx table → .near.xlsx; required when the award table goes to standard output) and --report FILE.html.
 */
function glancePaths(o: BatchOptions, format: OutFormat): GlancePaths {
  const zh = o.lang === 'zh';
  const fail = (z: string, e: string): never => {
    throw new UsageError(zh ? z : e);
  };
  let nearOut: string | null = null;
  if (o.nearOut !== undefined && o.near === undefined) fail('--near-out 需与 --near 比例 一起使用（例如 --near 10%）', '--near-out needs --near SHARE (e.g. --near 10%)');
  if (o.near !== undefined) {
    if (!parseNearShare(o.near)) fail(`--near ${o.near}：比例应为大于 0、小于 100 的百分数，例如 --near 10%`, `--near ${o.near}: give the share as a percentage above 0 and below 100, e.g. --near 10%`);
    if (o.nearOut !== undefined) nearOut = o.nearOut;
    else if (o.out) nearOut = o.out.slice(0, o.out.length - extname(o.out).length) + (format === 'xlsx' ? '.near.xlsx' : '.near.csv');
    else fail('--near：奖励表输出到标准输出，请用 --near-out 文件.csv（或 .xlsx）指定潜力企业名单的文件', '--near: the award table goes to standard output, so give the potential list a file: --near-out FILE.csv (or .xlsx)');
    if (!/\.(csv|xlsx)$/i.test(nearOut!)) fail(`--near-out ${nearOut}：潜力企业名单只能写成 .csv 或 .xlsx`, `--near-out ${nearOut}: the potential list is written as .csv or .xlsx`);
  }
  if (o.report !== undefined && !/\.html?$/i.test(o.report)) fail(`--report ${o.report}：报告是 HTML 网页，文件名应以 .html 结尾`, `--report ${o.report}: the report is an HTML page; give a name ending in .html`);
  const taken = [o.out, o.rejects, o.summary].filter((x): x is string => !!x).map((x) => resolve(x));
  for (const [flag, file] of [['--near-out', nearOut], ['--report', o.report ?? null]] as const) {
    if (file && taken.includes(resolve(file))) fail(`${flag} ${file}：该文件已是本次运行的另一个输出`, `${flag} ${file}: that file is already another output of this run`);
    if (file) taken.push(resolve(file));
  }
  return { nearOut, report: o.report ?? null };
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
